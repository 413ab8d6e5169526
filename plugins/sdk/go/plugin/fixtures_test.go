package plugin_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/polyconnect/polyconnect/plugins/sdk/go/connect"
	"github.com/polyconnect/polyconnect/plugins/sdk/go/plugin"
)

// A counting source and a recording sink, with knobs to misbehave, for the services' tests.

var countConfig = connect.NewConfigDef().
	Define(connect.ConfigKey{Name: "topic", Type: connect.ConfigString, Importance: connect.ImportanceHigh, Validator: connect.NonEmptyString, Documentation: "The topic"}).
	Define(connect.ConfigKey{Name: "batch.size", Type: connect.ConfigInt, Default: 3, Validator: connect.AtLeast(1), Importance: connect.ImportanceLow, Documentation: "Records per poll"}).
	Define(connect.ConfigKey{Name: "poll.delay.ms", Type: connect.ConfigLong, Default: "0", Importance: connect.ImportanceLow, Documentation: "How long poll takes", Group: "Testing", OrderInGroup: 1}).
	Define(connect.ConfigKey{Name: "fail", Type: connect.ConfigString, Default: connect.NullDefault, Documentation: "Where to fail"})

type countConnector struct {
	config connect.Config
	cc     connect.ConnectorContext
}

func (c *countConnector) Version() string            { return "1.2.3" }
func (c *countConnector) Config() *connect.ConfigDef { return countConfig }
func (c *countConnector) Start(_ context.Context, cc connect.ConnectorContext, config connect.Config) error {
	parsed, err := countConfig.Parse(config)
	if err != nil {
		return err
	}
	if parsed.String("fail") == "connector-start" {
		return errors.New("connector start failed")
	}
	c.config, c.cc = config, cc
	if parsed.String("fail") == "raise" {
		cc.RequestTaskReconfiguration()
		cc.RaiseError(connect.NewConnectError("background failure"))
	}
	return nil
}
func (c *countConnector) TaskConfigs(_ context.Context, maxTasks int) ([]connect.Config, error) {
	var configs []connect.Config
	for i := 0; i < maxTasks; i++ {
		config := connect.Config{"task.index": strconv.Itoa(i)}
		for k, v := range c.config {
			config[k] = v
		}
		configs = append(configs, config)
	}
	return configs, nil
}
func (c *countConnector) Stop(context.Context) error { return nil }

type countTask struct {
	mu        sync.Mutex
	topic     string
	batch     int
	delay     time.Duration
	fail      string
	next      int64
	partition connect.SourceMap
	polls     int
	committed []connect.SourceOffset
	stopped   bool
}

func (t *countTask) Version() string { return "1.2.3" }
func (t *countTask) Start(_ context.Context, tc connect.SourceTaskContext, config connect.Config) error {
	parsed, err := countConfig.Parse(config)
	if err != nil {
		return err
	}
	t.topic, t.batch, t.delay, t.fail = parsed.String("topic"), int(parsed.Int("batch.size")), time.Duration(parsed.Long("poll.delay.ms"))*time.Millisecond, parsed.String("fail")
	t.partition = connect.SourceMap{"counter": config["task.index"]}
	if offset := tc.OffsetStorageReader().Offset(connect.SourceMap{"counter": config["task.index"]}); offset != nil {
		t.next = offset["next"].(int64)
	}
	if t.fail == "task-start" {
		return connect.NewConfigError("bad task config")
	}
	if config["noisy"] == "true" {
		// Far more than a pipe holds: go-plugin's stdio pipes must be drained or this blocks.
		line := strings.Repeat("x", 1023) + "\n"
		for i := 0; i < 300; i++ {
			fmt.Fprint(os.Stdout, line)
			fmt.Fprint(os.Stderr, line)
		}
	}
	tc.Logger().Info("countTask started", "next", t.next)
	return nil
}
func (t *countTask) Poll(ctx context.Context) ([]connect.SourceRecord, error) {
	t.mu.Lock()
	t.polls++
	t.mu.Unlock()
	switch t.fail {
	case "poll":
		return nil, connect.NewRetriableError("poll failed", errors.New("upstream timeout"))
	case "panic":
		panic("poll panicked")
	}
	if t.delay > 0 {
		select {
		case <-time.After(t.delay):
		case <-ctx.Done():
			return nil, nil
		}
	}
	records := make([]connect.SourceRecord, t.batch)
	for i := range records {
		records[i] = connect.SourceRecord{Topic: t.topic, ValueSchema: connect.Int64Schema, Value: t.next,
			SourcePartition: t.partition, SourceOffset: connect.SourceMap{"next": t.next + 1}}
		t.next++
	}
	return records, nil
}
func (t *countTask) Commit(_ context.Context, offsets []connect.SourceOffset) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.committed = append(t.committed, offsets...)
	return nil
}
func (t *countTask) Stop(context.Context) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.stopped = true
	return nil
}

type recordSink struct{}

func (recordSink) Version() string            { return "0.0.1" }
func (recordSink) Config() *connect.ConfigDef { return connect.NewConfigDef() }
func (recordSink) Start(context.Context, connect.ConnectorContext, connect.Config) error {
	return nil
}
func (recordSink) TaskConfigs(context.Context, int) ([]connect.Config, error) {
	return []connect.Config{{}}, nil
}
func (recordSink) Stop(context.Context) error { return nil }

type recordSinkTask struct {
	tc      connect.SinkTaskContext
	written []connect.SinkRecord
	flushed int
}

func (t *recordSinkTask) Version() string { return "0.0.1" }
func (t *recordSinkTask) Start(_ context.Context, tc connect.SinkTaskContext, _ connect.Config) error {
	t.tc = tc
	return nil
}
func (t *recordSinkTask) Put(_ context.Context, records []connect.SinkRecord) error {
	for _, record := range records {
		if record.Value == "bad" {
			t.tc.ErrantRecordReporter().Report(record, connect.NewDataError(fmt.Sprintf("cannot write %v", record.Value)))
			continue
		}
		if record.Value == "retry" {
			return connect.NewRetriableError("sink unavailable")
		}
		t.written = append(t.written, record)
	}
	return nil
}
func (t *recordSinkTask) Flush(context.Context, []connect.TopicPartitionOffset) error {
	t.flushed++
	return nil
}
func (t *recordSinkTask) Stop(context.Context) error { return nil }

// tasks remembers the task values the plugin created, so tests can look inside them.
type tasks struct {
	mu     sync.Mutex
	counts []*countTask
	sinks  []*recordSinkTask
}

func testOptions(created *tasks) plugin.Options {
	return plugin.Options{
		Name: "test-plugin", Version: "9.9.9",
		Sources: []plugin.SourceClass{{
			Class: "com.example.CountSourceConnector", Aliases: []string{"CountSource"},
			NewConnector: func() connect.SourceConnector { return &countConnector{} },
			TaskClass:    "com.example.CountSourceTask",
			NewTask: func() connect.SourceTask {
				task := &countTask{}
				created.mu.Lock()
				created.counts = append(created.counts, task)
				created.mu.Unlock()
				return task
			},
		}},
		Sinks: []plugin.SinkClass{{
			Class:        "com.example.RecordSinkConnector",
			NewConnector: func() connect.SinkConnector { return recordSink{} },
			TaskClass:    "com.example.RecordSinkTask",
			NewTask: func() connect.SinkTask {
				task := &recordSinkTask{}
				created.mu.Lock()
				created.sinks = append(created.sinks, task)
				created.mu.Unlock()
				return task
			},
		}},
	}
}
