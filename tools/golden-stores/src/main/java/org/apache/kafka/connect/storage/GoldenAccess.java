// Lives in Kafka's storage package only to reach the members Kafka marks "visible for testing"
// (the config store's log setter, the status store's log-taking constructor and read(), the offset
// store's consume callback and data). The golden generator drives the real stores through these.
package org.apache.kafka.connect.storage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.runtime.TopicStatus;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.util.Callback;
import org.apache.kafka.connect.util.KafkaBasedLog;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;

public final class GoldenAccess {
    private GoldenAccess() {
    }

    /** A fresh KafkaBasedLog of the store, built as the store builds it (so with its consume callback). */
    public static KafkaBasedLog<String, byte[]> newConfigLog(KafkaConfigBackingStore store, String topic, WorkerConfig config) {
        return store.setupAndCreateKafkaBasedLog(topic, config);
    }

    public static void setConfigLog(KafkaConfigBackingStore store, KafkaBasedLog<String, byte[]> log) {
        store.setConfigLog(log);
    }

    public static KafkaStatusBackingStore newStatusStore(Converter converter, String topic, KafkaBasedLog<String, byte[]> log) {
        return new KafkaStatusBackingStore(Time.SYSTEM, converter, topic, () -> null, log);
    }

    public static void readStatus(KafkaStatusBackingStore store, ConsumerRecord<String, byte[]> record) {
        store.read(record);
    }

    public static Map<String, ConcurrentMap<String, TopicStatus>> topics(KafkaStatusBackingStore store) {
        return store.topics;
    }

    public static Callback<ConsumerRecord<byte[], byte[]>> offsetCallback(KafkaOffsetBackingStore store) {
        return store.consumedCallback;
    }

    public static Map<ByteBuffer, ByteBuffer> offsetData(KafkaOffsetBackingStore store) {
        return store.data;
    }
}
