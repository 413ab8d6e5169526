package connect

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// ConfigType is the type of a configuration key (Kafka's ConfigDef.Type).
type ConfigType int

const (
	ConfigBoolean ConfigType = iota + 1
	ConfigString
	ConfigInt
	ConfigShort
	ConfigLong
	ConfigDouble
	ConfigList
	ConfigClass
	ConfigPassword
)

var configTypeNames = map[ConfigType]string{
	ConfigBoolean: "BOOLEAN", ConfigString: "STRING", ConfigInt: "INT", ConfigShort: "SHORT", ConfigLong: "LONG",
	ConfigDouble: "DOUBLE", ConfigList: "LIST", ConfigClass: "CLASS", ConfigPassword: "PASSWORD",
}

func (t ConfigType) String() string { return configTypeNames[t] }

// Importance is how much a user should care about a key. The zero value reads as ImportanceMedium.
type Importance int

const (
	ImportanceHigh Importance = iota + 1
	ImportanceMedium
	ImportanceLow
)

// Width is a display width hint; the zero value is WidthNone.
type Width int

const (
	WidthNone Width = iota
	WidthShort
	WidthMedium
	WidthLong
)

type nullDefault struct{}

// NullDefault as a ConfigKey's Default makes the key optional with a null default (Kafka's
// `define(name, type, null, ...)`). A nil Default means the key has no default and is required.
var NullDefault any = nullDefault{}

// ConfigKey defines one configuration key (Kafka's ConfigDef.ConfigKey).
type ConfigKey struct {
	Name string
	Type ConfigType
	// Default is the default as a typed value (int32(5), "x", []string{...}) or as the text a user
	// would write ("5"); nil: no default, the key is required; NullDefault: the default is null.
	Default       any
	Importance    Importance
	Documentation string
	Validator     ConfigValidator
	// Group is "" for no group.
	Group string
	// OrderInGroup is the key's position in its group; 0 means unset (sent as -1).
	OrderInGroup int32
	Width        Width
	// DisplayName defaults to Name.
	DisplayName string
	Dependents  []string
}

// Required reports whether the key has no default and must be given.
func (k *ConfigKey) Required() bool { return k.Default == nil }

// ConfigValue is the validation result for one key (Kafka's ConfigValue).
type ConfigValue struct {
	Name string
	// Value is the parsed value (or the raw text when it did not parse); nil for null.
	Value             any
	RecommendedValues []string
	Errors            []string
	Visible           bool
}

// ConfigDef is a connector's configuration definitions (Kafka's ConfigDef): it parses string
// configs into typed values, validates them key by key, and describes them for the REST API.
type ConfigDef struct {
	keys  []*ConfigKey
	index map[string]int
}

// NewConfigDef is an empty ConfigDef.
func NewConfigDef() *ConfigDef { return &ConfigDef{index: map[string]int{}} }

// Define adds a key. It panics when the key is defined twice or its default is invalid (both are
// programming errors, as in Kafka).
func (d *ConfigDef) Define(key ConfigKey) *ConfigDef {
	if _, exists := d.index[key.Name]; exists {
		panic(NewConfigError(fmt.Sprintf("Configuration %s is defined twice.", key.Name)))
	}
	if key.Importance == 0 {
		key.Importance = ImportanceMedium
	}
	if key.DisplayName == "" {
		key.DisplayName = key.Name
	}
	if key.OrderInGroup == 0 {
		key.OrderInGroup = -1
	}
	switch key.Default {
	case nil, NullDefault:
	default:
		parsed, err := ParseConfigValue(key.Name, key.Default, key.Type)
		if err != nil {
			panic(err)
		}
		if key.Validator != nil {
			if err := key.Validator(key.Name, parsed); err != nil {
				panic(err)
			}
		}
		key.Default = parsed
	}
	d.index[key.Name] = len(d.keys)
	d.keys = append(d.keys, &key)
	return d
}

