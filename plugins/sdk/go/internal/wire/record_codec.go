package wire

import (
	"fmt"
	"time"
	"unsafe"

	"google.golang.org/protobuf/proto"

	"github.com/polyconnect/polyconnect/plugins/sdk/go/connect"
	datav1 "github.com/polyconnect/polyconnect/plugins/sdk/go/internal/gen/polyconnect/data/v1"
)

// textArena hands out strings backed by one growing byte buffer: a batch's keys, values and offsets
// are written into it and shared as substrings, so encoding a batch costs a few allocations, not
// one per field. Bytes are never written again once handed out (append copies on growth), so the
// strings stay immutable.
type textArena struct{ buf []byte }

func (a *textArena) mark() int { return len(a.buf) }

func (a *textArena) since(start int) string {
	if len(a.buf) == start {
		return ""
	}
	return unsafe.String(&a.buf[start], len(a.buf)-start)
}

// EncodeSourceRecords builds the Poll batch for records: one schema table, JSON texts.
func EncodeSourceRecords(records []connect.SourceRecord) (*datav1.SourceRecordBatch, error) {
	table := &SchemaTable{}
	arena := &textArena{buf: make([]byte, 0, 64*len(records)+256)}
	slab := make([]datav1.SourceRecord, len(records))
	encoded := make([]*datav1.SourceRecord, len(records))
	var lastPartition connect.SourceMap
	var lastPartitionText string
	var err error
	for i := range records {
		record := &records[i]
		p := &slab[i]
		p.Topic = record.Topic
		p.KafkaPartition = record.KafkaPartition
		if p.KeySchemaRef, err = table.Ref(record.KeySchema); err != nil {
			return nil, err
		}
		start := arena.mark()
		if arena.buf, err = AppendValue(arena.buf, record.KeySchema, record.Key); err != nil {
			return nil, recordError(i, "key", err)
		}
		p.Key = arena.since(start)
		if p.ValueSchemaRef, err = table.Ref(record.ValueSchema); err != nil {
			return nil, err
		}
		start = arena.mark()
		if arena.buf, err = AppendValue(arena.buf, record.ValueSchema, record.Value); err != nil {
			return nil, recordError(i, "value", err)
		}
		p.Value = arena.since(start)
		if !record.Timestamp.IsZero() {
			ts := record.Timestamp.UnixMilli()
			p.Timestamp = &ts
		}
		if len(record.Headers) > 0 {
			if p.Headers, err = encodeHeaders(record.Headers, table, arena); err != nil {
				return nil, recordError(i, "header", err)
			}
		}
		if record.SourcePartition != nil {
			if lastPartition != nil && sameMap(lastPartition, record.SourcePartition) {
				p.SourcePartition = lastPartitionText
			} else {
				start = arena.mark()
				if arena.buf, err = AppendSourceMap(arena.buf, record.SourcePartition); err != nil {
					return nil, recordError(i, "source partition", err)
				}
				p.SourcePartition = arena.since(start)
				lastPartition, lastPartitionText = record.SourcePartition, p.SourcePartition
			}
		}
		start = arena.mark()
		if arena.buf, err = AppendSourceMap(arena.buf, record.SourceOffset); err != nil {
			return nil, recordError(i, "source offset", err)
		}
		p.SourceOffset = arena.since(start)
		encoded[i] = p
	}
	return &datav1.SourceRecordBatch{Schemas: table.Schemas, Records: encoded}, nil
}

// sameMap is true when a and b are the same map value (not merely equal): a task typically
// reuses one partition map for a whole batch, which is then written once.
func sameMap(a, b connect.SourceMap) bool {
	return len(a) == len(b) && *(*unsafe.Pointer)(unsafe.Pointer(&a)) == *(*unsafe.Pointer)(unsafe.Pointer(&b))
}

func recordError(index int, part string, err error) error {
	return connect.NewDataError(fmt.Sprintf("record %d of the batch: cannot encode its %s: %v", index, part, err), err)
}

func encodeHeaders(headers []connect.Header, table *SchemaTable, arena *textArena) ([]*datav1.Header, error) {
	encoded := make([]*datav1.Header, len(headers))
	for i, header := range headers {
		ref, err := table.Ref(header.Schema)
		if err != nil {
			return nil, err
		}
		start := arena.mark()
		if arena.buf, err = AppendValue(arena.buf, header.Schema, header.Value); err != nil {
			return nil, err
		}
		encoded[i] = &datav1.Header{Key: header.Key, SchemaRef: ref, Value: arena.since(start)}
	}
	return encoded, nil
}

func decodeHeaders(headers []*datav1.Header, schemas []*connect.Schema) ([]connect.Header, error) {
	if len(headers) == 0 {
		return nil, nil
	}
	decoded := make([]connect.Header, len(headers))
	for i, header := range headers {
		schema, err := SchemaAt(schemas, header.SchemaRef)
		if err != nil {
			return nil, err
		}
		value, err := DecodeValue(schema, header.Value)
		if err != nil {
			return nil, err
		}
		decoded[i] = connect.Header{Key: header.Key, Schema: schema, Value: value}
	}
	return decoded, nil
}

