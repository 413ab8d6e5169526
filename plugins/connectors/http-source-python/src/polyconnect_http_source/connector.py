"""HttpSourceConnector: polls one HTTP URL that answers with JSON records; one task."""

from __future__ import annotations

from polyconnect_sdk import SourceConnector

from . import VERSION
from .config import CONFIG, parse_config
from .task import HttpSourceTask


class HttpSourceConnector(SourceConnector):
    class_name = "io.polyconnect.http.HttpSourceConnector"
    aliases = ("HttpSource",)

    def version(self) -> str:
        return VERSION

    def config(self):
        return CONFIG

    def start(self, config):
        parse_config(config)
        self._config = dict(config)

    def task_class(self):
        return HttpSourceTask

    def task_configs(self, max_tasks):
        return [dict(self._config)]  # one URL, one task

    def stop(self):
        pass
