// Status topic goldens: the records Kafka's KafkaStatusBackingStore writes for connector, task and
// topic statuses (including its "safe" writes, which may write nothing), and what the same store
// makes of sequences of records it reads.
package polyconnect.goldenstores;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.runtime.AbstractStatus;
import org.apache.kafka.connect.runtime.ConnectorStatus;
import org.apache.kafka.connect.runtime.TaskStatus;
import org.apache.kafka.connect.runtime.TopicStatus;
import org.apache.kafka.connect.storage.GoldenAccess;
import org.apache.kafka.connect.storage.KafkaStatusBackingStore;
import org.apache.kafka.connect.util.ConnectorTaskId;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentMap;

final class StatusGoldens {
    static final String TOPIC = "connect-status";
    /** status.storage.partitions default. */
    static final int PARTITIONS = 5;

    private StatusGoldens() {
    }

    interface Operation {
        void run(KafkaStatusBackingStore store);
    }

    private static final class Fixture {
        final RecordingLog<String> log = RecordingLog.ofStrings(TOPIC, PARTITIONS);
        final KafkaStatusBackingStore store = GoldenAccess.newStatusStore(StoreConverters.internal(false), TOPIC, log);
        final TreeSet<String> connectors = new TreeSet<>();

        Fixture() {
            log.consumeWith((error, record) -> GoldenAccess.readStatus(store, record));
        }
    }

