"""The plugin's logging: JSON lines on stderr ({"level","time","msg",...}), which the worker reads
back and re-logs with the plugin, connector and task names (docs/plugin-protocol.md section 4).
Stdout belongs to the handshake.

Both ways of logging end up there once serve() has called configure_logging():

- the standard library: ``logging.getLogger(__name__).info("Started", extra={"file": path})``;
- the SDK's structured logger: ``get_logger(__name__).info("Started", file=path)``, with
  ``child(**bindings)`` for fields every line should carry.

``POLYCONNECT_PLUGIN_LOG_LEVEL`` (trace, debug, info, warn, error) sets the level; default info.
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
import os
import sys
import traceback
from typing import Any, TextIO

TRACE = 5
logging.addLevelName(TRACE, "TRACE")

_LEVEL_NAMES = {TRACE: "trace", logging.DEBUG: "debug", logging.INFO: "info", logging.WARNING: "warn", logging.ERROR: "error", logging.CRITICAL: "fatal"}
_LEVELS_BY_NAME = {"trace": TRACE, "debug": logging.DEBUG, "info": logging.INFO, "warn": logging.WARNING, "warning": logging.WARNING, "error": logging.ERROR, "fatal": logging.CRITICAL}
_FIELDS_ATTRIBUTE = "polyconnect_fields"
_STANDARD_ATTRIBUTES = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime", "taskName", _FIELDS_ATTRIBUTE}
_RESERVED = ("level", "time", "msg")


def _level_name(level: int) -> str:
    if level in _LEVEL_NAMES:
        return _LEVEL_NAMES[level]
    for threshold in sorted(_LEVEL_NAMES, reverse=True):
        if level >= threshold:
            return _LEVEL_NAMES[threshold]
    return "trace"


def _json_default(value: Any) -> Any:
    if isinstance(value, BaseException):
        return {
            "name": type(value).__name__,
            "message": str(value),
            "stack": "".join(traceback.format_exception(type(value), value, value.__traceback__)).rstrip("\n"),
        }
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


class JsonLinesFormatter(logging.Formatter):
    """One JSON object per record: level, time, msg, the logger name, extra fields and any exception."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "level": _level_name(record.levelno),
            "time": _dt.datetime.fromtimestamp(record.created, _dt.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "msg": record.getMessage(),
        }
        if record.name != "root":
            entry["logger"] = record.name
        for key, value in record.__dict__.items():
            if key not in _STANDARD_ATTRIBUTES and key not in _RESERVED:
                entry[key] = value
        fields = getattr(record, _FIELDS_ATTRIBUTE, None)
        if fields:
            for key, value in fields.items():
                entry[f"field.{key}" if key in _RESERVED else key] = value
        if record.exc_info and record.exc_info[1] is not None:
            entry["error"] = record.exc_info[1]
        try:
            return json.dumps(entry, default=_json_default, ensure_ascii=False)
        except (TypeError, ValueError):
            return json.dumps({k: str(v) for k, v in entry.items()}, ensure_ascii=False)


def level_from_environment() -> int:
    name = os.environ.get("POLYCONNECT_PLUGIN_LOG_LEVEL", "info").strip().lower()
    return _LEVELS_BY_NAME.get(name, logging.INFO)


def configure_logging(stream: TextIO | None = None) -> None:
    """Sends every log record (root logger) to stderr as JSON lines, at the configured level."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonLinesFormatter())
    root = logging.getLogger()
    for existing in list(root.handlers):
        root.removeHandler(existing)
    root.addHandler(handler)
    root.setLevel(level_from_environment())


class PluginLogger:
    """A structured logger: ``log.info("Task started", file=path)``; fields become JSON members."""

    __slots__ = ("_logger", "_bindings")

    def __init__(self, logger: logging.Logger, bindings: dict[str, Any] | None = None) -> None:
        self._logger = logger
        self._bindings = bindings or {}

    def child(self, **bindings: Any) -> "PluginLogger":
        return PluginLogger(self._logger, {**self._bindings, **bindings})

    def log(self, level: int, message: str, fields: dict[str, Any]) -> None:
        if self._logger.isEnabledFor(level):
            merged = {**self._bindings, **fields} if self._bindings else fields
            exc_info = fields.get("error") if isinstance(fields.get("error"), BaseException) else None
            if exc_info is not None:
                merged = {k: v for k, v in merged.items() if k != "error"}
            self._logger.log(level, message, exc_info=exc_info, extra={_FIELDS_ATTRIBUTE: merged}, stacklevel=3)

    def trace(self, message: str, **fields: Any) -> None:
        self.log(TRACE, message, fields)

    def debug(self, message: str, **fields: Any) -> None:
        self.log(logging.DEBUG, message, fields)

    def info(self, message: str, **fields: Any) -> None:
        self.log(logging.INFO, message, fields)

    def warn(self, message: str, **fields: Any) -> None:
        self.log(logging.WARNING, message, fields)

    warning = warn

    def error(self, message: str, **fields: Any) -> None:
        self.log(logging.ERROR, message, fields)


def get_logger(name: str = "polyconnect", **bindings: Any) -> PluginLogger:
    return PluginLogger(logging.getLogger(name), bindings)


#: The SDK's own logger.
log = get_logger("polyconnect_sdk")
