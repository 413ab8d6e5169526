package wire

import (
	"math"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/polyconnect/polyconnect/plugins/sdk/go/connect"
)

// One case per row and example of docs/plugin-protocol.md section 7.1, encoded and decoded.
type codecCase struct {
	name    string
	schema  *connect.Schema
	value   any    // what the plugin encodes
	text    string // the exact text on the wire
	decoded any    // what a decoder gives back (nil: value itself)
}

var point = connect.StructBuilder().Name("Point").Field("x", connect.Int32Schema).Field("y", connect.OptionalInt32Schema).Build()

func codecCases() []codecCase {
	big53 := int64(1)<<53 + 1
	return []codecCase{
		{"int8", connect.Int8Schema, int8(-128), "-128", nil},
		{"int16", connect.Int16Schema, int16(32767), "32767", nil},
		{"int32", connect.Int32Schema, int32(42), "42", nil},
		{"int32 from a Go int", connect.Int32Schema, 42, "42", int32(42)},
		{"int64 small", connect.Int64Schema, int64(42), "42", nil},
		{"int64 at 2^53-1 is a number", connect.Int64Schema, int64(1<<53 - 1), "9007199254740991", nil},
		{"int64 at -(2^53-1) is a number", connect.Int64Schema, -int64(1<<53 - 1), "-9007199254740991", nil},
		{"int64 beyond 2^53 is a string", connect.Int64Schema, big53, `"9007199254740993"`, nil},
		{"int64 min is a string", connect.Int64Schema, int64(math.MinInt64), `"-9223372036854775808"`, nil},
		{"int64 max is a string", connect.Int64Schema, int64(math.MaxInt64), `"9223372036854775807"`, nil},
		{"float64", connect.Float64Schema, 1.5, "1.5", nil},
		{"float64 2.0", connect.Float64Schema, 2.0, "2", nil},
		{"float64 1e300", connect.Float64Schema, 1e300, "1e+300", nil},
		{"float64 tiny", connect.Float64Schema, 1e-7, "1e-7", nil},
		{"float64 NaN", connect.Float64Schema, math.NaN(), `"NaN"`, nil},
		{"float64 +Inf", connect.Float64Schema, math.Inf(1), `"Infinity"`, nil},
		{"float64 -Inf", connect.Float64Schema, math.Inf(-1), `"-Infinity"`, nil},
		{"float64 -0 loses its sign", connect.Float64Schema, math.Copysign(0, -1), "0", 0.0},
		{"float32 shortest", connect.Float32Schema, float32(0.1), "0.1", nil},
		{"float32 NaN", connect.Float32Schema, float32(math.NaN()), `"NaN"`, nil},
		{"boolean", connect.BooleanSchema, true, "true", nil},
		{"string with quotes and unicode", connect.StringSchema, `héllo "x"`, `"héllo \"x\""`, nil},
		{"string with controls", connect.StringSchema, "a\nb\t\\\x01", `"a\nb\t\\\u0001"`, nil},
		{"empty string is two quotes", connect.StringSchema, "", `""`, nil},
		{"bytes", connect.BytesSchema, []byte{0, 1, 2, 0xff}, `"AAEC/w=="`, nil},
		{"empty bytes", connect.BytesSchema, []byte{}, `""`, nil},
		{"array with null", connect.ArrayOf(connect.OptionalInt32Schema), []any{int32(1), nil, int32(3)}, "[1,null,3]", nil},
		{"array from a typed slice", connect.ArrayOf(connect.StringSchema), []string{"a", "b"}, `["a","b"]`, []any{"a", "b"}},
		{"map with string keys", connect.MapOf(connect.StringSchema, connect.Int32Schema), map[string]any{"b": int32(2), "a": int32(1)}, `{"a":1,"b":2}`, nil},
		{"map with int keys", connect.MapOf(connect.Int32Schema, connect.StringSchema), []connect.MapEntry{{Key: int32(1), Value: "one"}}, `[[1,"one"]]`, nil},
		{"map with struct keys", connect.MapOf(point, connect.BooleanSchema),
			[]connect.MapEntry{{Key: connect.NewStruct(point).Set("x", int32(1)), Value: true}}, `[[{"x":1,"y":null},true]]`, nil},
		{"struct with every field, nulls as null", point, connect.NewStruct(point).Set("x", int32(3)), `{"x":3,"y":null}`, nil},
		{"decimal widened to the scale", connect.DecimalSchema(2), connect.MustParseDecimal("12.3"), `"12.30"`, connect.MustParseDecimal("12.30")},
		{"decimal negative", connect.DecimalSchema(2), connect.MustParseDecimal("-0.5"), `"-0.50"`, connect.MustParseDecimal("-0.50")},
		{"decimal scale 0", connect.DecimalSchema(0), connect.NewDecimal(42, 0), `"42"`, nil},
		{"decimal negative scale", connect.DecimalSchema(-2), connect.MustParseDecimal("1200"), `"1200"`, connect.Decimal{Unscaled: big.NewInt(12), Scale: -2}},
		{"decimal beyond int64", connect.DecimalSchema(3), connect.MustParseDecimal("123456789012345678901234567890.123"), `"123456789012345678901234567890.123"`, nil},
		{"date", connect.DateSchema, connect.Date(2024, 2, 29), "19782", nil},
		{"date before the epoch", connect.DateSchema, connect.Date(1969, 12, 31), "-1", nil},
		{"time", connect.TimeSchema, connect.TimeOfDay(13, 45, 30, 250), "49530250", nil},
		{"timestamp", connect.TimestampSchema, time.UnixMilli(1700000000123).UTC(), "1700000000123", nil},
		{"timestamp before the epoch", connect.TimestampSchema, time.UnixMilli(-1).UTC(), "-1", nil},
		{"optional null at the top is empty", connect.OptionalStringSchema, nil, "", nil},
	}
}

