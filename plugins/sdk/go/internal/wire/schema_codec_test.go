package wire

import (
	"math/big"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/protobuf/proto"

	"github.com/polyconnect/polyconnect/plugins/sdk/go/connect"
	datav1 "github.com/polyconnect/polyconnect/plugins/sdk/go/internal/gen/polyconnect/data/v1"
)

func everySchema() *connect.Schema {
	nested := connect.StructBuilder().Name("com.example.Nested").Version(3).Doc("a nested struct").
		Field("label", connect.StringBuilder().DefaultValue("none").Build()).Build()
	return connect.StructBuilder().Name("com.example.Everything").
		Field("i8", connect.Int8Schema).Field("i16", connect.Int16Schema).Field("i32", connect.OptionalInt32Schema).
		Field("i64", connect.Int64Builder().DefaultValue(int64(1)<<60).Build()).
		Field("f32", connect.Float32Schema).Field("f64", connect.Float64Schema).Field("b", connect.BooleanSchema).
		Field("s", connect.StringSchema).Field("bytes", connect.BytesBuilder().Optional().DefaultValue([]byte{1}).Build()).
		Field("list", connect.ArrayOf(connect.OptionalStringSchema)).
		Field("map", connect.MapOf(connect.Int64Schema, nested)).
		Field("nested", nested).
		Field("dec", connect.DecimalBuilder(4).DefaultValue(connect.MustParseDecimal("1.2500")).Build()).
		Field("date", connect.DateSchema).Field("time", connect.TimeSchema).Field("ts", connect.TimestampBuilder().Optional().Build()).
		Build()
}

func TestSchemaRoundTripsThroughProto(t *testing.T) {
	schema := everySchema()
	p, err := ToProtoSchema(schema)
	if err != nil {
		t.Fatal(err)
	}
	if p.GetName() != "com.example.Everything" || p.Version != nil || p.Fields[3].Schema.GetDefaultValue() != `"1152921504606846976"` {
		t.Fatalf("unexpected proto: %v", p)
	}
	if dec := p.Fields[12].Schema; dec.GetName() != connect.DecimalLogicalName || dec.Parameters["scale"] != "4" || dec.GetVersion() != 1 || dec.GetDefaultValue() != `"1.2500"` {
		t.Fatalf("decimal schema on the wire: %v", dec)
	}
	back, err := FromProtoSchema(p)
	if err != nil {
		t.Fatal(err)
	}
	if !back.Equal(schema) {
		t.Fatalf("round trip changed the schema:\n%s\n%s", back.Fingerprint(), schema.Fingerprint())
	}
}

func TestProtoSchemaWithoutTypeIsRefused(t *testing.T) {
	if _, err := FromProtoSchema(&datav1.Schema{}); err == nil {
		t.Fatal("SCHEMA_TYPE_UNSPECIFIED must be refused")
	}
}

func TestSchemaTableListsEachDistinctSchemaOnce(t *testing.T) {
	table := &SchemaTable{}
	a := connect.StructBuilder().Name("A").Field("x", connect.Int32Schema).Build()
	aAgain := connect.StructBuilder().Name("A").Field("x", connect.Int32Schema).Build() // equal, not the same pointer
	refs := []uint32{}
	for _, s := range []*connect.Schema{nil, a, connect.StringSchema, a, aAgain, connect.StringSchema, nil} {
		ref, err := table.Ref(s)
		if err != nil {
			t.Fatal(err)
		}
		refs = append(refs, ref)
	}
	want := []uint32{0, 1, 2, 1, 1, 2, 0}
	for i := range want {
		if refs[i] != want[i] {
			t.Fatalf("refs = %v, want %v", refs, want)
		}
	}
	if len(table.Schemas) != 2 {
		t.Fatalf("table has %d schemas, want 2", len(table.Schemas))
	}
}

