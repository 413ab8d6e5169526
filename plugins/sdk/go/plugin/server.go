package plugin

import (
	"context"
	"sync"
	"time"

	"github.com/hashicorp/go-hclog"
	"google.golang.org/grpc"

	"github.com/polyconnect/polyconnect/plugins/sdk/go/connect"
	pluginv1 "github.com/polyconnect/polyconnect/plugins/sdk/go/internal/gen/polyconnect/plugin/v1"
	"github.com/polyconnect/polyconnect/plugins/sdk/go/internal/wire"
)

// Server is the plugin side of the protocol's four services (PluginService, ConnectorService,
// SourceTaskService, SinkTaskService) over the plugin's connector classes. Serve registers it on
// go-plugin's gRPC server; tests register it on their own (see package plugintest).
type Server struct {
	name            string
	version         string
	registry        *registry
	instances       *instances
	logger          hclog.Logger
	shutdownTimeout time.Duration
	stopOnce        sync.Once
}

// NewServer checks the options and builds the services; Register puts them on a gRPC server.
func NewServer(opts Options) (*Server, error) {
	reg, err := newRegistry(opts.Sources, opts.Sinks)
	if err != nil {
		return nil, err
	}
	logger := opts.Logger
	if logger == nil {
		logger = hclog.NewNullLogger()
	}
	timeout := opts.ShutdownTimeout
	if timeout <= 0 {
		timeout = 5 * time.Second
	}
	return &Server{name: opts.Name, version: opts.Version, registry: reg, instances: newInstances(), logger: logger, shutdownTimeout: timeout}, nil
}

// Register adds the four services to a gRPC server.
func (s *Server) Register(server grpc.ServiceRegistrar) {
	pluginv1.RegisterPluginServiceServer(server, &pluginService{s: s})
	pluginv1.RegisterConnectorServiceServer(server, &connectorService{s: s})
	pluginv1.RegisterSourceTaskServiceServer(server, &sourceTaskService{s: s})
	pluginv1.RegisterSinkTaskServiceServer(server, &sinkTaskService{s: s})
}

// StopAll stops every instance still alive, concurrently, giving them ShutdownTimeout together
// (docs/plugin-protocol.md 3.4). Later calls do nothing.
func (s *Server) StopAll() {
	s.stopOnce.Do(func() {
		all := s.instances.removeAll()
		if len(all) == 0 {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), s.shutdownTimeout)
		defer cancel()
		var wg sync.WaitGroup
		for id, inst := range all {
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer func() {
					if recovered := recover(); recovered != nil {
						s.logger.Warn("Instance panicked while stopping during shutdown", "instance", id, "panic", recovered)
					}
				}()
				if err := inst.stop(ctx); err != nil {
					s.logger.Warn("Instance failed to stop cleanly during shutdown", "instance", id, "error", err)
				}
			}()
		}
		done := make(chan struct{})
		go func() { wg.Wait(); close(done) }()
		select {
		case <-done:
		case <-ctx.Done():
			s.logger.Warn("Instances did not stop in time; shutting down anyway", "timeout", s.shutdownTimeout.String())
		}
	})
}

type pluginService struct {
	pluginv1.UnimplementedPluginServiceServer
	s *Server
}

func (p *pluginService) Describe(ctx context.Context, _ *pluginv1.DescribeRequest) (*pluginv1.DescribeResponse, error) {
	return handle(ctx, func() (*pluginv1.DescribeResponse, error) {
		response := &pluginv1.DescribeResponse{Name: p.s.name, Version: p.s.version}
		for _, class := range p.s.registry.connectors {
			connector := class.create()
			description := &pluginv1.ConnectorDescription{
				ClassName: class.name,
				Aliases:   append([]string{}, class.aliases...),
				Type:      pluginv1.ConnectorType_CONNECTOR_TYPE_SINK,
				Version:   connector.Version(),
			}
			if class.source {
				description.Type = pluginv1.ConnectorType_CONNECTOR_TYPE_SOURCE
			}
			if def := connector.Config(); def != nil {
				for _, key := range def.Keys() {
					description.ConfigKeys = append(description.ConfigKeys, toProtoConfigKey(key))
				}
			}
			response.Connectors = append(response.Connectors, description)
		}
		return response, nil
	})
}

type connectorService struct {
	pluginv1.UnimplementedConnectorServiceServer
	s *Server
}

