// Config topic goldens: the records Kafka's KafkaConfigBackingStore writes for each operation, and
// what the same store makes of sequences of records it reads (its snapshot and the update-listener
// calls), including records no Kafka worker writes, to pin down its tolerance.
package polyconnect.goldenstores;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.runtime.RestartRequest;
import org.apache.kafka.connect.runtime.SessionKey;
import org.apache.kafka.connect.runtime.TargetState;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.runtime.distributed.DistributedConfig;
import org.apache.kafka.connect.storage.ClusterConfigState;
import org.apache.kafka.connect.storage.ConfigBackingStore;
import org.apache.kafka.connect.storage.GoldenAccess;
import org.apache.kafka.connect.storage.KafkaConfigBackingStore;
import org.apache.kafka.connect.util.Callback;
import org.apache.kafka.connect.util.ConnectorTaskId;
import org.apache.kafka.connect.util.KafkaBasedLog;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javax.crypto.spec.SecretKeySpec;

final class ConfigGoldens {
    static final String TOPIC = "connect-configs";

    private ConfigGoldens() {
    }

    /** A Kafka config store wired to a RecordingLog, with its listener calls recorded. */
    private static final class Fixture {
        final KafkaConfigBackingStore store;
        final RecordingLog<String> log = RecordingLog.ofStrings(TOPIC, 1);
        final List<String> events = new ArrayList<>();

        @SuppressWarnings("unchecked")
        Fixture() throws Exception {
            DistributedConfig config = workerConfig();
            JsonConverter converter = StoreConverters.internal(false);
            store = new KafkaConfigBackingStore(converter, config, null, () -> null, "connect-cluster-");
            KafkaBasedLog<String, byte[]> real = GoldenAccess.newConfigLog(store, TOPIC, config);
            Field callback = KafkaBasedLog.class.getDeclaredField("consumedCallback");
            callback.setAccessible(true);
            log.consumeWith((Callback<ConsumerRecord<String, byte[]>>) callback.get(real));
            GoldenAccess.setConfigLog(store, log);
            store.setUpdateListener(new ConfigBackingStore.UpdateListener() {
                @Override
                public void onConnectorConfigRemove(String connector) {
                    events.add("connectorConfigRemove:" + connector);
                }

                @Override
                public void onConnectorConfigUpdate(String connector) {
                    events.add("connectorConfigUpdate:" + connector);
                }

                @Override
                public void onTaskConfigUpdate(Collection<ConnectorTaskId> tasks) {
                    TreeSet<String> ids = new TreeSet<>();
                    for (ConnectorTaskId id : tasks) ids.add(id.connector() + "-" + id.task());
                    events.add("taskConfigUpdate:" + String.join(",", ids));
                }

                @Override
                public void onConnectorTargetStateChange(String connector) {
                    events.add("targetStateChange:" + connector);
                }

                @Override
                public void onSessionKeyUpdate(SessionKey sessionKey) {
                    events.add("sessionKeyUpdate");
                }

                @Override
                public void onRestartRequest(RestartRequest request) {
                    events.add("restartRequest:" + request.connectorName() + ":onlyFailed=" + request.onlyFailed()
                            + ":includeTasks=" + request.includeTasks());
                }

                @Override
                public void onLoggingLevelUpdate(String namespace, String level) {
                    events.add("loggingLevelUpdate:" + namespace + "=" + level);
                }
            });
        }
    }

    static DistributedConfig workerConfig() throws Exception {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", "localhost:9092");
        props.put("group.id", "connect-cluster");
        props.put("config.storage.topic", TOPIC);
        props.put("offset.storage.topic", OffsetGoldens.TOPIC);
        props.put("status.storage.topic", StatusGoldens.TOPIC);
        props.put("key.converter", JsonConverter.class.getName());
        props.put("value.converter", JsonConverter.class.getName());
        DistributedConfig config = new DistributedConfig(props);
        // The stores ask for the cluster id (metrics context), which would mean a broker: pin it.
        Field clusterId = WorkerConfig.class.getDeclaredField("kafkaClusterId");
        clusterId.setAccessible(true);
        clusterId.set(config, "golden-cluster");
        return config;
    }

    interface Operation {
        void run(KafkaConfigBackingStore store) throws Exception;
    }

