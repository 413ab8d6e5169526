package plugin_test

import (
	"testing"
	"time"

	"google.golang.org/grpc/codes"

	"github.com/polyconnect/polyconnect/plugins/sdk/go/connect"
	"github.com/polyconnect/polyconnect/plugins/sdk/go/plugintest"
)

func callErr(t *testing.T, err error) *plugintest.CallError {
	t.Helper()
	callErr, ok := plugintest.AsCallError(err)
	if !ok {
		t.Fatalf("want a failed call, got %v", err)
	}
	return callErr
}

func TestDescribeHasTheTypeScriptSDKsShapes(t *testing.T) {
	h := plugintest.Start(t, testOptions(&tasks{}))
	d, err := h.Describe()
	if err != nil {
		t.Fatal(err)
	}
	if d.Name != "test-plugin" || d.Version != "9.9.9" || len(d.Connectors) != 2 {
		t.Fatalf("describe: %v", d)
	}
	source := d.Connectors[0]
	if source.ClassName != "com.example.CountSourceConnector" || source.Aliases[0] != "CountSource" || source.Type.String() != "CONNECTOR_TYPE_SOURCE" || source.Version != "1.2.3" {
		t.Fatalf("source: %v", source)
	}
	topic, batch, delay, fail := source.ConfigKeys[0], source.ConfigKeys[1], source.ConfigKeys[2], source.ConfigKeys[3]
	if !topic.Required || topic.DefaultValue != nil || topic.Type.String() != "CONFIG_TYPE_STRING" || topic.Importance.String() != "CONFIG_IMPORTANCE_HIGH" ||
		topic.OrderInGroup != -1 || topic.Width.String() != "CONFIG_WIDTH_NONE" || topic.DisplayName != "topic" || topic.Group != nil {
		t.Fatalf("topic key: %v", topic)
	}
	if batch.Required || batch.GetDefaultValue() != "3" || batch.Type.String() != "CONFIG_TYPE_INT" || batch.Importance.String() != "CONFIG_IMPORTANCE_LOW" {
		t.Fatalf("batch.size key: %v", batch)
	}
	if delay.GetGroup() != "Testing" || delay.OrderInGroup != 1 || delay.GetDefaultValue() != "0" {
		t.Fatalf("poll.delay.ms key: %v", delay)
	}
	if fail.Required || fail.DefaultValue != nil || fail.Importance.String() != "CONFIG_IMPORTANCE_MEDIUM" {
		t.Fatalf("a null default is absent and not required: %v", fail)
	}
	if d.Connectors[1].Type.String() != "CONNECTOR_TYPE_SINK" {
		t.Fatalf("sink: %v", d.Connectors[1])
	}
}

