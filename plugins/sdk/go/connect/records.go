package connect

import "time"

// Config is a connector or task configuration, exactly as the user wrote it (all strings). It
// also holds keys that belong to the worker (name, connector.class, tasks.max, transforms.*,
// ...): ignore the keys you do not define.
type Config = map[string]string

// SourceMap is a source partition or offset: string keys with string, number (int64, float64),
// boolean or nil values, for example {"filename": "/data/in.txt"} or {"position": int64(4096)}.
type SourceMap = map[string]any

// Header is one record header: a key and a schema-typed value (Schema nil for schemaless).
type Header struct {
	Key    string
	Schema *Schema
	Value  any
}

// SourceRecord is what a source task's Poll returns (Kafka's SourceRecord).
type SourceRecord struct {
	Topic string
	// KafkaPartition forces a partition; nil lets the producer's partitioner choose.
	KafkaPartition *int32
	KeySchema      *Schema
	Key            any
	ValueSchema    *Schema
	Value          any
	// Timestamp is the record's time; the zero time means "the producer's time".
	Timestamp time.Time
	Headers   []Header
	// SourcePartition names where the record came from, e.g. {"filename": "/data/in.txt"}.
	SourcePartition SourceMap
	// SourceOffset is the position after this record in that partition, e.g. {"position": 4096}.
	SourceOffset SourceMap
}

// Partition is a convenience for SourceRecord.KafkaPartition.
func Partition(p int32) *int32 { return &p }

// TimestampType says where a sink record's timestamp came from.
type TimestampType int

const (
	NoTimestampType TimestampType = iota
	CreateTime
	LogAppendTime
)

func (t TimestampType) String() string {
	switch t {
	case CreateTime:
		return "CreateTime"
	case LogAppendTime:
		return "LogAppendTime"
	}
	return "NoTimestampType"
}

// SinkRecord is what a sink task's Put receives (Kafka's SinkRecord), after the worker's
// converters and transforms.
type SinkRecord struct {
	Topic          string
	KafkaPartition int32
	KafkaOffset    int64
	// Timestamp is the zero time when the record has none.
	Timestamp     time.Time
	TimestampType TimestampType
	KeySchema     *Schema
	Key           any
	ValueSchema   *Schema
	Value         any
	Headers       []Header
	// Where the record was consumed, before transforms changed topic or partition. Report errant
	// records and compute offsets with these.
	OriginalTopic          string
	OriginalKafkaPartition int32
	OriginalKafkaOffset    int64
}

// TopicPartition names one partition of a Kafka topic.
type TopicPartition struct {
	Topic     string
	Partition int32
}

// TopicPartitionOffset is the next offset to consume in a topic partition.
type TopicPartitionOffset struct {
	Topic     string
	Partition int32
	Offset    int64
}

// SourceOffset is the durably stored offset of one source partition (Offset nil after a reset).
type SourceOffset struct {
	Partition SourceMap
	Offset    SourceMap
}
