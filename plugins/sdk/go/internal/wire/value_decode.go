package wire

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/polyconnect/polyconnect/plugins/sdk/go/connect"
)

// DecodeValue reads JSON text against a schema (nil schema: schemaless); "" is null. Decoded
// values have the Go types listed in package connect's documentation.
func DecodeValue(schema *connect.Schema, text string) (any, error) {
	if text == "" {
		return nil, nil
	}
	json, err := parseJSON(text)
	if err != nil {
		return nil, err
	}
	if schema == nil {
		return schemalessFromJSON(json), nil
	}
	return FromJSON(schema, json)
}

// parseJSON parses one JSON value with numbers kept as json.Number (exact text).
func parseJSON(text string) (any, error) {
	decoder := json.NewDecoder(strings.NewReader(text))
	decoder.UseNumber()
	var value any
	if err := decoder.Decode(&value); err != nil {
		return nil, connect.NewDataError("Value is not valid JSON: "+err.Error(), err)
	}
	if decoder.More() {
		return nil, connect.NewDataError("Value is not valid JSON: data after the value")
	}
	if _, err := decoder.Token(); err == nil {
		return nil, connect.NewDataError("Value is not valid JSON: data after the value")
	}
	return value, nil
}

var int64Text = regexp.MustCompile(`^-?\d+$`)

// FromJSON converts a parsed JSON value (numbers as json.Number) against a schema.
func FromJSON(schema *connect.Schema, value any) (any, error) {
	if value == nil {
		return nil, nil
	}
	switch schema.Name {
	case connect.DecimalLogicalName:
		scale, err := connect.DecimalScale(schema)
		if err != nil {
			return nil, err
		}
		var text string
		switch v := value.(type) {
		case string:
			text = v
		case json.Number:
			text = v.String()
		default:
			return nil, jsonMismatch(schema, value)
		}
		d, err := connect.ParseDecimal(text)
		if err != nil {
			return nil, err
		}
		return d.WithScale(scale)
	case connect.DateLogicalName:
		n, err := integerFromJSON(schema, value, math.MinInt32, math.MaxInt32)
		if err != nil {
			return nil, err
		}
		return connect.DateFromDays(n), nil
	case connect.TimeLogicalName:
		n, err := integerFromJSON(schema, value, math.MinInt32, math.MaxInt32)
		if err != nil {
			return nil, err
		}
		return connect.TimeFromMillis(n), nil
	case connect.TimestampLogicalName:
		n, err := int64FromJSON(schema, value)
		if err != nil {
			return nil, err
		}
		return time.UnixMilli(n).UTC(), nil
	}
	switch schema.Type {
	case connect.TypeInt8:
		n, err := integerFromJSON(schema, value, math.MinInt8, math.MaxInt8)
		return int8(n), err
	case connect.TypeInt16:
		n, err := integerFromJSON(schema, value, math.MinInt16, math.MaxInt16)
		return int16(n), err
	case connect.TypeInt32:
		n, err := integerFromJSON(schema, value, math.MinInt32, math.MaxInt32)
		return int32(n), err
	case connect.TypeInt64:
		return int64FromJSON(schema, value)
	case connect.TypeFloat32, connect.TypeFloat64:
		var f float64
		switch v := value.(type) {
		case json.Number:
			parsed, err := strconv.ParseFloat(v.String(), 64)
			if err != nil && !isRangeError(err) {
				return nil, jsonMismatch(schema, value)
			}
			f = parsed
		case string:
			switch v {
			case "NaN":
				f = math.NaN()
			case "Infinity":
				f = math.Inf(1)
			case "-Infinity":
				f = math.Inf(-1)
			default:
				return nil, jsonMismatch(schema, value)
			}
		default:
			return nil, jsonMismatch(schema, value)
		}
		if schema.Type == connect.TypeFloat32 {
			return float32(f), nil
		}
		return f, nil
	case connect.TypeBoolean:
		if v, ok := value.(bool); ok {
			return v, nil
		}
	case connect.TypeString:
		if v, ok := value.(string); ok {
			return v, nil
		}
	case connect.TypeBytes:
		v, ok := value.(string)
		if !ok {
			break
		}
		data, err := base64.StdEncoding.DecodeString(v)
		if err != nil {
			if data, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(v, "=")); err != nil {
				return nil, connect.NewDataError("BYTES value is not Base64: "+err.Error(), err)
			}
		}
		return data, nil
	case connect.TypeArray:
		elements, ok := value.([]any)
		if !ok {
			break
		}
		decoded := make([]any, len(elements))
		for i, element := range elements {
			v, err := FromJSON(schema.Value, element)
			if err != nil {
				return nil, err
			}
			if err := checkNull(schema.Value, v, ""); err != nil {
				return nil, err
			}
			decoded[i] = v
		}
		return decoded, nil
	case connect.TypeMap:
		return mapFromJSON(schema, value)
	case connect.TypeStruct:
		object, ok := value.(map[string]any)
		if !ok {
			break
		}
		st := connect.NewStruct(schema)
		for i, field := range schema.Fields {
			v, err := FromJSON(field.Schema, object[field.Name])
			if err != nil {
				return nil, err
			}
			if err := checkNull(field.Schema, v, field.Name); err != nil {
				return nil, err
			}
			st.PutAt(i, v)
		}
		return st, nil
	default:
		return nil, connect.NewDataError("invalid schema type " + schema.Type.String())
	}
	return nil, jsonMismatch(schema, value)
}

