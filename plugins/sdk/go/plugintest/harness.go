// Package plugintest runs a plugin's services in-process for tests: the real gRPC services and
// the real wire encoding over an in-memory connection, without go-plugin, a worker or Kafka.
//
//	h := plugintest.Start(t, plugin.Options{Name: "my-plugin", Version: "1.0.0", Sources: ...})
//	_, configs, err := h.StartConnector("c#1", "MySource", "c", connect.Config{"topic": "t"}, 1)
//	err = h.StartSourceTask("c-0#2", "c", 0, "com.example.MySourceTask", configs[0], nil)
//	records, err := h.Poll("c-0#2", 500*time.Millisecond)
package plugintest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/grpc/test/bufconn"

	"github.com/polyconnect/polyconnect/plugins/sdk/go/connect"
	pluginv1 "github.com/polyconnect/polyconnect/plugins/sdk/go/internal/gen/polyconnect/plugin/v1"
	"github.com/polyconnect/polyconnect/plugins/sdk/go/internal/wire"
	"github.com/polyconnect/polyconnect/plugins/sdk/go/plugin"
)

// CallTimeout is every call's deadline (Poll: plus its wait).
var CallTimeout = 10 * time.Second

// Harness is a plugin served in-process and a client of its services.
type Harness struct {
	Server      *plugin.Server
	Conn        *grpc.ClientConn
	plugins     pluginv1.PluginServiceClient
	connectors  pluginv1.ConnectorServiceClient
	sourceTasks pluginv1.SourceTaskServiceClient
	sinkTasks   pluginv1.SinkTaskServiceClient
}

// Start serves opts on an in-memory listener; everything stops when the test ends.
func Start(t testing.TB, opts plugin.Options) *Harness {
	t.Helper()
	server, err := plugin.NewServer(opts)
	if err != nil {
		t.Fatalf("plugin.NewServer: %v", err)
	}
	listener := bufconn.Listen(1 << 20)
	grpcServer := grpc.NewServer(grpc.MaxRecvMsgSize(1<<30), grpc.MaxSendMsgSize(1<<30))
	server.Register(grpcServer)
	go func() { _ = grpcServer.Serve(listener) }()
	conn, err := grpc.NewClient("passthrough:///plugin",
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return listener.DialContext(ctx) }),
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(1<<30), grpc.MaxCallSendMsgSize(1<<30)))
	if err != nil {
		t.Fatalf("grpc.NewClient: %v", err)
	}
	t.Cleanup(func() {
		server.StopAll()
		_ = conn.Close()
		grpcServer.Stop()
	})
	return &Harness{
		Server: server, Conn: conn,
		plugins:     pluginv1.NewPluginServiceClient(conn),
		connectors:  pluginv1.NewConnectorServiceClient(conn),
		sourceTasks: pluginv1.NewSourceTaskServiceClient(conn),
		sinkTasks:   pluginv1.NewSinkTaskServiceClient(conn),
	}
}

// CallError is a failed call as the worker sees it: the status and the plugin's ErrorInfo.
type CallError struct {
	Code    codes.Code
	Message string
	// ErrorClass, ErrorMessage, StackTrace and Retriable come from the polyconnect-error-info-bin
	// trailer; HasInfo is false when the call failed without one (a transport failure).
	HasInfo      bool
	ErrorClass   string
	ErrorMessage string
	StackTrace   string
	Retriable    bool
}

func (e *CallError) Error() string { return fmt.Sprintf("%s: %s", e.Code, e.Message) }

func callError(err error, trailer metadata.MD) error {
	if err == nil {
		return nil
	}
	st, _ := status.FromError(err)
	callErr := &CallError{Code: st.Code(), Message: st.Message()}
	if info := wire.ErrorInfoFromTrailer(trailer); info != nil {
		callErr.HasInfo = true
		callErr.ErrorClass, callErr.ErrorMessage, callErr.StackTrace, callErr.Retriable = info.ErrorClass, info.Message, info.StackTrace, info.Retriable
	}
	return callErr
}

// AsCallError unwraps a harness error.
func AsCallError(err error) (*CallError, bool) {
	var callErr *CallError
	ok := errors.As(err, &callErr)
	return callErr, ok
}

func (h *Harness) ctx(extra time.Duration) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), CallTimeout+extra)
}

