// Debezium's semantic type names: the schema names its PostgreSQL connector gives temporal and
// special types, shared by the type mappings and the fallback values.

/** Debezium's semantic type names (io.debezium.time.*, io.debezium.data.*). */
export const DebeziumNames = {
  DATE: 'io.debezium.time.Date',
  TIME: 'io.debezium.time.Time',
  MICRO_TIME: 'io.debezium.time.MicroTime',
  TIMESTAMP: 'io.debezium.time.Timestamp',
  MICRO_TIMESTAMP: 'io.debezium.time.MicroTimestamp',
  ZONED_TIMESTAMP: 'io.debezium.time.ZonedTimestamp',
  ZONED_TIME: 'io.debezium.time.ZonedTime',
  MICRO_DURATION: 'io.debezium.time.MicroDuration',
  INTERVAL: 'io.debezium.time.Interval',
  JSON: 'io.debezium.data.Json',
  UUID: 'io.debezium.data.Uuid',
  XML: 'io.debezium.data.Xml',
  ENUM: 'io.debezium.data.Enum',
  BITS: 'io.debezium.data.Bits',
  VARIABLE_SCALE_DECIMAL: 'io.debezium.data.VariableScaleDecimal',
  TS_VECTOR: 'io.debezium.data.TsVector',
} as const;
