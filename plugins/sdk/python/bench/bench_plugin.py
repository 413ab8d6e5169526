"""The plugin poll_throughput.py drives: a source task that builds ``batch.size`` small records per
poll, as a connector would (a 5-field struct, a schemaless dict, or a string per record)."""

from __future__ import annotations

from polyconnect_sdk import (
    BOOLEAN_SCHEMA,
    FLOAT64_SCHEMA,
    INT64_SCHEMA,
    STRING_SCHEMA,
    ConfigDef,
    ConfigType,
    Importance,
    SchemaBuilder,
    SourceConnector,
    SourceRecord,
    SourceTask,
    Struct,
    serve,
    valid_string,
)

CONFIG = (
    ConfigDef()
    .define("topic", ConfigType.STRING, "bench", importance=Importance.LOW, documentation="")
    .define("batch.size", ConfigType.INT, 1000, importance=Importance.LOW, documentation="")
    .define("shape", ConfigType.STRING, "struct", validator=valid_string(["struct", "dict", "schemaless", "string"]), importance=Importance.LOW, documentation="")
)
ORDER = (
    SchemaBuilder.struct().name("bench.Order")
    .field("id", INT64_SCHEMA).field("customer", STRING_SCHEMA).field("amount", FLOAT64_SCHEMA)
    .field("paid", BOOLEAN_SCHEMA).field("created", INT64_SCHEMA)
    .build()
)
PARTITION = {"bench": "0"}


class BenchSourceTask(SourceTask):
    class_name = "bench.BenchSourceTask"

    def version(self):
        return "0"

    def start(self, config):
        parsed = CONFIG.parse(config)
        self.topic, self.size, self.shape = parsed["topic"], parsed["batch.size"], parsed["shape"]
        self.next = 0

    def poll(self):
        topic, n, shape = self.topic, self.next, self.shape
        records = []
        append = records.append
        for i in range(n, n + self.size):
            if shape == "struct":
                value = Struct(ORDER, {"id": i, "customer": f"customer-{i % 1000}", "amount": i * 0.25, "paid": i % 2 == 0, "created": 1700000000000 + i})
                append(SourceRecord(topic=topic, value=value, value_schema=ORDER, source_partition=PARTITION, source_offset={"n": i + 1}))
            elif shape == "dict":  # a dict for the struct schema: no Struct.put checks
                value = {"id": i, "customer": f"customer-{i % 1000}", "amount": i * 0.25, "paid": i % 2 == 0, "created": 1700000000000 + i}
                append(SourceRecord(topic=topic, value=value, value_schema=ORDER, source_partition=PARTITION, source_offset={"n": i + 1}))
            elif shape == "schemaless":
                value = {"id": i, "customer": f"customer-{i % 1000}", "amount": i * 0.25, "paid": i % 2 == 0, "created": 1700000000000 + i}
                append(SourceRecord(topic=topic, value=value, source_partition=PARTITION, source_offset={"n": i + 1}))
            else:
                append(SourceRecord(topic=topic, value=f"line {i}", value_schema=STRING_SCHEMA, source_partition=PARTITION, source_offset={"n": i + 1}))
        self.next = n + self.size
        return records

    def stop(self):
        pass


class BenchSourceConnector(SourceConnector):
    class_name = "bench.BenchSourceConnector"

    def version(self):
        return "0"

    def config(self):
        return CONFIG

    def start(self, config):
        self.settings = dict(config)

    def task_class(self):
        return BenchSourceTask

    def task_configs(self, max_tasks):
        return [self.settings]

    def stop(self):
        pass


if __name__ == "__main__":
    serve("bench", "0", [BenchSourceConnector])