func decodeKeyValue(schemas []*connect.Schema, ref uint32, text string) (*connect.Schema, any, error) {
	schema, err := SchemaAt(schemas, ref)
	if err != nil {
		return nil, nil, err
	}
	value, err := DecodeValue(schema, text)
	return schema, value, err
}

// DecodeSinkRecords reads a Put batch (nil batch: no records).
func DecodeSinkRecords(batch *datav1.SinkRecordBatch) ([]connect.SinkRecord, error) {
	if batch == nil {
		return nil, nil
	}
	schemas, err := DecodeSchemaTable(batch.Schemas)
	if err != nil {
		return nil, err
	}
	records := make([]connect.SinkRecord, len(batch.Records))
	for i, p := range batch.Records {
		r := &records[i]
		r.Topic, r.KafkaPartition, r.KafkaOffset = p.Topic, p.KafkaPartition, p.KafkaOffset
		if p.Timestamp != nil {
			r.Timestamp = time.UnixMilli(*p.Timestamp).UTC()
		}
		switch p.TimestampType {
		case datav1.TimestampType_TIMESTAMP_TYPE_CREATE_TIME:
			r.TimestampType = connect.CreateTime
		case datav1.TimestampType_TIMESTAMP_TYPE_LOG_APPEND_TIME:
			r.TimestampType = connect.LogAppendTime
		}
		if r.KeySchema, r.Key, err = decodeKeyValue(schemas, p.KeySchemaRef, p.Key); err != nil {
			return nil, fmt.Errorf("record %s-%d@%d key: %w", p.Topic, p.KafkaPartition, p.KafkaOffset, err)
		}
		if r.ValueSchema, r.Value, err = decodeKeyValue(schemas, p.ValueSchemaRef, p.Value); err != nil {
			return nil, fmt.Errorf("record %s-%d@%d value: %w", p.Topic, p.KafkaPartition, p.KafkaOffset, err)
		}
		if r.Headers, err = decodeHeaders(p.Headers, schemas); err != nil {
			return nil, err
		}
		r.OriginalTopic = p.OriginalTopic
		if r.OriginalTopic == "" {
			r.OriginalTopic = p.Topic
		}
		r.OriginalKafkaPartition, r.OriginalKafkaOffset = p.OriginalKafkaPartition, p.OriginalKafkaOffset
	}
	return records, nil
}

// DecodeSourceRecords reads a Poll batch (the worker's side; used by tests and the test harness).
func DecodeSourceRecords(batch *datav1.SourceRecordBatch) ([]connect.SourceRecord, error) {
	if batch == nil {
		return nil, nil
	}
	schemas, err := DecodeSchemaTable(batch.Schemas)
	if err != nil {
		return nil, err
	}
	records := make([]connect.SourceRecord, len(batch.Records))
	for i, p := range batch.Records {
		r := &records[i]
		r.Topic, r.KafkaPartition = p.Topic, p.KafkaPartition
		if p.Timestamp != nil {
			r.Timestamp = time.UnixMilli(*p.Timestamp).UTC()
		}
		if r.KeySchema, r.Key, err = decodeKeyValue(schemas, p.KeySchemaRef, p.Key); err != nil {
			return nil, err
		}
		if r.ValueSchema, r.Value, err = decodeKeyValue(schemas, p.ValueSchemaRef, p.Value); err != nil {
			return nil, err
		}
		if r.Headers, err = decodeHeaders(p.Headers, schemas); err != nil {
			return nil, err
		}
		if r.SourcePartition, err = DecodeSourceMap(p.SourcePartition); err != nil {
			return nil, err
		}
		if r.SourceOffset, err = DecodeSourceMap(p.SourceOffset); err != nil {
			return nil, err
		}
	}
	return records, nil
}

// EncodeSinkRecords builds a Put batch (the worker's side; used by tests and the test harness).
func EncodeSinkRecords(records []connect.SinkRecord) (*datav1.SinkRecordBatch, error) {
	table := &SchemaTable{}
	arena := &textArena{}
	encoded := make([]*datav1.SinkRecord, len(records))
	for i := range records {
		r := &records[i]
		p := &datav1.SinkRecord{
			Topic: r.Topic, KafkaPartition: r.KafkaPartition, KafkaOffset: r.KafkaOffset,
			TimestampType:          datav1.TimestampType(r.TimestampType + 1),
			OriginalTopic:          r.OriginalTopic,
			OriginalKafkaPartition: r.OriginalKafkaPartition,
			OriginalKafkaOffset:    r.OriginalKafkaOffset,
		}
		if !r.Timestamp.IsZero() {
			p.Timestamp = proto.Int64(r.Timestamp.UnixMilli())
		}
		var err error
		if p.KeySchemaRef, err = table.Ref(r.KeySchema); err != nil {
			return nil, err
		}
		if p.Key, err = EncodeValue(r.KeySchema, r.Key); err != nil {
			return nil, err
		}
		if p.ValueSchemaRef, err = table.Ref(r.ValueSchema); err != nil {
			return nil, err
		}
		if p.Value, err = EncodeValue(r.ValueSchema, r.Value); err != nil {
			return nil, err
		}
		if p.Headers, err = encodeHeaders(r.Headers, table, arena); err != nil {
			return nil, err
		}
		encoded[i] = p
	}
	return &datav1.SinkRecordBatch{Schemas: table.Schemas, Records: encoded}, nil
}
