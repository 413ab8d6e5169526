// Encoding of values without a schema as plain JSON (docs/plugin-protocol.md section 7.2).

package wire

import (
	"fmt"
	"reflect"
	"strconv"
	"time"

	"github.com/polyconnect/polyconnect/plugins/sdk/go/connect"
)

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
