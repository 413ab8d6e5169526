// The JSON value encoding's entry points and scalars (docs/plugin-protocol.md section 7):
// EncodeValue and AppendValue, the per-type dispatch against a schema (appendJSON), numbers, floats,
// Base64 bytes, decimals and the logical dates and times. Arrays, maps and structs are in
// value_encode_composite.go, values without a schema in value_encode_schemaless.go, JSON strings in
// json_string.go, decoding in value_decode.go.

package wire

import (
	"encoding/base64"
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/polyconnect/polyconnect/plugins/sdk/go/connect"
	"github.com/polyconnect/polyconnect/plugins/sdk/go/internal/goint"
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

// integerIn is the value as int64 when it is a Go integer within the type's range.
func integerIn(value any, t connect.Type) (int64, bool) {
	n, ok := goint.ToInt64(value)
	if !ok {
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
