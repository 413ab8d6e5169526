package main

import (
	"math"
	"testing"
	"time"

	"github.com/polyconnect/polyconnect/plugins/sdk/go/connect"
	"github.com/polyconnect/polyconnect/plugins/sdk/go/plugintest"
)

func startTask(t *testing.T, h *plugintest.Harness, id string, config connect.Config, index int, offsets []connect.SourceOffset) {
	t.Helper()
	if err := h.StartSourceTask(id, "datagen", index, TaskClass, config, offsets); err != nil {
		t.Fatal(err)
	}
}

func pollAll(t *testing.T, h *plugintest.Harness, id string, want int) []connect.SourceRecord {
	t.Helper()
	var records []connect.SourceRecord
	deadline := time.Now().Add(10 * time.Second)
	for len(records) < want && time.Now().Before(deadline) {
		batch, err := h.Poll(id, 200*time.Millisecond)
		if err != nil {
			t.Fatal(err)
		}
		records = append(records, batch...)
	}
	return records
}

func TestAllTypesCoversEveryTypeAndTheLogicalTypes(t *testing.T) {
	types := map[connect.Type]bool{}
	logical := map[string]bool{}
	var walk func(s *connect.Schema)
	walk = func(s *connect.Schema) {
		types[s.Type] = true
		if s.Name != "" {
			logical[s.Name] = true
		}
		for _, f := range s.Fields {
			walk(f.Schema)
		}
		if s.Key != nil {
			walk(s.Key)
		}
		if s.Value != nil {
			walk(s.Value)
		}
	}
	walk(AllTypesSchema)
	for typ := connect.TypeInt8; typ <= connect.TypeStruct; typ++ {
		if !types[typ] {
			t.Errorf("all-types has no %s", typ)
		}
	}
	for _, name := range []string{connect.DecimalLogicalName, connect.DateLogicalName, connect.TimeLogicalName, connect.TimestampLogicalName} {
		if !logical[name] {
			t.Errorf("all-types has no %s", name)
		}
	}
}

func TestEveryGeneratorMakesValidRecordsThatTravel(t *testing.T) {
	for _, name := range generatorNames {
		gen := generators[name]
		for id := int64(0); id < 200; id++ {
			key, value := gen.record(id, 42)
			if err := connect.ValidateValue(gen.keySchema, key); err != nil {
				t.Fatalf("%s #%d key: %v", name, id, err)
			}
			if err := value.(*connect.Struct).Validate(); err != nil {
				t.Fatalf("%s #%d value: %v", name, id, err)
			}
		}
	}
	h := plugintest.Start(t, Options())
	for _, name := range generatorNames {
		_, configs, err := h.StartConnector("d-"+name, "DatagenSource", "datagen", connect.Config{"topic": "t", "schema": name, "max.records": "300", "batch.size": "100"}, 1)
		if err != nil {
			t.Fatal(err)
		}
		startTask(t, h, "d-"+name+"-0", configs[0], 0, nil)
		records := pollAll(t, h, "d-"+name+"-0", 300)
		if len(records) != 300 {
			t.Fatalf("%s: %d records", name, len(records))
		}
		gen := generators[name]
		for i, record := range records {
			wantKey, wantValue := gen.record(int64(i), 42)
			if !connect.ValuesEqual(record.Key, wantKey) || !connect.ValuesEqual(record.Value, wantValue) {
				t.Fatalf("%s record %d changed across the boundary:\n%v\n%v", name, i, record.Value, wantValue)
			}
		}
	}
}

func TestAllTypesValuesAreTheDocumentedFormulas(t *testing.T) {
	_, value := generators["all-types"].record(10, 42)
	s := value.(*connect.Struct)
	get := func(name string) any { v, _ := s.GetWithoutDefault(name); return v }
	if get("id") != int64(10) || get("int8") != int8(10) || get("int16") != int16(70) || get("int32") != int32(1_000_030) ||
		get("int64") != int64(9007199254740993+10_000_030) || get("float32") != float32(10.25) || get("float64") != -98.75 ||
		get("boolean") != false || get("string") != "all-types #10 ü \"q\" \\ \t 😀" || get("optional_string") != nil || get("with_default") != nil {
		t.Fatalf("record 10: %v", s)
	}
	if d := get("decimal").(connect.Decimal); d.PlainString() != "-48765.50" {
		t.Fatalf("decimal: %v", d)
	}
	if days, _ := connect.DateToDays(get("date").(time.Time)); days != 19_010 {
		t.Fatalf("date: %v", days)
	}
	if get("timestamp").(time.Time).UnixMilli() != 1_700_000_010_000 || get("random") != int64(-1518980640785161215) {
		t.Fatalf("timestamp/random: %v %v", get("timestamp"), get("random"))
	}
	withDefault, _ := s.Get("with_default")
	if withDefault != int32(42) {
		t.Fatalf("a null with_default reads as its default, got %v", withDefault)
	}
}

