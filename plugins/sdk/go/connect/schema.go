package connect

import (
	"fmt"
	"sort"
	"strings"
)

// Type is the physical type of a schema (Kafka's Schema.Type).
type Type int

// The schema types. TypeUnspecified is not a valid schema type.
const (
	TypeUnspecified Type = iota
	TypeInt8
	TypeInt16
	TypeInt32
	TypeInt64
	TypeFloat32
	TypeFloat64
	TypeBoolean
	TypeString
	TypeBytes
	TypeArray
	TypeMap
	TypeStruct
)

var typeNames = [...]string{"UNSPECIFIED", "INT8", "INT16", "INT32", "INT64", "FLOAT32", "FLOAT64", "BOOLEAN", "STRING", "BYTES", "ARRAY", "MAP", "STRUCT"}

// String is Kafka's name of the type: "INT32", "STRUCT", ...
func (t Type) String() string {
	if t < 0 || int(t) >= len(typeNames) {
		return fmt.Sprintf("Type(%d)", int(t))
	}
	return typeNames[t]
}

// IsPrimitive reports whether the type is neither ARRAY, MAP nor STRUCT.
func (t Type) IsPrimitive() bool {
	return t >= TypeInt8 && t <= TypeBytes
}

// Schema is a Connect schema (Kafka's org.apache.kafka.connect.data.Schema). Treat a Schema as
// immutable once built: the same *Schema is shared by any number of values and records, and the
// runtime sends a schema used by many records once per batch.
//
// An empty Name or Doc and a zero Version mean "not set" (they travel as absent). A nil Default
// means "no default".
type Schema struct {
	Type       Type
	Optional   bool
	Name       string
	Version    int32
	Doc        string
	Parameters map[string]string
	// Default is the value a null field of this schema reads as (Struct.Get); nil for none.
	Default any
	// Fields are the fields of a STRUCT schema, in order.
	Fields []Field
	// Key is the key schema of a MAP.
	Key *Schema
	// Value is the element schema of an ARRAY and the value schema of a MAP.
	Value *Schema

	fieldIndex map[string]int
}

// Field is one named field of a STRUCT schema.
type Field struct {
	Name   string
	Index  int
	Schema *Schema
}

// Field returns the struct field with this name.
func (s *Schema) Field(name string) (Field, bool) {
	if s.fieldIndex != nil {
		i, ok := s.fieldIndex[name]
		if !ok {
			return Field{}, false
		}
		return s.Fields[i], true
	}
	for i, field := range s.Fields {
		if field.Name == name {
			field.Index = i
			return field, true
		}
	}
	return Field{}, false
}

// HasDefault reports whether the schema has a default value.
func (s *Schema) HasDefault() bool { return s.Default != nil }

// String is a short description: Schema{INT32} or Schema{com.example.Point:STRUCT}.
func (s *Schema) String() string {
	if s == nil {
		return "Schema{null}"
	}
	if s.Name == "" {
		return "Schema{" + s.Type.String() + "}"
	}
	return "Schema{" + s.Name + ":" + s.Type.String() + "}"
}

// Describe names the schema for messages: "INT32 schema" or "BYTES schema (org...Decimal)".
func (s *Schema) Describe() string {
	if s.Name == "" {
		return s.Type.String() + " schema"
	}
	return s.Type.String() + " schema (" + s.Name + ")"
}

// Equal compares two schemas structurally, as Kafka's ConnectSchema.equals does.
func (s *Schema) Equal(other *Schema) bool {
	if s == other {
		return true
	}
	if s == nil || other == nil {
		return false
	}
	if s.Type != other.Type || s.Optional != other.Optional || s.Name != other.Name || s.Version != other.Version || s.Doc != other.Doc {
		return false
	}
	if len(s.Parameters) != len(other.Parameters) {
		return false
	}
	for key, value := range s.Parameters {
		if otherValue, ok := other.Parameters[key]; !ok || otherValue != value {
			return false
		}
	}
	if len(s.Fields) != len(other.Fields) {
		return false
	}
	for i := range s.Fields {
		if s.Fields[i].Name != other.Fields[i].Name || !s.Fields[i].Schema.Equal(other.Fields[i].Schema) {
			return false
		}
	}
	if !s.Key.Equal(other.Key) || !s.Value.Equal(other.Value) {
		return false
	}
	return ValuesEqual(s.Default, other.Default)
}