func TestEncodeEveryType(t *testing.T) {
	for _, c := range codecCases() {
		t.Run(c.name, func(t *testing.T) {
			text, err := EncodeValue(c.schema, c.value)
			if err != nil {
				t.Fatalf("encode: %v", err)
			}
			if text != c.text {
				t.Fatalf("encode: got %s, want %s", text, c.text)
			}
		})
	}
}

func TestDecodeEveryType(t *testing.T) {
	for _, c := range codecCases() {
		t.Run(c.name, func(t *testing.T) {
			got, err := DecodeValue(c.schema, c.text)
			if err != nil {
				t.Fatalf("decode %s: %v", c.text, err)
			}
			want := c.decoded
			if want == nil {
				want = c.value
			}
			if !connect.ValuesEqual(got, want) {
				t.Fatalf("decode %s: got %#v, want %#v", c.text, got, want)
			}
		})
	}
}

func TestDecodeAcceptsOtherValidForms(t *testing.T) {
	accepted := []struct {
		schema *connect.Schema
		text   string
		want   any
	}{
		{connect.Int64Schema, "9007199254740993", int64(1)<<53 + 1}, // a number beyond 2^53, read exactly
		{connect.Int64Schema, `"-42"`, int64(-42)},
		{connect.Int32Schema, "1.0", int32(1)},
		{connect.Int32Schema, "1e2", int32(100)},
		{connect.Float64Schema, " 1.25 ", 1.25},
		{connect.Float32Schema, `"Infinity"`, float32(math.Inf(1))},
		{connect.DecimalSchema(1), `"1.2E+1"`, connect.MustParseDecimal("12.0")},
		{connect.DecimalSchema(2), "1.5", connect.MustParseDecimal("1.50")},
		{connect.MapOf(connect.StringSchema, connect.Int32Schema), `[["a",1]]`, map[string]any{"a": int32(1)}},
		{connect.StringSchema, `"\u00e9\ud83d\ude00"`, "é😀"},
		{point, `{"y":2,"x":1,"extra":true}`, connect.NewStruct(point).Set("x", int32(1)).Set("y", int32(2))},
		{point, `{"x":1}`, connect.NewStruct(point).Set("x", int32(1))},
		{connect.BytesSchema, `"AAEC/w"`, []byte{0, 1, 2, 0xff}},
	}
	for _, c := range accepted {
		got, err := DecodeValue(c.schema, c.text)
		if err != nil {
			t.Errorf("decode %s as %s: %v", c.text, c.schema, err)
			continue
		}
		if !connect.ValuesEqual(got, c.want) {
			t.Errorf("decode %s as %s: got %#v, want %#v", c.text, c.schema, got, c.want)
		}
	}
}

func TestDecodeRefusesWhatTheSpecForbids(t *testing.T) {
	refused := []struct {
		schema *connect.Schema
		text   string
	}{
		{connect.Int32Schema, "1.5"},
		{connect.Int32Schema, `"1"`},
		{connect.Int8Schema, "128"},
		{connect.Int64Schema, `"12.0"`},
		{connect.Int64Schema, `"0x10"`},
		{connect.Int64Schema, `"9223372036854775808"`},
		{connect.Float64Schema, `"nan"`},
		{connect.BooleanSchema, `"true"`},
		{connect.StringSchema, "12"},
		{connect.DecimalSchema(1), `"1.25"`}, // would lose a digit: never rounded
		{connect.MapOf(connect.Int32Schema, connect.StringSchema), `[[1]]`},
		{connect.MapOf(connect.Int32Schema, connect.StringSchema), `{"1":"a"}`},
		{point, `{"y":1}`}, // required x missing
		{point, `[1,2]`},
		{connect.StringSchema, `"a" "b"`},
		{connect.StringSchema, `{`},
	}
	for _, c := range refused {
		if got, err := DecodeValue(c.schema, c.text); err == nil {
			t.Errorf("decode %s as %s: got %#v, want an error", c.text, c.schema, got)
		}
	}
}

