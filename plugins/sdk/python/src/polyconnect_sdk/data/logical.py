"""Connect's logical types, recognised by schema name as in Kafka Connect:

- Decimal: BYTES with parameter ``scale``; values are ``decimal.Decimal``.
- Date: INT32 days since the epoch; values are ``datetime.date``.
- Time: INT32 milliseconds since midnight; values are ``datetime.time`` (millisecond precision).
- Timestamp: INT64 milliseconds since the epoch; values are ``datetime.datetime`` (naive = UTC).

Kafka's builders give them version 1, and so do these.
"""

from __future__ import annotations

import datetime as _dt
import decimal

from ..errors import DataException
from .logical_names import (
    DATE_LOGICAL_NAME,
    DECIMAL_LOGICAL_NAME,
    DECIMAL_SCALE_PARAMETER,
    TIME_LOGICAL_NAME,
    TIMESTAMP_LOGICAL_NAME,
)
from .schema import Schema
from .schema_builder import SchemaBuilder

EPOCH_DATE = _dt.date(1970, 1, 1)
EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)
_ONE_MS = _dt.timedelta(milliseconds=1)
# Rescaling never rounds: Inexact is trapped; the precision is as good as unlimited.
_EXACT = decimal.Context(prec=decimal.MAX_PREC, traps=[decimal.Inexact, decimal.InvalidOperation])


class DecimalSchema:
    LOGICAL_NAME = DECIMAL_LOGICAL_NAME
    SCALE_FIELD = DECIMAL_SCALE_PARAMETER

    @staticmethod
    def builder(scale: int) -> SchemaBuilder:
        return SchemaBuilder.bytes().name(DECIMAL_LOGICAL_NAME).parameter(DECIMAL_SCALE_PARAMETER, str(scale)).version(1)

    @staticmethod
    def schema(scale: int) -> Schema:
        return DecimalSchema.builder(scale).build()

    @staticmethod
    def scale_of(schema: Schema) -> int:
        """The scale a Decimal schema declares."""
        text = (schema.parameters or {}).get(DECIMAL_SCALE_PARAMETER)
        try:
            return int(text)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise DataException(f'Invalid Decimal schema: missing or invalid scale parameter "{text}"') from None

    @staticmethod
    def rescale(value: decimal.Decimal, scale: int) -> decimal.Decimal:
        """``value`` with exactly ``scale`` digits after the point; DataException if digits would be lost."""
        if not value.is_finite():
            raise DataException(f"A Decimal value must be finite, got {value}")
        try:
            rescaled = value.quantize(decimal.Decimal(1).scaleb(-scale), context=_EXACT)
        except (decimal.Inexact, decimal.InvalidOperation):
            raise DataException(f"Cannot rescale {value} to scale {scale} without rounding") from None
        return rescaled.copy_abs() if rescaled.is_zero() else rescaled

    @staticmethod
    def to_plain_string(value: decimal.Decimal, scale: int) -> str:
        """Plain notation (no exponent) with exactly ``scale`` digits after the point."""
        return format(DecimalSchema.rescale(value, scale), "f")


class DateSchema:
    LOGICAL_NAME = DATE_LOGICAL_NAME

    @staticmethod
    def builder() -> SchemaBuilder:
        return SchemaBuilder.int32().name(DATE_LOGICAL_NAME).version(1)

    @staticmethod
    def to_days(value: _dt.date) -> int:
        """Days since 1970-01-01; a datetime must be at midnight UTC."""
        if isinstance(value, _dt.datetime):
            millis = TimestampSchema.to_millis(value)
            if millis % 86_400_000 != 0:
                raise DataException("Kafka Connect Date type should not have any time fields set to non-zero values.")
            return millis // 86_400_000
        return (value - EPOCH_DATE).days

    @staticmethod
    def from_days(days: int) -> _dt.date:
        try:
            return EPOCH_DATE + _dt.timedelta(days=days)
        except OverflowError:
            raise DataException(f"Date {days} days from the epoch is outside the range of datetime.date") from None


class TimeSchema:
    LOGICAL_NAME = TIME_LOGICAL_NAME

    @staticmethod
    def builder() -> SchemaBuilder:
        return SchemaBuilder.int32().name(TIME_LOGICAL_NAME).version(1)

    @staticmethod
    def to_millis_of_day(value: _dt.time | _dt.datetime) -> int:
        """Milliseconds since midnight (microseconds are truncated); a datetime must be on 1970-01-01 UTC."""
        if isinstance(value, _dt.datetime):
            millis = TimestampSchema.to_millis(value)
            if not 0 <= millis < 86_400_000:
                raise DataException("Kafka Connect Time type should not have any date fields set to non-zero values.")
            return millis
        if value.tzinfo is not None and value.utcoffset():
            shifted = _dt.datetime.combine(EPOCH_DATE, value) - value.utcoffset()  # type: ignore[operator]
            value = shifted.time()
        return ((value.hour * 60 + value.minute) * 60 + value.second) * 1000 + value.microsecond // 1000

    @staticmethod
    def from_millis_of_day(millis: int) -> _dt.time:
        if not 0 <= millis < 86_400_000:
            raise DataException(f"A Time value must be in [0, 86400000) milliseconds, got {millis}")
        seconds, ms = divmod(millis, 1000)
        minutes, second = divmod(seconds, 60)
        hour, minute = divmod(minutes, 60)
        return _dt.time(hour, minute, second, ms * 1000)


class TimestampSchema:
    LOGICAL_NAME = TIMESTAMP_LOGICAL_NAME

    @staticmethod
    def builder() -> SchemaBuilder:
        return SchemaBuilder.int64().name(TIMESTAMP_LOGICAL_NAME).version(1)

    @staticmethod
    def to_millis(value: _dt.datetime) -> int:
        """Milliseconds since the epoch (microseconds are truncated toward the past); naive means UTC."""
        if value.tzinfo is None:
            value = value.replace(tzinfo=_dt.timezone.utc)
        return (value - EPOCH) // _ONE_MS

    @staticmethod
    def from_millis(millis: int) -> _dt.datetime:
        try:
            return EPOCH + _dt.timedelta(milliseconds=millis)
        except OverflowError:
            raise DataException(f"Timestamp {millis} is outside the range of datetime.datetime") from None


DateSchema.SCHEMA = DateSchema.builder().build()  # type: ignore[attr-defined]
TimeSchema.SCHEMA = TimeSchema.builder().build()  # type: ignore[attr-defined]
TimestampSchema.SCHEMA = TimestampSchema.builder().build()  # type: ignore[attr-defined]