func TestResumesFromTheCommittedSequence(t *testing.T) {
	h := plugintest.Start(t, Options())
	config := connect.Config{"topic": "t", "schema": "orders", "max.records": "50", "batch.size": "7"}
	_, configs, err := h.StartConnector("c", "DatagenSource", "datagen", config, 1)
	if err != nil {
		t.Fatal(err)
	}
	offsets := []connect.SourceOffset{{Partition: connect.SourceMap{"generator": "orders"}, Offset: connect.SourceMap{"sequence": int64(20)}}}
	startTask(t, h, "c-0", configs[0], 0, offsets)
	records := pollAll(t, h, "c-0", 30)
	if len(records) != 30 || records[0].Key != int64(20) || records[29].SourceOffset["sequence"] != int64(50) {
		t.Fatalf("resumed at %v, %d records", records[0].Key, len(records))
	}
	if more, _ := h.Poll("c-0", 50*time.Millisecond); len(more) != 0 {
		t.Fatalf("generated beyond max.records: %d", len(more))
	}
}

func TestTasksSplitTheIdsAndTheLimit(t *testing.T) {
	h := plugintest.Start(t, Options())
	_, configs, err := h.StartConnector("c", "DatagenSource", "datagen", connect.Config{"topic": "t", "schema": "users", "max.records": "10", "rate.per.sec": "0"}, 3)
	if err != nil || len(configs) != 3 {
		t.Fatalf("%v %v", configs, err)
	}
	seen := map[any]bool{}
	for i, config := range configs {
		id := "c-" + config["task.index"]
		startTask(t, h, id, config, i, nil)
		for _, record := range pollAll(t, h, id, []int{4, 3, 3}[i]) {
			if seen[record.Key] {
				t.Fatalf("key %v generated twice", record.Key)
			}
			seen[record.Key] = true
			if record.SourcePartition["task"] != int64(i) {
				t.Fatalf("partition %v", record.SourcePartition)
			}
		}
	}
	if len(seen) != 10 {
		t.Fatalf("%d distinct records, want 10", len(seen))
	}
}

func TestRateLimit(t *testing.T) {
	h := plugintest.Start(t, Options())
	_, configs, _ := h.StartConnector("c", "DatagenSource", "datagen", connect.Config{"topic": "t", "rate.per.sec": "200"}, 1)
	startTask(t, h, "c-0", configs[0], 0, nil)
	started := time.Now()
	count := 0
	for time.Since(started) < time.Second {
		records, err := h.Poll("c-0", 100*time.Millisecond)
		if err != nil {
			t.Fatal(err)
		}
		count += len(records)
	}
	if math.Abs(float64(count)-200) > 40 {
		t.Fatalf("%d records in a second at rate.per.sec=200", count)
	}
}

func TestValidation(t *testing.T) {
	h := plugintest.Start(t, Options())
	values, err := h.Validate(ConnectorClass, connect.Config{"schema": "nope", "batch.size": "0"})
	if err != nil {
		t.Fatal(err)
	}
	errorsByKey := map[string][]string{}
	for _, v := range values {
		errorsByKey[v.Name] = v.Errors
	}
	if len(errorsByKey["topic"]) != 1 || errorsByKey["schema"][0] != "Invalid value nope for configuration schema: String must be one of: orders, users, all-types" ||
		errorsByKey["batch.size"][0] != "Invalid value 0 for configuration batch.size: Value must be at least 1" || len(errorsByKey["seed"]) != 0 {
		t.Fatalf("%v", errorsByKey)
	}
}

func BenchmarkGenerateAndEncode(b *testing.B) {
	for _, name := range generatorNames {
		b.Run(name, func(b *testing.B) {
			gen := generators[name]
			for i := 0; i < b.N; i++ {
				gen.record(int64(i), 42)
			}
		})
	}
}
