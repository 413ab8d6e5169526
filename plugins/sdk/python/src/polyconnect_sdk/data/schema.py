"""Connect's schema model (org.apache.kafka.connect.data.Schema).

A :class:`Schema` is immutable and compared structurally, as Kafka's ConnectSchema is; build one
with :class:`~polyconnect_sdk.data.schema_builder.SchemaBuilder` or use the predefined primitive
schemas below. Logical types (Decimal, Date, Time, Timestamp) are ordinary schemas recognised by
their name; see :mod:`polyconnect_sdk.data.logical`.

Values of a schema, in Python:

=================  ==============================================================
INT8..INT64        ``int`` (never ``bool``); INT64 is exact over its whole range
FLOAT32, FLOAT64   ``float`` (an ``int`` is accepted)
BOOLEAN            ``bool``
STRING             ``str``
BYTES              ``bytes`` (``bytearray`` and ``memoryview`` are accepted)
ARRAY              ``list`` (``tuple`` is accepted)
MAP                ``dict``; maps whose keys cannot be dict keys decode as a list of pairs
STRUCT             :class:`~polyconnect_sdk.data.struct.Struct` (a ``dict`` by field name
                   is accepted when encoding)
Decimal            ``decimal.Decimal``
Date               ``datetime.date``
Time               ``datetime.time`` (milliseconds)
Timestamp          ``datetime.datetime`` (naive means UTC; decoded values are UTC-aware)
=================  ==============================================================
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping, NamedTuple


class SchemaType:
    """The physical types of Connect schemas (strings, as Kafka's Schema.Type names)."""

    INT8 = "INT8"
    INT16 = "INT16"
    INT32 = "INT32"
    INT64 = "INT64"
    FLOAT32 = "FLOAT32"
    FLOAT64 = "FLOAT64"
    BOOLEAN = "BOOLEAN"
    STRING = "STRING"
    BYTES = "BYTES"
    ARRAY = "ARRAY"
    MAP = "MAP"
    STRUCT = "STRUCT"

    ALL = (INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOLEAN, STRING, BYTES, ARRAY, MAP, STRUCT)


def is_primitive_type(schema_type: str) -> bool:
    """Every type except ARRAY, MAP and STRUCT."""
    return schema_type not in (SchemaType.ARRAY, SchemaType.MAP, SchemaType.STRUCT)


class Field(NamedTuple):
    """A named, positioned field of a struct schema."""

    name: str
    index: int
    schema: "Schema"


class Schema:
    """An immutable Connect schema, compared structurally (``==``) and hashable."""

    __slots__ = (
        "type",
        "optional",
        "default_value",
        "name",
        "version",
        "doc",
        "parameters",
        "fields",
        "key_schema",
        "value_schema",
        "_fields_by_name",
        "_hash",
        "_codec",
    )

    type: str
    optional: bool
    #: The default value; None means "no default" (a null default is no default, as in Kafka).
    default_value: Any
    name: str | None
    version: int | None
    doc: str | None
    #: Schema parameters, e.g. ``{"scale": "2"}`` for Decimal; None when there are none.
    parameters: Mapping[str, str] | None
    fields: tuple[Field, ...]
    key_schema: "Schema | None"
    value_schema: "Schema | None"

    def __init__(
        self,
        type: str,  # noqa: A002 - Kafka's name
        optional: bool = False,
        default_value: Any = None,
        name: str | None = None,
        version: int | None = None,
        doc: str | None = None,
        parameters: Mapping[str, str] | None = None,
        fields: Iterable[tuple[str, "Schema"]] = (),
        key_schema: "Schema | None" = None,
        value_schema: "Schema | None" = None,
    ) -> None:
        if type not in SchemaType.ALL:
            raise ValueError(f"Unknown schema type {type!r}")
        set_ = object.__setattr__
        set_(self, "type", type)
        set_(self, "optional", bool(optional))
        set_(self, "default_value", default_value)
        set_(self, "name", name)
        set_(self, "version", version)
        set_(self, "doc", doc)
        set_(self, "parameters", None if not parameters else _FrozenDict(parameters))
        built = tuple(Field(field[0], index, field[1]) for index, field in enumerate(fields))
        set_(self, "fields", built)
        set_(self, "key_schema", key_schema)
        set_(self, "value_schema", value_schema)
        set_(self, "_fields_by_name", {field.name: field for field in built})
        set_(self, "_hash", None)
        set_(self, "_codec", None)
        if type != SchemaType.STRUCT and built:
            raise ValueError(f"Cannot give fields to a {type} schema")
        if type == SchemaType.MAP and (key_schema is None or value_schema is None):
            raise ValueError("A MAP schema needs a key schema and a value schema")
        if type == SchemaType.ARRAY and value_schema is None:
            raise ValueError("An ARRAY schema needs an element schema")

    def __setattr__(self, key: str, value: Any) -> None:
        raise AttributeError("Schema is immutable; build a new one with SchemaBuilder")

    def field(self, name: str) -> Field | None:
        """The struct field with this name, if any (STRUCT only)."""
        return self._fields_by_name.get(name)

    @property
    def has_default(self) -> bool:
        return self.default_value is not None

    def __eq__(self, other: object) -> bool:
        if self is other:
            return True
        if not isinstance(other, Schema):
            return NotImplemented
        return (
            self.type == other.type
            and self.optional == other.optional
            and self.name == other.name
            and self.version == other.version
            and self.doc == other.doc
            and (self.parameters or {}) == (other.parameters or {})
            and len(self.fields) == len(other.fields)
            and all(a.name == b.name and a.schema == b.schema for a, b in zip(self.fields, other.fields))
            and self.key_schema == other.key_schema
            and self.value_schema == other.value_schema
            and _values_equal(self.default_value, other.default_value)
        )

    def __hash__(self) -> int:
        cached = self._hash
        if cached is None:
            cached = hash(
                (
                    self.type,
                    self.optional,
                    self.name,
                    self.version,
                    self.doc,
                    frozenset((self.parameters or {}).items()),
                    tuple((field.name, field.schema) for field in self.fields),
                    self.key_schema,
                    self.value_schema,
                )
            )
            object.__setattr__(self, "_hash", cached)
        return cached

    def __repr__(self) -> str:
        return f"Schema{{{self.type}}}" if self.name is None else f"Schema{{{self.name}:{self.type}}}"

    def describe(self) -> str:
        """``INT32 schema`` or ``BYTES schema (org.apache.kafka.connect.data.Decimal)``, for messages."""
        return f"{self.type} schema" if self.name is None else f"{self.type} schema ({self.name})"


class _FrozenDict(dict):  # type: ignore[type-arg]
    """A read-only dict for schema parameters."""

    def _readonly(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("Schema parameters are read-only")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _readonly  # type: ignore[assignment]

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(frozenset(self.items()))


def _values_equal(a: Any, b: Any) -> bool:
    if a is b:
        return True
    if a is None or b is None:
        return False
    if isinstance(a, float) and isinstance(b, float) and a != a and b != b:
        return True  # NaN defaults are equal, as Java's Double.equals says
    try:
        return bool(a == b) and type(a) is type(b)
    except Exception:  # noqa: BLE001 - values that cannot be compared are different
        return False


def _primitive(schema_type: str, optional: bool) -> Schema:
    return Schema(schema_type, optional=optional)


INT8_SCHEMA = _primitive(SchemaType.INT8, False)
INT16_SCHEMA = _primitive(SchemaType.INT16, False)
INT32_SCHEMA = _primitive(SchemaType.INT32, False)
INT64_SCHEMA = _primitive(SchemaType.INT64, False)
FLOAT32_SCHEMA = _primitive(SchemaType.FLOAT32, False)
FLOAT64_SCHEMA = _primitive(SchemaType.FLOAT64, False)
BOOLEAN_SCHEMA = _primitive(SchemaType.BOOLEAN, False)
STRING_SCHEMA = _primitive(SchemaType.STRING, False)
BYTES_SCHEMA = _primitive(SchemaType.BYTES, False)
OPTIONAL_INT8_SCHEMA = _primitive(SchemaType.INT8, True)
OPTIONAL_INT16_SCHEMA = _primitive(SchemaType.INT16, True)
OPTIONAL_INT32_SCHEMA = _primitive(SchemaType.INT32, True)
OPTIONAL_INT64_SCHEMA = _primitive(SchemaType.INT64, True)
OPTIONAL_FLOAT32_SCHEMA = _primitive(SchemaType.FLOAT32, True)
OPTIONAL_FLOAT64_SCHEMA = _primitive(SchemaType.FLOAT64, True)
OPTIONAL_BOOLEAN_SCHEMA = _primitive(SchemaType.BOOLEAN, True)
OPTIONAL_STRING_SCHEMA = _primitive(SchemaType.STRING, True)
OPTIONAL_BYTES_SCHEMA = _primitive(SchemaType.BYTES, True)
