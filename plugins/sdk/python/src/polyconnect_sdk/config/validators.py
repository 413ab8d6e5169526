"""Validators for ConfigDef keys, after Kafka's ConfigDef.Range, ValidString, NonEmptyString and
friends. A validator is called with the key's name and its parsed value and raises
ConfigException when the value is invalid. Null (None) passes every validator but non_empty_*.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

from ..errors import ConfigException

Validator = Callable[[str, Any], None]


def _validator(check: Validator, describe: str) -> Validator:
    check.describe = describe  # type: ignore[attr-defined]
    return check


def at_least(minimum: float) -> Validator:
    """A number at least ``minimum`` (Kafka's Range.atLeast)."""
    return between(minimum, None)


def between(minimum: float | None, maximum: float | None) -> Validator:
    """A number in [minimum, maximum] (Kafka's Range.between); either bound may be None."""

    def check(name: str, value: Any) -> None:
        if value is None:
            return
        if minimum is not None and value < minimum:
            raise ConfigException.invalid_value(name, value, f"Value must be at least {minimum}")
        if maximum is not None and value > maximum:
            raise ConfigException.invalid_value(name, value, f"Value must be no more than {maximum}")

    if maximum is None:
        describe = f"[{minimum},...]"
    elif minimum is None:
        describe = f"[...,{maximum}]"
    else:
        describe = f"[{minimum},...,{maximum}]"
    return _validator(check, describe)


def valid_string(allowed: Sequence[str], case_insensitive: bool = False) -> Validator:
    """One of the given strings (Kafka's ValidString, or CaseInsensitiveValidString)."""
    normalise: Callable[[str], str] = str.lower if case_insensitive else (lambda text: text)
    accepted = {normalise(text) for text in allowed}

    def check(name: str, value: Any) -> None:
        if value is None:
            return
        if normalise(str(value)) not in accepted:
            raise ConfigException.invalid_value(name, value, f"String must be one of: {', '.join(allowed)}")

    return _validator(check, f"[{', '.join(allowed)}]")


def _non_empty_string(name: str, value: Any) -> None:
    if isinstance(value, str) and value == "":
        raise ConfigException.invalid_value(name, value, "String must be non-empty")


non_empty_string: Validator = _validator(_non_empty_string, "non-empty string")


def _non_empty_list(name: str, value: Any) -> None:
    if isinstance(value, list) and not value:
        raise ConfigException.invalid_value(name, "", "Empty list")


non_empty_list: Validator = _validator(_non_empty_list, "non-empty list")


def _no_control_characters(name: str, value: Any) -> None:
    if not isinstance(value, str):
        return
    controls = [ord(c) for c in value if ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F]
    if controls:
        raise ConfigException.invalid_value(
            name,
            value,
            f"String may not contain control sequences but had the following ASCII chars: {', '.join(map(str, controls))}",
        )


no_control_characters: Validator = _validator(_no_control_characters, "string without control characters")


def all_of(*validators: Validator) -> Validator:
    """Every validator, in order."""

    def check(name: str, value: Any) -> None:
        for validator in validators:
            validator(name, value)

    return _validator(check, ", ".join(getattr(v, "describe", "") for v in validators))
