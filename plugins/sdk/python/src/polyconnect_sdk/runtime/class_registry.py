"""Finds the connector and task classes a plugin serves by the names the worker uses: a
connector's class_name or one of its aliases, and the class_name of the task class it returns.
"""

from __future__ import annotations

from typing import Sequence

from ..connector import Connector, SinkConnector, SourceConnector, Task, class_name_of


class ClassRegistry:
    def __init__(self, connectors: Sequence[type[Connector]]) -> None:
        if not connectors:
            raise ValueError("serve() needs at least one connector class")
        self.connectors = tuple(connectors)
        self._connectors_by_name: dict[str, type[Connector]] = {}
        self._tasks_by_name: dict[str, type[Task]] = {}
        for connector in self.connectors:
            if not (isinstance(connector, type) and issubclass(connector, (SourceConnector, SinkConnector))):
                raise TypeError(f"{connector!r} is not a SourceConnector or SinkConnector subclass")
            for name in (class_name_of(connector), *connector.aliases):
                self._connectors_by_name[name] = connector
            # Connectors are constructed without side effects (as Kafka requires), so asking one
            # for its task class is safe.
            task_class = connector().task_class()
            self._tasks_by_name[class_name_of(task_class)] = task_class

    def new_connector(self, name: str) -> Connector:
        connector = self._connectors_by_name.get(name)
        if connector is None:
            raise LookupError(f'This plugin has no connector class "{name}"; it provides {", ".join(self._connectors_by_name)}')
        return connector()

    def new_task(self, name: str) -> Task:
        task = self._tasks_by_name.get(name)
        if task is None:
            raise LookupError(f'This plugin has no task class "{name}"; it provides {", ".join(self._tasks_by_name)}')
        return task()
