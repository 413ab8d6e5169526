"""What both directions of the JSON value encoding (value_to_json, value_from_json) share: the
largest integer JSON carries exactly, the INT64 range, when a schema admits null, and the error for
a value that does not fit its schema.
"""

from __future__ import annotations

from typing import Any, Callable

from ..data.logical_names import INTEGER_RANGES
from ..data.schema import Schema
from ..errors import DataException

MAX_SAFE_INTEGER = 2**53 - 1
_INT64_MIN, _INT64_MAX = INTEGER_RANGES["INT64"]

ToJson = Callable[[Any], Any]
FromJson = Callable[[Any], Any]


def _mismatch(schema: Schema, value: Any) -> DataException:
    return DataException(f"Value of type {type(value).__name__} does not fit a {schema.describe()}")


def _nullable(schema: Schema) -> bool:
    return schema.optional or schema.default_value is not None

