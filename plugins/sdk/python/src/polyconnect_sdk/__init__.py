"""polyconnect_sdk: write Polyconnect (Kafka Connect) connectors in Python.

A connector extends SourceConnector or SinkConnector, its tasks SourceTask or SinkTask; the
plugin's entry point calls serve()::

    from polyconnect_sdk import serve
    from my_plugin.counter import CounterSourceConnector

    if __name__ == "__main__":
        serve("counter", "1.0.0", [CounterSourceConnector])

See README.md for a complete example and docs/plugin-protocol.md for the protocol itself.
"""

import os as _os

from .wire.handshake import MAGIC_COOKIE_KEY as _COOKIE_KEY, MAGIC_COOKIE_VALUE as _COOKIE_VALUE

if _os.environ.get(_COOKIE_KEY) == _COOKIE_VALUE:
    # Launched by a worker: from now on nothing but the handshake reaches stdout.
    from .runtime.stdout_guard import guard_stdout as _guard_stdout

    _guard_stdout()

from .config import (  # noqa: E402
    NO_DEFAULT_VALUE,
    ConfigDef,
    ConfigKey,
    ConfigType,
    ConfigValue,
    Importance,
    Password,
    Validator,
    Width,
    all_of,
    at_least,
    between,
    no_control_characters,
    non_empty_list,
    non_empty_string,
    valid_string,
)
from .connector import (
    Connector,
    ConnectorConfig,
    ConnectorContext,
    SinkConnector,
    SinkTask,
    SourceConnector,
    SourceTask,
    Task,
    class_name_of,
)
from .data import (
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
    DateSchema,
    DecimalSchema,
    Field,
    Header,
    Schema,
    SchemaBuilder,
    SchemaType,
    SinkRecord,
    SourceRecord,
    Struct,
    TimeSchema,
    TimestampSchema,
    TimestampType,
    TopicPartition,
    TopicPartitionOffset,
)
from .errors import ConfigException, ConnectException, DataException, RetriableException
from .runtime.logger import get_logger
from .runtime.serve import serve

__version__ = "0.1.0"

__all__ = [name for name, value in list(globals().items()) if not name.startswith("_") and not isinstance(value, type(_os))]
