// The converter Kafka Connect's worker builds for its internal topics (Worker's constructor):
// JsonConverter with schemas.enable=false, configured as a key or value converter.
package polyconnect.goldenstores;

import org.apache.kafka.connect.json.JsonConverter;

import java.util.Map;

final class StoreConverters {
    private StoreConverters() {
    }

    static JsonConverter internal(boolean isKey) {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false"), isKey);
        return converter;
    }
}
