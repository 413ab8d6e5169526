package connect

import (
	"fmt"
	"strconv"
	"time"
)

// The schema names of Connect's logical types, recognised before the physical type.
const (
	DecimalLogicalName   = "org.apache.kafka.connect.data.Decimal"
	DecimalScaleField    = "scale"
	DateLogicalName      = "org.apache.kafka.connect.data.Date"
	TimeLogicalName      = "org.apache.kafka.connect.data.Time"
	TimestampLogicalName = "org.apache.kafka.connect.data.Timestamp"

	millisPerDay = 86_400_000
)

// DecimalBuilder starts a Decimal schema (BYTES, parameter "scale", version 1) as Kafka's
// Decimal.builder(scale) does.
func DecimalBuilder(scale int32) *SchemaBuilder {
	return BytesBuilder().Name(DecimalLogicalName).Parameter(DecimalScaleField, strconv.Itoa(int(scale))).Version(1)
}

// DecimalSchema is a required Decimal schema of the given scale.
func DecimalSchema(scale int32) *Schema { return DecimalBuilder(scale).Build() }

// DecimalScale is the scale a Decimal schema declares.
func DecimalScale(schema *Schema) (int32, error) {
	text, ok := schema.Parameters[DecimalScaleField]
	scale, err := strconv.ParseInt(text, 10, 32)
	if !ok || err != nil {
		return 0, NewDataError(fmt.Sprintf("invalid Decimal schema: missing or invalid scale parameter %q", text))
	}
	return int32(scale), nil
}

// DateBuilder, TimeBuilder and TimestampBuilder start the other logical types (version 1).
func DateBuilder() *SchemaBuilder      { return Int32Builder().Name(DateLogicalName).Version(1) }
func TimeBuilder() *SchemaBuilder      { return Int32Builder().Name(TimeLogicalName).Version(1) }
func TimestampBuilder() *SchemaBuilder { return Int64Builder().Name(TimestampLogicalName).Version(1) }

// Kafka's Date.SCHEMA, Time.SCHEMA and Timestamp.SCHEMA.
var (
	DateSchema      = DateBuilder().Build()
	TimeSchema      = TimeBuilder().Build()
	TimestampSchema = TimestampBuilder().Build()
)

// DateToDays is the number of days since 1970-01-01 of a time at UTC midnight.
func DateToDays(t time.Time) (int32, error) {
	millis := t.UnixMilli()
	if millis%millisPerDay != 0 || t.Nanosecond()%1_000_000 != 0 {
		return 0, NewDataError("Kafka Connect Date type should not have any time fields set to non-zero values.")
	}
	return int32(millis / millisPerDay), nil
}

// DateFromDays is UTC midnight of the given day since 1970-01-01.
func DateFromDays(days int64) time.Time { return time.UnixMilli(days * millisPerDay).UTC() }

// TimeToMillis is the number of milliseconds since midnight of a time on 1970-01-01 UTC.
func TimeToMillis(t time.Time) (int32, error) {
	millis := t.UnixMilli()
	if millis < 0 || millis >= millisPerDay || t.Nanosecond()%1_000_000 != 0 {
		return 0, NewDataError("Kafka Connect Time type should not have any date fields set to non-zero values.")
	}
	return int32(millis), nil
}

// TimeFromMillis is the time of day (on 1970-01-01 UTC) that many milliseconds after midnight.
func TimeFromMillis(millis int64) time.Time { return time.UnixMilli(millis).UTC() }

// Date is a convenience for a Date value: UTC midnight of the given day.
func Date(year int, month time.Month, day int) time.Time {
	return time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
}

// TimeOfDay is a convenience for a Time value on 1970-01-01 UTC.
func TimeOfDay(hour, minute, second, millis int) time.Time {
	return time.Date(1970, 1, 1, hour, minute, second, millis*1_000_000, time.UTC)
}

func isLogical(schema *Schema) bool {
	switch schema.Name {
	case DecimalLogicalName, DateLogicalName, TimeLogicalName, TimestampLogicalName:
		return true
	}
	return false
}
