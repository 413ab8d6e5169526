"""Plugin-side handlers of SourceTaskService: source task instances, their polls (bounded by the
worker's max_wait_ms, with a slow poll carried over to the next call, never run twice at once)
and offset commits (docs/plugin-protocol.md section 5.3).
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from ..connector import SourceTask
from ..wire.protocol import source_task_service_pb2, source_task_service_pb2_grpc
from ..wire.record_codec import encode_source_records, parse_source_map
from .calls import Calls, unary
from .class_registry import ClassRegistry
from .instances import Instances, SourceTaskInstance

#: How long a Poll waits when the worker sends max_wait_ms = 0 ("no preference").
DEFAULT_POLL_WAIT_SECONDS = 1.0


def _empty_poll() -> Any:
    response = source_task_service_pb2.PollResponse()
    response.batch.SetInParent()
    return response


def _canonical(partition: Any) -> str:
    """A text key for a source partition: keys sorted, so that key order does not matter."""
    return json.dumps(partition, sort_keys=True, separators=(",", ":"))


class OffsetReader:
    """The task's OffsetStorageReader over the committed offsets StartSourceTask carried."""

    def __init__(self, offsets: Any) -> None:
        self._entries: list[tuple[dict[str, Any], dict[str, Any] | None]] = []
        self._by_partition: dict[str, dict[str, Any] | None] = {}
        for entry in offsets:
            partition = parse_source_map(entry.partition)
            if partition is None:
                continue
            offset = parse_source_map(entry.offset)
            self._entries.append((partition, offset))
            self._by_partition[_canonical(partition)] = offset

    def offset(self, partition: Any) -> dict[str, Any] | None:
        found = self._by_partition.get(_canonical(dict(partition)))
        return None if found is None else dict(found)

    def offsets(self) -> list[tuple[dict[str, Any], dict[str, Any] | None]]:
        return [(dict(p), None if o is None else dict(o)) for p, o in self._entries]


class SourceTaskContext:
    def __init__(self, connector_name: str, task_id: int, config: dict[str, str], reader: OffsetReader) -> None:
        self.connector_name = connector_name
        self.task_id = task_id
        self._config = config
        self.offset_storage_reader = reader

    def configs(self) -> dict[str, str]:
        return dict(self._config)


def _poll_and_encode(task: SourceTask) -> Any:
    """Runs on the task's poll thread: the connector's poll, then the batch's encoding."""
    records = task.poll()
    if not records:
        return None
    response = source_task_service_pb2.PollResponse()
    encode_source_records(records, response.batch)
    return response


def _retrieve(future: asyncio.Future[Any]) -> None:
    # A failed poll nobody waits for any more (its task stopped) must not be reported as unretrieved.
    if not future.cancelled():
        future.exception()


class SourceTaskServicer(source_task_service_pb2_grpc.SourceTaskServiceServicer):
    def __init__(self, instances: Instances, registry: ClassRegistry, calls: Calls) -> None:
        self._instances = instances
        self._registry = registry
        self._calls = calls

    @unary
    async def StartSourceTask(self, request: Any, context: Any) -> Any:
        task = self._registry.new_task(request.task_class)
        if not isinstance(task, SourceTask):
            raise TypeError(f'Task class "{request.task_class}" is not a SourceTask')
        config = dict(request.config)
        task.initialize(SourceTaskContext(request.connector_name, request.task_id, config, OffsetReader(request.offsets)))
        instance = SourceTaskInstance(task, request.instance_id)
        self._instances.add(request.instance_id, instance)
        try:
            await self._calls.run(task.start, config)
        except BaseException:
            self._instances.remove(request.instance_id)
            instance.mark_stopped()
            raise
        return source_task_service_pb2.StartSourceTaskResponse(version=await self._calls.run(task.version))

    @unary
    async def Poll(self, request: Any, context: Any) -> Any:
        instance = self._instances.source_task(request.instance_id)
        poll = instance.pending_poll
        if poll is None:
            poll = asyncio.get_running_loop().run_in_executor(instance.poll_executor, _poll_and_encode, instance.task)
            poll.add_done_callback(_retrieve)
            instance.pending_poll = poll
        timeout = request.max_wait_ms / 1000 if request.max_wait_ms > 0 else DEFAULT_POLL_WAIT_SECONDS
        await asyncio.wait((poll, instance.stopped), timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
        if not poll.done():
            return _empty_poll()  # the poll goes on; the next Poll call waits for it again
        instance.pending_poll = None
        if poll.cancelled():  # the task stopped before its poll could start
            return _empty_poll()
        return poll.result() or _empty_poll()

    @unary
    async def Commit(self, request: Any, context: Any) -> Any:
        instance = self._instances.source_task(request.instance_id)
        offsets = [(parse_source_map(entry.partition), parse_source_map(entry.offset)) for entry in request.offsets]
        await self._calls.run(instance.task.commit, offsets)
        return source_task_service_pb2.CommitResponse()

    @unary
    async def StopSourceTask(self, request: Any, context: Any) -> Any:
        instance = self._instances.source_task(request.instance_id)
        self._instances.remove(request.instance_id)
        try:
            await self._calls.run(instance.task.stop)
        finally:
            instance.mark_stopped()
        return source_task_service_pb2.StopSourceTaskResponse()