    static ObjectNode generate() {
        ObjectNode root = Json.object();
        root.put("topic", TOPIC);
        root.put("partitions", PARTITIONS);
        Fixture fixture = new Fixture();
        List<RecordingLog.Sent<String>> all = new ArrayList<>();
        ArrayNode writes = root.putArray("writes");
        String trace = "org.apache.kafka.connect.errors.ConnectException: Boom \u2713\n"
                + "\tat org.example.Task.poll(Task.java:42)\n"
                + "\tat org.apache.kafka.connect.runtime.WorkerSourceTask.poll(WorkerSourceTask.java:1)\n"
                + "Caused by: java.io.IOException: \"disk\" full\n\t... 3 more\n";
        ConnectorTaskId task0 = new ConnectorTaskId("local-file-source", 0);
        ConnectorTaskId task12 = new ConnectorTaskId("my-conn-2", 12);

        op(writes, all, fixture, "put", connector("local-file-source", "RUNNING", null, "worker-1:8083", 7, null),
                s -> s.put(new ConnectorStatus("local-file-source", ConnectorStatus.State.RUNNING, "worker-1:8083", 7, null)));
        op(writes, all, fixture, "put", connector("local-file-source", "RUNNING", null, "worker-1:8083", 7, "4.1.2"),
                s -> s.put(new ConnectorStatus("local-file-source", ConnectorStatus.State.RUNNING, "worker-1:8083", 7, "4.1.2")));
        op(writes, all, fixture, "put", task(task0, "RUNNING", null, "worker-1:8083", 7, "4.1.2"),
                s -> s.put(new TaskStatus(task0, TaskStatus.State.RUNNING, "worker-1:8083", 7, null, "4.1.2")));
        op(writes, all, fixture, "put", task(task12, "FAILED", trace, "10.0.0.5:8083", 2147483647, null),
                s -> s.put(new TaskStatus(task12, TaskStatus.State.FAILED, "10.0.0.5:8083", 2147483647, trace, null)));
        for (String state : new String[] {"UNASSIGNED", "PAUSED", "RESTARTING", "STOPPED"}) {
            op(writes, all, fixture, "put", connector("my-conn-2", state, null, "worker-2:8083", 3, null),
                    s -> s.put(new ConnectorStatus("my-conn-2", ConnectorStatus.State.valueOf(state), "worker-2:8083", 3, null)));
        }
        op(writes, all, fixture, "put", connector("my-conn-2", "FAILED", trace, "worker-2:8083", 3, "1.0"),
                s -> s.put(new ConnectorStatus("my-conn-2", ConnectorStatus.State.FAILED, trace, "worker-2:8083", 3, "1.0")));
        op(writes, all, fixture, "put", task(new ConnectorTaskId("my-conn-2", 0), "DESTROYED", null, "worker-2:8083", 3, null),
                s -> s.put(new TaskStatus(new ConnectorTaskId("my-conn-2", 0), TaskStatus.State.DESTROYED, "worker-2:8083", 3, null, null)));
        op(writes, all, fixture, "put", connector("gone", "DESTROYED", null, "worker-2:8083", 3, null),
                s -> s.put(new ConnectorStatus("gone", ConnectorStatus.State.DESTROYED, "worker-2:8083", 3, null)));
        ObjectNode topicArgs = Json.object();
        topicArgs.put("topic", "connect-test");
        topicArgs.put("connector", "local-file-source");
        topicArgs.put("task", 0);
        topicArgs.put("discoverTimestamp", 1700000000123L);
        op(writes, all, fixture, "putTopic", topicArgs,
                s -> s.put(new TopicStatus("connect-test", task0, 1700000000123L)));
        ObjectNode deleteArgs = Json.object();
        deleteArgs.put("topic", "connect-test");
        deleteArgs.put("connector", "local-file-source");
        op(writes, all, fixture, "deleteTopic", deleteArgs, s -> s.deleteTopic("local-file-source", "connect-test"));
        // Safe writes: skipped when the cached status came from another worker at a newer generation.
        ConnectorTaskId safe = new ConnectorTaskId("safe", 0);
        op(writes, all, fixture, "put", task(safe, "RUNNING", null, "worker-a:8083", 5, null),
                s -> s.put(new TaskStatus(safe, TaskStatus.State.RUNNING, "worker-a:8083", 5, null, null)));
        op(writes, all, fixture, "putSafe", task(safe, "UNASSIGNED", null, "worker-b:8083", 4, null),
                s -> s.putSafe(new TaskStatus(safe, TaskStatus.State.UNASSIGNED, "worker-b:8083", 4, null, null)));
        op(writes, all, fixture, "putSafe", task(safe, "UNASSIGNED", null, "worker-b:8083", 5, null),
                s -> s.putSafe(new TaskStatus(safe, TaskStatus.State.UNASSIGNED, "worker-b:8083", 5, null, null)));
        op(writes, all, fixture, "putSafe", task(safe, "FAILED", "x", "worker-a:8083", 1, null),
                s -> s.putSafe(new TaskStatus(safe, TaskStatus.State.FAILED, "worker-a:8083", 1, "x", null)));
        op(writes, all, fixture, "putSafe", connector("safe", "UNASSIGNED", null, "worker-b:8083", 1, null),
                s -> s.putSafe(new ConnectorStatus("safe", ConnectorStatus.State.UNASSIGNED, "worker-b:8083", 1, null)));

        ArrayNode reads = root.putArray("reads");
        read(reads, "rebuild-from-writes", "A worker with no local state reads every record above.", List.of(all), names(all));
        read(reads, "unassigned-does-not-hide-running", "An UNASSIGNED task status at a generation not newer than a cached RUNNING one is ignored.", List.of(
                List.of(r("status-task-a-0", "{\"state\":\"RUNNING\",\"trace\":null,\"worker_id\":\"w1:8083\",\"generation\":5,\"version\":null}"),
                        r("status-task-a-0", "{\"state\":\"UNASSIGNED\",\"trace\":null,\"worker_id\":\"w2:8083\",\"generation\":5,\"version\":null}")),
                List.of(r("status-task-a-0", "{\"state\":\"UNASSIGNED\",\"trace\":null,\"worker_id\":\"w2:8083\",\"generation\":6,\"version\":null}")),
                List.of(r("status-connector-a", "{\"state\":\"RUNNING\",\"trace\":null,\"worker_id\":\"w1:8083\",\"generation\":9}"),
                        r("status-connector-a", "{\"state\":\"UNASSIGNED\",\"trace\":null,\"worker_id\":\"w2:8083\",\"generation\":1}"))),
                List.of("a"));
        read(reads, "tombstones", "Null values remove a connector's status (and its tasks'), a task's status, a topic.", List.of(
                List.of(r("status-connector-a", "{\"state\":\"RUNNING\",\"trace\":null,\"worker_id\":\"w1:8083\",\"generation\":1}"),
                        r("status-task-a-0", "{\"state\":\"RUNNING\",\"trace\":null,\"worker_id\":\"w1:8083\",\"generation\":1}"),
                        r("status-task-a-1", "{\"state\":\"RUNNING\",\"trace\":null,\"worker_id\":\"w1:8083\",\"generation\":1}"),
                        r("status-topic-t1:connector-a", "{\"topic\":{\"name\":\"t1\",\"connector\":\"a\",\"task\":0,\"discoverTimestamp\":5}}"),
                        r("status-topic-t2:connector-a", "{\"topic\":{\"name\":\"t2\",\"connector\":\"a\",\"task\":1,\"discoverTimestamp\":6}}")),
                List.of(r("status-task-a-1", null), r("status-topic-t1:connector-a", null)),
                List.of(r("status-connector-a", null))),
                List.of("a"));
        read(reads, "malformed-and-unknown", "Records Kafka cannot parse are logged and skipped.", List.of(
                List.of(r("status-connector-ok", "{\"state\":\"RUNNING\",\"trace\":null,\"worker_id\":\"w1:8083\",\"generation\":1}"),
                        r("something-else", "{}"),
                        r("status-connector-", "{\"state\":\"RUNNING\",\"trace\":null,\"worker_id\":\"w1:8083\",\"generation\":1}"),
                        r("status-connector-badjson", "{\"state\":"),
                        r("status-connector-badstate", "{\"state\":\"BOGUS\",\"trace\":null,\"worker_id\":\"w1:8083\",\"generation\":1}"),
                        r("status-connector-badgen", "{\"state\":\"RUNNING\",\"trace\":null,\"worker_id\":\"w1:8083\",\"generation\":\"1\"}"),
                        r("status-connector-nogen", "{\"state\":\"RUNNING\",\"worker_id\":\"w1:8083\"}"),
                        r("status-connector-badtrace", "{\"state\":\"FAILED\",\"trace\":5,\"worker_id\":\"w1:8083\",\"generation\":1}"),
                        r("status-connector-badversion", "{\"state\":\"RUNNING\",\"trace\":null,\"worker_id\":\"w1:8083\",\"generation\":1,\"version\":2}"),
                        r("status-connector-noworker", "{\"state\":\"RUNNING\",\"generation\":1}"),
                        r("status-connector-list", "[1]"),
                        r("status-connector-extra", "{\"state\":\"PAUSED\",\"trace\":null,\"worker_id\":\"w1:8083\",\"generation\":1,\"future\":\"field\"}"),
                        r("status-connector-doublegen", "{\"state\":\"RUNNING\",\"trace\":null,\"worker_id\":\"w1:8083\",\"generation\":1.0}"),
                        r("status-task-short", "{\"state\":\"RUNNING\",\"trace\":null,\"worker_id\":\"w1:8083\",\"generation\":1}"),
                        r("status-task-ok-x", "{\"state\":\"RUNNING\",\"trace\":null,\"worker_id\":\"w1:8083\",\"generation\":1}"),
                        r("status-task-ok-0", "{\"state\":\"DESTROYED\",\"trace\":null,\"worker_id\":\"w1:8083\",\"generation\":1}"),
                        r("status-task-my-conn-2-3", "{\"state\":\"RUNNING\",\"trace\":null,\"worker_id\":\"w1:8083\",\"generation\":1}"),
                        r("status-topic-nocolon", "{\"topic\":{\"name\":\"x\",\"connector\":\"ok\",\"task\":0,\"discoverTimestamp\":1}}"),
                        r("status-topic-:connector-ok", "{\"topic\":{\"name\":\"x\",\"connector\":\"ok\",\"task\":0,\"discoverTimestamp\":1}}"),
                        r("status-topic-t:connector-", "{\"topic\":{\"name\":\"t\",\"connector\":\"\",\"task\":0,\"discoverTimestamp\":1}}"),
                        r("status-topic-t:connector-ok", "{\"notopic\":{}}"),
                        r("status-topic-u:connector-ok", "{\"topic\":{\"name\":\"u\",\"connector\":\"ok\",\"task\":\"0\",\"discoverTimestamp\":1}}"),
                        r("status-topic-v:connector-ok", "{\"topic\":{\"name\":\"v\",\"connector\":\"ok\",\"task\":2,\"discoverTimestamp\":7}}"),
                        r("status-topic-w:x:connector-ok", "{\"topic\":{\"name\":\"w:x\",\"connector\":\"ok\",\"task\":2,\"discoverTimestamp\":7}}"))),
                List.of("ok", "", "badjson", "badstate", "badgen", "nogen", "badtrace", "badversion", "noworker", "list", "extra", "doublegen", "my-conn-2", "short"));
        return root;
    }

