"""Compact JSON text for the wire: ``dumps`` (UTF-8 text as is) and ``dumps_ascii`` (non-ASCII
escaped, for text with lone surrogates), both refusing NaN and infinities.

json.JSONEncoder.encode builds a new C encoder on every call; on the hot path (one call per record
value and source offset) that costs as much as the encoding itself, so the C encoder is built once
here, with the standard library's encoder as the fallback where the C one is unavailable.
"""

from __future__ import annotations

import json
import json.encoder
from typing import Any, Callable


def _build(ensure_ascii: bool) -> Callable[[Any], str]:
    fallback = json.JSONEncoder(ensure_ascii=ensure_ascii, separators=(",", ":"), allow_nan=False, check_circular=False).encode
    make = getattr(json.encoder, "c_make_encoder", None)
    string_encoder = json.encoder.encode_basestring_ascii if ensure_ascii else json.encoder.encode_basestring
    if make is None:
        return fallback
    try:
        iterencode = make(None, _no_default, string_encoder, None, ":", ",", False, False, False)
        join = "".join

        def dumps(value: Any) -> str:
            if value.__class__ is str:
                return string_encoder(value)
            return join(iterencode(value, 0))

        if dumps({"a": [1, 1.5, "é", None, True]}) != fallback({"a": [1, 1.5, "é", None, True]}):
            return fallback
        try:
            dumps(float("nan"))
            return fallback  # this C encoder does not refuse NaN: use the checked one
        except ValueError:
            pass
        return dumps
    except Exception:  # noqa: BLE001 - any surprise in the C encoder's signature: use the standard path
        return fallback


def _no_default(value: Any) -> Any:
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


dumps = _build(ensure_ascii=False)
dumps_ascii = _build(ensure_ascii=True)
