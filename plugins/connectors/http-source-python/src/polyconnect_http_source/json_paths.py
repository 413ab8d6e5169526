"""Paths into parsed JSON: ``data.items`` (dot-separated member names, numbers index arrays) or a
JSON Pointer ``/data/items`` (RFC 6901, for member names that contain dots). The empty path is
the document itself."""

from __future__ import annotations

from typing import Any

_MISSING = object()


def parse_path(path: str) -> tuple[str, ...]:
    if path == "":
        return ()
    if path.startswith("/"):
        return tuple(part.replace("~1", "/").replace("~0", "~") for part in path[1:].split("/"))
    return tuple(path.split("."))


def lookup(document: Any, path: tuple[str, ...], default: Any = _MISSING) -> Any:
    """The value at ``path``; ``default`` (or KeyError when none is given) when a step is missing."""
    current = document
    for step in path:
        if isinstance(current, dict) and step in current:
            current = current[step]
        elif isinstance(current, list) and step.lstrip("-").isdigit() and -len(current) <= int(step) < len(current):
            current = current[int(step)]
        else:
            if default is _MISSING:
                raise KeyError(step)
            return default
    return current
