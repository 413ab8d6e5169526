package main

import (
	"context"
	"testing"

	"github.com/polyconnect/polyconnect/plugins/sdk/go/connect"
)

type fixedReader struct{}

func (fixedReader) Offset(connect.SourceMap) connect.SourceMap { return nil }

// BenchmarkPoll is the plugin side of one Poll of 2,000 records: generate them (the Poll call of
// the SDK's encoding is measured by the SDK's own benchmark).
func BenchmarkPoll(b *testing.B) {
	for _, name := range generatorNames {
		b.Run(name, func(b *testing.B) {
			task := &DatagenSourceTask{gen: generators[name], topic: "t", seed: 42, batch: 2000, count: 1, partition: Partition(name, 0, 1)}
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				records, _ := task.Poll(context.Background())
				_ = records
			}
			b.ReportMetric(float64(b.N*2000)/b.Elapsed().Seconds(), "records/s")
		})
	}
}
