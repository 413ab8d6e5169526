package plugin

import (
	"github.com/hashicorp/go-hclog"

	"github.com/polyconnect/polyconnect/plugins/sdk/go/connect"
	pluginv1 "github.com/polyconnect/polyconnect/plugins/sdk/go/internal/gen/polyconnect/plugin/v1"
	"github.com/polyconnect/polyconnect/plugins/sdk/go/internal/wire"
)

type connectorContext struct {
	name     string
	instance *connectorInstance
	logger   hclog.Logger
}

func (c *connectorContext) ConnectorName() string { return c.name }
func (c *connectorContext) Logger() hclog.Logger  { return c.logger }

func (c *connectorContext) RequestTaskReconfiguration() {
	c.instance.emit(&pluginv1.WatchConnectorEventsResponse{
		Event: &pluginv1.WatchConnectorEventsResponse_RequestTaskReconfiguration{RequestTaskReconfiguration: &pluginv1.RequestTaskReconfiguration{}},
	})
}

func (c *connectorContext) RaiseError(err error) {
	c.logger.Error("Connector raised an error", "error", err)
	c.instance.emit(&pluginv1.WatchConnectorEventsResponse{
		Event: &pluginv1.WatchConnectorEventsResponse_Error{Error: wire.ErrorInfo(err)},
	})
}

type taskContext struct {
	connectorName string
	taskID        int
	config        connect.Config
	logger        hclog.Logger
}

func (t *taskContext) ConnectorName() string   { return t.connectorName }
func (t *taskContext) TaskID() int             { return t.taskID }
func (t *taskContext) Configs() connect.Config { return t.config }
func (t *taskContext) Logger() hclog.Logger    { return t.logger }

type sourceTaskContext struct {
	taskContext
	reader offsetReader
}

func (s *sourceTaskContext) OffsetStorageReader() connect.OffsetStorageReader { return s.reader }

// offsetReader answers from the offsets StartSourceTask carried (every committed offset of the
// connector), matching partitions by canonical JSON.
type offsetReader map[string]connect.SourceMap

func newOffsetReader(offsets []*pluginv1.SourceOffset) (offsetReader, error) {
	reader := offsetReader{}
	for _, entry := range offsets {
		partition, err := wire.DecodeSourceMap(entry.Partition)
		if err != nil {
			return nil, err
		}
		offset, err := wire.DecodeSourceMap(entry.Offset)
		if err != nil {
			return nil, err
		}
		if partition != nil {
			reader[wire.CanonicalSourceMap(partition)] = offset
		}
	}
	return reader, nil
}

func (r offsetReader) Offset(partition connect.SourceMap) connect.SourceMap {
	return r[wire.CanonicalSourceMap(partition)]
}

type sinkTaskContext struct {
	taskContext
	instance *sinkTaskInstance
}

func (s *sinkTaskContext) ErrantRecordReporter() connect.ErrantRecordReporter { return s.instance }

// Report is the errant-record reporter of the sink task.
func (s *sinkTaskInstance) Report(record connect.SinkRecord, err error) { s.report(record, err) }
