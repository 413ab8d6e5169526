package connect

import (
	"context"

	"github.com/hashicorp/go-hclog"
)

// Connector is what every connector implements (Kafka's Connector). The runtime creates a new
// value for every instance, and also creates throwaway values to call Version and Config (for
// Describe) and Validate: constructing one must have no side effects.
//
// ctx is the call's context: it carries the worker's deadline and is cancelled when the worker
// gives up on the call.
type Connector interface {
	// Version is the connector's version (Kafka's Connector.version()).
	Version() string
	// Config is the connector's configuration definitions.
	Config() *ConfigDef
	// Start starts the connector with its config; a *ConfigError fails with INVALID_ARGUMENT.
	Start(ctx context.Context, cc ConnectorContext, config Config) error
	// TaskConfigs returns at most maxTasks task configs, one per task to run.
	TaskConfigs(ctx context.Context, maxTasks int) ([]Config, error)
	// Stop stops the connector; the instance is forgotten afterwards.
	Stop(ctx context.Context) error
}

// Validator is implemented by connectors that validate more than their ConfigDef checks. Without
// it the runtime answers ValidateConfig with Config().Validate(config).
type Validator interface {
	Validate(ctx context.Context, config Config) ([]ConfigValue, error)
}

// SourceConnector is a connector whose tasks read from an external system into Kafka.
type SourceConnector interface{ Connector }

// SinkConnector is a connector whose tasks write from Kafka to an external system.
type SinkConnector interface{ Connector }

// ConnectorContext is what a connector may ask of the worker (Kafka's ConnectorContext).
// Its methods may be called from any goroutine, at any time while the instance lives.
type ConnectorContext interface {
	// ConnectorName is the user's name for the connector.
	ConnectorName() string
	// RequestTaskReconfiguration asks the worker to fetch new task configs.
	RequestTaskReconfiguration()
	// RaiseError fails the connector from a background activity.
	RaiseError(err error)
	// Logger logs with the connector's name attached.
	Logger() hclog.Logger
}

// Task is what every task implements.
type Task interface {
	Version() string
	// Stop stops the task; the instance is forgotten afterwards. It may be called while a Poll
	// is running (whose context is then cancelled).
	Stop(ctx context.Context) error
}

// SourceTask reads records from an external system (Kafka's SourceTask).
//
// Concurrency: the runtime never runs two Polls of one task at once, but Commit may run while a
// Poll is running (as in Kafka), and Stop may arrive during a Poll.
type SourceTask interface {
	Task
	// Start starts the task; tc gives its committed offsets (OffsetStorageReader).
	Start(ctx context.Context, tc SourceTaskContext, config Config) error
	// Poll returns the next records, or none. ctx is the task's own context (not one call's):
	// it is cancelled when the task stops. Poll may wait for data, but should return within
	// about a second; when it takes longer than the worker's Poll allows, the runtime answers
	// empty and delivers this Poll's records with the next call (none are lost or repeated).
	Poll(ctx context.Context) ([]SourceRecord, error)
}

// SourceTaskCommitter is implemented by source tasks that acknowledge upstream once the worker
// has durably stored their offsets (Kafka's SourceTask.commit, with the offsets as argument).
type SourceTaskCommitter interface {
	Commit(ctx context.Context, offsets []SourceOffset) error
}

// OffsetStorageReader reads the offsets the worker committed for this connector.
type OffsetStorageReader interface {
	// Offset is the committed offset of a source partition, or nil when it has none. Partitions
	// match by keys and values, in any key order.
	Offset(partition SourceMap) SourceMap
}

// SourceTaskContext is what the runtime gives a source task (Kafka's SourceTaskContext).
type SourceTaskContext interface {
	ConnectorName() string
	TaskID() int
	// Configs is the task's config.
	Configs() Config
	OffsetStorageReader() OffsetStorageReader
	// Logger logs with the connector's name and the task id attached.
	Logger() hclog.Logger
}

// SinkTask writes records to an external system (Kafka's SinkTask). The runtime never runs its
// calls concurrently with each other.
type SinkTask interface {
	Task
	Start(ctx context.Context, tc SinkTaskContext, config Config) error
	// Put writes (or buffers) a batch. A record that cannot be written while the others can is
	// reported with tc.ErrantRecordReporter(); an error fails the whole batch (retried when
	// retriable, see Retriable).
	Put(ctx context.Context, records []SinkRecord) error
}

// PartitionOpener is implemented by sink tasks that care about partition assignment (SinkTask.open).
type PartitionOpener interface {
	Open(ctx context.Context, partitions []TopicPartition) error
}

// PartitionCloser is implemented by sink tasks that buffer per partition (SinkTask.close).
type PartitionCloser interface {
	Close(ctx context.Context, partitions []TopicPartition) error
}

// Flusher is implemented by sink tasks that make their writes durable before offsets are committed
// (SinkTask.flush). The default PreCommit calls Flush and then commits the offsets given.
type Flusher interface {
	Flush(ctx context.Context, offsets []TopicPartitionOffset) error
}

// PreCommitter is implemented by sink tasks that choose which offsets are safe to commit
// (SinkTask.preCommit); it replaces the default Flush-then-commit-all.
type PreCommitter interface {
	PreCommit(ctx context.Context, offsets []TopicPartitionOffset) ([]TopicPartitionOffset, error)
}

// ErrantRecordReporter reports records a sink task cannot write (Kafka's ErrantRecordReporter):
// the worker logs them and sends them to the dead letter queue under errors.tolerance=all, and
// fails the task under errors.tolerance=none. Safe for concurrent use.
type ErrantRecordReporter interface {
	Report(record SinkRecord, err error)
}

// SinkTaskContext is what the runtime gives a sink task (Kafka's SinkTaskContext).
type SinkTaskContext interface {
	ConnectorName() string
	TaskID() int
	Configs() Config
	ErrantRecordReporter() ErrantRecordReporter
	// Logger logs with the connector's name and the task id attached.
	Logger() hclog.Logger
}