func TestEncodeRefusesWhatTheSpecForbids(t *testing.T) {
	refused := []struct {
		name   string
		schema *connect.Schema
		value  any
	}{
		{"int8 out of range", connect.Int8Schema, 200},
		{"string for int", connect.Int32Schema, "1"},
		{"decimal losing digits", connect.DecimalSchema(1), connect.MustParseDecimal("1.25")},
		{"date with a time", connect.DateSchema, time.UnixMilli(1000)},
		{"time with a date", connect.TimeSchema, time.UnixMilli(86_400_000)},
		{"null in a required struct field", point, connect.NewStruct(point)},
		{"null in a required array element", connect.ArrayOf(connect.Int32Schema), []any{nil}},
		{"struct of another schema", point, connect.NewStruct(connect.StructBuilder().Field("z", connect.Int32Schema).Build()).Set("z", int32(1))},
	}
	for _, c := range refused {
		if text, err := EncodeValue(c.schema, c.value); err == nil {
			t.Errorf("%s: got %s, want an error", c.name, text)
		}
	}
}

func TestDefaultsAreNotAppliedOnTheWire(t *testing.T) {
	withDefault := connect.StructBuilder().Field("n", connect.Int32Builder().DefaultValue(int32(7)).Build()).Build()
	s := connect.NewStruct(withDefault)
	text, err := EncodeValue(withDefault, s)
	if err != nil || text != `{"n":null}` {
		t.Fatalf("got %s, %v", text, err)
	}
	decoded, err := DecodeValue(withDefault, text)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := decoded.(*connect.Struct).Get("n")
	raw, _ := decoded.(*connect.Struct).GetWithoutDefault("n")
	if got != int32(7) || raw != nil {
		t.Fatalf("Get = %v, GetWithoutDefault = %v", got, raw)
	}
}

func TestSchemaless(t *testing.T) {
	cases := []struct {
		value any
		text  string
		back  any
	}{
		{"text", `"text"`, "text"},
		{12, "12", int64(12)},
		{1.25, "1.25", 1.25},
		{true, "true", true},
		{[]any{1, "a", nil}, `[1,"a",null]`, []any{int64(1), "a", nil}},
		{map[string]any{"a": map[string]any{"b": []any{1}}}, `{"a":{"b":[1]}}`, map[string]any{"a": map[string]any{"b": []any{int64(1)}}}},
		{[]connect.MapEntry{{Key: 1, Value: "a"}}, `[[1,"a"]]`, []any{[]any{int64(1), "a"}}},
		{math.NaN(), `"NaN"`, "NaN"},
		{math.Inf(-1), `"-Infinity"`, "-Infinity"},
		{[]byte{1, 2}, `"AQI="`, "AQI="},
		{time.UnixMilli(5), "5", int64(5)},
		{connect.NewStruct(point).Set("x", int32(1)), `{"x":1,"y":null}`, map[string]any{"x": int64(1), "y": nil}},
	}
	for _, c := range cases {
		text, err := EncodeValue(nil, c.value)
		if err != nil || text != c.text {
			t.Errorf("encode %#v: got %s, %v; want %s", c.value, text, err, c.text)
			continue
		}
		back, err := DecodeValue(nil, text)
		if err != nil || !connect.ValuesEqual(back, c.back) {
			t.Errorf("decode %s: got %#v, %v; want %#v", text, back, err, c.back)
		}
	}
	if _, err := EncodeValue(nil, int64(1)<<53); err == nil {
		t.Error("a schemaless integer beyond 2^53-1 must be refused")
	}
	if _, err := EncodeValue(nil, connect.NewDecimal(1, 0)); err == nil {
		t.Error("a schemaless decimal must be refused")
	}
	if v, err := DecodeValue(nil, ""); v != nil || err != nil {
		t.Errorf("empty text is null, got %v, %v", v, err)
	}
}

func TestInvalidUTF8BecomesReplacementCharacter(t *testing.T) {
	text, err := EncodeValue(connect.StringSchema, "a\xffb")
	if err != nil || text != `"a\ufffdb"` {
		t.Fatalf("got %s, %v", text, err)
	}
}

func TestEveryUnicodeCharacterRoundTrips(t *testing.T) {
	var b strings.Builder
	for r := rune(0); r < 0x3000; r++ {
		b.WriteRune(r)
	}
	b.WriteString("😀\u2028\u2029")
	text, err := EncodeValue(connect.StringSchema, b.String())
	if err != nil {
		t.Fatal(err)
	}
	back, err := DecodeValue(connect.StringSchema, text)
	if err != nil || back != b.String() {
		t.Fatalf("round trip failed: %v", err)
	}
}
