package plugin

import (
	"context"

	"github.com/polyconnect/polyconnect/plugins/sdk/go/connect"
	pluginv1 "github.com/polyconnect/polyconnect/plugins/sdk/go/internal/gen/polyconnect/plugin/v1"
	"github.com/polyconnect/polyconnect/plugins/sdk/go/internal/wire"
)

type sinkTaskService struct {
	pluginv1.UnimplementedSinkTaskServiceServer
	s *Server
}

func (t *sinkTaskService) StartSinkTask(ctx context.Context, request *pluginv1.StartSinkTaskRequest) (*pluginv1.StartSinkTaskResponse, error) {
	return handle(ctx, func() (*pluginv1.StartSinkTaskResponse, error) {
		task, err := t.s.registry.sinkTask(request.TaskClass)
		if err != nil {
			return nil, err
		}
		config := request.Config
		if config == nil {
			config = connect.Config{}
		}
		inst := &sinkTaskInstance{task: task}
		if err := t.s.instances.add(request.InstanceId, inst); err != nil {
			return nil, err
		}
		tc := &sinkTaskContext{
			taskContext: taskContext{
				connectorName: request.ConnectorName,
				taskID:        int(request.TaskId),
				config:        config,
				logger:        t.s.logger.With("connector", request.ConnectorName, "task", request.TaskId),
			},
			instance: inst,
		}
		started := false
		defer func() {
			if !started {
				t.s.instances.remove(request.InstanceId)
			}
		}()
		if err := task.Start(ctx, tc, config); err != nil {
			return nil, err
		}
		started = true
		return &pluginv1.StartSinkTaskResponse{Version: task.Version()}, nil
	})
}

func topicPartitions(list []*pluginv1.TopicPartition) []connect.TopicPartition {
	partitions := make([]connect.TopicPartition, len(list))
	for i, p := range list {
		partitions[i] = connect.TopicPartition{Topic: p.Topic, Partition: p.Partition}
	}
	return partitions
}

func (t *sinkTaskService) OpenPartitions(ctx context.Context, request *pluginv1.OpenPartitionsRequest) (*pluginv1.OpenPartitionsResponse, error) {
	return handle(ctx, func() (*pluginv1.OpenPartitionsResponse, error) {
		inst, err := get[*sinkTaskInstance](t.s.instances, request.InstanceId)
		if err != nil {
			return nil, err
		}
		if opener, ok := inst.task.(connect.PartitionOpener); ok {
			if err := opener.Open(ctx, topicPartitions(request.Partitions)); err != nil {
				return nil, err
			}
		}
		return &pluginv1.OpenPartitionsResponse{}, nil
	})
}

func (t *sinkTaskService) Put(ctx context.Context, request *pluginv1.PutRequest) (*pluginv1.PutResponse, error) {
	return handle(ctx, func() (*pluginv1.PutResponse, error) {
		inst, err := get[*sinkTaskInstance](t.s.instances, request.InstanceId)
		if err != nil {
			return nil, err
		}
		records, err := wire.DecodeSinkRecords(request.Batch)
		if err != nil {
			return nil, err
		}
		if err := inst.task.Put(ctx, records); err != nil {
			return nil, err
		}
		return &pluginv1.PutResponse{ErrantRecords: inst.takeErrants()}, nil
	})
}

func (t *sinkTaskService) PreCommit(ctx context.Context, request *pluginv1.PreCommitRequest) (*pluginv1.PreCommitResponse, error) {
	return handle(ctx, func() (*pluginv1.PreCommitResponse, error) {
		inst, err := get[*sinkTaskInstance](t.s.instances, request.InstanceId)
		if err != nil {
			return nil, err
		}
		offsets := make([]connect.TopicPartitionOffset, len(request.Offsets))
		for i, o := range request.Offsets {
			offsets[i] = connect.TopicPartitionOffset{Topic: o.Topic, Partition: o.Partition, Offset: o.Offset}
		}
		committable := offsets
		switch task := inst.task.(type) {
		case connect.PreCommitter:
			if committable, err = task.PreCommit(ctx, offsets); err != nil {
				return nil, err
			}
		case connect.Flusher:
			if err := task.Flush(ctx, offsets); err != nil {
				return nil, err
			}
		}
		response := &pluginv1.PreCommitResponse{ErrantRecords: inst.takeErrants()}
		for _, o := range committable {
			response.Offsets = append(response.Offsets, &pluginv1.TopicPartitionOffset{Topic: o.Topic, Partition: o.Partition, Offset: o.Offset})
		}
		return response, nil
	})
}

func (t *sinkTaskService) ClosePartitions(ctx context.Context, request *pluginv1.ClosePartitionsRequest) (*pluginv1.ClosePartitionsResponse, error) {
	return handle(ctx, func() (*pluginv1.ClosePartitionsResponse, error) {
		inst, err := get[*sinkTaskInstance](t.s.instances, request.InstanceId)
		if err != nil {
			return nil, err
		}
		if closer, ok := inst.task.(connect.PartitionCloser); ok {
			if err := closer.Close(ctx, topicPartitions(request.Partitions)); err != nil {
				return nil, err
			}
		}
		return &pluginv1.ClosePartitionsResponse{}, nil
	})
}

func (t *sinkTaskService) StopSinkTask(ctx context.Context, request *pluginv1.StopSinkTaskRequest) (*pluginv1.StopSinkTaskResponse, error) {
	return handle(ctx, func() (*pluginv1.StopSinkTaskResponse, error) {
		inst, err := take[*sinkTaskInstance](t.s.instances, request.InstanceId)
		if err != nil {
			return nil, err
		}
		if err := inst.stop(ctx); err != nil {
			return nil, err
		}
		return &pluginv1.StopSinkTaskResponse{}, nil
	})
}
