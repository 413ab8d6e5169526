package main

import (
	"fmt"
	"math/big"
	"strconv"
	"time"

	"github.com/polyconnect/polyconnect/plugins/sdk/go/connect"
)

// A generator turns a record id into a key and a value, deterministically: the same schema, seed
// and id always give the same record, so a task that resumes from its committed sequence
// continues exactly where it stopped and a test can predict every record.
type generator struct {
	name        string
	keySchema   *connect.Schema
	valueSchema *connect.Schema
	record      func(id int64, seed int64) (key, value any)
}

var generators = map[string]*generator{
	"orders":    ordersGenerator(),
	"users":     usersGenerator(),
	"all-types": allTypesGenerator(),
}

var generatorNames = []string{"orders", "users", "all-types"}

// splitmix64 is a fast, well-mixed hash of (seed, id): the source of every "random" field.
func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// rng is a tiny deterministic stream of numbers for one record.
type rng struct{ state uint64 }

func newRNG(seed, id int64) *rng { return &rng{state: uint64(seed)*0x9e3779b97f4a7c15 ^ uint64(id)} }

func (r *rng) next() uint64 {
	r.state = splitmix64(r.state)
	return r.state
}

func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

var (
	products   = []string{"keyboard", "mouse", "monitor", "laptop", "headset", "webcam", "dock", "cable", "chair", "lamp"}
	prices     = []int64{4999, 1999, 18999, 129900, 7999, 5999, 14999, 999, 24999, 3499} // cents
	statuses   = []string{"PLACED", "PAID", "SHIPPED", "DELIVERED", "CANCELLED"}
	currencies = []string{"EUR", "USD", "GBP"}
	firstNames = []string{"Ada", "Alan", "Grace", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Radia", "Edsger"}
	lastNames  = []string{"Lovelace", "Turing", "Hopper", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson", "Perlman", "Dijkstra"}
	countries  = []string{"DE", "FR", "GB", "US", "JP", "BR", "IN", "NG", "SE", "PL"}
	userTags   = []string{"new", "vip", "beta", "churn-risk", "newsletter"}
	epoch2024  = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli()
)

func ordersGenerator() *generator {
	money := connect.DecimalSchema(2)
	value := connect.StructBuilder().Name("io.polyconnect.datagen.Order").Version(1).
		Field("order_id", connect.Int64Schema).
		Field("customer_id", connect.Int32Schema).
		Field("product", connect.StringSchema).
		Field("quantity", connect.Int16Schema).
		Field("unit_price", money).
		Field("total", money).
		Field("currency", connect.StringSchema).
		Field("status", connect.StringSchema).
		Field("ordered_at", connect.TimestampSchema).
		Build()
	return &generator{
		name: "orders", keySchema: connect.Int64Schema, valueSchema: value,
		record: func(id, seed int64) (any, any) {
			r := newRNG(seed, id)
			product := r.intn(len(products))
			quantity := int16(1 + r.intn(5))
			unit := prices[product]
			return id, connect.NewStruct(value).
				PutAt(0, id).
				PutAt(1, int32(1+r.intn(100_000))).
				PutAt(2, products[product]).
				PutAt(3, quantity).
				PutAt(4, connect.NewDecimal(unit, 2)).
				PutAt(5, connect.NewDecimal(unit*int64(quantity), 2)).
				PutAt(6, currencies[r.intn(len(currencies))]).
				PutAt(7, statuses[r.intn(len(statuses))]).
				PutAt(8, time.UnixMilli(epoch2024+id*1000+int64(r.intn(1000))).UTC())
		},
	}
}

func usersGenerator() *generator {
	value := connect.StructBuilder().Name("io.polyconnect.datagen.User").Version(1).
		Field("user_id", connect.StringSchema).
		Field("name", connect.StringSchema).
		Field("email", connect.StringSchema).
		Field("age", connect.OptionalInt8Schema).
		Field("country", connect.StringSchema).
		Field("registered_on", connect.DateSchema).
		Field("premium", connect.BooleanSchema).
		Field("tags", connect.ArrayOf(connect.StringSchema)).
		Build()
	return &generator{
		name: "users", keySchema: connect.StringSchema, valueSchema: value,
		record: func(id, seed int64) (any, any) {
			r := newRNG(seed, id)
			first, last := firstNames[r.intn(len(firstNames))], lastNames[r.intn(len(lastNames))]
			userID := "user-" + strconv.FormatInt(id, 10)
			var age any
			if a := r.intn(90); a >= 16 {
				age = int8(a)
			}
			tags := make([]any, r.intn(3))
			for i := range tags {
				tags[i] = userTags[r.intn(len(userTags))]
			}
			return userID, connect.NewStruct(value).
				PutAt(0, userID).
				PutAt(1, first+" "+last).
				PutAt(2, fmt.Sprintf("%s.%s.%d@example.com", lowerASCII(first), lowerASCII(last), id)).
				PutAt(3, age).
				PutAt(4, countries[r.intn(len(countries))]).
				PutAt(5, connect.DateFromDays(int64(18_000+r.intn(2_000)))).
				PutAt(6, r.intn(10) == 0).
				PutAt(7, tags)
		},
	}
}

func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// AllTypesSchema has a field of every Connect type and of the four logical types. Its values are
// simple formulas of the record id (documented in README.md) so that tests in any language can
// predict them; only "random" depends on the seed (splitmix64).
var AllTypesSchema = func() *connect.Schema {
	nested := connect.StructBuilder().Name("io.polyconnect.datagen.Nested").
		Field("name", connect.StringSchema).
		Field("score", connect.OptionalFloat64Schema).
		Build()
	return connect.StructBuilder().Name("io.polyconnect.datagen.AllTypes").Version(1).Doc("Every Connect type, from the record id").
		Field("id", connect.Int64Schema).
		Field("int8", connect.Int8Schema).
		Field("int16", connect.Int16Schema).
		Field("int32", connect.Int32Schema).
		Field("int64", connect.Int64Schema).
		Field("float32", connect.Float32Schema).
		Field("float64", connect.Float64Schema).
		Field("boolean", connect.BooleanSchema).
		Field("string", connect.StringSchema).
		Field("bytes", connect.BytesSchema).
		Field("optional_string", connect.OptionalStringSchema).
		Field("with_default", connect.Int32Builder().Optional().DefaultValue(int32(42)).Build()).
		Field("array", connect.ArrayOf(connect.Int32Schema)).
		Field("map", connect.MapOf(connect.StringSchema, connect.Int64Schema)).
		Field("int_map", connect.MapOf(connect.Int32Schema, connect.StringSchema)).
		Field("nested", nested).
		Field("decimal", connect.DecimalSchema(2)).
		Field("date", connect.DateSchema).
		Field("time", connect.TimeSchema).
		Field("timestamp", connect.TimestampSchema).
		Field("random", connect.Int64Schema).
		Build()
}()

func allTypesGenerator() *generator {
	value := AllTypesSchema
	nested := value.Fields[15].Schema
	const beyondDoubles = int64(1)<<53 + 1
	return &generator{
		name: "all-types", keySchema: connect.Int64Schema, valueSchema: value,
		record: func(id, seed int64) (any, any) {
			int64Value := beyondDoubles + id*1_000_003
			if id%2 == 1 {
				int64Value = -int64Value
			}
			var optional any
			if id%5 != 0 {
				optional = "opt-" + strconv.FormatInt(id, 10)
			}
			var withDefault any
			if id%2 == 1 {
				withDefault = int32(id)
			}
			array := make([]any, id%4)
			for i := range array {
				array[i] = int32(id + int64(i))
			}
			var score any
			if id%7 != 0 {
				score = float64(id) / 2
			}
			decimal := connect.Decimal{Unscaled: big.NewInt(id*12_345 - 5_000_000), Scale: 2}
			return id, connect.NewStruct(value).
				PutAt(0, id).
				PutAt(1, int8(id)).
				PutAt(2, int16(id*7)).
				PutAt(3, int32(id*100_003)).
				PutAt(4, int64Value).
				PutAt(5, float32(id%1000)+0.25).
				PutAt(6, float64(id)/8-100).
				PutAt(7, id%3 == 0).
				PutAt(8, fmt.Sprintf("all-types #%d ü \"q\" \\ \t 😀", id)).
				PutAt(9, []byte{0x00, 0xff, byte(0x80 | id&0x7f), byte(0x80 | (id>>7)&0x7f)}).
				PutAt(10, optional).
				PutAt(11, withDefault).
				PutAt(12, array).
				PutAt(13, map[string]any{"a": id, "b": -id}).
				PutAt(14, []connect.MapEntry{{Key: int32(id % 100), Value: "v" + strconv.FormatInt(id, 10)}}).
				PutAt(15, connect.NewStruct(nested).PutAt(0, "n"+strconv.FormatInt(id, 10)).PutAt(1, score)).
				PutAt(16, decimal).
				PutAt(17, connect.DateFromDays(19_000+id%3_650)).
				PutAt(18, connect.TimeFromMillis((id*1_234_567)%86_400_000)).
				PutAt(19, time.UnixMilli(1_700_000_000_000+id*1_000).UTC()).
				PutAt(20, int64(splitmix64(uint64(seed)^uint64(id))))
		},
	}
}
