"""Plugin-side handlers of SinkTaskService: sink task instances, partition open/close, put with
errant-record reports returned to the worker, and pre-commit (docs/plugin-protocol.md section 5.4).
"""

from __future__ import annotations

from typing import Any

from ..connector import SinkTask
from ..data.records import SinkRecord, TopicPartition, TopicPartitionOffset
from ..wire.error_info import error_info_of
from ..wire.protocol import errors_pb2, offsets_pb2, sink_task_service_pb2, sink_task_service_pb2_grpc
from ..wire.record_codec import decode_sink_records
from .calls import Calls, unary
from .class_registry import ClassRegistry
from .instances import Instances, SinkTaskInstance


class _ErrantRecordReporter:
    def __init__(self, instance: SinkTaskInstance) -> None:
        self._instance = instance

    def report(self, record: SinkRecord, error: BaseException) -> None:
        self._instance.add_errant(
            errors_pb2.ErrantRecord(
                topic=record.original_topic or record.topic,
                kafka_partition=record.original_kafka_partition,
                kafka_offset=record.original_kafka_offset,
                error=error_info_of(error),
            )
        )


class SinkTaskContext:
    def __init__(self, connector_name: str, task_id: int, config: dict[str, str], reporter: _ErrantRecordReporter) -> None:
        self.connector_name = connector_name
        self.task_id = task_id
        self._config = config
        self.errant_record_reporter = reporter

    def configs(self) -> dict[str, str]:
        return dict(self._config)


def _partitions(protos: Any) -> list[TopicPartition]:
    return [TopicPartition(p.topic, p.partition) for p in protos]


class SinkTaskServicer(sink_task_service_pb2_grpc.SinkTaskServiceServicer):
    def __init__(self, instances: Instances, registry: ClassRegistry, calls: Calls) -> None:
        self._instances = instances
        self._registry = registry
        self._calls = calls

    @unary
    async def StartSinkTask(self, request: Any, context: Any) -> Any:
        task = self._registry.new_task(request.task_class)
        if not isinstance(task, SinkTask):
            raise TypeError(f'Task class "{request.task_class}" is not a SinkTask')
        instance = SinkTaskInstance(task)
        config = dict(request.config)
        task.initialize(SinkTaskContext(request.connector_name, request.task_id, config, _ErrantRecordReporter(instance)))
        self._instances.add(request.instance_id, instance)
        try:
            await self._calls.run(task.start, config)
        except BaseException:
            self._instances.remove(request.instance_id)
            raise
        return sink_task_service_pb2.StartSinkTaskResponse(version=await self._calls.run(task.version))

    @unary
    async def OpenPartitions(self, request: Any, context: Any) -> Any:
        instance = self._instances.sink_task(request.instance_id)
        await self._calls.run(instance.task.open, _partitions(request.partitions))
        return sink_task_service_pb2.OpenPartitionsResponse()

    @unary
    async def Put(self, request: Any, context: Any) -> Any:
        instance = self._instances.sink_task(request.instance_id)
        batch = request.batch if request.HasField("batch") else None

        def put() -> None:
            instance.task.put(decode_sink_records(batch))

        await self._calls.run(put)
        return sink_task_service_pb2.PutResponse(errant_records=instance.take_errant())

    @unary
    async def PreCommit(self, request: Any, context: Any) -> Any:
        instance = self._instances.sink_task(request.instance_id)
        offsets = [TopicPartitionOffset(o.topic, o.partition, o.offset) for o in request.offsets]
        committable = await self._calls.run(instance.task.pre_commit, offsets)
        return sink_task_service_pb2.PreCommitResponse(
            offsets=[offsets_pb2.TopicPartitionOffset(topic=o[0], partition=o[1], offset=o[2]) for o in committable or ()],
            errant_records=instance.take_errant(),
        )

    @unary
    async def ClosePartitions(self, request: Any, context: Any) -> Any:
        instance = self._instances.sink_task(request.instance_id)
        await self._calls.run(instance.task.close, _partitions(request.partitions))
        return sink_task_service_pb2.ClosePartitionsResponse()

    @unary
    async def StopSinkTask(self, request: Any, context: Any) -> Any:
        instance = self._instances.sink_task(request.instance_id)
        self._instances.remove(request.instance_id)
        await self._calls.run(instance.task.stop)
        return sink_task_service_pb2.StopSinkTaskResponse()
