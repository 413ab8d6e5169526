package plugin

import (
	"context"
	"time"

	"github.com/polyconnect/polyconnect/plugins/sdk/go/connect"
	datav1 "github.com/polyconnect/polyconnect/plugins/sdk/go/internal/gen/polyconnect/data/v1"
	pluginv1 "github.com/polyconnect/polyconnect/plugins/sdk/go/internal/gen/polyconnect/plugin/v1"
	"github.com/polyconnect/polyconnect/plugins/sdk/go/internal/wire"
)

// defaultPollWait is how long a Poll waits when the worker says max_wait_ms = 0 ("no preference").
const defaultPollWait = time.Second

type sourceTaskService struct {
	pluginv1.UnimplementedSourceTaskServiceServer
	s *Server
}

func (t *sourceTaskService) StartSourceTask(ctx context.Context, request *pluginv1.StartSourceTaskRequest) (*pluginv1.StartSourceTaskResponse, error) {
	return handle(ctx, func() (*pluginv1.StartSourceTaskResponse, error) {
		task, err := t.s.registry.sourceTask(request.TaskClass)
		if err != nil {
			return nil, err
		}
		reader, err := newOffsetReader(request.Offsets)
		if err != nil {
			return nil, err
		}
		config := request.Config
		if config == nil {
			config = connect.Config{}
		}
		taskCtx, cancel := context.WithCancel(context.Background())
		inst := &sourceTaskInstance{task: task, ctx: taskCtx, cancel: cancel}
		if err := t.s.instances.add(request.InstanceId, inst); err != nil {
			cancel()
			return nil, err
		}
		tc := &sourceTaskContext{
			taskContext: taskContext{
				connectorName: request.ConnectorName,
				taskID:        int(request.TaskId),
				config:        config,
				logger:        t.s.logger.With("connector", request.ConnectorName, "task", request.TaskId),
			},
			reader: reader,
		}
		started := false
		defer func() {
			if !started {
				t.s.instances.remove(request.InstanceId)
				cancel()
			}
		}()
		if err := task.Start(ctx, tc, config); err != nil {
			return nil, err
		}
		started = true
		return &pluginv1.StartSourceTaskResponse{Version: task.Version()}, nil
	})
}

var emptyPoll = &pluginv1.PollResponse{Batch: &datav1.SourceRecordBatch{}}

// Poll waits for the task's Poll up to max_wait_ms. A Poll that takes longer keeps running: this
// call answers empty and the next call waits for the same Poll again, so the task's Poll never
// runs twice at once and its records are neither lost nor repeated.
func (t *sourceTaskService) Poll(ctx context.Context, request *pluginv1.PollRequest) (*pluginv1.PollResponse, error) {
	return handle(ctx, func() (*pluginv1.PollResponse, error) {
		inst, err := get[*sourceTaskInstance](t.s.instances, request.InstanceId)
		if err != nil {
			return nil, err
		}
		inst.pollMu.Lock()
		defer inst.pollMu.Unlock()
		if inst.pending == nil {
			pending := make(chan pollResult, 1)
			inst.pending = pending
			go runPoll(inst, pending)
		}
		wait := time.Duration(request.MaxWaitMs) * time.Millisecond
		if wait <= 0 {
			wait = defaultPollWait
		}
		timer := time.NewTimer(wait)
		defer timer.Stop()
		select {
		case result := <-inst.pending:
			inst.pending = nil
			if result.err != nil {
				return nil, result.err
			}
			if len(result.records) == 0 {
				return emptyPoll, nil
			}
			batch, err := wire.EncodeSourceRecords(result.records)
			if err != nil {
				return nil, err
			}
			return &pluginv1.PollResponse{Batch: batch}, nil
		case <-timer.C:
			return emptyPoll, nil
		case <-inst.ctx.Done(): // the task was stopped: answer at once
			return emptyPoll, nil
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	})
}

func runPoll(inst *sourceTaskInstance, pending chan<- pollResult) {
	defer func() {
		if recovered := recover(); recovered != nil {
			pending <- pollResult{err: newPanicError(recovered)}
		}
	}()
	records, err := inst.task.Poll(inst.ctx)
	pending <- pollResult{records: records, err: err}
}

func (t *sourceTaskService) Commit(ctx context.Context, request *pluginv1.CommitRequest) (*pluginv1.CommitResponse, error) {
	return handle(ctx, func() (*pluginv1.CommitResponse, error) {
		inst, err := get[*sourceTaskInstance](t.s.instances, request.InstanceId)
		if err != nil {
			return nil, err
		}
		committer, ok := inst.task.(connect.SourceTaskCommitter)
		if !ok {
			return &pluginv1.CommitResponse{}, nil
		}
		offsets := make([]connect.SourceOffset, 0, len(request.Offsets))
		for _, entry := range request.Offsets {
			partition, err := wire.DecodeSourceMap(entry.Partition)
			if err != nil {
				return nil, err
			}
			offset, err := wire.DecodeSourceMap(entry.Offset)
			if err != nil {
				return nil, err
			}
			offsets = append(offsets, connect.SourceOffset{Partition: partition, Offset: offset})
		}
		if err := committer.Commit(ctx, offsets); err != nil {
			return nil, err
		}
		return &pluginv1.CommitResponse{}, nil
	})
}

func (t *sourceTaskService) StopSourceTask(ctx context.Context, request *pluginv1.StopSourceTaskRequest) (*pluginv1.StopSourceTaskResponse, error) {
	return handle(ctx, func() (*pluginv1.StopSourceTaskResponse, error) {
		inst, err := take[*sourceTaskInstance](t.s.instances, request.InstanceId)
		if err != nil {
			return nil, err
		}
		if err := inst.stop(ctx); err != nil {
			return nil, err
		}
		return &pluginv1.StopSourceTaskResponse{}, nil
	})
}
