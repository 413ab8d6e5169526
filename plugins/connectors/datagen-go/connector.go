package main

import (
	"context"
	"strconv"

	"github.com/polyconnect/polyconnect/plugins/sdk/go/connect"
)

const (
	ConnectorClass = "io.polyconnect.datagen.DatagenSourceConnector"
	TaskClass      = "io.polyconnect.datagen.DatagenSourceTask"
	Version        = "0.1.0"

	topicConfig     = "topic"
	schemaConfig    = "schema"
	rateConfig      = "rate.per.sec"
	maxConfig       = "max.records"
	batchConfig     = "batch.size"
	seedConfig      = "seed"
	taskIndexConfig = "task.index"
	taskCountConfig = "task.count"
)

var configDef = connect.NewConfigDef().
	Define(connect.ConfigKey{Name: topicConfig, Type: connect.ConfigString, Importance: connect.ImportanceHigh, Validator: connect.NonEmptyString,
		Documentation: "The topic to write the generated records to."}).
	Define(connect.ConfigKey{Name: schemaConfig, Type: connect.ConfigString, Default: "orders", Importance: connect.ImportanceHigh,
		Validator:     connect.ValidString(generatorNames...),
		Documentation: "What to generate: orders (an order struct keyed by order id), users (a user struct keyed by user id) or all-types (a struct with every Connect type and the Decimal, Date, Time and Timestamp logical types)."}).
	Define(connect.ConfigKey{Name: rateConfig, Type: connect.ConfigDouble, Default: 0, Importance: connect.ImportanceMedium, Validator: connect.AtLeast(0),
		Documentation: "Records per second for the whole connector, shared by its tasks; 0 generates as fast as the worker takes them."}).
	Define(connect.ConfigKey{Name: maxConfig, Type: connect.ConfigLong, Default: 0, Importance: connect.ImportanceMedium, Validator: connect.AtLeast(0),
		Documentation: "How many records the connector generates in all, shared by its tasks; 0 is unlimited."}).
	Define(connect.ConfigKey{Name: batchConfig, Type: connect.ConfigInt, Default: 1000, Importance: connect.ImportanceLow, Validator: connect.AtLeast(1),
		Documentation: "The most records one poll returns."}).
	Define(connect.ConfigKey{Name: seedConfig, Type: connect.ConfigLong, Default: 42, Importance: connect.ImportanceLow,
		Documentation: "Seed of the pseudo-random fields: the same seed gives the same records."})

// DatagenSourceConnector splits the generation into tasks.max independent sequences.
type DatagenSourceConnector struct {
	config connect.Config
	parsed connect.ParsedConfig
}

func (c *DatagenSourceConnector) Version() string            { return Version }
func (c *DatagenSourceConnector) Config() *connect.ConfigDef { return configDef }

func (c *DatagenSourceConnector) Start(_ context.Context, cc connect.ConnectorContext, config connect.Config) error {
	parsed, err := configDef.Parse(config)
	if err != nil {
		return err
	}
	c.config, c.parsed = config, parsed
	cc.Logger().Info("DatagenSourceConnector started", "schema", parsed.String(schemaConfig), "topic", parsed.String(topicConfig))
	return nil
}

// TaskConfigs gives task i of n the records with ids i, i+n, i+2n, ...; max.records and
// rate.per.sec are shared out. Never more tasks than records.
func (c *DatagenSourceConnector) TaskConfigs(_ context.Context, maxTasks int) ([]connect.Config, error) {
	tasks := int64(max(maxTasks, 1))
	total := c.parsed.Long(maxConfig)
	if total > 0 && tasks > total {
		tasks = total
	}
	configs := make([]connect.Config, tasks)
	for i := range tasks {
		config := connect.Config{
			topicConfig:     c.parsed.String(topicConfig),
			schemaConfig:    c.parsed.String(schemaConfig),
			batchConfig:     strconv.Itoa(int(c.parsed.Int(batchConfig))),
			seedConfig:      strconv.FormatInt(c.parsed.Long(seedConfig), 10),
			rateConfig:      strconv.FormatFloat(c.parsed.Double(rateConfig)/float64(tasks), 'g', -1, 64),
			maxConfig:       "0",
			taskIndexConfig: strconv.FormatInt(i, 10),
			taskCountConfig: strconv.FormatInt(tasks, 10),
		}
		if total > 0 {
			share := total / tasks
			if i < total%tasks {
				share++
			}
			config[maxConfig] = strconv.FormatInt(share, 10)
		}
		configs[i] = config
	}
	return configs, nil
}

func (c *DatagenSourceConnector) Stop(context.Context) error { return nil }