// Keys are the keys in definition order.
func (d *ConfigDef) Keys() []*ConfigKey { return d.keys }

// Key is the key with this name.
func (d *ConfigDef) Key(name string) (*ConfigKey, bool) {
	i, ok := d.index[name]
	if !ok {
		return nil, false
	}
	return d.keys[i], true
}

// Parse parses every defined key; it fails with a *ConfigError for the first missing or invalid one.
func (d *ConfigDef) Parse(config Config) (ParsedConfig, error) {
	parsed := make(ParsedConfig, len(d.keys))
	for _, key := range d.keys {
		value, err := parseKey(key, config)
		if err != nil {
			return nil, err
		}
		parsed[key.Name] = value
	}
	return parsed, nil
}

// Validate checks every defined key and reports every problem, without failing.
func (d *ConfigDef) Validate(config Config) []ConfigValue {
	results := make([]ConfigValue, 0, len(d.keys))
	for _, key := range d.keys {
		value, err := parseKey(key, config)
		result := ConfigValue{Name: key.Name, Value: value, Errors: []string{}, RecommendedValues: []string{}, Visible: true}
		if err != nil {
			result.Errors = []string{err.Error()}
			if raw, ok := config[key.Name]; ok {
				result.Value = raw
			} else {
				result.Value = nil
			}
		}
		results = append(results, result)
	}
	return results
}

func parseKey(key *ConfigKey, config Config) (any, error) {
	var value any
	if raw, ok := config[key.Name]; ok {
		parsed, err := ParseConfigValue(key.Name, raw, key.Type)
		if err != nil {
			return nil, err
		}
		value = parsed
	} else if key.Default == nil {
		return nil, MissingConfigError(key.Name)
	} else if key.Default != NullDefault {
		value = key.Default
	}
	if key.Validator != nil {
		if err := key.Validator(key.Name, value); err != nil {
			return nil, err
		}
	}
	return value, nil
}

var integerText = regexp.MustCompile(`^[+-]?\d+$`)

// ParseConfigValue parses text (or an already typed value) into the key type's Go type, as Kafka's
// ConfigDef.parseType: BOOLEAN bool, STRING and CLASS string, PASSWORD Password, INT int32,
// SHORT int16, LONG int64, DOUBLE float64, LIST []string.
func ParseConfigValue(name string, value any, t ConfigType) (any, error) {
	if value == nil || value == NullDefault {
		return nil, nil
	}
	text, isText := value.(string)
	trimmed := strings.TrimSpace(text)
	switch t {
	case ConfigBoolean:
		if b, ok := value.(bool); ok {
			return b, nil
		}
		if isText && strings.EqualFold(trimmed, "true") {
			return true, nil
		}
		if isText && strings.EqualFold(trimmed, "false") {
			return false, nil
		}
		return nil, InvalidConfigValue(name, value, "Expected value to be either true or false")
	case ConfigString, ConfigClass:
		if isText {
			return trimmed, nil
		}
		return nil, InvalidConfigValue(name, value, fmt.Sprintf("Expected value to be a string, but it was a %T", value))
	case ConfigPassword:
		switch v := value.(type) {
		case Password:
			return v, nil
		case string:
			return NewPassword(v), nil
		}
		return nil, InvalidConfigValue(name, value, "Expected value to be a string")
	case ConfigInt:
		n, err := parseConfigInteger(name, value, math.MinInt32, math.MaxInt32, t)
		return int32(n), err
	case ConfigShort:
		n, err := parseConfigInteger(name, value, math.MinInt16, math.MaxInt16, t)
		return int16(n), err
	case ConfigLong:
		return parseConfigInteger(name, value, math.MinInt64, math.MaxInt64, t)
	case ConfigDouble:
		if f, ok := floatOf(value); ok {
			return f, nil
		}
		if n, ok := integerIn(value, TypeInt64); ok {
			return float64(n), nil
		}
		if isText && trimmed != "" {
			if f, err := strconv.ParseFloat(trimmed, 64); err == nil {
				return f, nil
			}
		}
		return nil, InvalidConfigValue(name, value, "Not a number of type DOUBLE")
	case ConfigList:
		if list, ok := value.([]string); ok {
			return list, nil
		}
		if isText {
			if trimmed == "" {
				return []string{}, nil
			}
			parts := strings.Split(trimmed, ",")
			for i := range parts {
				parts[i] = strings.TrimSpace(parts[i])
			}
			return parts, nil
		}
		return nil, InvalidConfigValue(name, value, "Expected a comma separated list.")
	}
	return nil, NewConfigError(fmt.Sprintf("Unknown type of configuration %s: %d", name, t))
}

