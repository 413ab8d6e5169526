// Package wire is the plugin protocol's data encoding (docs/plugin-protocol.md sections 6 and 7):
// Connect values as JSON text against their schema, schemas as proto messages, the per-batch
// schema table, source and sink record batches, source partitions and offsets, and errors as
// gRPC status with ErrorInfo. The only code in the SDK besides the runtime that touches the
// generated proto types.
package wire

import (
	"encoding/base64"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/polyconnect/polyconnect/plugins/sdk/go/connect"
)

// maxSafeInteger is 2^53 − 1: INT64 values beyond it travel as strings.
const maxSafeInteger = 1<<53 - 1

// EncodeValue is the JSON text of a value with a schema (nil schema: schemaless); null is "".
func EncodeValue(schema *connect.Schema, value any) (string, error) {
	b, err := AppendValue(nil, schema, value)
	return string(b), err
}

// AppendValue appends the JSON text of a top-level value; a null value appends nothing.
func AppendValue(b []byte, schema *connect.Schema, value any) ([]byte, error) {
	if isNull(value) {
		return b, nil
	}
	if schema == nil {
		return appendSchemaless(b, value)
	}
	return appendJSON(b, schema, value)
}

func isNull(value any) bool {
	if value == nil {
		return true
	}
	if s, ok := value.(*connect.Struct); ok && s == nil {
		return true
	}
	return false
}

func mismatch(schema *connect.Schema, value any) error {
	return connect.NewDataError(fmt.Sprintf("Value of type %T does not fit a %s", value, schema.Describe()))
}

func appendJSON(b []byte, schema *connect.Schema, value any) ([]byte, error) {
	if isNull(value) {
		if !schema.Optional && schema.Default == nil {
			return b, connect.NewDataError("Null value for a required " + schema.Describe())
		}
		return append(b, "null"...), nil
	}
	switch schema.Name {
	case connect.DecimalLogicalName:
		return appendDecimal(b, schema, value)
	case connect.DateLogicalName:
		t, ok := value.(time.Time)
		if !ok {
			return b, mismatch(schema, value)
		}
		days, err := connect.DateToDays(t)
		if err != nil {
			return b, err
		}
		return strconv.AppendInt(b, int64(days), 10), nil
	case connect.TimeLogicalName:
		t, ok := value.(time.Time)
		if !ok {
			return b, mismatch(schema, value)
		}
		millis, err := connect.TimeToMillis(t)
		if err != nil {
			return b, err
		}
		return strconv.AppendInt(b, int64(millis), 10), nil
	case connect.TimestampLogicalName:
		t, ok := value.(time.Time)
		if !ok {
			return b, mismatch(schema, value)
		}
		return appendInt64(b, t.UnixMilli()), nil
	}
	switch schema.Type {
	case connect.TypeInt8, connect.TypeInt16, connect.TypeInt32:
		n, ok := integerIn(value, schema.Type)
		if !ok {
			return b, mismatch(schema, value)
		}
		return strconv.AppendInt(b, n, 10), nil
	case connect.TypeInt64:
		n, ok := integerIn(value, schema.Type)
		if !ok {
			return b, mismatch(schema, value)
		}
		return appendInt64(b, n), nil
	case connect.TypeFloat32, connect.TypeFloat64:
		var f float64
		switch v := value.(type) {
		case float64:
			f = v
		case float32:
			f = float64(v)
		default:
			return b, mismatch(schema, value)
		}
		if schema.Type == connect.TypeFloat32 {
			return appendFloat(b, float64(float32(f)), 32), nil
		}
		return appendFloat(b, f, 64), nil
	case connect.TypeBoolean:
		v, ok := value.(bool)
		if !ok {
			return b, mismatch(schema, value)
		}
		return strconv.AppendBool(b, v), nil
	case connect.TypeString:
		v, ok := value.(string)
		if !ok {
			return b, mismatch(schema, value)
		}
		return AppendString(b, v), nil
	case connect.TypeBytes:
		v, ok := value.([]byte)
		if !ok {
			return b, mismatch(schema, value)
		}
		return appendBase64(b, v), nil
	case connect.TypeArray:
		return appendArray(b, schema, value)
	case connect.TypeMap:
		return appendMap(b, schema, value)
	case connect.TypeStruct:
		return appendStruct(b, schema, value)
	}
	return b, connect.NewDataError("invalid schema type " + schema.Type.String())
}

func appendInt64(b []byte, n int64) []byte {
	if n > maxSafeInteger || n < -maxSafeInteger {
		b = append(b, '"')
		b = strconv.AppendInt(b, n, 10)
		return append(b, '"')
	}
	return strconv.AppendInt(b, n, 10)
}

