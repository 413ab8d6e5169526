"""Kafka Connect's exception family, as connector code raises it.

The names are Kafka Connect's own so that connector authors recognise them. The runtime reads
``retriable`` (not the class) to decide whether a failed call may be retried, and maps the
exception to a gRPC status (docs/plugin-protocol.md section 8): retriable -> UNAVAILABLE,
ConfigException -> INVALID_ARGUMENT, an unknown instance -> NOT_FOUND, anything else -> INTERNAL.
"""

from __future__ import annotations


class ConnectException(Exception):
    """Base of every error raised by Connect code (Kafka's ConnectException)."""

    #: True when retrying the same operation may succeed.
    retriable: bool = False


class RetriableException(ConnectException):
    """A failure that may go away when the operation is retried (Kafka's RetriableException).

    Raised from ``SourceTask.poll`` the worker logs it and polls again; raised from
    ``SinkTask.put`` the worker delivers the same batch again later.
    """

    retriable = True


class DataException(ConnectException):
    """Data that does not fit its schema, or cannot be converted (Kafka's DataException)."""


class ConfigException(ConnectException):
    """A configuration value is missing or invalid (Kafka's ConfigException), with Kafka's messages."""

    @classmethod
    def invalid_value(cls, name: str, value: object, reason: str | None = None) -> "ConfigException":
        """``Invalid value <value> for configuration <name>: <reason>``"""
        suffix = f": {reason}" if reason else ""
        return cls(f"Invalid value {_render(value)} for configuration {name}{suffix}")

    @classmethod
    def missing(cls, name: str) -> "ConfigException":
        """``Missing required configuration "<name>" which has no default value.``"""
        return cls(f'Missing required configuration "{name}" which has no default value.')


class UnknownInstanceError(ConnectException):
    """A call named an instance this process does not have (never started, or already stopped)."""

    def __init__(self, instance_id: str) -> None:
        super().__init__(f'No instance "{instance_id}" in this plugin process')


def is_retriable(error: BaseException) -> bool:
    """Whether an exception raised by connector code asks to be retried."""
    return getattr(error, "retriable", False) is True


def _render(value: object) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (list, tuple)):
        return ",".join(_render(v) for v in value)
    return str(value)
