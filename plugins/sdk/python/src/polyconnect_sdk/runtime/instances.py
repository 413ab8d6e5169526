"""The instances living in this plugin process, by the worker's instance id: connectors (with their
event queue and stream), source tasks (with a poll that may outlive one Poll call) and sink tasks
(with their errant-record reports waiting to be returned).

Only the event loop thread touches the table; connector code runs on executor threads and reaches
the loop through ``loop.call_soon_threadsafe``.
"""

from __future__ import annotations

import asyncio
import collections
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Union

from ..connector import Connector, SinkTask, SourceTask
from ..errors import UnknownInstanceError


class ConnectorInstance:
    kind = "connector"

    def __init__(self, connector: Connector, loop: asyncio.AbstractEventLoop) -> None:
        self.connector = connector
        self.loop = loop
        #: Events raised and not yet sent (kept until the worker opens the stream).
        self.pending_events: collections.deque[Any] = collections.deque()
        self.wakeup = asyncio.Event()
        self.stopped = False
        #: Identifies the newest WatchConnectorEvents stream; older ones end.
        self.stream_token: object | None = None

    def push_event(self, event: Any) -> None:
        """Queues an event (loop thread only)."""
        self.pending_events.append(event)
        self.wakeup.set()

    def emit(self, event: Any) -> None:
        """Queues an event from any thread."""
        try:
            self.loop.call_soon_threadsafe(self.push_event, event)
        except RuntimeError:
            pass  # the loop is closed: the process is stopping

    def mark_stopped(self) -> None:
        self.stopped = True
        self.wakeup.set()


class SourceTaskInstance:
    kind = "source-task"

    def __init__(self, task: SourceTask, instance_id: str) -> None:
        self.task = task
        #: One thread per source task runs its polls, as Kafka gives each task its own thread.
        self.poll_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"poll-{instance_id}"[:40])
        #: A poll still running when the last Poll call returned empty-handed; the next call picks it up.
        self.pending_poll: asyncio.Future[Any] | None = None
        self.stopped: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def mark_stopped(self) -> None:
        if not self.stopped.done():
            self.stopped.set_result(None)
        self.poll_executor.shutdown(wait=False, cancel_futures=True)


class SinkTaskInstance:
    kind = "sink-task"

    def __init__(self, task: SinkTask) -> None:
        self.task = task
        self._errant: list[Any] = []
        self._lock = threading.Lock()

    def add_errant(self, errant: Any) -> None:
        with self._lock:
            self._errant.append(errant)

    def take_errant(self) -> list[Any]:
        with self._lock:
            taken, self._errant = self._errant, []
        return taken

    def mark_stopped(self) -> None:
        pass


Instance = Union[ConnectorInstance, SourceTaskInstance, SinkTaskInstance]


class Instances:
    def __init__(self) -> None:
        self._instances: dict[str, Instance] = {}

    def add(self, instance_id: str, instance: Instance) -> None:
        if instance_id in self._instances:
            raise ValueError(f'Instance "{instance_id}" already exists in this plugin process')
        self._instances[instance_id] = instance

    def remove(self, instance_id: str) -> None:
        self._instances.pop(instance_id, None)

    def take_all(self) -> list[tuple[str, Instance]]:
        taken = list(self._instances.items())
        self._instances.clear()
        return taken

    def connector(self, instance_id: str) -> ConnectorInstance:
        return self._get(instance_id, ConnectorInstance)  # type: ignore[return-value]

    def source_task(self, instance_id: str) -> SourceTaskInstance:
        return self._get(instance_id, SourceTaskInstance)  # type: ignore[return-value]

    def sink_task(self, instance_id: str) -> SinkTaskInstance:
        return self._get(instance_id, SinkTaskInstance)  # type: ignore[return-value]

    def _get(self, instance_id: str, kind: type) -> Instance:
        instance = self._instances.get(instance_id)
        if instance is None or not isinstance(instance, kind):
            raise UnknownInstanceError(instance_id)
        return instance
