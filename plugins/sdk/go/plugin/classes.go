package plugin

import (
	"fmt"
	"sort"
	"strings"

	"github.com/polyconnect/polyconnect/plugins/sdk/go/connect"
)

// SourceClass declares a source connector class the plugin provides, with its task class. Class
// and Aliases must match the plugin.json entry.
type SourceClass struct {
	// Class is the name users write in connector.class, e.g. "com.example.MySourceConnector".
	Class   string
	Aliases []string
	// NewConnector returns a new, unstarted connector; it must have no side effects.
	NewConnector func() connect.SourceConnector
	// TaskClass names the task class (passed back by the worker when it starts tasks).
	TaskClass string
	NewTask   func() connect.SourceTask
}

// SinkClass declares a sink connector class the plugin provides, with its task class.
type SinkClass struct {
	Class        string
	Aliases      []string
	NewConnector func() connect.SinkConnector
	TaskClass    string
	NewTask      func() connect.SinkTask
}

type connectorClass struct {
	name      string
	aliases   []string
	source    bool
	taskClass string
	create    func() connect.Connector
}

// registry finds connector and task classes by the names the worker uses.
type registry struct {
	connectors  []*connectorClass
	byName      map[string]*connectorClass
	sourceTasks map[string]func() connect.SourceTask
	sinkTasks   map[string]func() connect.SinkTask
}

func newRegistry(sources []SourceClass, sinks []SinkClass) (*registry, error) {
	r := &registry{byName: map[string]*connectorClass{}, sourceTasks: map[string]func() connect.SourceTask{}, sinkTasks: map[string]func() connect.SinkTask{}}
	add := func(class *connectorClass) error {
		if class.name == "" {
			return fmt.Errorf("a connector class has no Class name")
		}
		for _, name := range append([]string{class.name}, class.aliases...) {
			if _, taken := r.byName[name]; taken {
				return fmt.Errorf("connector class name %q is declared twice", name)
			}
			r.byName[name] = class
		}
		r.connectors = append(r.connectors, class)
		return nil
	}
	for _, s := range sources {
		if s.NewConnector == nil || s.NewTask == nil || s.TaskClass == "" {
			return nil, fmt.Errorf("source class %q needs NewConnector, TaskClass and NewTask", s.Class)
		}
		newConnector := s.NewConnector
		if err := add(&connectorClass{name: s.Class, aliases: s.Aliases, source: true, taskClass: s.TaskClass, create: func() connect.Connector { return newConnector() }}); err != nil {
			return nil, err
		}
		r.sourceTasks[s.TaskClass] = s.NewTask
	}
	for _, s := range sinks {
		if s.NewConnector == nil || s.NewTask == nil || s.TaskClass == "" {
			return nil, fmt.Errorf("sink class %q needs NewConnector, TaskClass and NewTask", s.Class)
		}
		newConnector := s.NewConnector
		if err := add(&connectorClass{name: s.Class, aliases: s.Aliases, taskClass: s.TaskClass, create: func() connect.Connector { return newConnector() }}); err != nil {
			return nil, err
		}
		r.sinkTasks[s.TaskClass] = s.NewTask
	}
	return r, nil
}

func (r *registry) connector(name string) (*connectorClass, error) {
	class, ok := r.byName[name]
	if !ok {
		return nil, connect.NewConnectError(fmt.Sprintf("This plugin has no connector class %q; it provides %s", name, strings.Join(keys(r.byName), ", ")))
	}
	return class, nil
}

func (r *registry) sourceTask(name string) (connect.SourceTask, error) {
	create, ok := r.sourceTasks[name]
	if !ok {
		return nil, connect.NewConnectError(fmt.Sprintf("This plugin has no source task class %q; it provides %s", name, strings.Join(keys(r.sourceTasks), ", ")))
	}
	return create(), nil
}

func (r *registry) sinkTask(name string) (connect.SinkTask, error) {
	create, ok := r.sinkTasks[name]
	if !ok {
		return nil, connect.NewConnectError(fmt.Sprintf("This plugin has no sink task class %q; it provides %s", name, strings.Join(keys(r.sinkTasks), ", ")))
	}
	return create(), nil
}

func keys[V any](m map[string]V) []string {
	names := make([]string, 0, len(m))
	for name := range m {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}