    private static List<String> names(List<RecordingLog.Sent<String>> records) {
        TreeSet<String> names = new TreeSet<>();
        for (RecordingLog.Sent<String> record : records) {
            String key = record.key();
            if (key.startsWith("status-connector-")) names.add(key.substring("status-connector-".length()));
            else if (key.startsWith("status-task-")) names.add(key.substring("status-task-".length(), key.lastIndexOf('-')));
            else if (key.startsWith("status-topic-")) names.add(key.substring(key.indexOf(":connector-") + ":connector-".length()));
        }
        return new ArrayList<>(names);
    }

    private static void op(ArrayNode writes, List<RecordingLog.Sent<String>> all, Fixture fixture, String name, ObjectNode args, Operation operation) {
        operation.run(fixture.store);
        List<RecordingLog.Sent<String>> sent = fixture.log.drain();
        all.addAll(sent);
        ObjectNode entry = writes.addObject();
        entry.put("op", name);
        entry.set("args", args);
        ArrayNode records = entry.putArray("records");
        for (RecordingLog.Sent<String> record : sent) {
            ObjectNode node = ConfigGoldens.recordNode(record.key(), record.value());
            node.put("partition", record.partition());
            records.add(node);
        }
    }

    private static void read(ArrayNode reads, String name, String description, List<List<RecordingLog.Sent<String>>> steps, List<String> connectors) {
        Fixture fixture = new Fixture();
        ObjectNode node = reads.addObject();
        node.put("name", name);
        node.put("description", description);
        ArrayNode stepNodes = node.putArray("steps");
        for (List<RecordingLog.Sent<String>> step : steps) {
            ObjectNode stepNode = stepNodes.addObject();
            ArrayNode records = stepNode.putArray("records");
            for (RecordingLog.Sent<String> record : step) {
                records.add(ConfigGoldens.recordNode(record.key(), record.value()));
                fixture.log.deliver(record.key(), record.value());
            }
            ArrayNode errors = stepNode.putArray("errors");
            fixture.log.callbackErrors.forEach(errors::add);
            fixture.log.callbackErrors.clear();
            stepNode.set("view", describe(fixture.store, connectors));
        }
    }

