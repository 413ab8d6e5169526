"""Keeps stdout for the handshake line alone (docs/plugin-protocol.md section 4).

guard_stdout() duplicates file descriptor 1 for the handshake and points fd 1 (``print``, C
libraries) at stderr, where the worker still logs stray output line by line. Importing
polyconnect_sdk calls it when the process was launched by a worker (the magic cookie is set), so
that whatever the plugin imports afterwards cannot print before the handshake; serve() calls it
in any case. It is idempotent.
"""

from __future__ import annotations

import os
import sys

_handshake_fd: int | None = None


def guard_stdout() -> int:
    """The descriptor the handshake is written to; from the first call on, fd 1 is stderr."""
    global _handshake_fd
    if _handshake_fd is None:
        sys.stdout.flush()
        _handshake_fd = os.dup(1)
        os.dup2(2, 1)
        try:
            sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass
    return _handshake_fd