func parseConfigInteger(name string, value any, min, max int64, t ConfigType) (int64, error) {
	if n, ok := integerIn(value, TypeInt64); ok {
		if n < min || n > max {
			return 0, InvalidConfigValue(name, value, "Not a number of type "+t.String())
		}
		return n, nil
	}
	text, ok := value.(string)
	trimmed := strings.TrimPrefix(strings.TrimSpace(text), "+")
	if !ok || !integerText.MatchString(strings.TrimSpace(text)) {
		return 0, InvalidConfigValue(name, value, "Not a number of type "+t.String())
	}
	n, err := strconv.ParseInt(trimmed, 10, 64)
	if err != nil || n < min || n > max {
		return 0, InvalidConfigValue(name, value, "Not a number of type "+t.String())
	}
	return n, nil
}

// RenderConfigValue is a typed value as Kafka's REST API shows it: lists comma-joined, passwords
// hidden, numbers in plain notation. ok is false for null.
func RenderConfigValue(value any) (text string, ok bool) {
	switch v := value.(type) {
	case nil:
		return "", false
	case nullDefault:
		return "", false
	case []string:
		return strings.Join(v, ","), true
	case Password:
		return PasswordHidden, true
	case string:
		return v, true
	case bool:
		return strconv.FormatBool(v), true
	case float64:
		return string(AppendNumber(nil, v, 64)), true
	case float32:
		return string(AppendNumber(nil, float64(v), 32)), true
	}
	if n, isInt := integerIn(value, TypeInt64); isInt {
		return strconv.FormatInt(n, 10), true
	}
	return fmt.Sprint(value), true
}

// ParsedConfig is a parsed configuration: the Go value of every defined key (nil for null).
type ParsedConfig map[string]any

func (p ParsedConfig) String(name string) string {
	s, _ := p[name].(string)
	return s
}

func (p ParsedConfig) Int(name string) int32 {
	n, _ := p[name].(int32)
	return n
}

func (p ParsedConfig) Short(name string) int16 {
	n, _ := p[name].(int16)
	return n
}

func (p ParsedConfig) Long(name string) int64 {
	n, _ := p[name].(int64)
	return n
}

func (p ParsedConfig) Double(name string) float64 {
	f, _ := p[name].(float64)
	return f
}

func (p ParsedConfig) Bool(name string) bool {
	b, _ := p[name].(bool)
	return b
}

func (p ParsedConfig) List(name string) []string {
	l, _ := p[name].([]string)
	return l
}

func (p ParsedConfig) Password(name string) Password {
	pw, _ := p[name].(Password)
	return pw
}

// PasswordHidden is how a password prints.
const PasswordHidden = "[hidden]"

// Password is a secret config value; it prints as [hidden] so that it never reaches a log.
type Password struct{ value *string }

// NewPassword wraps a secret.
func NewPassword(value string) Password { return Password{value: &value} }

// Value is the secret.
func (p Password) Value() string {
	if p.value == nil {
		return ""
	}
	return *p.value
}

func (p Password) String() string               { return PasswordHidden }
func (p Password) GoString() string             { return PasswordHidden }
func (p Password) MarshalText() ([]byte, error) { return []byte(PasswordHidden), nil }
