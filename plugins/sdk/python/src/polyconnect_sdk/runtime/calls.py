"""What every service handler shares: running connector code off the event loop, and turning an
exception raised by it into a gRPC status with ErrorInfo (wire/error_info.py).
"""

from __future__ import annotations

import asyncio
import functools
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Awaitable, Callable, TypeVar

from ..wire.error_info import status_for_error

T = TypeVar("T")

#: Calls into connector code (start, stop, put, commit, ...) run on these threads; polls have
#: their own thread per source task. Idle threads cost little; a stuck call holds one.
CALL_THREADS = 64


def new_call_executor() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=CALL_THREADS, thread_name_prefix="polyconnect-call")


class Calls:
    """Runs blocking connector code on the call executor."""

    def __init__(self, executor: ThreadPoolExecutor) -> None:
        self.executor = executor

    def run(self, function: Callable[..., T], *args: Any) -> Awaitable[T]:
        return asyncio.get_running_loop().run_in_executor(self.executor, function, *args)


def unary(handler: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
    """Wraps an async unary handler: an exception becomes a failed call carrying ErrorInfo."""

    @functools.wraps(handler)
    async def wrapper(self: Any, request: Any, context: Any) -> Any:
        try:
            return await handler(self, request, context)
        except asyncio.CancelledError:
            raise
        except Exception as error:  # noqa: BLE001 - every failure travels to the worker
            await abort_with(context, error)

    return wrapper


async def abort_with(context: Any, error: BaseException) -> None:
    code, details, metadata = status_for_error(error)
    await context.abort(code, details, metadata)