func appendFloat(b []byte, f float64, bits int) []byte {
	switch {
	case math.IsNaN(f):
		return append(b, `"NaN"`...)
	case math.IsInf(f, 1):
		return append(b, `"Infinity"`...)
	case math.IsInf(f, -1):
		return append(b, `"-Infinity"`...)
	case f == 0:
		return append(b, '0') // the sign of -0.0 is not kept
	}
	return connect.AppendNumber(b, f, bits)
}

func appendBase64(b []byte, data []byte) []byte {
	b = append(b, '"')
	n := base64.StdEncoding.EncodedLen(len(data))
	b = append(b, make([]byte, n)...)
	base64.StdEncoding.Encode(b[len(b)-n:], data)
	return append(b, '"')
}

func appendDecimal(b []byte, schema *connect.Schema, value any) ([]byte, error) {
	scale, err := connect.DecimalScale(schema)
	if err != nil {
		return b, err
	}
	var d connect.Decimal
	switch v := value.(type) {
	case connect.Decimal:
		d = v
	case *connect.Decimal:
		if v == nil {
			return b, mismatch(schema, value)
		}
		d = *v
	default:
		return b, mismatch(schema, value)
	}
	scaled, err := d.WithScale(scale)
	if err != nil {
		return b, err
	}
	b = append(b, '"')
	b = append(b, scaled.PlainString()...)
	return append(b, '"'), nil
}

func appendArray(b []byte, schema *connect.Schema, value any) ([]byte, error) {
	var err error
	b = append(b, '[')
	if elements, ok := value.([]any); ok {
		for i, element := range elements {
			if i > 0 {
				b = append(b, ',')
			}
			if b, err = appendJSON(b, schema.Value, element); err != nil {
				return b, err
			}
		}
		return append(b, ']'), nil
	}
	rv := reflect.ValueOf(value)
	if _, isBytes := value.([]byte); isBytes || (rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array) {
		return b, mismatch(schema, value)
	}
	for i := 0; i < rv.Len(); i++ {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = appendJSON(b, schema.Value, rv.Index(i).Interface()); err != nil {
			return b, err
		}
	}
	return append(b, ']'), nil
}

// mapEntries are a MAP value's entries: []MapEntry in order, Go maps sorted by key text.
func mapEntries(value any) ([]connect.MapEntry, bool) {
	switch v := value.(type) {
	case []connect.MapEntry:
		return v, true
	case map[string]any:
		keys := make([]string, 0, len(v))
		for key := range v {
			keys = append(keys, key)
		}
		sort.Strings(keys)
		entries := make([]connect.MapEntry, len(keys))
		for i, key := range keys {
			entries[i] = connect.MapEntry{Key: key, Value: v[key]}
		}
		return entries, true
	}
	rv := reflect.ValueOf(value)
	if rv.Kind() != reflect.Map {
		return nil, false
	}
	entries := make([]connect.MapEntry, 0, rv.Len())
	iter := rv.MapRange()
	for iter.Next() {
		entries = append(entries, connect.MapEntry{Key: iter.Key().Interface(), Value: iter.Value().Interface()})
	}
	sort.Slice(entries, func(i, j int) bool { return fmt.Sprint(entries[i].Key) < fmt.Sprint(entries[j].Key) })
	return entries, true
}

func appendMap(b []byte, schema *connect.Schema, value any) ([]byte, error) {
	entries, ok := mapEntries(value)
	if !ok {
		return b, mismatch(schema, value)
	}
	var err error
	if schema.Key.Type == connect.TypeString {
		b = append(b, '{')
		for i, entry := range entries {
			key, ok := entry.Key.(string)
			if !ok {
				return b, mismatch(schema.Key, entry.Key)
			}
			if i > 0 {
				b = append(b, ',')
			}
			b = AppendString(b, key)
			b = append(b, ':')
			if b, err = appendJSON(b, schema.Value, entry.Value); err != nil {
				return b, err
			}
		}
		return append(b, '}'), nil
	}
	b = append(b, '[')
	for i, entry := range entries {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		if b, err = appendJSON(b, schema.Key, entry.Key); err != nil {
			return b, err
		}
		b = append(b, ',')
		if b, err = appendJSON(b, schema.Value, entry.Value); err != nil {
			return b, err
		}
		b = append(b, ']')
	}
	return append(b, ']'), nil
}