func TestDecodeSchemaTableAcceptsDuplicatesAndRejectsBadRefs(t *testing.T) {
	p, _ := ToProtoSchema(connect.StringSchema)
	table, err := DecodeSchemaTable([]*datav1.Schema{p, proto.Clone(p).(*datav1.Schema)})
	if err != nil || len(table) != 2 || !table[0].Equal(table[1]) {
		t.Fatalf("duplicates: %v, %v", table, err)
	}
	if table[0] != table[1] {
		t.Fatal("equal schemas should decode to one *Schema")
	}
	if _, err := SchemaAt(table, 3); err == nil {
		t.Fatal("a reference beyond the table must be refused")
	}
	if s, err := SchemaAt(table, 0); s != nil || err != nil {
		t.Fatal("reference 0 is no schema")
	}
}

func TestSourceBatchRoundTrip(t *testing.T) {
	schema := everySchema()
	nestedSchema := schema.Fields[11].Schema
	value := connect.NewStruct(schema).
		Set("i8", int8(-1)).Set("i16", int16(2)).Set("i64", int64(-1)<<62).Set("f32", float32(1.5)).Set("f64", 2.25).
		Set("b", true).Set("s", "ü\n").Set("list", []any{"a", nil}).
		Set("map", []connect.MapEntry{{Key: int64(1) << 55, Value: connect.NewStruct(nestedSchema).Set("label", "x")}}).
		Set("nested", connect.NewStruct(nestedSchema)).
		Set("date", connect.Date(2000, 1, 1)).Set("time", connect.TimeOfDay(0, 0, 1, 0)).
		Set("dec", connect.Decimal{Unscaled: big.NewInt(-12345), Scale: 4})
	partition := connect.SourceMap{"generator": "x", "task": 0}
	records := []connect.SourceRecord{
		{Topic: "t", KafkaPartition: connect.Partition(0), KeySchema: connect.Int64Schema, Key: int64(7), ValueSchema: schema, Value: value,
			Timestamp: time.UnixMilli(1234), Headers: []connect.Header{{Key: "h", Schema: connect.StringSchema, Value: "v"}, {Key: "raw", Value: map[string]any{"a": true}}},
			SourcePartition: partition, SourceOffset: connect.SourceMap{"sequence": int64(1)}},
		{Topic: "t", ValueSchema: schema, Value: value, SourcePartition: partition, SourceOffset: connect.SourceMap{"sequence": 2}},
		{Topic: "u"},
	}
	batch, err := EncodeSourceRecords(records)
	if err != nil {
		t.Fatal(err)
	}
	if len(batch.Schemas) != 3 {
		t.Fatalf("schema table has %d entries, want 3 (INT64, the struct, STRING)", len(batch.Schemas))
	}
	r0 := batch.Records[0]
	if r0.SourcePartition != `{"generator":"x","task":0}` || r0.SourceOffset != `{"sequence":1}` || r0.GetTimestamp() != 1234 || r0.KafkaPartition == nil || *r0.KafkaPartition != 0 {
		t.Fatalf("record 0 on the wire: %v", r0)
	}
	if r2 := batch.Records[2]; r2.Key != "" || r2.Value != "" || r2.KeySchemaRef != 0 || r2.SourcePartition != "" || r2.Timestamp != nil || r2.KafkaPartition != nil {
		t.Fatalf("record 2 on the wire: %v", r2)
	}
	wireBytes, err := proto.Marshal(batch)
	if err != nil {
		t.Fatal(err)
	}
	var received datav1.SourceRecordBatch
	if err := proto.Unmarshal(wireBytes, &received); err != nil {
		t.Fatal(err)
	}
	back, err := DecodeSourceRecords(&received)
	if err != nil {
		t.Fatal(err)
	}
	if !connect.ValuesEqual(back[0].Value, value) || back[0].Key != int64(7) || back[1].SourceOffset["sequence"] != int64(2) {
		t.Fatalf("decoded: %+v", back[0])
	}
	if back[0].Headers[1].Value.(map[string]any)["a"] != true || back[0].Headers[0].Value != "v" {
		t.Fatalf("headers: %+v", back[0].Headers)
	}
}

