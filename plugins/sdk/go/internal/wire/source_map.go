package wire

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"

	"github.com/polyconnect/polyconnect/plugins/sdk/go/connect"
)

// AppendSourceMap appends a source partition or offset as a JSON object, keys sorted; nil appends
// nothing (the empty text is "none"). Values must be strings, numbers, booleans or nil.
func AppendSourceMap(b []byte, m connect.SourceMap) ([]byte, error) {
	if m == nil {
		return b, nil
	}
	b = append(b, '{')
	if len(m) == 1 {
		for key, value := range m {
			return appendSourceEntry(b, key, value)
		}
	}
	keys := make([]string, 0, len(m))
	for key := range m {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	var err error
	for i, key := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = AppendString(b, key)
		b = append(b, ':')
		if b, err = appendSourceValue(b, key, m[key]); err != nil {
			return b, err
		}
	}
	return append(b, '}'), nil
}

func appendSourceEntry(b []byte, key string, value any) ([]byte, error) {
	b = AppendString(b, key)
	b = append(b, ':')
	b, err := appendSourceValue(b, key, value)
	return append(b, '}'), err
}

func appendSourceValue(b []byte, key string, value any) ([]byte, error) {
	switch v := value.(type) {
	case nil:
		return append(b, "null"...), nil
	case string:
		return AppendString(b, v), nil
	case bool:
		return strconv.AppendBool(b, v), nil
	case json.Number:
		return append(b, v.String()...), nil
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return b, connect.NewDataError(fmt.Sprintf("source partition or offset %q is %v, which JSON cannot hold", key, v))
		}
		return connect.AppendNumber(b, v, 64), nil
	case float32:
		return appendSourceValue(b, key, float64(v))
	}
	if n, ok := integerIn(value, connect.TypeInt64); ok {
		return strconv.AppendInt(b, n, 10), nil
	}
	return b, connect.NewDataError(fmt.Sprintf("source partition or offset %q has a value of type %T; use strings, numbers, booleans or nil", key, value))
}

// EncodeSourceMap is AppendSourceMap as a string.
func EncodeSourceMap(m connect.SourceMap) (string, error) {
	b, err := AppendSourceMap(nil, m)
	return string(b), err
}

// DecodeSourceMap reads a source partition or offset ("" is nil): integers as int64, other
// numbers as float64.
func DecodeSourceMap(text string) (connect.SourceMap, error) {
	if text == "" {
		return nil, nil
	}
	value, err := parseJSON(text)
	if err != nil {
		return nil, err
	}
	object, ok := value.(map[string]any)
	if !ok {
		return nil, connect.NewDataError(fmt.Sprintf("a source partition or offset must be a JSON object, got %.100s", text))
	}
	for key, element := range object {
		if n, ok := element.(json.Number); ok {
			object[key] = numberValue(n)
		}
	}
	return object, nil
}

// CanonicalSourceMap is a text that two maps share when they have the same keys and values,
// whatever the key order and integer type.
func CanonicalSourceMap(m connect.SourceMap) string {
	normalised := make(connect.SourceMap, len(m))
	for key, value := range m {
		if n, ok := integerIn(value, connect.TypeInt64); ok {
			value = n
		} else if f, ok := value.(float64); ok && f == math.Trunc(f) && math.Abs(f) < 1<<53 {
			value = int64(f)
		} else if rv := reflect.ValueOf(value); rv.IsValid() && rv.Kind() == reflect.Float32 {
			value = rv.Float()
		}
		normalised[key] = value
	}
	text, err := EncodeSourceMap(normalised)
	if err != nil {
		return fmt.Sprint(m)
	}
	return text
}
