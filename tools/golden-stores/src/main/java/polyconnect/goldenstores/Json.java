// JSON helpers for the golden files: records as base64 bytes plus readable text, Java values
// described without losing their Java type where it matters (sorted maps, longs as numbers).
package polyconnect.goldenstores;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

final class Json {
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return F.objectNode();
    }

    static ArrayNode array() {
        return F.arrayNode();
    }

    /** Bytes as base64 (null stays null). */
    static JsonNode base64(byte[] bytes) {
        return bytes == null ? F.nullNode() : F.textNode(Base64.getEncoder().encodeToString(bytes));
    }

    /** Bytes as text when they are valid UTF-8, else null. */
    static JsonNode text(byte[] bytes) {
        if (bytes == null) return F.nullNode();
        try {
            return F.textNode(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return F.nullNode();
        }
    }

    /** A Java value as JSON, maps with sorted keys (Java's HashMap order is not part of the contract). */
    static JsonNode describe(Object value) {
        return COMPACT.valueToTree(sorted(value));
    }

    /** A Java value as the JSON text the internal JsonConverter writes for it, maps with sorted keys. */
    static String describeText(Object value) {
        byte[] bytes = StoreConverters.internal(false).fromConnectData("", null, sorted(value));
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> out = new TreeMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) out.put(String.valueOf(entry.getKey()), sorted(entry.getValue()));
            return out;
        }
        if (value instanceof java.util.List<?> list) return list.stream().map(Json::sorted).toList();
        return value;
    }

    static void write(Path path, ObjectNode node) throws Exception {
        byte[] json = MAPPER.writeValueAsBytes(node);
        byte[] withNewline = java.util.Arrays.copyOf(json, json.length + 1);
        withNewline[json.length] = '\n';
        Files.write(path, withNewline);
    }
}