func TestValidateConfigReportsProblemsAsData(t *testing.T) {
	h := plugintest.Start(t, testOptions(&tasks{}))
	values, err := h.Validate("CountSource", connect.Config{"batch.size": "0", "poll.delay.ms": "x", "name": "ignored"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		value  string
		hasVal bool
		errors []string
	}{
		"topic":         {"", false, []string{`Missing required configuration "topic" which has no default value.`}},
		"batch.size":    {"0", true, []string{"Invalid value 0 for configuration batch.size: Value must be at least 1"}},
		"poll.delay.ms": {"x", true, []string{"Invalid value x for configuration poll.delay.ms: Not a number of type LONG"}},
		"fail":          {"", false, []string{}},
	}
	if len(values) != len(want) {
		t.Fatalf("got %d values: %v", len(values), values)
	}
	for _, v := range values {
		w := want[v.Name]
		if (v.Value != nil) != w.hasVal || v.GetValue() != w.value || len(v.Errors) != len(w.errors) || !v.Visible {
			t.Errorf("%s: got %v", v.Name, v)
			continue
		}
		for i := range w.errors {
			if v.Errors[i] != w.errors[i] {
				t.Errorf("%s: error %q, want %q", v.Name, v.Errors[i], w.errors[i])
			}
		}
	}
	if _, err := h.Validate("NoSuchConnector", connect.Config{}); err == nil {
		t.Fatal("an unknown class must fail the call")
	}
}

func TestSourceTaskLifecycleThroughGRPC(t *testing.T) {
	created := &tasks{}
	h := plugintest.Start(t, testOptions(created))
	taskClass, configs, err := h.StartConnector("count#1", "com.example.CountSourceConnector", "count", connect.Config{"topic": "numbers"}, 2)
	if err != nil {
		t.Fatal(err)
	}
	if taskClass != "com.example.CountSourceTask" || len(configs) != 2 || configs[1]["task.index"] != "1" {
		t.Fatalf("task configs: %s %v", taskClass, configs)
	}
	committed := []connect.SourceOffset{{Partition: connect.SourceMap{"counter": "0"}, Offset: connect.SourceMap{"next": int64(10)}}}
	if err := h.StartSourceTask("count-0#2", "count", 0, taskClass, configs[0], committed); err != nil {
		t.Fatal(err)
	}
	records, err := h.Poll("count-0#2", time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != 3 || records[0].Value != int64(10) || records[2].SourceOffset["next"] != int64(13) || records[0].SourcePartition["counter"] != "0" {
		t.Fatalf("records: %+v", records)
	}
	if err := h.Commit("count-0#2", []connect.SourceOffset{{Partition: records[2].SourcePartition, Offset: records[2].SourceOffset}}); err != nil {
		t.Fatal(err)
	}
	if got := created.counts[0].committed; len(got) != 1 || got[0].Offset["next"] != int64(13) {
		t.Fatalf("committed: %v", got)
	}
	if err := h.StartSourceTask("count-0#2", "count", 0, taskClass, configs[0], nil); callErr(t, err).Code == codes.OK {
		t.Fatal("a Start with an id in use must fail")
	}
	if err := h.StopSourceTask("count-0#2"); err != nil {
		t.Fatal(err)
	}
	_, err = h.Poll("count-0#2", 10*time.Millisecond)
	ce := callErr(t, err)
	if ce.Code != codes.NotFound || !ce.HasInfo || ce.ErrorClass != "UnknownInstanceError" || ce.Message != `UnknownInstanceError: No instance "count-0#2" in this plugin process` {
		t.Fatalf("poll after stop: %+v", ce)
	}
	if err := h.StopConnector("count#1"); err != nil {
		t.Fatal(err)
	}
	if err := h.StopConnector("count#1"); callErr(t, err).Code != codes.NotFound {
		t.Fatal("a stopped connector is unknown")
	}
}

func TestPollHonoursMaxWaitAndCarriesASlowPollOver(t *testing.T) {
	created := &tasks{}
	h := plugintest.Start(t, testOptions(created))
	_, configs, err := h.StartConnector("c#1", "CountSource", "c", connect.Config{"topic": "t", "poll.delay.ms": "300"}, 1)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.StartSourceTask("c-0#2", "c", 0, "com.example.CountSourceTask", configs[0], nil); err != nil {
		t.Fatal(err)
	}
	started := time.Now()
	records, err := h.Poll("c-0#2", 50*time.Millisecond)
	if err != nil || len(records) != 0 {
		t.Fatalf("first poll: %v, %v", records, err)
	}
	if elapsed := time.Since(started); elapsed > 250*time.Millisecond {
		t.Fatalf("the poll took %v, max_wait_ms was 50", elapsed)
	}
	var got []connect.SourceRecord
	for len(got) < 3 && time.Since(started) < 3*time.Second {
		records, err := h.Poll("c-0#2", 100*time.Millisecond)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, records...)
	}
	if len(got) != 3 || got[0].Value != int64(0) || got[2].Value != int64(2) {
		t.Fatalf("carried-over records: %v", got)
	}
	created.counts[0].mu.Lock()
	polls := created.counts[0].polls
	created.counts[0].mu.Unlock()
	if polls != 1 {
		t.Fatalf("the task's Poll ran %d times for one batch; a slow poll must not be started twice", polls)
	}
}

func TestStopMakesAWaitingPollAnswer(t *testing.T) {
	h := plugintest.Start(t, testOptions(&tasks{}))
	_, configs, _ := h.StartConnector("c#1", "CountSource", "c", connect.Config{"topic": "t", "poll.delay.ms": "10000"}, 1)
	if err := h.StartSourceTask("c-0#2", "c", 0, "com.example.CountSourceTask", configs[0], nil); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	started := time.Now()
	go func() {
		_, err := h.Poll("c-0#2", 5*time.Second)
		done <- err
	}()
	time.Sleep(100 * time.Millisecond)
	if err := h.StopSourceTask("c-0#2"); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if elapsed := time.Since(started); elapsed > 2*time.Second {
		t.Fatalf("the waiting poll answered after %v", elapsed)
	}
}

func TestErrorsBecomeStatusWithErrorInfo(t *testing.T) {
	h := plugintest.Start(t, testOptions(&tasks{}))
	_, _, err := h.StartConnector("c#1", "CountSource", "c", connect.Config{}, 1)
	ce := callErr(t, err)
	if ce.Code != codes.InvalidArgument || ce.Message != `ConfigException: Missing required configuration "topic" which has no default value.` || ce.ErrorClass != "ConfigException" {
		t.Fatalf("config error: %+v", ce)
	}
	if _, _, err := h.StartConnector("c#1", "CountSource", "c", connect.Config{"topic": "t"}, 1); err != nil {
		t.Fatalf("a failed start must leave no instance behind: %v", err)
	}
	_, _, err = h.StartConnector("c#2", "CountSource", "c", connect.Config{"topic": "t", "fail": "connector-start"}, 1)
	if ce := callErr(t, err); ce.Code != codes.Internal || ce.ErrorClass != "errors.errorString" || ce.ErrorMessage != "connector start failed" {
		t.Fatalf("plain error: %+v", ce)
	}
	for _, fail := range []string{"poll", "panic"} {
		_, configs, _ := h.StartConnector("f#"+fail, "CountSource", "f", connect.Config{"topic": "t", "fail": fail}, 1)
		if err := h.StartSourceTask("f-0#"+fail, "f", 0, "com.example.CountSourceTask", configs[0], nil); err != nil {
			t.Fatal(err)
		}
		_, err := h.Poll("f-0#"+fail, time.Second)
		ce := callErr(t, err)
		switch fail {
		case "poll":
			if ce.Code != codes.Unavailable || !ce.Retriable || ce.ErrorClass != "RetriableException" ||
				!contains(ce.StackTrace, "RetriableException: poll failed") || !contains(ce.StackTrace, "Caused by: errors.errorString: upstream timeout") || !contains(ce.StackTrace, "\tat ") {
				t.Fatalf("retriable: %+v\n%s", ce, ce.StackTrace)
			}
		case "panic":
			if ce.Code != codes.Internal || ce.ErrorClass != "panic" || !contains(ce.StackTrace, "panic: poll panicked") || !contains(ce.StackTrace, "goroutine") {
				t.Fatalf("panic: %+v", ce)
			}
		}
	}
	_, configs, _ := h.StartConnector("s#1", "CountSource", "s", connect.Config{"topic": "t", "fail": "task-start"}, 1)
	if err := h.StartSourceTask("s-0#2", "s", 0, "com.example.CountSourceTask", configs[0], nil); callErr(t, err).Code != codes.InvalidArgument {
		t.Fatalf("task start: %v", err)
	}
	if err := h.StopSourceTask("s-0#2"); callErr(t, err).Code != codes.NotFound {
		t.Fatal("a task whose start failed must not exist")
	}
}

func TestSinkTaskPutReportsErrantRecordsByOriginalCoordinates(t *testing.T) {
	created := &tasks{}
	h := plugintest.Start(t, testOptions(created))
	if err := h.StartSinkTask("sink-0#1", "sink", 0, "com.example.RecordSinkTask", connect.Config{}); err != nil {
		t.Fatal(err)
	}
	records := []connect.SinkRecord{
		{Topic: "renamed", KafkaPartition: 0, KafkaOffset: 5, ValueSchema: connect.StringSchema, Value: "good", OriginalTopic: "orig", OriginalKafkaPartition: 3, OriginalKafkaOffset: 50},
		{Topic: "renamed", KafkaPartition: 0, KafkaOffset: 6, ValueSchema: connect.StringSchema, Value: "bad", OriginalTopic: "orig", OriginalKafkaPartition: 3, OriginalKafkaOffset: 51},
	}
	errants, err := h.Put("sink-0#1", records)
	if err != nil {
		t.Fatal(err)
	}
	if len(errants) != 1 || errants[0].Topic != "orig" || errants[0].Partition != 3 || errants[0].Offset != 51 || errants[0].ErrorClass != "DataException" {
		t.Fatalf("errants: %+v", errants)
	}
	if written := created.sinks[0].written; len(written) != 1 || written[0].Value != "good" || written[0].OriginalKafkaOffset != 50 {
		t.Fatalf("written: %+v", written)
	}
	committable, errants, err := h.PreCommit("sink-0#1", []connect.TopicPartitionOffset{{Topic: "orig", Partition: 3, Offset: 52}})
	if err != nil || len(committable) != 1 || committable[0].Offset != 52 || len(errants) != 0 || created.sinks[0].flushed != 1 {
		t.Fatalf("precommit: %v %v %v", committable, errants, err)
	}
	_, err = h.Put("sink-0#1", []connect.SinkRecord{{Topic: "t", ValueSchema: connect.StringSchema, Value: "retry"}})
	if ce := callErr(t, err); ce.Code != codes.Unavailable || !ce.Retriable {
		t.Fatalf("retriable put: %+v", ce)
	}
	if err := h.StopSinkTask("sink-0#1"); err != nil {
		t.Fatal(err)
	}
}

func TestManyInstancesInOneProcess(t *testing.T) {
	h := plugintest.Start(t, testOptions(&tasks{}))
	_, configs, err := h.StartConnector("many#0", "CountSource", "many", connect.Config{"topic": "t", "batch.size": "1"}, 20)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, len(configs))
	for i, config := range configs {
		go func() {
			id := "many-" + config["task.index"] + "#" + string(rune('a'+i))
			if err := h.StartSourceTask(id, "many", i, "com.example.CountSourceTask", config, nil); err != nil {
				done <- err
				return
			}
			for j := 0; j < 5; j++ {
				records, err := h.Poll(id, time.Second)
				if err != nil {
					done <- err
					return
				}
				if len(records) != 1 || records[0].Value != int64(j) || records[0].SourcePartition["counter"] != config["task.index"] {
					done <- &plugintest.CallError{Message: "instances share state"}
					return
				}
			}
			done <- h.StopSourceTask(id)
		}()
	}
	for range configs {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
}

func contains(s, sub string) bool {
	return len(sub) == 0 || len(s) >= len(sub) && indexOf(s, sub) >= 0
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}
