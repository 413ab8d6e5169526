// An in-memory stand-in for Kafka's KafkaBasedLog: what a store sends is kept (in order) and, as
// the real log would once it has read the record back, handed to the store's consume callback on
// the partition Kafka's producer would choose (BuiltInPartitioner.partitionForKey over the
// serialized key). Records can also be replayed to the callback as if read from the topic.
package polyconnect.goldenstores;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.util.Callback;
import org.apache.kafka.connect.util.KafkaBasedLog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Function;

final class RecordingLog<K> extends KafkaBasedLog<K, byte[]> {
    /** One record as sent by the store (or replayed to it). */
    record Sent<K>(K key, byte[] value, int partition, long offset) {
    }

    private final String topic;
    private final int partitions;
    private final Function<K, byte[]> keyBytes;
    private final long[] nextOffsets;
    private final List<Sent<K>> sent = new ArrayList<>();
    /** Exceptions the consume callback threw, as "Class: message". */
    final List<String> callbackErrors = new ArrayList<>();
    private Callback<ConsumerRecord<K, byte[]>> callback;
    private List<Sent<K>> replayOnStart = List.of();

    RecordingLog(String topic, int partitions, Function<K, byte[]> keyBytes) {
        super(topic, new HashMap<>(), new HashMap<>(), () -> null, null, Time.SYSTEM, null);
        this.topic = topic;
        this.partitions = partitions;
        this.keyBytes = keyBytes;
        this.nextOffsets = new long[partitions];
    }

    static RecordingLog<String> ofStrings(String topic, int partitions) {
        return new RecordingLog<>(topic, partitions, key -> key == null ? null : key.getBytes(StandardCharsets.UTF_8));
    }

    static RecordingLog<byte[]> ofBytes(String topic, int partitions) {
        return new RecordingLog<>(topic, partitions, key -> key);
    }

    void consumeWith(Callback<ConsumerRecord<K, byte[]>> callback) {
        this.callback = callback;
    }

    void replayOnStart(List<Sent<K>> records) {
        this.replayOnStart = records;
    }

    /** Everything sent since the last call, and forgets it. */
    List<Sent<K>> drain() {
        List<Sent<K>> out = new ArrayList<>(sent);
        sent.clear();
        return out;
    }

    int partitionFor(K key) {
        byte[] bytes = keyBytes.apply(key);
        return bytes == null ? 0 : BuiltInPartitioner.partitionForKey(bytes, partitions);
    }

    /** Hands a record to the consume callback as if read from the topic. */
    void deliver(K key, byte[] value) {
        int partition = partitionFor(key);
        long offset = nextOffsets[partition]++;
        if (callback == null) return;
        try {
            callback.onCompletion(null, new ConsumerRecord<>(topic, partition, offset, key, value));
        } catch (Throwable t) {
            callbackErrors.add(t.getClass().getName() + ": " + t.getMessage());
        }
    }

    @Override
    public void start() {
        for (Sent<K> record : replayOnStart) deliver(record.key(), record.value());
    }

    @Override
    public void start(boolean reportErrorsToCallback) {
        start();
    }

    @Override
    public void stop() {
    }

    @Override
    public void readToEnd(Callback<Void> callback) {
        callback.onCompletion(null, null);
    }

    @Override
    public void flush() {
    }

    @Override
    public int partitionCount() {
        return partitions;
    }

    @Override
    public Future<RecordMetadata> sendWithReceipt(K key, byte[] value, org.apache.kafka.clients.producer.Callback producerCallback) {
        int partition = partitionFor(key);
        long offset = nextOffsets[partition];
        sent.add(new Sent<>(key, value, partition, offset));
        deliver(key, value);
        RecordMetadata metadata = new RecordMetadata(new TopicPartition(topic, partition), offset, 0, 0L, 0, 0);
        if (producerCallback != null) producerCallback.onCompletion(metadata, null);
        return CompletableFuture.completedFuture(metadata);
    }
}
