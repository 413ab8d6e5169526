"""ConfigDef: configuration definitions (Kafka's ConfigDef) for connectors.

It parses string configs into typed values, validates them key by key with Kafka's messages, and
describes the keys for Describe (``/connector-plugins/{plugin}/config``) and ValidateConfig::

    CONFIG = (ConfigDef()
        .define("topic", ConfigType.STRING, importance=Importance.HIGH, documentation="The topic to write to",
                validator=non_empty_string)
        .define("batch.size", ConfigType.INT, default=2000, validator=at_least(1), importance=Importance.LOW,
                documentation="Records per poll"))
    parsed = CONFIG.parse(config)      # {"topic": "t", "batch.size": 2000}, or ConfigException

A key without ``default`` is required; ``default=None`` makes it optional with a null value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from ..errors import ConfigException
from .validators import Validator


class ConfigType:
    BOOLEAN = "BOOLEAN"
    STRING = "STRING"
    INT = "INT"
    SHORT = "SHORT"
    LONG = "LONG"
    DOUBLE = "DOUBLE"
    LIST = "LIST"
    CLASS = "CLASS"
    PASSWORD = "PASSWORD"

    ALL = (BOOLEAN, STRING, INT, SHORT, LONG, DOUBLE, LIST, CLASS, PASSWORD)


class Importance:
    HIGH = "HIGH"
    MEDIUM = "MEDIUM"
    LOW = "LOW"

    ALL = (HIGH, MEDIUM, LOW)


class Width:
    NONE = "NONE"
    SHORT = "SHORT"
    MEDIUM = "MEDIUM"
    LONG = "LONG"

    ALL = (NONE, SHORT, MEDIUM, LONG)


class _NoDefault:
    def __repr__(self) -> str:
        return "NO_DEFAULT_VALUE"


#: Marks a key that has no default and must be given (the default of ``define(default=...)``).
NO_DEFAULT_VALUE: Any = _NoDefault()


class Password:
    """A password value; it prints as ``[hidden]`` so that it never reaches a log by accident."""

    HIDDEN = "[hidden]"
    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def value(self) -> str:
        return self._value

    def __str__(self) -> str:
        return Password.HIDDEN

    __repr__ = __str__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Password) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


@dataclass(frozen=True)
class ConfigKey:
    name: str
    type: str
    #: The typed default; NO_DEFAULT_VALUE when the key is required.
    default_value: Any
    importance: str
    documentation: str
    validator: Validator | None
    group: str | None
    order_in_group: int
    width: str
    display_name: str
    dependents: tuple[str, ...]

    @property
    def required(self) -> bool:
        """True when the key has no default value."""
        return self.default_value is NO_DEFAULT_VALUE


@dataclass
class ConfigValue:
    """The validation result of one key (Kafka's ConfigValue)."""

    name: str
    #: The parsed value (or the raw string when parsing failed); None when absent without default.
    value: Any
    errors: list[str] = field(default_factory=list)
    recommended_values: list[str] = field(default_factory=list)
    visible: bool = True


_LIST_SEPARATOR = re.compile(r"\s*,\s*")
_INTEGER = re.compile(r"[+-]?[0-9]+")
_INTEGER_RANGES = {
    ConfigType.INT: (-(2**31), 2**31 - 1),
    ConfigType.SHORT: (-(2**15), 2**15 - 1),
    ConfigType.LONG: (-(2**63), 2**63 - 1),
}


class ConfigDef:
    def __init__(self) -> None:
        self._keys: dict[str, ConfigKey] = {}

    def define(
        self,
        name: str,
        type: str,  # noqa: A002 - Kafka's name
        default: Any = NO_DEFAULT_VALUE,
        *,
        importance: str,
        documentation: str,
        validator: Validator | None = None,
        group: str | None = None,
        order_in_group: int = -1,
        width: str = Width.NONE,
        display_name: str | None = None,
        dependents: Sequence[str] = (),
    ) -> "ConfigDef":
        if name in self._keys:
            raise ConfigException(f"Configuration {name} is defined twice.")
        if type not in ConfigType.ALL:
            raise ConfigException(f"Unknown config type {type!r} for {name}")
        if importance not in Importance.ALL:
            raise ConfigException(f"Unknown importance {importance!r} for {name}")
        if width not in Width.ALL:
            raise ConfigException(f"Unknown width {width!r} for {name}")
        if default is not NO_DEFAULT_VALUE and default is not None:
            default = parse_type(name, default, type)
            if validator is not None:
                validator(name, default)
        self._keys[name] = ConfigKey(
            name=name,
            type=type,
            default_value=default,
            importance=importance,
            documentation=documentation,
            validator=validator,
            group=group,
            order_in_group=order_in_group,
            width=width,
            display_name=display_name if display_name is not None else name,
            dependents=tuple(dependents),
        )
        return self

    def keys(self) -> list[ConfigKey]:
        """The keys in definition order."""
        return list(self._keys.values())

    def key(self, name: str) -> ConfigKey | None:
        return self._keys.get(name)

    def names(self) -> list[str]:
        return list(self._keys)

    def groups(self) -> list[str]:
        """The groups of the keys, in order of first appearance."""
        seen: dict[str, None] = {}
        for key in self._keys.values():
            if key.group is not None:
                seen.setdefault(key.group, None)
        return list(seen)

    def merge(self, other: "ConfigDef") -> "ConfigDef":
        """A new ConfigDef with this one's keys followed by the other's (the other's win on clashes)."""
        merged = ConfigDef()
        for key in self._keys.values():
            if other.key(key.name) is None:
                merged._keys[key.name] = key
        merged._keys.update(other._keys)
        return merged

    def parse(self, config: Mapping[str, str]) -> dict[str, Any]:
        """Every defined key, typed, with defaults; raises ConfigException for the first missing or invalid one."""
        return {key.name: _parse_key(key, config.get(key.name)) for key in self._keys.values()}

    def validate(self, config: Mapping[str, str]) -> list[ConfigValue]:
        """One result per defined key, with every problem reported, without raising."""
        results = []
        for key in self._keys.values():
            raw = config.get(key.name)
            try:
                results.append(ConfigValue(key.name, _parse_key(key, raw)))
            except Exception as error:  # noqa: BLE001 - a validator's failure is a validation result
                results.append(ConfigValue(key.name, raw, [str(error)]))
        return results


def _parse_key(key: ConfigKey, raw: str | None) -> Any:
    if raw is not None:
        value = parse_type(key.name, raw, key.type)
    elif key.default_value is NO_DEFAULT_VALUE:
        raise ConfigException.missing(key.name)
    else:
        value = key.default_value
    if key.validator is not None:
        key.validator(key.name, value)
    return value


def parse_type(name: str, value: Any, config_type: str) -> Any:  # noqa: C901 - one branch per type
    """Parses a string (or an already typed value) into the key's type, as Kafka's ConfigDef.parseType."""
    if value is None:
        return None
    text = value.strip() if isinstance(value, str) else None
    if config_type == ConfigType.BOOLEAN:
        if isinstance(value, bool):
            return value
        if text is not None and text.lower() in ("true", "false"):
            return text.lower() == "true"
        raise ConfigException.invalid_value(name, value, "Expected value to be either true or false")
    if config_type in (ConfigType.STRING, ConfigType.CLASS):
        if text is not None:
            return text
        if isinstance(value, type):
            return value.__name__
        raise ConfigException.invalid_value(name, value, f"Expected value to be a string, but it was a {type(value).__name__}")
    if config_type == ConfigType.PASSWORD:
        if isinstance(value, Password):
            return value
        if isinstance(value, str):
            return Password(value)
        raise ConfigException.invalid_value(name, value, "Expected value to be a string")
    if config_type in _INTEGER_RANGES:
        low, high = _INTEGER_RANGES[config_type]
        if isinstance(value, bool):
            raise ConfigException.invalid_value(name, value, f"Not a number of type {config_type}")
        number_text = str(value) if isinstance(value, int) else (text or "")
        if not _INTEGER.fullmatch(number_text) or not low <= int(number_text) <= high:
            raise ConfigException.invalid_value(name, value, f"Not a number of type {config_type}")
        return int(number_text)
    if config_type == ConfigType.DOUBLE:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        try:
            if text is None or text == "" or "_" in text:
                raise ValueError(text)
            number = float(text)
            if number != number:
                raise ValueError(text)
            return number
        except ValueError:
            raise ConfigException.invalid_value(name, value, "Not a number of type DOUBLE") from None
    if config_type == ConfigType.LIST:
        if isinstance(value, (list, tuple)):
            return [str(item) for item in value]
        if text is not None:
            return [] if text == "" else _LIST_SEPARATOR.split(text)
        raise ConfigException.invalid_value(name, value, "Expected a comma separated list.")
    raise ConfigException(f"Unknown config type {config_type!r} for {name}")


def render_config_value(value: Any) -> str | None:
    """A typed value as Kafka's REST API shows it: lists comma-joined, booleans lower case, passwords hidden."""
    if value is None or value is NO_DEFAULT_VALUE:
        return None
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (list, tuple)):
        return ",".join(render_config_value(item) or "" for item in value)
    return str(value)