// Describe returns the raw Describe answer's connector classes as name → (type, version, keys).
func (h *Harness) Describe() (*pluginv1.DescribeResponse, error) {
	ctx, cancel := h.ctx(0)
	defer cancel()
	var trailer metadata.MD
	response, err := h.plugins.Describe(ctx, &pluginv1.DescribeRequest{}, grpc.Trailer(&trailer))
	return response, callError(err, trailer)
}

// Validate calls ValidateConfig.
func (h *Harness) Validate(class string, config connect.Config) ([]*pluginv1.ConfigValue, error) {
	ctx, cancel := h.ctx(0)
	defer cancel()
	var trailer metadata.MD
	response, err := h.connectors.ValidateConfig(ctx, &pluginv1.ValidateConfigRequest{ConnectorClass: class, Config: config}, grpc.Trailer(&trailer))
	if err != nil {
		return nil, callError(err, trailer)
	}
	return response.Values, nil
}

// StartConnector starts a connector instance and asks it for up to maxTasks task configs.
func (h *Harness) StartConnector(id, class, name string, config connect.Config, maxTasks int) (taskClass string, configs []connect.Config, err error) {
	ctx, cancel := h.ctx(0)
	defer cancel()
	var trailer metadata.MD
	if _, err := h.connectors.StartConnector(ctx, &pluginv1.StartConnectorRequest{InstanceId: id, ConnectorClass: class, ConnectorName: name, Config: config}, grpc.Trailer(&trailer)); err != nil {
		return "", nil, callError(err, trailer)
	}
	response, err := h.connectors.GetTaskConfigs(ctx, &pluginv1.GetTaskConfigsRequest{InstanceId: id, MaxTasks: int32(maxTasks)}, grpc.Trailer(&trailer))
	if err != nil {
		return "", nil, callError(err, trailer)
	}
	for _, taskConfig := range response.TaskConfigs {
		configs = append(configs, taskConfig.Config)
	}
	return response.TaskClass, configs, nil
}

// StopConnector stops a connector instance.
func (h *Harness) StopConnector(id string) error {
	ctx, cancel := h.ctx(0)
	defer cancel()
	var trailer metadata.MD
	_, err := h.connectors.StopConnector(ctx, &pluginv1.StopConnectorRequest{InstanceId: id}, grpc.Trailer(&trailer))
	return callError(err, trailer)
}

func encodeOffsets(offsets []connect.SourceOffset) ([]*pluginv1.SourceOffset, error) {
	encoded := make([]*pluginv1.SourceOffset, 0, len(offsets))
	for _, entry := range offsets {
		partition, err := wire.EncodeSourceMap(entry.Partition)
		if err != nil {
			return nil, err
		}
		offset, err := wire.EncodeSourceMap(entry.Offset)
		if err != nil {
			return nil, err
		}
		encoded = append(encoded, &pluginv1.SourceOffset{Partition: partition, Offset: offset})
	}
	return encoded, nil
}

// StartSourceTask starts a source task with the connector's committed offsets.
func (h *Harness) StartSourceTask(id, connectorName string, taskID int, taskClass string, config connect.Config, offsets []connect.SourceOffset) error {
	encoded, err := encodeOffsets(offsets)
	if err != nil {
		return err
	}
	ctx, cancel := h.ctx(0)
	defer cancel()
	var trailer metadata.MD
	_, err = h.sourceTasks.StartSourceTask(ctx, &pluginv1.StartSourceTaskRequest{
		InstanceId: id, ConnectorName: connectorName, TaskId: int32(taskID), TaskClass: taskClass, Config: config, Offsets: encoded,
	}, grpc.Trailer(&trailer))
	return callError(err, trailer)
}

// Poll polls once, waiting at most maxWait, and decodes the batch as the worker would.
func (h *Harness) Poll(id string, maxWait time.Duration) ([]connect.SourceRecord, error) {
	ctx, cancel := h.ctx(maxWait)
	defer cancel()
	var trailer metadata.MD
	response, err := h.sourceTasks.Poll(ctx, &pluginv1.PollRequest{InstanceId: id, MaxWaitMs: uint32(maxWait / time.Millisecond)}, grpc.Trailer(&trailer))
	if err != nil {
		return nil, callError(err, trailer)
	}
	return wire.DecodeSourceRecords(response.Batch)
}

