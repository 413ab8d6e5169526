"""How errors cross the plugin boundary (docs/plugin-protocol.md section 8).

A failed call ends with a gRPC status whose trailing metadata ``polyconnect-error-info-bin`` holds
a serialized polyconnect.plugin.v1.ErrorInfo (error class, message, stack trace, retriable); the
status code says what kind of failure it is; per-record failures carry ErrorInfo in messages.
"""

from __future__ import annotations

import traceback
from typing import Any

import grpc

from ..errors import ConfigException, UnknownInstanceError, is_retriable
from .protocol import errors_pb2

ERROR_INFO_METADATA_KEY = "polyconnect-error-info-bin"


def error_info_of(error: BaseException) -> Any:
    """The ErrorInfo message describing an exception raised by plugin code."""
    return errors_pb2.ErrorInfo(
        error_class=type(error).__name__,
        message=str(error),
        stack_trace="".join(traceback.format_exception(type(error), error, error.__traceback__)).rstrip("\n"),
        retriable=is_retriable(error),
    )


def status_code_for(error: BaseException) -> grpc.StatusCode:
    """UNAVAILABLE when retriable, INVALID_ARGUMENT for ConfigException, NOT_FOUND for an unknown instance, else INTERNAL."""
    if is_retriable(error):
        return grpc.StatusCode.UNAVAILABLE
    if isinstance(error, ConfigException):
        return grpc.StatusCode.INVALID_ARGUMENT
    if isinstance(error, UnknownInstanceError):
        return grpc.StatusCode.NOT_FOUND
    return grpc.StatusCode.INTERNAL


def status_for_error(error: BaseException) -> tuple[grpc.StatusCode, str, tuple[tuple[str, bytes], ...]]:
    """(code, details, trailing metadata) of the failed call that reports ``error``."""
    info = error_info_of(error)
    details = f"{info.error_class}: {info.message}"
    return status_code_for(error), details, ((ERROR_INFO_METADATA_KEY, info.SerializeToString()),)


def error_info_from_metadata(metadata: Any) -> Any | None:
    """The ErrorInfo in a failed call's trailing metadata, if the plugin sent one (for clients and tests)."""
    for key, value in metadata or ():
        if key == ERROR_INFO_METADATA_KEY:
            info = errors_pb2.ErrorInfo()
            info.ParseFromString(value)
            return info
    return None