    static ObjectNode generate() throws Exception {
        ObjectNode root = Json.object();
        root.put("topic", TOPIC);
        ArrayNode writes = root.putArray("writes");
        List<RecordingLog.Sent<String>> all = new ArrayList<>();
        Fixture fixture = new Fixture();
        fixture.store.start();

        Map<String, String> fileSource = ordered(
                "name", "local-file-source",
                "connector.class", "FileStreamSource",
                "tasks.max", "1",
                "file", "test.txt",
                "topic", "connect-test");
        Map<String, String> fileSink = ordered(
                "name", "local-file-sink",
                "connector.class", "FileStreamSink",
                "tasks.max", "1",
                "file", "test.sink.txt",
                "topics", "connect-test");
        Map<String, String> awkward = ordered(
                "name", "my-conn-2",
                "connector.class", "org.example.SomeSourceConnector",
                "tasks.max", "3",
                "database.password", "${file:/opt/secrets.properties:password}",
                "unicode", "h\u00e9llo \u2713 \uD83D\uDE00",
                "escapes", "tab\tnewline\n\"quoted\" back\\slash \u0001 \u007f \u2028",
                "empty", "",
                "nullable", null);
        Map<String, String> fileSourceTask = ordered(
                "connector.class", "FileStreamSource",
                "batch.size", "2000",
                "task.class", "org.apache.kafka.connect.file.FileStreamSourceTask",
                "file", "test.txt",
                "topic", "connect-test",
                "tasks.max", "1",
                "name", "local-file-source");

        op(writes, all, fixture, "putConnectorConfig", args("connector", "local-file-source", "properties", fileSource, "targetState", null),
                s -> s.putConnectorConfig("local-file-source", fileSource, null));
        op(writes, all, fixture, "putConnectorConfig", args("connector", "local-file-sink", "properties", fileSink, "targetState", "PAUSED"),
                s -> s.putConnectorConfig("local-file-sink", fileSink, TargetState.PAUSED));
        op(writes, all, fixture, "putConnectorConfig", args("connector", "my-conn-2", "properties", awkward, "targetState", "STOPPED"),
                s -> s.putConnectorConfig("my-conn-2", awkward, TargetState.STOPPED));
        op(writes, all, fixture, "putTaskConfigs", args("connector", "local-file-source", "configs", List.of(fileSourceTask)),
                s -> s.putTaskConfigs("local-file-source", List.of(fileSourceTask)));
        List<Map<String, String>> threeTasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            threeTasks.add(ordered("task.class", "org.example.SomeSourceTask", "shard", String.valueOf(i),
                    "database.password", "${file:/opt/secrets.properties:password}"));
        }
        op(writes, all, fixture, "putTaskConfigs", args("connector", "my-conn-2", "configs", threeTasks),
                s -> s.putTaskConfigs("my-conn-2", threeTasks));
        op(writes, all, fixture, "putTaskConfigs", args("connector", "local-file-sink", "configs", List.of()),
                s -> s.putTaskConfigs("local-file-sink", List.of()));
        for (TargetState state : new TargetState[] {TargetState.PAUSED, TargetState.STOPPED, TargetState.STARTED}) {
            op(writes, all, fixture, "putTargetState", args("connector", "local-file-source", "state", state.name()),
                    s -> s.putTargetState("local-file-source", state));
        }
        op(writes, all, fixture, "putRestartRequest", args("connector", "local-file-source", "onlyFailed", false, "includeTasks", true),
                s -> s.putRestartRequest(new RestartRequest("local-file-source", false, true)));
        op(writes, all, fixture, "putRestartRequest", args("connector", "my-conn-2", "onlyFailed", true, "includeTasks", false),
                s -> s.putRestartRequest(new RestartRequest("my-conn-2", true, false)));
        op(writes, all, fixture, "putTaskCountRecord", args("connector", "my-conn-2", "taskCount", 3),
                s -> s.putTaskCountRecord("my-conn-2", 3));
        byte[] secret = new byte[32];
        for (int i = 0; i < secret.length; i++) secret[i] = (byte) (i * 7 + 1);
        op(writes, all, fixture, "putSessionKey",
                args("key", Base64.getEncoder().encodeToString(secret), "algorithm", "HmacSHA256", "creationTimestamp", 1700000000000L),
                s -> s.putSessionKey(new SessionKey(new SecretKeySpec(secret, "HmacSHA256"), 1700000000000L)));
        op(writes, all, fixture, "putLoggerLevel", args("namespace", "org.apache.kafka.connect", "level", "DEBUG"),
                s -> s.putLoggerLevel("org.apache.kafka.connect", "DEBUG"));
        op(writes, all, fixture, "removeConnectorConfig", args("connector", "local-file-sink"),
                s -> s.removeConnectorConfig("local-file-sink"));

