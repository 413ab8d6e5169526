package connect

import (
	"bytes"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"strings"
	"time"
)

// Struct is a value of a STRUCT schema (Kafka's Struct): one value per field, checked against the
// field's schema on Put.
type Struct struct {
	schema *Schema
	values []any
}

// MapEntry is one entry of a MAP value whose keys are not strings (or whose order matters).
type MapEntry struct {
	Key   any
	Value any
}

// NewStruct is an empty struct of the schema (every field null).
func NewStruct(schema *Schema) *Struct {
	if schema == nil || schema.Type != TypeStruct {
		panic(NewDataError(fmt.Sprintf("not a struct schema: %s", schema)))
	}
	return &Struct{schema: schema, values: make([]any, len(schema.Fields))}
}

// Schema is the struct's schema.
func (s *Struct) Schema() *Schema { return s.schema }

func (s *Struct) lookup(name string) (Field, error) {
	field, ok := s.schema.Field(name)
	if !ok {
		return Field{}, NewDataError(fmt.Sprintf("%s is not a valid field name", name))
	}
	return field, nil
}

// Put sets a field after checking the value against the field's schema.
func (s *Struct) Put(name string, value any) error {
	field, err := s.lookup(name)
	if err != nil {
		return err
	}
	if err := validateValue(field.Schema, value, field.Name); err != nil {
		return err
	}
	s.values[field.Index] = value
	return nil
}

// Set is Put for code that knows its values fit (generators, tests): it panics on a mismatch and
// returns the struct for chaining.
func (s *Struct) Set(name string, value any) *Struct {
	if err := s.Put(name, value); err != nil {
		panic(err)
	}
	return s
}

// PutAt sets the field at a position without checking the value (the fast path for code that
// builds values of a known shape; Validate checks them all at once).
func (s *Struct) PutAt(index int, value any) *Struct {
	s.values[index] = value
	return s
}

// Get is the field's value, or its schema's default when the value is null.
func (s *Struct) Get(name string) (any, error) {
	field, err := s.lookup(name)
	if err != nil {
		return nil, err
	}
	if value := s.values[field.Index]; value != nil {
		return value, nil
	}
	return field.Schema.Default, nil
}

// GetWithoutDefault is the field's value as stored (nil for null).
func (s *Struct) GetWithoutDefault(name string) (any, error) {
	field, err := s.lookup(name)
	if err != nil {
		return nil, err
	}
	return s.values[field.Index], nil
}

// At is the value stored at a field position (nil for null), without the default.
func (s *Struct) At(index int) any { return s.values[index] }

// Validate checks every field against its schema (required fields without a default must be set).
func (s *Struct) Validate() error { return validateValue(s.schema, s, "") }

// Equal compares schemas structurally and values with ValuesEqual.
func (s *Struct) Equal(other *Struct) bool {
	if s == other {
		return true
	}
	if s == nil || other == nil || !s.schema.Equal(other.schema) {
		return false
	}
	for i := range s.values {
		if !ValuesEqual(s.values[i], other.values[i]) {
			return false
		}
	}
	return true
}

// String is Kafka's Struct.toString: Struct{name=value,...} over the non-null fields.
func (s *Struct) String() string {
	var b strings.Builder
	b.WriteString("Struct{")
	first := true
	for i, field := range s.schema.Fields {
		if s.values[i] == nil {
			continue
		}
		if !first {
			b.WriteString(",")
		}
		first = false
		fmt.Fprintf(&b, "%s=%v", field.Name, s.values[i])
	}
	b.WriteString("}")
	return b.String()
}

// ValidateValue checks that value fits schema (Kafka's ConnectSchema.validateValue).
func ValidateValue(schema *Schema, value any) error { return validateValue(schema, value, "") }

func validateValue(schema *Schema, value any, fieldName string) error {
	if isNil(value) {
		if schema.Optional || schema.Default != nil {
			return nil
		}
		where := ""
		if fieldName != "" {
			where = fmt.Sprintf(": %q", fieldName)
		}
		return NewDataError(fmt.Sprintf("Invalid value: null used for required field%s, schema type: %s", where, schema.Type))
	}
	mismatch := func() error {
		where := ""
		if fieldName != "" {
			where = fmt.Sprintf(" for field: %q", fieldName)
		}
		name := ""
		if schema.Name != "" {
			name = " (" + schema.Name + ")"
		}
		return NewDataError(fmt.Sprintf("Invalid value of type %T for schema with type %s%s%s", value, schema.Type, name, where))
	}
	switch schema.Name {
	case DecimalLogicalName:
		if _, err := decimalOf(value); err != nil {
			return mismatch()
		}
		return nil
	case DateLogicalName, TimeLogicalName, TimestampLogicalName:
		if _, ok := value.(time.Time); !ok {
			return mismatch()
		}
		return nil
	}
	switch schema.Type {
	case TypeInt8, TypeInt16, TypeInt32, TypeInt64:
		if _, ok := integerIn(value, schema.Type); !ok {
			return mismatch()
		}
	case TypeFloat32, TypeFloat64:
		if _, ok := floatOf(value); !ok {
			return mismatch()
		}
	case TypeBoolean:
		if _, ok := value.(bool); !ok {
			return mismatch()
		}
	case TypeString:
		if _, ok := value.(string); !ok {
			return mismatch()
		}
	case TypeBytes:
		if _, ok := value.([]byte); !ok {
			return mismatch()
		}
	case TypeArray:
		elements, ok := sliceOf(value)
		if !ok {
			return mismatch()
		}
		for i := 0; i < elements.Len(); i++ {
			if err := validateValue(schema.Value, elements.Index(i).Interface(), fieldName); err != nil {
				return err
			}
		}
	case TypeMap:
		entries, ok := mapEntriesOf(value)
		if !ok {
			return mismatch()
		}
		for _, entry := range entries {
			if err := validateValue(schema.Key, entry.Key, fieldName); err != nil {
				return err
			}
			if err := validateValue(schema.Value, entry.Value, fieldName); err != nil {
				return err
			}
		}
	case TypeStruct:
		st, ok := value.(*Struct)
		if !ok {
			return mismatch()
		}
		if st.schema != schema && !st.schema.Equal(schema) {
			return NewDataError(fmt.Sprintf("Struct schemas do not match: expected %s, got %s", schema, st.schema))
		}
		for i, field := range schema.Fields {
			if err := validateValue(field.Schema, st.values[i], field.Name); err != nil {
				return err
			}
		}
	default:
		return NewDataError(fmt.Sprintf("invalid schema type %s", schema.Type))
	}
	return nil
}

