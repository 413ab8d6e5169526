// Encoding of the composite Connect types against their schema: ARRAY as a JSON array, MAP as an
// object (STRING keys) or [[key, value], ...], STRUCT as an object with every field in schema
// order; and mapEntries, the ordered entries of a MAP value (also used without a schema).

package wire

import (
	"fmt"
	"reflect"
	"sort"

	"github.com/polyconnect/polyconnect/plugins/sdk/go/connect"
)

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