// Fingerprint is a text that two schemas share exactly when they are Equal (defaults compared by
// their printed form). The runtime uses it to list equal schemas once per batch.
func (s *Schema) Fingerprint() string {
	var b strings.Builder
	s.writeFingerprint(&b)
	return b.String()
}

func (s *Schema) writeFingerprint(b *strings.Builder) {
	if s == nil {
		b.WriteString("~")
		return
	}
	fmt.Fprintf(b, "(%d,%t,%q,%d,%q,", s.Type, s.Optional, s.Name, s.Version, s.Doc)
	keys := make([]string, 0, len(s.Parameters))
	for key := range s.Parameters {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	for _, key := range keys {
		fmt.Fprintf(b, "%q=%q;", key, s.Parameters[key])
	}
	fmt.Fprintf(b, ",%#v,[", s.Default)
	for _, field := range s.Fields {
		fmt.Fprintf(b, "%q:", field.Name)
		field.Schema.writeFingerprint(b)
	}
	b.WriteString("],")
	s.Key.writeFingerprint(b)
	s.Value.writeFingerprint(b)
	b.WriteString(")")
}

// Validate checks that the schema is well formed: a known type, fields only on structs (with
// unique names), key and value schemas where MAP and ARRAY need them.
func (s *Schema) Validate() error {
	if s == nil {
		return NewDataError("schema is nil")
	}
	if s.Type <= TypeUnspecified || s.Type > TypeStruct {
		return NewDataError(fmt.Sprintf("invalid schema type %s", s.Type))
	}
	if s.Type != TypeStruct && len(s.Fields) > 0 {
		return NewDataError(fmt.Sprintf("cannot give fields to a %s schema", s.Type))
	}
	if s.Type == TypeArray && s.Value == nil {
		return NewDataError("an ARRAY schema needs an element schema")
	}
	if s.Type == TypeMap && (s.Key == nil || s.Value == nil) {
		return NewDataError("a MAP schema needs a key schema and a value schema")
	}
	seen := make(map[string]bool, len(s.Fields))
	for _, field := range s.Fields {
		if seen[field.Name] {
			return NewDataError(fmt.Sprintf("duplicate field %q in %s", field.Name, s))
		}
		seen[field.Name] = true
		if err := field.Schema.Validate(); err != nil {
			return err
		}
	}
	for _, nested := range []*Schema{s.Key, s.Value} {
		if nested != nil {
			if err := nested.Validate(); err != nil {
				return err
			}
		}
	}
	return nil
}

func primitive(t Type, optional bool) *Schema { return &Schema{Type: t, Optional: optional} }

// Kafka's predefined primitive schemas. Share them; do not modify them.
var (
	Int8Schema            = primitive(TypeInt8, false)
	Int16Schema           = primitive(TypeInt16, false)
	Int32Schema           = primitive(TypeInt32, false)
	Int64Schema           = primitive(TypeInt64, false)
	Float32Schema         = primitive(TypeFloat32, false)
	Float64Schema         = primitive(TypeFloat64, false)
	BooleanSchema         = primitive(TypeBoolean, false)
	StringSchema          = primitive(TypeString, false)
	BytesSchema           = primitive(TypeBytes, false)
	OptionalInt8Schema    = primitive(TypeInt8, true)
	OptionalInt16Schema   = primitive(TypeInt16, true)
	OptionalInt32Schema   = primitive(TypeInt32, true)
	OptionalInt64Schema   = primitive(TypeInt64, true)
	OptionalFloat32Schema = primitive(TypeFloat32, true)
	OptionalFloat64Schema = primitive(TypeFloat64, true)
	OptionalBooleanSchema = primitive(TypeBoolean, true)
	OptionalStringSchema  = primitive(TypeString, true)
	OptionalBytesSchema   = primitive(TypeBytes, true)
)
