"""Configuration definitions, validators and Kafka's config messages."""

from ..errors import ConfigException
from .config_def import NO_DEFAULT_VALUE, ConfigDef, ConfigKey, ConfigType, ConfigValue, Importance, Password, Width, parse_type, render_config_value
from .validators import Validator, all_of, at_least, between, no_control_characters, non_empty_list, non_empty_string, valid_string