    private static ObjectNode describe(KafkaStatusBackingStore store, List<String> names) {
        ObjectNode node = Json.object();
        ObjectNode connectors = node.putObject("connectors");
        for (String name : new TreeSet<>(names)) {
            ConnectorStatus status = store.get(name);
            if (status != null) connectors.set(name, status(status));
        }
        ObjectNode tasks = node.putObject("tasks");
        for (String name : new TreeSet<>(names)) {
            List<TaskStatus> all = new ArrayList<>(store.getAll(name));
            if (all.isEmpty()) continue;
            all.sort(Comparator.comparingInt(t -> t.id().task()));
            ArrayNode list = tasks.putArray(name);
            for (TaskStatus task : all) {
                ObjectNode t = status(task);
                t.put("task", task.id().task());
                list.add(t);
            }
        }
        ObjectNode topics = node.putObject("topics");
        Map<String, ConcurrentMap<String, TopicStatus>> byConnector = GoldenAccess.topics(store);
        for (String connector : new TreeSet<>(byConnector.keySet())) {
            ConcurrentMap<String, TopicStatus> active = byConnector.get(connector);
            if (active.isEmpty()) continue;
            ArrayNode list = topics.putArray(connector);
            for (String topic : new TreeSet<>(active.keySet())) {
                TopicStatus status = active.get(topic);
                ObjectNode t = list.addObject();
                t.put("topic", status.topic());
                t.put("connector", status.connector());
                t.put("task", status.task());
                t.put("discoverTimestamp", status.discoverTimestamp());
            }
        }
        return node;
    }

    private static ObjectNode status(AbstractStatus<?> status) {
        ObjectNode node = Json.object();
        node.put("state", status.state().name());
        node.put("trace", status.trace());
        node.put("workerId", status.workerId());
        node.put("generation", status.generation());
        node.put("version", status.version());
        return node;
    }

    private static ObjectNode connector(String connector, String state, String trace, String workerId, int generation, String version) {
        ObjectNode node = Json.object();
        node.put("connector", connector);
        node.put("state", state);
        node.put("trace", trace);
        node.put("workerId", workerId);
        node.put("generation", generation);
        node.put("version", version);
        return node;
    }

    private static ObjectNode task(ConnectorTaskId id, String state, String trace, String workerId, int generation, String version) {
        ObjectNode node = connector(id.connector(), state, trace, workerId, generation, version);
        node.put("task", id.task());
        return node;
    }

    private static RecordingLog.Sent<String> r(String key, String text) {
        return new RecordingLog.Sent<>(key, text == null ? null : text.getBytes(StandardCharsets.UTF_8), 0, 0);
    }
}
