package connect

import "fmt"

// ConfigError is a missing or invalid configuration value (Kafka's ConfigException). Returned
// from Start, it fails the call with INVALID_ARGUMENT; its message is what the user sees.
type ConfigError struct{ inner *Error }

func newConfigError(message string) *ConfigError {
	e := newError("ConfigException", message, false, nil)
	e.stack = e.stack[min(1, len(e.stack)):] // drop the constructor's own frame
	return &ConfigError{inner: e}
}

// NewConfigError is a ConfigError with the given message.
func NewConfigError(message string) *ConfigError { return newConfigError(message) }

// InvalidConfigValue is Kafka's "Invalid value <value> for configuration <name>: <reason>".
func InvalidConfigValue(name string, value any, reason string) *ConfigError {
	text := fmt.Sprintf("Invalid value %v for configuration %s", value, name)
	if reason != "" {
		text += ": " + reason
	}
	return newConfigError(text)
}

// MissingConfigError is Kafka's `Missing required configuration "<name>" which has no default value.`
func MissingConfigError(name string) *ConfigError {
	return newConfigError(fmt.Sprintf("Missing required configuration %q which has no default value.", name))
}

func (e *ConfigError) Error() string      { return e.inner.message }
func (e *ConfigError) ErrorClass() string { return "ConfigException" }
func (e *ConfigError) Retriable() bool    { return false }
func (e *ConfigError) StackTrace() string { return e.inner.StackTrace() }