func TestSinkBatchRoundTrip(t *testing.T) {
	records := []connect.SinkRecord{
		{Topic: "after-transform", KafkaPartition: 1, KafkaOffset: 10, Timestamp: time.UnixMilli(5).UTC(), TimestampType: connect.CreateTime,
			ValueSchema: connect.StringSchema, Value: "x", OriginalTopic: "before", OriginalKafkaPartition: 2, OriginalKafkaOffset: 11},
	}
	batch, err := EncodeSinkRecords(records)
	if err != nil {
		t.Fatal(err)
	}
	back, err := DecodeSinkRecords(batch)
	if err != nil {
		t.Fatal(err)
	}
	got := back[0]
	if got.Value != "x" || got.TimestampType != connect.CreateTime || got.OriginalTopic != "before" || got.OriginalKafkaOffset != 11 || got.Timestamp.UnixMilli() != 5 {
		t.Fatalf("decoded: %+v", got)
	}
	batch.Records[0].OriginalTopic = ""
	if back, _ := DecodeSinkRecords(batch); back[0].OriginalTopic != "after-transform" {
		t.Fatal("an empty original_topic means topic")
	}
	batch.Records[0].ValueSchemaRef = 9
	if _, err := DecodeSinkRecords(batch); err == nil {
		t.Fatal("a schema reference beyond the table must be refused")
	}
}

func TestSourceMaps(t *testing.T) {
	text, err := EncodeSourceMap(connect.SourceMap{"b": 1, "a": "x", "c": nil, "d": 1.5, "e": true})
	if err != nil || text != `{"a":"x","b":1,"c":null,"d":1.5,"e":true}` {
		t.Fatalf("got %s, %v", text, err)
	}
	if _, err := EncodeSourceMap(connect.SourceMap{"a": []int{1}}); err == nil {
		t.Fatal("nested values must be refused")
	}
	if _, err := DecodeSourceMap(`[1]`); err == nil {
		t.Fatal("a non-object must be refused")
	}
	m, err := DecodeSourceMap(`{"position":4096,"f":0.5}`)
	if err != nil || m["position"] != int64(4096) || m["f"] != 0.5 {
		t.Fatalf("got %v, %v", m, err)
	}
	if CanonicalSourceMap(connect.SourceMap{"a": int32(1), "b": "x"}) != CanonicalSourceMap(connect.SourceMap{"b": "x", "a": int64(1)}) {
		t.Fatal("partitions with the same keys and values must match")
	}
}

func TestErrorStatusMapping(t *testing.T) {
	cases := []struct {
		err   error
		code  codes.Code
		class string
	}{
		{connect.NewRetriableError("later"), codes.Unavailable, "RetriableException"},
		{connect.MissingConfigError("file"), codes.InvalidArgument, "ConfigException"},
		{&UnknownInstanceError{InstanceID: "x#1"}, codes.NotFound, "UnknownInstanceError"},
		{connect.NewDataError("bad"), codes.Internal, "DataException"},
		{connect.Retriable(connect.NewDataError("flaky")), codes.Unavailable, "RetriableException"},
	}
	for _, c := range cases {
		st, trailer := Status(c.err)
		info := ErrorInfoFromTrailer(trailer)
		if st.Code() != c.code || info == nil || info.ErrorClass != c.class || st.Message() != c.class+": "+c.err.Error() {
			t.Errorf("%v: got %v %q, info %v", c.err, st.Code(), st.Message(), info)
		}
		if info.Retriable != (c.code == codes.Unavailable) || info.StackTrace == "" {
			t.Errorf("%v: info %v", c.err, info)
		}
	}
	st, _ := Status(connect.MissingConfigError("file"))
	if st.Message() != `ConfigException: Missing required configuration "file" which has no default value.` {
		t.Fatalf("message: %q", st.Message())
	}
}
