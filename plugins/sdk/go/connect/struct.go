// Struct, the value of a STRUCT schema: construction, field access by name or position, checked
// Put, Validate, Equal and String. What a field may hold is checked in value_validate.go; the Go
// forms of each Connect type are in value_shapes.go; ValuesEqual is in values_equal.go.

package connect

import (
	"fmt"
	"strings"
)

// Struct is a value of a STRUCT schema (Kafka's Struct): one value per field, checked against the
// field's schema on Put.
type Struct struct {
	schema *Schema
	values []any
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
