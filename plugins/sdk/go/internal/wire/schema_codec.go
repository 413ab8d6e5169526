package wire

import (
	"fmt"
	"sync"

	"google.golang.org/protobuf/proto"

	"github.com/polyconnect/polyconnect/plugins/sdk/go/connect"
	datav1 "github.com/polyconnect/polyconnect/plugins/sdk/go/internal/gen/polyconnect/data/v1"
)

// ToProtoSchema converts a schema to its wire form; the default travels in the JSON value
// encoding of the schema itself.
func ToProtoSchema(schema *connect.Schema) (*datav1.Schema, error) {
	if schema.Type <= connect.TypeUnspecified || schema.Type > connect.TypeStruct {
		return nil, connect.NewDataError("schema without a valid type: " + schema.Type.String())
	}
	p := &datav1.Schema{
		Type:       datav1.SchemaType(schema.Type),
		Optional:   schema.Optional,
		Parameters: schema.Parameters,
	}
	if schema.Name != "" {
		p.Name = proto.String(schema.Name)
	}
	if schema.Version != 0 {
		p.Version = proto.Int32(schema.Version)
	}
	if schema.Doc != "" {
		p.Doc = proto.String(schema.Doc)
	}
	if schema.Default != nil {
		text, err := EncodeValue(schema, schema.Default)
		if err != nil {
			return nil, connect.NewDataError(fmt.Sprintf("default value of %s: %v", schema, err), err)
		}
		p.DefaultValue = proto.String(text)
	}
	for _, field := range schema.Fields {
		fieldSchema, err := ToProtoSchema(field.Schema)
		if err != nil {
			return nil, err
		}
		p.Fields = append(p.Fields, &datav1.Field{Name: field.Name, Schema: fieldSchema})
	}
	var err error
	if schema.Key != nil {
		if p.KeySchema, err = ToProtoSchema(schema.Key); err != nil {
			return nil, err
		}
	}
	if schema.Value != nil {
		if p.ValueSchema, err = ToProtoSchema(schema.Value); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// FromProtoSchema converts a wire schema back; an unknown type is an error.
func FromProtoSchema(p *datav1.Schema) (*connect.Schema, error) {
	t := connect.Type(p.GetType())
	if t <= connect.TypeUnspecified || t > connect.TypeStruct {
		return nil, connect.NewDataError(fmt.Sprintf("schema without a valid type on the wire (%d)", int32(p.GetType())))
	}
	var key, value *connect.Schema
	var err error
	if p.KeySchema != nil {
		if key, err = FromProtoSchema(p.KeySchema); err != nil {
			return nil, err
		}
	}
	if p.ValueSchema != nil {
		if value, err = FromProtoSchema(p.ValueSchema); err != nil {
			return nil, err
		}
	}
	builder := connect.NewSchemaBuilder(t)
	switch t {
	case connect.TypeArray:
		builder = connect.ArrayBuilder(value)
	case connect.TypeMap:
		builder = connect.MapBuilder(key, value)
	}
	builder.Name(p.GetName()).Version(p.GetVersion()).Doc(p.GetDoc())
	if p.Optional {
		builder.Optional()
	}
	for k, v := range p.Parameters {
		builder.Parameter(k, v)
	}
	for _, field := range p.Fields {
		if field.Schema == nil {
			return nil, connect.NewDataError(fmt.Sprintf("field %q has no schema", field.Name))
		}
		fieldSchema, err := FromProtoSchema(field.Schema)
		if err != nil {
			return nil, err
		}
		builder.Field(field.Name, fieldSchema)
	}
	schema, err := builder.BuildE()
	if err != nil {
		return nil, err
	}
	if p.DefaultValue != nil && *p.DefaultValue != "" {
		def, err := DecodeValue(schema, *p.DefaultValue)
		if err != nil {
			return nil, connect.NewDataError(fmt.Sprintf("default value of %s: %v", schema, err), err)
		}
		schema.Default = def
	}
	return schema, nil
}

// SchemaTable collects a batch's distinct schemas; Ref gives a schema's 1-based reference (0 for
// no schema). The same *Schema is converted once; equal schemas share one entry.
type SchemaTable struct {
	Schemas       []*datav1.Schema
	byPointer     map[*connect.Schema]uint32
	byFingerprint map[string]uint32
	last          *connect.Schema
	lastRef       uint32
}

// Ref is the reference of a schema, adding it to the table on first use.
func (t *SchemaTable) Ref(schema *connect.Schema) (uint32, error) {
	if schema == nil {
		return 0, nil
	}
	if schema == t.last {
		return t.lastRef, nil
	}
	if ref, ok := t.byPointer[schema]; ok {
		t.last, t.lastRef = schema, ref
		return ref, nil
	}
	if t.byPointer == nil {
		t.byPointer = map[*connect.Schema]uint32{}
		t.byFingerprint = map[string]uint32{}
	}
	fingerprint := schema.Fingerprint()
	ref, ok := t.byFingerprint[fingerprint]
	if !ok {
		p, err := ToProtoSchema(schema)
		if err != nil {
			return 0, err
		}
		t.Schemas = append(t.Schemas, p)
		ref = uint32(len(t.Schemas))
		t.byFingerprint[fingerprint] = ref
	}
	t.byPointer[schema] = ref
	t.last, t.lastRef = schema, ref
	return ref, nil
}

const decodeCacheLimit = 512

var (
	decodeCacheMu sync.Mutex
	decodeCache   = map[string]*connect.Schema{}
)

// DecodeSchemaTable converts a batch's schema table; equal schemas in successive batches come
// back as the same *Schema (a bounded cache), so per-schema caches in connector code keep hitting.
func DecodeSchemaTable(protos []*datav1.Schema) ([]*connect.Schema, error) {
	schemas := make([]*connect.Schema, len(protos))
	for i, p := range protos {
		key, err := proto.MarshalOptions{Deterministic: true}.Marshal(p)
		if err != nil {
			return nil, err
		}
		decodeCacheMu.Lock()
		schema, ok := decodeCache[string(key)]
		decodeCacheMu.Unlock()
		if !ok {
			if schema, err = FromProtoSchema(p); err != nil {
				return nil, err
			}
			decodeCacheMu.Lock()
			if len(decodeCache) >= decodeCacheLimit {
				for k := range decodeCache {
					delete(decodeCache, k)
					break
				}
			}
			decodeCache[string(key)] = schema
			decodeCacheMu.Unlock()
		}
		schemas[i] = schema
	}
	return schemas, nil
}

// SchemaAt is the schema a reference names (0: none); a reference beyond the table is an error.
func SchemaAt(table []*connect.Schema, ref uint32) (*connect.Schema, error) {
	if ref == 0 {
		return nil, nil
	}
	if int(ref) > len(table) {
		return nil, connect.NewDataError(fmt.Sprintf("schema reference %d is outside the batch's schema table of %d", ref, len(table)))
	}
	return table[ref-1], nil
}
