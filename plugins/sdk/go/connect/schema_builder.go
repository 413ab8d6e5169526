package connect

import "fmt"

// SchemaBuilder builds a Schema step by step, as Kafka's SchemaBuilder does:
//
//	point := connect.StructBuilder().Name("com.example.Point").
//		Field("x", connect.Int32Schema).
//		Field("y", connect.OptionalInt32Schema).
//		Build()
//
// Build panics on a malformed schema (a programming error, like Kafka's SchemaBuilderException);
// use BuildE to get the error instead.
type SchemaBuilder struct {
	schema Schema
	err    error
}

// NewSchemaBuilder starts a schema of the given type.
func NewSchemaBuilder(t Type) *SchemaBuilder { return &SchemaBuilder{schema: Schema{Type: t}} }

func Int8Builder() *SchemaBuilder    { return NewSchemaBuilder(TypeInt8) }
func Int16Builder() *SchemaBuilder   { return NewSchemaBuilder(TypeInt16) }
func Int32Builder() *SchemaBuilder   { return NewSchemaBuilder(TypeInt32) }
func Int64Builder() *SchemaBuilder   { return NewSchemaBuilder(TypeInt64) }
func Float32Builder() *SchemaBuilder { return NewSchemaBuilder(TypeFloat32) }
func Float64Builder() *SchemaBuilder { return NewSchemaBuilder(TypeFloat64) }
func BooleanBuilder() *SchemaBuilder { return NewSchemaBuilder(TypeBoolean) }
func StringBuilder() *SchemaBuilder  { return NewSchemaBuilder(TypeString) }
func BytesBuilder() *SchemaBuilder   { return NewSchemaBuilder(TypeBytes) }
func StructBuilder() *SchemaBuilder  { return NewSchemaBuilder(TypeStruct) }

// ArrayBuilder starts an ARRAY schema of elements of the given schema.
func ArrayBuilder(element *Schema) *SchemaBuilder {
	return &SchemaBuilder{schema: Schema{Type: TypeArray, Value: element}}
}

// MapBuilder starts a MAP schema.
func MapBuilder(key, value *Schema) *SchemaBuilder {
	return &SchemaBuilder{schema: Schema{Type: TypeMap, Key: key, Value: value}}
}

// ArrayOf is a required ARRAY schema of the given element schema.
func ArrayOf(element *Schema) *Schema { return ArrayBuilder(element).Build() }

// MapOf is a required MAP schema.
func MapOf(key, value *Schema) *Schema { return MapBuilder(key, value).Build() }

func (b *SchemaBuilder) Optional() *SchemaBuilder        { b.schema.Optional = true; return b }
func (b *SchemaBuilder) Required() *SchemaBuilder        { b.schema.Optional = false; return b }
func (b *SchemaBuilder) Name(name string) *SchemaBuilder { b.schema.Name = name; return b }
func (b *SchemaBuilder) Version(v int32) *SchemaBuilder  { b.schema.Version = v; return b }
func (b *SchemaBuilder) Doc(doc string) *SchemaBuilder   { b.schema.Doc = doc; return b }

// Parameter sets one schema parameter (for example Decimal's "scale").
func (b *SchemaBuilder) Parameter(key, value string) *SchemaBuilder {
	if b.schema.Parameters == nil {
		b.schema.Parameters = map[string]string{}
	}
	b.schema.Parameters[key] = value
	return b
}

// DefaultValue sets the default; it must fit the schema.
func (b *SchemaBuilder) DefaultValue(value any) *SchemaBuilder {
	b.schema.Default = value
	return b
}

// Field appends a struct field.
func (b *SchemaBuilder) Field(name string, schema *Schema) *SchemaBuilder {
	if b.schema.Type != TypeStruct && b.err == nil {
		b.err = NewDataError(fmt.Sprintf("cannot add field %q to a %s schema", name, b.schema.Type))
	}
	b.schema.Fields = append(b.schema.Fields, Field{Name: name, Index: len(b.schema.Fields), Schema: schema})
	return b
}

// BuildE returns the schema, or why it is malformed.
func (b *SchemaBuilder) BuildE() (*Schema, error) {
	if b.err != nil {
		return nil, b.err
	}
	schema := b.schema
	schema.Fields = append([]Field(nil), b.schema.Fields...)
	if len(b.schema.Parameters) > 0 {
		schema.Parameters = make(map[string]string, len(b.schema.Parameters))
		for key, value := range b.schema.Parameters {
			schema.Parameters[key] = value
		}
	}
	if err := schema.Validate(); err != nil {
		return nil, err
	}
	if len(schema.Fields) > 0 {
		schema.fieldIndex = make(map[string]int, len(schema.Fields))
		for i, field := range schema.Fields {
			schema.fieldIndex[field.Name] = i
		}
	}
	if schema.Default != nil {
		if err := ValidateValue(&schema, schema.Default); err != nil {
			return nil, NewDataError(fmt.Sprintf("invalid default value for %s: %v", schema.String(), err))
		}
	}
	return &schema, nil
}

// Build returns the schema; it panics when the schema is malformed.
func (b *SchemaBuilder) Build() *Schema {
	schema, err := b.BuildE()
	if err != nil {
		panic(err)
	}
	return schema
}