        ArrayNode reads = root.putArray("reads");
        scenario(reads, "rebuild-from-writes", "A worker with no local state reads every record above from the topic.", List.of(all));
        scenario(reads, "tasks-wait-for-commit", "Task configs apply only when their commit record arrives.", List.of(
                List.of(r("connector-a", "{\"properties\":{\"name\":\"a\",\"tasks.max\":\"2\"}}"),
                        r("task-a-0", "{\"properties\":{\"task.class\":\"T\",\"n\":\"0\"}}"),
                        r("task-a-1", "{\"properties\":{\"task.class\":\"T\",\"n\":\"1\"}}")),
                List.of(r("commit-a", "{\"tasks\":2}")),
                List.of(r("task-a-0", "{\"properties\":{\"task.class\":\"T\",\"n\":\"0-new\"}}")),
                List.of(r("commit-a", "{\"tasks\":1}"))));
        scenario(reads, "compacted-incomplete-task-set", "A commit whose task configs were compacted away marks the connector inconsistent until complete configs and a commit follow.", List.of(
                List.of(r("connector-a", "{\"properties\":{\"name\":\"a\"}}"),
                        r("task-a-1", "{\"properties\":{\"n\":\"1\"}}"),
                        r("commit-a", "{\"tasks\":2}")),
                List.of(r("task-a-0", "{\"properties\":{\"n\":\"0\"}}"),
                        r("task-a-1", "{\"properties\":{\"n\":\"1\"}}"),
                        r("commit-a", "{\"tasks\":2}"))));
        scenario(reads, "extra-task-ids-tolerated", "Older task ids left over after compaction do not make a smaller commit inconsistent.", List.of(
                List.of(r("connector-a", "{\"properties\":{\"name\":\"a\"}}"),
                        r("task-a-2", "{\"properties\":{\"n\":\"2-old\"}}"),
                        r("task-a-1", "{\"properties\":{\"n\":\"1\"}}"),
                        r("task-a-0", "{\"properties\":{\"n\":\"0\"}}"),
                        r("commit-a", "{\"tasks\":2}"))));
        scenario(reads, "commit-without-connector", "Task configs and a commit for a connector whose config is gone are ignored.", List.of(
                List.of(r("task-gone-0", "{\"properties\":{\"n\":\"0\"}}"),
                        r("commit-gone", "{\"tasks\":1}")),
                List.of(r("connector-gone", "{\"properties\":{\"name\":\"gone\"}}"))));
        scenario(reads, "target-state-formats", "state.v2 is preferred, state is the fallback; bad values are ignored; a tombstone with the connector present means STARTED.", List.of(
                List.of(r("connector-a", "{\"properties\":{\"name\":\"a\"}}"),
                        r("target-state-a", "{\"state\":\"PAUSED\"}")),
                List.of(r("target-state-a", "{\"state\":\"PAUSED\",\"state.v2\":\"STOPPED\"}")),
                List.of(r("target-state-a", "{\"state\":\"PAUSED\",\"state.v2\":5}")),
                List.of(r("target-state-a", "{\"state\":\"STARTED\",\"state.v2\":null}")),
                List.of(r("target-state-a", "{\"state\":\"BOGUS\"}")),
                List.of(r("target-state-a", "{\"state\":7}")),
                List.of(r("target-state-a", "\"PAUSED\"")),
                List.of(r("target-state-a", "{\"state\":\"PAUSED\",\"state.v2\":\"PAUSED\"}")),
                List.of(r("target-state-a", "{\"state\":\"PAUSED\",\"state.v2\":\"PAUSED\"}")),
                List.of(r("target-state-a", null))));
        scenario(reads, "target-state-before-connector", "A target state written before the connector config (create with an initial state) is kept for it.", List.of(
                List.of(r("target-state-b", "{\"state\":\"PAUSED\",\"state.v2\":\"STOPPED\"}"),
                        r("connector-b", "{\"properties\":{\"name\":\"b\"}}")),
                List.of(r("target-state-c", "{\"state\":\"PAUSED\",\"state.v2\":\"PAUSED\"}")),
                List.of(r("connector-c", "{\"properties\":{\"name\":\"c\"}}"))));
        scenario(reads, "connector-removal", "Tombstones remove the connector, its target state and its tasks.", List.of(
                List.of(r("connector-a", "{\"properties\":{\"name\":\"a\"}}"),
                        r("task-a-0", "{\"properties\":{\"n\":\"0\"}}"),
                        r("commit-a", "{\"tasks\":1}"),
                        r("target-state-a", "{\"state\":\"PAUSED\",\"state.v2\":\"PAUSED\"}")),
                List.of(r("connector-a", null), r("target-state-a", null)),
                List.of(r("connector-a", "{\"properties\":{\"name\":\"a\",\"again\":\"yes\"}}"))));
        scenario(reads, "task-key-parsing", "Task keys split on '-', the last part is the task number (Integer.parseInt), the rest the connector name.", List.of(
                List.of(r("connector-my-conn-with-dashes", "{\"properties\":{\"name\":\"my-conn-with-dashes\"}}"),
                        r("task-my-conn-with-dashes-0", "{\"properties\":{\"n\":\"0\"}}"),
                        r("task-my-conn-with-dashes-1", "{\"properties\":{\"n\":\"1\"}}"),
                        r("commit-my-conn-with-dashes", "{\"tasks\":2}"),
                        r("connector-b", "{\"properties\":{\"name\":\"b\"}}"),
                        r("task-b-00", "{\"properties\":{\"n\":\"00\"}}"),
                        r("task-b-+1", "{\"properties\":{\"n\":\"+1\"}}"),
                        r("commit-b", "{\"tasks\":2}"),
                        r("connector-c-", "{\"properties\":{\"name\":\"c-\"}}"),
                        r("task-c--0", "{\"properties\":{\"n\":\"0\"}}"),
                        r("commit-c-", "{\"tasks\":1}"),
                        r("task-nonumber", "{\"properties\":{}}"),
                        r("task-x-y", "{\"properties\":{}}"),
                        r("task-x-99999999999", "{\"properties\":{}}"),
                        r("task-", "{\"properties\":{}}"))));
        scenario(reads, "malformed-and-unknown", "Unknown keys and values of the wrong shape are logged and skipped.", List.of(
                List.of(r("connector-a", "{\"properties\":{\"name\":\"a\"}}"),
                        r("something-else", "{\"properties\":{}}"),
                        r("connector-x", "{\"properties\":"),
                        r("connector-y", "\"just a string\""),
                        r("connector-z", "{\"properties\":\"nope\"}"),
                        r("connector-w", "{\"config\":{}}"),
                        r("connector-v", ""),
                        rBytes("connector-u", new byte[] {(byte) 0xff, (byte) 0xfe}),
                        r("task-a-0", null),
                        r("task-a-0", "[1,2]"),
                        r("task-a-0", "{\"properties\":5}"),
                        r("commit-a", "[]"),
                        r("commit-a", null),
                        r("session-key", null),
                        r("session-key", "{\"key\":\"AAAA\",\"algorithm\":\"HmacSHA256\",\"creation-timestamp\":\"soon\"}"),
                        r("logger-cluster-org.example", "{\"level\":5}"),
                        r("tasks-fencing-a", "{\"task-count\":4}")),
                List.of(r("commit-a", "{\"tasks\":\"2\"}")),
                List.of(r("commit-a", "{\"tasks\":1.5}")),
                List.of(r("task-a-0", "{\"properties\":{\"n\":\"0\"}}"),
                        r("commit-a", "{\"tasks\":1}"))));
        scenario(reads, "after-start-events", "What the update listener hears once the store has started (nothing is reported for records read while starting).", List.of(
                List.of(r("connector-a", "{\"properties\":{\"name\":\"a\"}}"),
                        r("restart-connector-a", "{\"include-tasks\":true,\"only-failed\":false}"),
                        r("logger-cluster-org.example", "{\"level\":\"DEBUG\"}")),
                List.of(r("connector-a", "{\"properties\":{\"name\":\"a\",\"tasks.max\":\"2\"}}"),
                        r("target-state-a", "{\"state\":\"PAUSED\",\"state.v2\":\"PAUSED\"}"),
                        r("target-state-a", "{\"state\":\"PAUSED\",\"state.v2\":\"PAUSED\"}"),
                        r("task-a-0", "{\"properties\":{\"n\":\"0\"}}"),
                        r("task-a-1", "{\"properties\":{\"n\":\"1\"}}"),
                        r("commit-a", "{\"tasks\":2}"),
                        r("commit-a", "{\"tasks\":2}"),
                        r("restart-connector-a", "{\"include-tasks\":true,\"only-failed\":true}"),
                        r("restart-connector-b", "{\"include-tasks\":\"yes\"}"),
                        r("restart-connector-c", null),
                        r("logger-cluster-org.example", "{\"level\":\"DEBUG\"}"),
                        r("session-key", "{\"key\":\"AQID\",\"algorithm\":\"HmacSHA256\",\"creation-timestamp\":1700000000000}"),
                        r("connector-a", null))));
        return root;
    }

    private static void op(ArrayNode writes, List<RecordingLog.Sent<String>> all, Fixture fixture, String name, ObjectNode args, Operation operation)
            throws Exception {
        operation.run(fixture.store);
        List<RecordingLog.Sent<String>> sent = fixture.log.drain();
        all.addAll(sent);
        ObjectNode entry = writes.addObject();
        entry.put("op", name);
        entry.set("args", args);
        ArrayNode records = entry.putArray("records");
        for (RecordingLog.Sent<String> record : sent) records.add(recordNode(record.key(), record.value()));
    }

    private static void scenario(ArrayNode reads, String name, String description, List<List<RecordingLog.Sent<String>>> steps) throws Exception {
        Fixture fixture = new Fixture();
        ObjectNode node = reads.addObject();
        node.put("name", name);
        node.put("description", description);
        ArrayNode stepNodes = node.putArray("steps");
        boolean first = true;
        for (List<RecordingLog.Sent<String>> step : steps) {
            ObjectNode stepNode = stepNodes.addObject();
            stepNode.put("started", !first);
            ArrayNode records = stepNode.putArray("records");
            for (RecordingLog.Sent<String> record : step) records.add(recordNode(record.key(), record.value()));
            if (first) {
                fixture.log.replayOnStart(step);
                fixture.store.start();
                first = false;
            } else {
                for (RecordingLog.Sent<String> record : step) fixture.log.deliver(record.key(), record.value());
            }
            ArrayNode events = stepNode.putArray("events");
            fixture.events.forEach(events::add);
            fixture.events.clear();
            ArrayNode errors = stepNode.putArray("errors");
            fixture.log.callbackErrors.forEach(errors::add);
            fixture.log.callbackErrors.clear();
            stepNode.set("snapshot", describe(fixture.store.snapshot()));
        }
    }

    static ObjectNode describe(ClusterConfigState state) {
        ObjectNode node = Json.object();
        ObjectNode connectors = node.putObject("connectors");
        for (String connector : new TreeSet<>(state.connectors())) {
            ObjectNode c = connectors.putObject(connector);
            c.set("config", Json.describe(state.rawConnectorConfig(connector)));
            TargetState target = state.targetState(connector);
            c.put("targetState", target == null ? null : target.name());
            c.put("taskCount", state.taskCount(connector));
            ArrayNode tasks = c.putArray("tasks");
            for (ConnectorTaskId id : state.tasks(connector)) {
                ObjectNode t = tasks.addObject();
                t.put("task", id.task());
                t.set("config", Json.describe(state.rawTaskConfig(id)));
            }
            Integer taskCountRecord = state.taskCountRecord(connector);
            if (taskCountRecord == null) c.putNull("taskCountRecord");
            else c.put("taskCountRecord", taskCountRecord);
        }
        ArrayNode inconsistent = node.putArray("inconsistent");
        new TreeSet<>(state.inconsistentConnectors()).forEach(inconsistent::add);
        SessionKey sessionKey = state.sessionKey();
        if (sessionKey == null) {
            node.putNull("sessionKey");
        } else {
            ObjectNode key = node.putObject("sessionKey");
            key.put("key", Base64.getEncoder().encodeToString(sessionKey.key().getEncoded()));
            key.put("algorithm", sessionKey.key().getAlgorithm());
            key.put("creationTimestamp", sessionKey.creationTimestamp());
        }
        node.put("offset", state.offset());
        return node;
    }

    static ObjectNode recordNode(String key, byte[] value) {
        ObjectNode node = Json.object();
        node.put("key", key);
        node.set("value", Json.base64(value));
        node.set("text", Json.text(value));
        return node;
    }

    static RecordingLog.Sent<String> r(String key, String text) {
        return new RecordingLog.Sent<>(key, text == null ? null : text.getBytes(StandardCharsets.UTF_8), 0, 0);
    }

    static RecordingLog.Sent<String> rBytes(String key, byte[] value) {
        return new RecordingLog.Sent<>(key, value, 0, 0);
    }

    /** A LinkedHashMap from alternating keys and values (values may be null). */
    static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put(keysAndValues[i], keysAndValues[i + 1]);
        return map;
    }

    static ObjectNode args(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(map);
    }
}
