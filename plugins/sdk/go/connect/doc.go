// Package connect is Kafka Connect's API for Polyconnect plugins written in Go: the data model
// (Schema, Struct, the logical types Decimal, Date, Time and Timestamp), source and sink records,
// configuration definitions (ConfigDef), the connector and task interfaces a plugin implements,
// the contexts the runtime hands them, and the errors that cross the plugin boundary.
//
// A connector only moves data between its system and this data model. Converters, transforms,
// offset storage, retries and dead letter queues belong to the worker. Serve a connector with
// package plugin (github.com/polyconnect/polyconnect/plugins/sdk/go/plugin).
//
// Values of a schema are these Go types:
//
//	INT8, INT16, INT32, INT64    int8, int16, int32, int64 (any Go integer is accepted when it fits)
//	FLOAT32, FLOAT64             float32, float64
//	BOOLEAN                      bool
//	STRING                       string
//	BYTES                        []byte
//	ARRAY                        []any (any Go slice is accepted)
//	MAP                          map[string]any for STRING keys, otherwise []MapEntry
//	                             (any Go map is accepted)
//	STRUCT                       *Struct
//	Decimal                      Decimal (also *big.Int or int64 at scale 0)
//	Date, Time, Timestamp        time.Time
//
// Decoded values (what a sink task receives) always have the first type listed.
package connect