func isNil(value any) bool {
	if value == nil {
		return true
	}
	switch v := value.(type) {
	case *Struct:
		return v == nil
	case []byte:
		return false // an empty byte slice is a value
	case *big.Int:
		return v == nil
	}
	return false
}

var integerRanges = map[Type][2]int64{
	TypeInt8:  {math.MinInt8, math.MaxInt8},
	TypeInt16: {math.MinInt16, math.MaxInt16},
	TypeInt32: {math.MinInt32, math.MaxInt32},
	TypeInt64: {math.MinInt64, math.MaxInt64},
}

// integerIn is the value as int64 when it is a Go integer within the type's range.
func integerIn(value any, t Type) (int64, bool) {
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
	r := integerRanges[t]
	return n, n >= r[0] && n <= r[1]
}

func floatOf(value any) (float64, bool) {
	switch v := value.(type) {
	case float64:
		return v, true
	case float32:
		return float64(v), true
	}
	return 0, false
}

func decimalOf(value any) (Decimal, error) {
	switch v := value.(type) {
	case Decimal:
		return v, nil
	case *Decimal:
		if v != nil {
			return *v, nil
		}
	case *big.Int:
		return Decimal{Unscaled: v}, nil
	case int64:
		return NewDecimal(v, 0), nil
	case int:
		return NewDecimal(int64(v), 0), nil
	}
	return Decimal{}, NewDataError(fmt.Sprintf("a %T is not a Decimal", value))
}

func sliceOf(value any) (reflect.Value, bool) {
	if _, isBytes := value.([]byte); isBytes {
		return reflect.Value{}, false
	}
	v := reflect.ValueOf(value)
	if v.Kind() != reflect.Slice && v.Kind() != reflect.Array {
		return reflect.Value{}, false
	}
	return v, true
}

// mapEntriesOf gives the entries of a MAP value: []MapEntry, map[string]any or any Go map.
func mapEntriesOf(value any) ([]MapEntry, bool) {
	switch v := value.(type) {
	case []MapEntry:
		return v, true
	case map[string]any:
		entries := make([]MapEntry, 0, len(v))
		for key, element := range v {
			entries = append(entries, MapEntry{Key: key, Value: element})
		}
		return entries, true
	}
	rv := reflect.ValueOf(value)
	if rv.Kind() != reflect.Map {
		return nil, false
	}
	entries := make([]MapEntry, 0, rv.Len())
	iter := rv.MapRange()
	for iter.Next() {
		entries = append(entries, MapEntry{Key: iter.Key().Interface(), Value: iter.Value().Interface()})
	}
	return entries, true
}

// ValuesEqual compares Connect values: structs, decimals, times and bytes by content, maps
// regardless of entry order, numbers by value within their Go type.
func ValuesEqual(a, b any) bool {
	if isNil(a) || isNil(b) {
		return isNil(a) && isNil(b)
	}
	switch va := a.(type) {
	case *Struct:
		vb, ok := b.(*Struct)
		return ok && va.Equal(vb)
	case []byte:
		vb, ok := b.([]byte)
		return ok && bytes.Equal(va, vb)
	case Decimal:
		vb, ok := b.(Decimal)
		return ok && va.Equal(vb)
	case time.Time:
		vb, ok := b.(time.Time)
		return ok && va.Equal(vb)
	case float64:
		vb, ok := b.(float64)
		return ok && (va == vb || (math.IsNaN(va) && math.IsNaN(vb)))
	case float32:
		vb, ok := b.(float32)
		return ok && (va == vb || (va != va && vb != vb))
	}
	if ea, ok := mapEntriesOf(a); ok {
		eb, ok := mapEntriesOf(b)
		if !ok || len(ea) != len(eb) {
			return false
		}
		used := make([]bool, len(eb))
	outer:
		for _, x := range ea {
			for j, y := range eb {
				if !used[j] && ValuesEqual(x.Key, y.Key) && ValuesEqual(x.Value, y.Value) {
					used[j] = true
					continue outer
				}
			}
			return false
		}
		return true
	}
	if sa, ok := sliceOf(a); ok {
		sb, ok := sliceOf(b)
		if !ok || sa.Len() != sb.Len() {
			return false
		}
		for i := 0; i < sa.Len(); i++ {
			if !ValuesEqual(sa.Index(i).Interface(), sb.Index(i).Interface()) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a, b)
}