// Commit tells the task which offsets are durable.
func (h *Harness) Commit(id string, offsets []connect.SourceOffset) error {
	encoded, err := encodeOffsets(offsets)
	if err != nil {
		return err
	}
	ctx, cancel := h.ctx(0)
	defer cancel()
	var trailer metadata.MD
	_, err = h.sourceTasks.Commit(ctx, &pluginv1.CommitRequest{InstanceId: id, Offsets: encoded}, grpc.Trailer(&trailer))
	return callError(err, trailer)
}

// StopSourceTask stops a source task.
func (h *Harness) StopSourceTask(id string) error {
	ctx, cancel := h.ctx(0)
	defer cancel()
	var trailer metadata.MD
	_, err := h.sourceTasks.StopSourceTask(ctx, &pluginv1.StopSourceTaskRequest{InstanceId: id}, grpc.Trailer(&trailer))
	return callError(err, trailer)
}

// StartSinkTask starts a sink task.
func (h *Harness) StartSinkTask(id, connectorName string, taskID int, taskClass string, config connect.Config) error {
	ctx, cancel := h.ctx(0)
	defer cancel()
	var trailer metadata.MD
	_, err := h.sinkTasks.StartSinkTask(ctx, &pluginv1.StartSinkTaskRequest{InstanceId: id, ConnectorName: connectorName, TaskId: int32(taskID), TaskClass: taskClass, Config: config}, grpc.Trailer(&trailer))
	return callError(err, trailer)
}

// ErrantRecord is a record a sink task reported as failed, by its original coordinates.
type ErrantRecord struct {
	Topic      string
	Partition  int32
	Offset     int64
	ErrorClass string
	Message    string
}

func errantRecords(list []*pluginv1.ErrantRecord) []ErrantRecord {
	var out []ErrantRecord
	for _, e := range list {
		out = append(out, ErrantRecord{Topic: e.Topic, Partition: e.KafkaPartition, Offset: e.KafkaOffset, ErrorClass: e.GetError().GetErrorClass(), Message: e.GetError().GetMessage()})
	}
	return out
}

// Put delivers records (encoded as the worker encodes them) and returns the errant-record reports.
func (h *Harness) Put(id string, records []connect.SinkRecord) ([]ErrantRecord, error) {
	batch, err := wire.EncodeSinkRecords(records)
	if err != nil {
		return nil, err
	}
	ctx, cancel := h.ctx(0)
	defer cancel()
	var trailer metadata.MD
	response, err := h.sinkTasks.Put(ctx, &pluginv1.PutRequest{InstanceId: id, Batch: batch}, grpc.Trailer(&trailer))
	if err != nil {
		return nil, callError(err, trailer)
	}
	return errantRecords(response.ErrantRecords), nil
}

// PreCommit asks which offsets are safe to commit.
func (h *Harness) PreCommit(id string, offsets []connect.TopicPartitionOffset) ([]connect.TopicPartitionOffset, []ErrantRecord, error) {
	request := &pluginv1.PreCommitRequest{InstanceId: id}
	for _, o := range offsets {
		request.Offsets = append(request.Offsets, &pluginv1.TopicPartitionOffset{Topic: o.Topic, Partition: o.Partition, Offset: o.Offset})
	}
	ctx, cancel := h.ctx(0)
	defer cancel()
	var trailer metadata.MD
	response, err := h.sinkTasks.PreCommit(ctx, request, grpc.Trailer(&trailer))
	if err != nil {
		return nil, nil, callError(err, trailer)
	}
	var committable []connect.TopicPartitionOffset
	for _, o := range response.Offsets {
		committable = append(committable, connect.TopicPartitionOffset{Topic: o.Topic, Partition: o.Partition, Offset: o.Offset})
	}
	return committable, errantRecords(response.ErrantRecords), nil
}

// StopSinkTask stops a sink task.
func (h *Harness) StopSinkTask(id string) error {
	ctx, cancel := h.ctx(0)
	defer cancel()
	var trailer metadata.MD
	_, err := h.sinkTasks.StopSinkTask(ctx, &pluginv1.StopSinkTaskRequest{InstanceId: id}, grpc.Trailer(&trailer))
	return callError(err, trailer)
}
