"""The classes a connector author extends (Kafka Connect's Connector, SourceConnector,
SinkConnector, SourceTask and SinkTask) and the contexts the runtime hands them.

A connector only moves data: converters, transforms, offset storage and retries belong to the
worker. Methods are plain (blocking) functions; the runtime calls them on worker threads, never
on the thread that answers gRPC, so they may wait on I/O. Calls for one instance never overlap,
except ``SourceTask.commit`` and ``stop``, which may run while ``poll`` is waiting.

Names: ``class_name`` is what users write in ``connector.class`` (by convention fully qualified;
the Python class name when absent), ``aliases`` are extra names. Task classes have a
``class_name`` too: the worker stores it with the task configs and asks for it by that name.
Constructors must do nothing: the runtime constructs connectors to describe them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Mapping, Protocol, Sequence

if TYPE_CHECKING:
    from .config.config_def import ConfigDef, ConfigValue
    from .data.records import SinkRecord, SourceMap, SourceRecord, TopicPartition, TopicPartitionOffset

ConnectorConfig = Mapping[str, str]


def class_name_of(cls: type) -> str:
    """A connector's or task's ``class_name``, else its Python name."""
    return getattr(cls, "class_name", None) or cls.__name__


class ConnectorContext(Protocol):
    """What a connector may ask of the worker (Kafka's ConnectorContext)."""

    def request_task_reconfiguration(self) -> None:
        """Ask the worker to fetch new task configs, e.g. after the external system changed."""

    def raise_error(self, error: BaseException) -> None:
        """Fail the connector from a background activity."""


class Connector:
    #: The name users write in ``connector.class``; the Python class name when empty.
    class_name: ClassVar[str] = ""
    #: Extra names users may write in ``connector.class``.
    aliases: ClassVar[Sequence[str]] = ()
    #: "source" or "sink", set by SourceConnector and SinkConnector.
    type: ClassVar[str] = ""

    _context: ConnectorContext | None = None

    def initialize(self, context: ConnectorContext) -> None:
        """Called by the runtime before start."""
        self._context = context

    @property
    def context(self) -> ConnectorContext:
        if self._context is None:
            raise RuntimeError("The connector has not been initialized")
        return self._context

    def version(self) -> str:
        raise NotImplementedError

    def config(self) -> "ConfigDef":
        """The connector's configuration definitions."""
        raise NotImplementedError

    def start(self, config: ConnectorConfig) -> None:
        raise NotImplementedError

    def task_class(self) -> type["Task"]:
        raise NotImplementedError

    def task_configs(self, max_tasks: int) -> list[dict[str, str]]:
        """Up to ``max_tasks`` task configs."""
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def validate(self, config: ConnectorConfig) -> list["ConfigValue"]:
        """Validates a config; the default checks every key against config()."""
        return self.config().validate(config)


class SourceConnector(Connector):
    type = "source"


class SinkConnector(Connector):
    type = "sink"


class Task:
    class_name: ClassVar[str] = ""

    def version(self) -> str:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError


class OffsetStorageReader(Protocol):
    """Reads the offsets the worker has committed for this connector (Kafka's OffsetStorageReader)."""

    def offset(self, partition: "SourceMap") -> dict[str, Any] | None:
        """The committed offset of a source partition, or None."""

    def offsets(self) -> list[tuple[dict[str, Any], dict[str, Any] | None]]:
        """Every (partition, offset) the worker passed at start."""


class SourceTaskContext(Protocol):
    connector_name: str
    task_id: int
    offset_storage_reader: OffsetStorageReader

    def configs(self) -> ConnectorConfig: ...


class SourceTask(Task):
    _context: SourceTaskContext | None = None

    def initialize(self, context: SourceTaskContext) -> None:
        self._context = context

    @property
    def context(self) -> SourceTaskContext:
        if self._context is None:
            raise RuntimeError("The task has not been initialized")
        return self._context

    def start(self, config: ConnectorConfig) -> None:
        raise NotImplementedError

    def poll(self) -> "Sequence[SourceRecord] | None":
        """The next records, or None/[] when there are none right now.

        May wait for data, but should return within about a second so that the worker can pause
        and stop the task promptly. A poll that takes longer than the worker's Poll call is not
        lost: the next Poll call picks its records up.
        """
        raise NotImplementedError

    def commit(self, offsets: "list[tuple[SourceMap, SourceMap | None]]") -> None:
        """Called with the (partition, offset) pairs the worker has durably stored; acknowledge upstream here."""


class ErrantRecordReporter(Protocol):
    """Reports records the task cannot write; the worker logs them and sends them to the DLQ."""

    def report(self, record: "SinkRecord", error: BaseException) -> None: ...


class SinkTaskContext(Protocol):
    connector_name: str
    task_id: int
    errant_record_reporter: ErrantRecordReporter

    def configs(self) -> ConnectorConfig: ...


class SinkTask(Task):
    _context: SinkTaskContext | None = None

    def initialize(self, context: SinkTaskContext) -> None:
        self._context = context

    @property
    def context(self) -> SinkTaskContext:
        if self._context is None:
            raise RuntimeError("The task has not been initialized")
        return self._context

    def start(self, config: ConnectorConfig) -> None:
        raise NotImplementedError

    def put(self, records: "list[SinkRecord]") -> None:
        raise NotImplementedError

    def open(self, partitions: "list[TopicPartition]") -> None:
        """The task now owns these partitions."""

    def close(self, partitions: "list[TopicPartition]") -> None:
        """The task no longer owns these partitions."""

    def flush(self, offsets: "list[TopicPartitionOffset]") -> None:
        """Make everything put so far durable."""

    def pre_commit(self, offsets: "list[TopicPartitionOffset]") -> "list[TopicPartitionOffset]":
        """The offsets safe to commit; by default flushes and returns the offsets given."""
        self.flush(offsets)
        return offsets