func appendStruct(b []byte, schema *connect.Schema, value any) ([]byte, error) {
	st, ok := value.(*connect.Struct)
	if !ok {
		return b, mismatch(schema, value)
	}
	if st.Schema() != schema && !st.Schema().Equal(schema) {
		return b, connect.NewDataError(fmt.Sprintf("Struct schemas do not match: expected %s, got %s", schema, st.Schema()))
	}
	var err error
	b = append(b, '{')
	for i, field := range schema.Fields {
		if i > 0 {
			b = append(b, ',')
		}
		b = AppendString(b, field.Name)
		b = append(b, ':')
		if b, err = appendJSON(b, field.Schema, st.At(i)); err != nil {
			return b, connect.NewDataError(fmt.Sprintf("field %q: %v", field.Name, err), err)
		}
	}
	return append(b, '}'), nil
}

// appendSchemaless writes a value without a schema as plain JSON (docs/plugin-protocol.md 7.2).
func appendSchemaless(b []byte, value any) ([]byte, error) {
	var err error
	switch v := value.(type) {
	case nil:
		return append(b, "null"...), nil
	case string:
		return AppendString(b, v), nil
	case bool:
		return strconv.AppendBool(b, v), nil
	case float64:
		return appendFloat(b, v, 64), nil
	case float32:
		return appendFloat(b, float64(v), 32), nil
	case []byte:
		return appendBase64(b, v), nil
	case time.Time:
		return strconv.AppendInt(b, v.UnixMilli(), 10), nil
	case *connect.Struct:
		if v == nil {
			return append(b, "null"...), nil
		}
		return appendStruct(b, v.Schema(), v)
	case connect.Decimal, *connect.Decimal:
		return b, connect.NewDataError("a Decimal cannot be sent without a schema; give the value a Decimal schema")
	case []any:
		b = append(b, '[')
		for i, element := range v {
			if i > 0 {
				b = append(b, ',')
			}
			if b, err = appendSchemaless(b, element); err != nil {
				return b, err
			}
		}
		return append(b, ']'), nil
	}
	if n, ok := integerIn(value, connect.TypeInt64); ok {
		if n > maxSafeInteger || n < -maxSafeInteger {
			return b, connect.NewDataError(fmt.Sprintf("a schemaless integer beyond ±(2^53-1) cannot be encoded (%d); give the value an INT64 schema", n))
		}
		return strconv.AppendInt(b, n, 10), nil
	}
	if entries, ok := mapEntries(value); ok {
		allStrings := true
		for _, entry := range entries {
			if _, ok := entry.Key.(string); !ok {
				allStrings = false
				break
			}
		}
		if allStrings {
			b = append(b, '{')
			for i, entry := range entries {
				if i > 0 {
					b = append(b, ',')
				}
				b = AppendString(b, entry.Key.(string))
				b = append(b, ':')
				if b, err = appendSchemaless(b, entry.Value); err != nil {
					return b, err
				}
			}
			return append(b, '}'), nil
		}
		b = append(b, '[')
		for i, entry := range entries {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '[')
			if b, err = appendSchemaless(b, entry.Key); err != nil {
				return b, err
			}
			b = append(b, ',')
			if b, err = appendSchemaless(b, entry.Value); err != nil {
				return b, err
			}
			b = append(b, ']')
		}
		return append(b, ']'), nil
	}
	rv := reflect.ValueOf(value)
	if rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array {
		b = append(b, '[')
		for i := 0; i < rv.Len(); i++ {
			if i > 0 {
				b = append(b, ',')
			}
			if b, err = appendSchemaless(b, rv.Index(i).Interface()); err != nil {
				return b, err
			}
		}
		return append(b, ']'), nil
	}
	return b, connect.NewDataError(fmt.Sprintf("cannot encode a schemaless value of type %T", value))
}

func integerIn(value any, t connect.Type) (int64, bool) {
	var n int64
	switch v := value.(type) {
	case int8:
		n = int64(v)
	case int16:
		n = int64(v)
	case int32:
		n = int64(v)
	case int64:
		n = v
	case int:
		n = int64(v)
	case uint8:
		n = int64(v)
	case uint16:
		n = int64(v)
	case uint32:
		n = int64(v)
	case uint:
		if uint64(v) > math.MaxInt64 {
			return 0, false
		}
		n = int64(v)
	case uint64:
		if v > math.MaxInt64 {
			return 0, false
		}
		n = int64(v)
	default:
		return 0, false
	}
	switch t {
	case connect.TypeInt8:
		return n, n >= math.MinInt8 && n <= math.MaxInt8
	case connect.TypeInt16:
		return n, n >= math.MinInt16 && n <= math.MaxInt16
	case connect.TypeInt32:
		return n, n >= math.MinInt32 && n <= math.MaxInt32
	}
	return n, true
}

const hexDigits = "0123456789abcdef"

// AppendString appends s as a JSON string: quotes, backslashes and control characters escaped,
// other text as UTF-8 (invalid UTF-8 becomes U+FFFD, as encoding/json does).
func AppendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
