"""A plugin for the SDK's own tests, served by tests/test_serve.py in a subprocess.

CounterSource: counts from the committed offset; ``batch.size`` records per poll, an optional
``poll.delay.ms`` before each poll, ``fail.poll`` = retriable|fatal to raise from poll.
MemorySink: appends "topic/partition/offset value" lines to ``file`` and reports records whose
value is "bad" as errant.
"""

from __future__ import annotations

import logging
import os
import sys
import threading

from polyconnect_sdk import (
    INT64_SCHEMA,
    ConfigDef,
    ConfigType,
    DataException,
    Importance,
    RetriableException,
    SchemaBuilder,
    SinkConnector,
    SinkTask,
    SourceConnector,
    SourceRecord,
    SourceTask,
    Struct,
    at_least,
    get_logger,
    serve,
)

print("a library printing on stdout at import time must not break the handshake")

VERSION = "9.9.9"
PARTITION = {"counter": "main"}
VALUE_SCHEMA = SchemaBuilder.struct().name("fixture.Count").field("n", INT64_SCHEMA).build()
log = get_logger("fixture")

SOURCE_CONFIG = (
    ConfigDef()
    .define("topic", ConfigType.STRING, importance=Importance.HIGH, documentation="Topic")
    .define("batch.size", ConfigType.INT, 3, validator=at_least(1), importance=Importance.LOW, documentation="Records per poll")
    .define("poll.delay.ms", ConfigType.INT, 0, importance=Importance.LOW, documentation="Sleep before each poll")
    .define("fail.poll", ConfigType.STRING, "", importance=Importance.LOW, documentation="retriable|fatal")
    .define("marker.dir", ConfigType.STRING, "", importance=Importance.LOW, documentation="Where stop() leaves a file")
)


class CounterSourceTask(SourceTask):
    class_name = "fixture.CounterSourceTask"

    def version(self) -> str:
        return VERSION

    def start(self, config):
        parsed = SOURCE_CONFIG.parse(config)
        self.topic = parsed["topic"]
        self.batch_size = parsed["batch.size"]
        self.delay = parsed["poll.delay.ms"] / 1000
        self.fail = parsed["fail.poll"]
        self.marker_dir = parsed["marker.dir"]
        self.stopping = threading.Event()
        committed = self.context.offset_storage_reader.offset(PARTITION)
        self.next = committed["next"] if committed else 0
        self.commits = []
        log.info("CounterSourceTask started", next=self.next, task=self.context.task_id)
        logging.getLogger("fixture.stdlib").warning("stdlib logging works too", extra={"answer": 42})

    def poll(self):
        if self.fail == "retriable":
            raise RetriableException("upstream busy")
        if self.fail == "fatal":
            raise ValueError("poll exploded")
        if self.delay and self.stopping.wait(self.delay):
            return None
        records = []
        for _ in range(self.batch_size):
            n = self.next
            self.next += 1
            records.append(SourceRecord(topic=self.topic, value=Struct(VALUE_SCHEMA, {"n": n}), value_schema=VALUE_SCHEMA,
                                        source_partition=PARTITION, source_offset={"next": self.next}))
        return records

    def commit(self, offsets):
        self.commits.append(offsets)
        log.info("Committed", offsets=offsets)

    def stop(self):
        self.stopping.set()
        if self.marker_dir:
            open(os.path.join(self.marker_dir, f"stopped-{self.context.task_id}"), "w").close()


class CounterSourceConnector(SourceConnector):
    class_name = "fixture.CounterSourceConnector"
    aliases = ("CounterSource",)

    def version(self):
        return VERSION

    def config(self):
        return SOURCE_CONFIG

    def start(self, config):
        SOURCE_CONFIG.parse(config)
        self.settings = dict(config)
        if config.get("reconfigure") == "true":
            threading.Timer(0.1, self.context.request_task_reconfiguration).start()
        if config.get("raise.error") == "true":
            threading.Timer(0.1, lambda: self.context.raise_error(RuntimeError("background failure"))).start()

    def task_class(self):
        return CounterSourceTask

    def task_configs(self, max_tasks):
        return [{**self.settings, "task.index": str(i)} for i in range(max_tasks)]

    def stop(self):
        pass


SINK_CONFIG = ConfigDef().define("file", ConfigType.STRING, importance=Importance.HIGH, documentation="Output file")


class MemorySinkTask(SinkTask):
    class_name = "fixture.MemorySinkTask"

    def version(self):
        return VERSION

    def start(self, config):
        self.file = SINK_CONFIG.parse(config)["file"]
        self.partitions = []

    def open(self, partitions):
        self.partitions.extend(partitions)

    def put(self, records):
        with open(self.file, "a") as out:
            for record in records:
                if record.value == "bad":
                    self.context.errant_record_reporter.report(record, DataException("bad record"))
                    continue
                out.write(f"{record.topic}/{record.kafka_partition}/{record.kafka_offset} {record.value}\n")

    def pre_commit(self, offsets):
        return [o for o in offsets if o.offset > 0]

    def stop(self):
        with open(self.file, "a") as out:
            out.write("stopped\n")


class MemorySinkConnector(SinkConnector):
    class_name = "fixture.MemorySinkConnector"

    def version(self):
        return VERSION

    def config(self):
        return SINK_CONFIG

    def start(self, config):
        SINK_CONFIG.parse(config)
        self.settings = dict(config)

    def task_class(self):
        return MemorySinkTask

    def task_configs(self, max_tasks):
        return [dict(self.settings)]

    def stop(self):
        pass


if __name__ == "__main__":
    sys.stdout.write("print after serve() starts also goes to stderr\n")
    serve("fixture", "1.2.3", [CounterSourceConnector, MemorySinkConnector])
