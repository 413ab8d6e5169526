"""The records that cross the plugin boundary, in Connect's data model: SourceRecord (what a source
task returns from poll) and SinkRecord (what a sink task receives in put), with their headers.

They are plain slotted classes so that building hundreds of thousands of them stays cheap.
Source partitions and offsets are dicts of string keys to str, int, float, bool or None values,
e.g. ``{"filename": "/in.txt"}`` and ``{"position": 4096}``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, NamedTuple, Sequence

from .schema import Schema

SourceMap = Mapping[str, Any]


class Header(NamedTuple):
    key: str
    value: Any
    #: The header value's schema; None for a schemaless value.
    schema: Schema | None = None


@dataclass(slots=True)
class SourceRecord:
    """A record a source task produces (Kafka's SourceRecord)."""

    topic: str
    value: Any = None
    value_schema: Schema | None = None
    key: Any = None
    key_schema: Schema | None = None
    #: Where in the external system the record came from, e.g. ``{"filename": "/in.txt"}``.
    source_partition: SourceMap | None = None
    #: The position after this record in that partition, e.g. ``{"position": 4096}``.
    source_offset: SourceMap | None = None
    #: The Kafka partition to write to; None lets the producer's partitioner choose.
    kafka_partition: int | None = None
    #: Epoch milliseconds; None means "the producer's time".
    timestamp: int | None = None
    headers: Sequence[Header] = ()


class TimestampType:
    NO_TIMESTAMP_TYPE = "NO_TIMESTAMP_TYPE"
    CREATE_TIME = "CREATE_TIME"
    LOG_APPEND_TIME = "LOG_APPEND_TIME"


@dataclass(slots=True)
class SinkRecord:
    """A record consumed from Kafka and handed to a sink task (Kafka's SinkRecord)."""

    topic: str
    kafka_partition: int
    kafka_offset: int
    key: Any = None
    key_schema: Schema | None = None
    value: Any = None
    value_schema: Schema | None = None
    timestamp: int | None = None
    timestamp_type: str = TimestampType.NO_TIMESTAMP_TYPE
    headers: Sequence[Header] = ()
    #: Where the record was consumed, before transforms changed topic or partition; report
    #: errant records and commit offsets by these.
    original_topic: str = ""
    original_kafka_partition: int = 0
    original_kafka_offset: int = 0


class TopicPartition(NamedTuple):
    topic: str
    partition: int


class TopicPartitionOffset(NamedTuple):
    """The next offset to consume in a topic partition (last processed offset + 1)."""

    topic: str
    partition: int
    offset: int
