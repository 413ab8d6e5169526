package plugin

import (
	"context"
	"fmt"
	"sync"

	"github.com/polyconnect/polyconnect/plugins/sdk/go/connect"
	pluginv1 "github.com/polyconnect/polyconnect/plugins/sdk/go/internal/gen/polyconnect/plugin/v1"
	"github.com/polyconnect/polyconnect/plugins/sdk/go/internal/wire"
)

// instances are the connectors and tasks living in this process, by the worker's instance id.
type instances struct {
	mu sync.Mutex
	m  map[string]instance
}

type instance interface {
	// stop stops the instance (connector or task Stop) after it was removed from the table.
	stop(ctx context.Context) error
}

func newInstances() *instances { return &instances{m: map[string]instance{}} }

func (t *instances) add(id string, inst instance) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if _, exists := t.m[id]; exists {
		return connect.NewConnectError(fmt.Sprintf("Instance %q already exists in this plugin process", id))
	}
	t.m[id] = inst
	return nil
}

// remove takes the instance out of the table; ok is false when it was not there.
func (t *instances) remove(id string) (instance, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	inst, ok := t.m[id]
	delete(t.m, id)
	return inst, ok
}

func (t *instances) removeAll() map[string]instance {
	t.mu.Lock()
	defer t.mu.Unlock()
	all := t.m
	t.m = map[string]instance{}
	return all
}

func get[T instance](t *instances, id string) (T, error) {
	t.mu.Lock()
	inst, ok := t.m[id]
	t.mu.Unlock()
	typed, isT := inst.(T)
	if !ok || !isT {
		var zero T
		return zero, &wire.UnknownInstanceError{InstanceID: id}
	}
	return typed, nil
}

// take removes an instance of kind T; other kinds stay and the call fails with NOT_FOUND.
func take[T instance](t *instances, id string) (T, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	inst, ok := t.m[id]
	typed, isT := inst.(T)
	if !ok || !isT {
		var zero T
		return zero, &wire.UnknownInstanceError{InstanceID: id}
	}
	delete(t.m, id)
	return typed, nil
}

// connectorInstance is a started connector with its queue of events for the worker.
type connectorInstance struct {
	connector connect.Connector
	taskClass string
	mu        sync.Mutex
	pending   []*pluginv1.WatchConnectorEventsResponse
	notify    chan struct{} // signalled when an event is queued
	stopped   chan struct{} // closed when the instance stops
	stopOnce  sync.Once
}

func newConnectorInstance(connector connect.Connector, taskClass string) *connectorInstance {
	return &connectorInstance{connector: connector, taskClass: taskClass, notify: make(chan struct{}, 1), stopped: make(chan struct{})}
}

func (c *connectorInstance) emit(event *pluginv1.WatchConnectorEventsResponse) {
	c.mu.Lock()
	c.pending = append(c.pending, event)
	c.mu.Unlock()
	select {
	case c.notify <- struct{}{}:
	default:
	}
}

// takeEvents hands out the queued events (each is sent once).
func (c *connectorInstance) takeEvents() []*pluginv1.WatchConnectorEventsResponse {
	c.mu.Lock()
	defer c.mu.Unlock()
	events := c.pending
	c.pending = nil
	return events
}

// requeue puts back events a stream could not send (the worker cancelled it).
func (c *connectorInstance) requeue(events []*pluginv1.WatchConnectorEventsResponse) {
	c.mu.Lock()
	c.pending = append(events, c.pending...)
	c.mu.Unlock()
}

func (c *connectorInstance) markStopped() { c.stopOnce.Do(func() { close(c.stopped) }) }

func (c *connectorInstance) stop(ctx context.Context) error {
	defer c.markStopped()
	return c.connector.Stop(ctx)
}

type pollResult struct {
	records []connect.SourceRecord
	err     error
}

// sourceTaskInstance is a started source task with its own context (cancelled when it stops) and
// the poll still running when a Poll call answered empty-handed.
type sourceTaskInstance struct {
	task    connect.SourceTask
	ctx     context.Context
	cancel  context.CancelFunc
	pollMu  sync.Mutex // Poll calls never overlap; this makes sure of it
	pending chan pollResult
}

func (s *sourceTaskInstance) stop(ctx context.Context) error {
	s.cancel()
	return s.task.Stop(ctx)
}

// sinkTaskInstance is a started sink task with the errant records reported since the last Put or
// PreCommit answer.
type sinkTaskInstance struct {
	task    connect.SinkTask
	mu      sync.Mutex
	errants []*pluginv1.ErrantRecord
}

func (s *sinkTaskInstance) report(record connect.SinkRecord, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.errants = append(s.errants, &pluginv1.ErrantRecord{
		Topic:          record.OriginalTopic,
		KafkaPartition: record.OriginalKafkaPartition,
		KafkaOffset:    record.OriginalKafkaOffset,
		Error:          wire.ErrorInfo(err),
	})
}

func (s *sinkTaskInstance) takeErrants() []*pluginv1.ErrantRecord {
	s.mu.Lock()
	defer s.mu.Unlock()
	errants := s.errants
	s.errants = nil
	return errants
}

func (s *sinkTaskInstance) stop(ctx context.Context) error { return s.task.Stop(ctx) }
