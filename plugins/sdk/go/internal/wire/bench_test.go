package wire

import (
	"testing"
	"time"

	"google.golang.org/protobuf/proto"

	"github.com/polyconnect/polyconnect/plugins/sdk/go/connect"
)

// BenchmarkEncodeSourceBatch is the SDK's side of a Poll answer: 2,000 five-field struct records
// to a SourceRecordBatch and its protobuf bytes.
func BenchmarkEncodeSourceBatch(b *testing.B) {
	schema := connect.StructBuilder().Name("Order").
		Field("id", connect.Int64Schema).Field("product", connect.StringSchema).Field("quantity", connect.Int32Schema).
		Field("price", connect.DecimalSchema(2)).Field("at", connect.TimestampSchema).Build()
	partition := connect.SourceMap{"generator": "orders"}
	records := make([]connect.SourceRecord, 2000)
	for i := range records {
		records[i] = connect.SourceRecord{Topic: "orders", KeySchema: connect.Int64Schema, Key: int64(i), ValueSchema: schema,
			Value: connect.NewStruct(schema).PutAt(0, int64(i)).PutAt(1, "keyboard").PutAt(2, int32(3)).
				PutAt(3, connect.NewDecimal(int64(i)*99, 2)).PutAt(4, time.UnixMilli(1700000000000+int64(i))),
			SourcePartition: partition, SourceOffset: connect.SourceMap{"sequence": int64(i + 1)}}
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		batch, err := EncodeSourceRecords(records)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := proto.Marshal(batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*len(records))/b.Elapsed().Seconds(), "records/s")
}
