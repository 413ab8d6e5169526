package connect

import "strings"

// ConfigValidator checks a parsed config value (nil for null) and returns a *ConfigError when it is
// invalid, as Kafka's ConfigDef.Validator.
type ConfigValidator func(name string, value any) error

func numberOf(value any) (float64, bool) {
	if f, ok := floatOf(value); ok {
		return f, true
	}
	if n, ok := integerIn(value, TypeInt64); ok {
		return float64(n), true
	}
	return 0, false
}

// AtLeast accepts numbers >= min (null passes): Kafka's Range.atLeast.
func AtLeast(min float64) ConfigValidator {
	return func(name string, value any) error {
		if n, ok := numberOf(value); ok && n < min {
			return InvalidConfigValue(name, value, "Value must be at least "+numberText(min))
		}
		return nil
	}
}

// Between accepts numbers in [min, max] (null passes): Kafka's Range.between.
func Between(min, max float64) ConfigValidator {
	return func(name string, value any) error {
		n, ok := numberOf(value)
		if !ok {
			return nil
		}
		if n < min {
			return InvalidConfigValue(name, value, "Value must be at least "+numberText(min))
		}
		if n > max {
			return InvalidConfigValue(name, value, "Value must be no more than "+numberText(max))
		}
		return nil
	}
}

func numberText(f float64) string { return string(AppendNumber(nil, f, 64)) }

// ValidString accepts one of the given strings (null passes): Kafka's ValidString.
func ValidString(allowed ...string) ConfigValidator {
	return func(name string, value any) error {
		s, ok := value.(string)
		if !ok {
			return nil
		}
		for _, candidate := range allowed {
			if s == candidate {
				return nil
			}
		}
		return InvalidConfigValue(name, value, "String must be one of: "+strings.Join(allowed, ", "))
	}
}

// NonEmptyString refuses the empty string (null passes).
func NonEmptyString(name string, value any) error {
	if s, ok := value.(string); ok && s == "" {
		return InvalidConfigValue(name, value, "String must be non-empty")
	}
	return nil
}

// NonEmptyList refuses an empty list.
func NonEmptyList(name string, value any) error {
	if l, ok := value.([]string); ok && len(l) == 0 {
		return InvalidConfigValue(name, "", "Empty list")
	}
	return nil
}

// AllOf applies validators in order.
func AllOf(validators ...ConfigValidator) ConfigValidator {
	return func(name string, value any) error {
		for _, validate := range validators {
			if err := validate(name, value); err != nil {
				return err
			}
		}
		return nil
	}
}
