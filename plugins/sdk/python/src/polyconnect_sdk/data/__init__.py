"""Connect's data model: schemas, structs, logical types and records."""

from .logical import DateSchema, DecimalSchema, TimeSchema, TimestampSchema
from .records import Header, SinkRecord, SourceMap, SourceRecord, TimestampType, TopicPartition, TopicPartitionOffset
from .schema import (
    BOOLEAN_SCHEMA,
    BYTES_SCHEMA,
    FLOAT32_SCHEMA,
    FLOAT64_SCHEMA,
    INT8_SCHEMA,
    INT16_SCHEMA,
    INT32_SCHEMA,
    INT64_SCHEMA,
    OPTIONAL_BOOLEAN_SCHEMA,
    OPTIONAL_BYTES_SCHEMA,
    OPTIONAL_FLOAT32_SCHEMA,
    OPTIONAL_FLOAT64_SCHEMA,
    OPTIONAL_INT8_SCHEMA,
    OPTIONAL_INT16_SCHEMA,
    OPTIONAL_INT32_SCHEMA,
    OPTIONAL_INT64_SCHEMA,
    OPTIONAL_STRING_SCHEMA,
    STRING_SCHEMA,
    Field,
    Schema,
    SchemaType,
    is_primitive_type,
)
from .schema_builder import SchemaBuilder
from .struct import Struct, validate_value