func checkNull(schema *connect.Schema, value any, field string) error {
	if value != nil || schema.Optional || schema.Default != nil {
		return nil
	}
	if field != "" {
		return connect.NewDataError(fmt.Sprintf("Invalid value: null used for required field: %q, schema type: %s", field, schema.Type))
	}
	return connect.NewDataError("Invalid value: null used for a required " + schema.Describe())
}

func isRangeError(err error) bool {
	numErr, ok := err.(*strconv.NumError)
	return ok && numErr.Err == strconv.ErrRange
}

func mapFromJSON(schema *connect.Schema, value any) (any, error) {
	stringKeys := schema.Key.Type == connect.TypeString
	var object map[string]any
	var entries []connect.MapEntry
	if stringKeys {
		object = map[string]any{}
	}
	put := func(keyJSON, valueJSON any) error {
		key, err := FromJSON(schema.Key, keyJSON)
		if err != nil {
			return err
		}
		if err := checkNull(schema.Key, key, ""); err != nil {
			return err
		}
		element, err := FromJSON(schema.Value, valueJSON)
		if err != nil {
			return err
		}
		if err := checkNull(schema.Value, element, ""); err != nil {
			return err
		}
		if stringKeys {
			if s, ok := key.(string); ok {
				object[s] = element
				return nil
			}
		}
		entries = append(entries, connect.MapEntry{Key: key, Value: element})
		return nil
	}
	switch v := value.(type) {
	case []any:
		for _, pair := range v {
			kv, ok := pair.([]any)
			if !ok || len(kv) != 2 {
				return nil, connect.NewDataError(fmt.Sprintf("A %s entry must be a [key, value] pair", schema.Describe()))
			}
			if err := put(kv[0], kv[1]); err != nil {
				return nil, err
			}
		}
	case map[string]any:
		for key, element := range v {
			if err := put(key, element); err != nil {
				return nil, err
			}
		}
	default:
		return nil, jsonMismatch(schema, value)
	}
	if stringKeys && entries == nil {
		return object, nil
	}
	if stringKeys {
		for key, element := range object {
			entries = append(entries, connect.MapEntry{Key: key, Value: element})
		}
	}
	if entries == nil {
		entries = []connect.MapEntry{}
	}
	return entries, nil
}

// integerFromJSON accepts a JSON number with an integral value within [min, max] ("1.0" and "1e2"
// are integers, as they are to JavaScript); strings and fractions are refused.
func integerFromJSON(schema *connect.Schema, value any, min, max int64) (int64, error) {
	number, ok := value.(json.Number)
	if !ok {
		return 0, jsonMismatch(schema, value)
	}
	n, err := exactInteger(number.String())
	if err != nil || n < min || n > max {
		return 0, jsonMismatch(schema, value)
	}
	return n, nil
}

// int64FromJSON accepts a number or a string of decimal digits (optionally "-").
func int64FromJSON(schema *connect.Schema, value any) (int64, error) {
	switch v := value.(type) {
	case json.Number:
		n, err := exactInteger(v.String())
		if err != nil {
			return 0, jsonMismatch(schema, value)
		}
		return n, nil
	case string:
		if !int64Text.MatchString(v) {
			return 0, jsonMismatch(schema, value)
		}
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return 0, connect.NewDataError(fmt.Sprintf("INT64 value %s is out of range", v))
		}
		return n, nil
	}
	return 0, jsonMismatch(schema, value)
}

func exactInteger(text string) (int64, error) {
	if n, err := strconv.ParseInt(text, 10, 64); err == nil {
		return n, nil
	}
	r, ok := new(big.Rat).SetString(text)
	if !ok || !r.IsInt() || !r.Num().IsInt64() {
		return 0, fmt.Errorf("not an int64: %s", text)
	}
	return r.Num().Int64(), nil
}

func jsonMismatch(schema *connect.Schema, value any) error {
	kind := "null"
	switch value.(type) {
	case json.Number:
		kind = "number"
	case string:
		kind = "string"
	case bool:
		kind = "boolean"
	case []any:
		kind = "array"
	case map[string]any:
		kind = "object"
	}
	text, _ := json.Marshal(value)
	if len(text) > 100 {
		text = append(text[:100], "..."...)
	}
	return connect.NewDataError(fmt.Sprintf("JSON %s %s does not fit a %s", kind, bytes.TrimSpace(text), schema.Describe()))
}

// schemalessFromJSON is the Connect value of schemaless JSON: integers as int64, other numbers as
// float64, arrays as []any, objects as map[string]any.
func schemalessFromJSON(value any) any {
	switch v := value.(type) {
	case json.Number:
		return numberValue(v)
	case []any:
		for i := range v {
			v[i] = schemalessFromJSON(v[i])
		}
		return v
	case map[string]any:
		for key, element := range v {
			v[key] = schemalessFromJSON(element)
		}
		return v
	}
	return value
}

func numberValue(n json.Number) any {
	text := n.String()
	if !strings.ContainsAny(text, ".eE") {
		if i, err := strconv.ParseInt(text, 10, 64); err == nil {
			return i
		}
	}
	f, _ := strconv.ParseFloat(text, 64)
	return f
}