func (c *connectorService) ValidateConfig(ctx context.Context, request *pluginv1.ValidateConfigRequest) (*pluginv1.ValidateConfigResponse, error) {
	return handle(ctx, func() (*pluginv1.ValidateConfigResponse, error) {
		class, err := c.s.registry.connector(request.ConnectorClass)
		if err != nil {
			return nil, err
		}
		connector := class.create()
		config := request.Config
		if config == nil {
			config = connect.Config{}
		}
		var values []connect.ConfigValue
		if validator, ok := connector.(connect.Validator); ok {
			if values, err = validator.Validate(ctx, config); err != nil {
				return nil, err
			}
		} else if def := connector.Config(); def != nil {
			values = def.Validate(config)
		}
		response := &pluginv1.ValidateConfigResponse{}
		for _, value := range values {
			response.Values = append(response.Values, toProtoConfigValue(value))
		}
		return response, nil
	})
}

func (c *connectorService) StartConnector(ctx context.Context, request *pluginv1.StartConnectorRequest) (*pluginv1.StartConnectorResponse, error) {
	return handle(ctx, func() (*pluginv1.StartConnectorResponse, error) {
		class, err := c.s.registry.connector(request.ConnectorClass)
		if err != nil {
			return nil, err
		}
		connector := class.create()
		inst := newConnectorInstance(connector, class.taskClass)
		if err := c.s.instances.add(request.InstanceId, inst); err != nil {
			return nil, err
		}
		cc := &connectorContext{name: request.ConnectorName, instance: inst, logger: c.s.logger.With("connector", request.ConnectorName)}
		config := request.Config
		if config == nil {
			config = connect.Config{}
		}
		started := false
		defer func() {
			if !started {
				c.s.instances.remove(request.InstanceId)
				inst.markStopped()
			}
		}()
		if err := connector.Start(ctx, cc, config); err != nil {
			return nil, err
		}
		started = true
		return &pluginv1.StartConnectorResponse{Version: connector.Version()}, nil
	})
}

func (c *connectorService) GetTaskConfigs(ctx context.Context, request *pluginv1.GetTaskConfigsRequest) (*pluginv1.GetTaskConfigsResponse, error) {
	return handle(ctx, func() (*pluginv1.GetTaskConfigsResponse, error) {
		inst, err := get[*connectorInstance](c.s.instances, request.InstanceId)
		if err != nil {
			return nil, err
		}
		configs, err := inst.connector.TaskConfigs(ctx, int(request.MaxTasks))
		if err != nil {
			return nil, err
		}
		if len(configs) > int(request.MaxTasks) && request.MaxTasks > 0 {
			configs = configs[:request.MaxTasks]
		}
		response := &pluginv1.GetTaskConfigsResponse{TaskClass: inst.taskClass}
		for _, config := range configs {
			response.TaskConfigs = append(response.TaskConfigs, &pluginv1.TaskConfig{Config: config})
		}
		return response, nil
	})
}

func (c *connectorService) StopConnector(ctx context.Context, request *pluginv1.StopConnectorRequest) (*pluginv1.StopConnectorResponse, error) {
	return handle(ctx, func() (*pluginv1.StopConnectorResponse, error) {
		inst, err := take[*connectorInstance](c.s.instances, request.InstanceId)
		if err != nil {
			return nil, err
		}
		if err := inst.stop(ctx); err != nil {
			return nil, err
		}
		return &pluginv1.StopConnectorResponse{}, nil
	})
}

func (c *connectorService) WatchConnectorEvents(request *pluginv1.WatchConnectorEventsRequest, stream grpc.ServerStreamingServer[pluginv1.WatchConnectorEventsResponse]) error {
	inst, err := get[*connectorInstance](c.s.instances, request.InstanceId)
	if err != nil {
		st, trailer := wire.Status(err)
		stream.SetTrailer(trailer)
		return st.Err()
	}
	for {
		events := inst.takeEvents()
		for i, event := range events {
			if err := stream.Send(event); err != nil {
				inst.requeue(events[i:])
				return err
			}
		}
		select {
		case <-inst.notify:
		case <-inst.stopped:
			for _, event := range inst.takeEvents() {
				if stream.Send(event) != nil {
					break
				}
			}
			return nil
		case <-stream.Context().Done():
			return stream.Context().Err()
		}
	}
}
