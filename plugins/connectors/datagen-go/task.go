package main

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/polyconnect/polyconnect/plugins/sdk/go/connect"
)

// DatagenSourceTask generates its sequence of records. Its source partition names the generator
// (and, with several tasks, its share); its offset {"sequence": n} counts the records it has
// generated, so a restart resumes at record n.
type DatagenSourceTask struct {
	gen       *generator
	topic     string
	seed      int64
	batch     int
	rate      float64 // records per second, 0 for unlimited
	limit     int64   // records in all, 0 for unlimited
	index     int64
	count     int64
	next      int64 // the next sequence number to generate
	partition connect.SourceMap
	logger    hclog.Logger

	rateStart    time.Time
	rateBaseline int64
	finished     bool
}

func (t *DatagenSourceTask) Version() string { return Version }

func (t *DatagenSourceTask) Start(_ context.Context, tc connect.SourceTaskContext, config connect.Config) error {
	parsed, err := configDef.Parse(config)
	if err != nil {
		return err
	}
	t.gen = generators[parsed.String(schemaConfig)]
	t.topic, t.seed, t.batch = parsed.String(topicConfig), parsed.Long(seedConfig), int(parsed.Int(batchConfig))
	t.rate, t.limit = parsed.Double(rateConfig), parsed.Long(maxConfig)
	t.index, t.count = 0, 1
	if text, ok := config[taskCountConfig]; ok {
		if t.count, err = strconv.ParseInt(text, 10, 64); err != nil || t.count < 1 {
			return connect.InvalidConfigValue(taskCountConfig, text, "Not a positive number")
		}
		if t.index, err = strconv.ParseInt(config[taskIndexConfig], 10, 64); err != nil || t.index < 0 || t.index >= t.count {
			return connect.InvalidConfigValue(taskIndexConfig, config[taskIndexConfig], fmt.Sprintf("Not a task index below %d", t.count))
		}
	}
	t.partition = Partition(t.gen.name, t.index, t.count)
	if offset := tc.OffsetStorageReader().Offset(t.partition); offset != nil {
		sequence, ok := offset["sequence"].(int64)
		if !ok || sequence < 0 {
			return connect.NewConnectError(fmt.Sprintf("The committed offset %v of %v has no valid sequence", offset, t.partition))
		}
		t.next = sequence
	}
	t.logger = tc.Logger()
	t.rateStart, t.rateBaseline = time.Now(), t.next
	t.logger.Info("DatagenSourceTask started", "schema", t.gen.name, "topic", t.topic, "sequence", t.next, "max.records", t.limit, "rate.per.sec", t.rate)
	return nil
}

// Partition is the source partition of task index of count for a generator.
func Partition(schema string, index, count int64) connect.SourceMap {
	if count == 1 {
		return connect.SourceMap{"generator": schema}
	}
	return connect.SourceMap{"generator": schema, "task": index, "tasks": count}
}

// RecordID is the id of the record at a task's sequence number.
func RecordID(sequence, index, count int64) int64 { return sequence*count + index }

func (t *DatagenSourceTask) Poll(ctx context.Context) ([]connect.SourceRecord, error) {
	n := int64(t.batch)
	if t.limit > 0 {
		n = min(n, t.limit-t.next)
		if n <= 0 {
			if !t.finished {
				t.finished = true
				t.logger.Info("DatagenSourceTask generated all its records", "records", t.limit)
			}
			sleep(ctx, time.Second)
			return nil, nil
		}
	}
	if t.rate > 0 {
		allowed := int64(time.Since(t.rateStart).Seconds()*t.rate) - (t.next - t.rateBaseline)
		if allowed <= 0 {
			wait := time.Duration(float64(time.Second) * float64(1-allowed) / t.rate)
			sleep(ctx, min(wait, time.Second))
			return nil, nil
		}
		n = min(n, allowed)
	}
	records := make([]connect.SourceRecord, n)
	for i := range records {
		sequence := t.next + int64(i)
		key, value := t.gen.record(RecordID(sequence, t.index, t.count), t.seed)
		records[i] = connect.SourceRecord{
			Topic:           t.topic,
			KeySchema:       t.gen.keySchema,
			Key:             key,
			ValueSchema:     t.gen.valueSchema,
			Value:           value,
			SourcePartition: t.partition,
			SourceOffset:    connect.SourceMap{"sequence": sequence + 1},
		}
	}
	t.next += n
	return records, nil
}

func sleep(ctx context.Context, d time.Duration) {
	if d <= 0 || d > math.MaxInt64 {
		return
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
	case <-ctx.Done():
	}
}

func (t *DatagenSourceTask) Stop(context.Context) error {
	if t.logger != nil {
		t.logger.Info("DatagenSourceTask stopped", "sequence", t.next)
	}
	return nil
}
