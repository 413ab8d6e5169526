package connect

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestConfigDefParsesLikeKafka(t *testing.T) {
	def := NewConfigDef().
		Define(ConfigKey{Name: "b", Type: ConfigBoolean, Default: false}).
		Define(ConfigKey{Name: "s", Type: ConfigString, Default: NullDefault}).
		Define(ConfigKey{Name: "i", Type: ConfigInt, Default: "7", Validator: Between(1, 10)}).
		Define(ConfigKey{Name: "sh", Type: ConfigShort, Default: 1}).
		Define(ConfigKey{Name: "l", Type: ConfigLong, Default: int64(1) << 40}).
		Define(ConfigKey{Name: "d", Type: ConfigDouble, Default: 0.5}).
		Define(ConfigKey{Name: "list", Type: ConfigList, Default: "a, b"}).
		Define(ConfigKey{Name: "p", Type: ConfigPassword, Default: NullDefault}).
		Define(ConfigKey{Name: "req", Type: ConfigString})
	parsed, err := def.Parse(Config{"b": " TRUE ", "i": " 3", "list": "x,y ,z", "p": "secret", "req": " r "})
	if err != nil {
		t.Fatal(err)
	}
	if !parsed.Bool("b") || parsed["s"] != nil || parsed.Int("i") != 3 || parsed.Short("sh") != 1 || parsed.Long("l") != 1<<40 ||
		parsed.Double("d") != 0.5 || strings.Join(parsed.List("list"), "|") != "x|y|z" || parsed.Password("p").Value() != "secret" || parsed.String("req") != "r" {
		t.Fatalf("parsed: %v", parsed)
	}
	if got := parsed.Password("p").String(); got != "[hidden]" {
		t.Fatalf("a password prints as %q", got)
	}
	_, err = def.Parse(Config{})
	var configErr *ConfigError
	if !errors.As(err, &configErr) || err.Error() != `Missing required configuration "req" which has no default value.` {
		t.Fatalf("missing: %v", err)
	}
	cases := map[string]string{
		"b":  `Invalid value yes for configuration b: Expected value to be either true or false`,
		"i":  `Invalid value 1.5 for configuration i: Not a number of type INT`,
		"sh": `Invalid value 40000 for configuration sh: Not a number of type SHORT`,
		"d":  `Invalid value x for configuration d: Not a number of type DOUBLE`,
	}
	values := map[string]string{"b": "yes", "i": "1.5", "sh": "40000", "d": "x"}
	for key, want := range cases {
		if _, err := def.Parse(Config{"req": "r", key: values[key]}); err == nil || err.Error() != want {
			t.Errorf("%s: got %v, want %s", key, err, want)
		}
	}
	if _, err := def.Parse(Config{"req": "r", "i": "11"}); err == nil || err.Error() != "Invalid value 11 for configuration i: Value must be no more than 10" {
		t.Fatalf("range: %v", err)
	}
}

func TestConfigDefValidateReportsEveryKey(t *testing.T) {
	def := NewConfigDef().
		Define(ConfigKey{Name: "topic", Type: ConfigString, Validator: NonEmptyString}).
		Define(ConfigKey{Name: "batch.size", Type: ConfigInt, Default: 2000, Validator: AtLeast(1)}).
		Define(ConfigKey{Name: "mode", Type: ConfigString, Default: "a", Validator: ValidString("a", "b")})
	results := def.Validate(Config{"batch.size": "0", "mode": "c"})
	want := []struct {
		value  any
		errors string
	}{
		{nil, `Missing required configuration "topic" which has no default value.`},
		{"0", "Invalid value 0 for configuration batch.size: Value must be at least 1"},
		{"c", "Invalid value c for configuration mode: String must be one of: a, b"},
	}
	for i, result := range results {
		if result.Value != want[i].value || strings.Join(result.Errors, ";") != want[i].errors || !result.Visible {
			t.Errorf("%s: %+v", result.Name, result)
		}
	}
	ok := def.Validate(Config{"topic": "t"})
	if text, _ := RenderConfigValue(ok[1].Value); text != "2000" || len(ok[1].Errors) != 0 {
		t.Fatalf("default: %+v", ok[1])
	}
}

func TestRenderConfigValue(t *testing.T) {
	cases := []struct {
		value any
		text  string
		ok    bool
	}{
		{nil, "", false}, {NullDefault, "", false}, {[]string{"a", "b"}, "a,b", true}, {NewPassword("x"), "[hidden]", true},
		{true, "true", true}, {int32(5), "5", true}, {2000.0, "2000", true}, {0.1, "0.1", true}, {1e21, "1e+21", true},
	}
	for _, c := range cases {
		if text, ok := RenderConfigValue(c.value); text != c.text || ok != c.ok {
			t.Errorf("%#v: got %q %v", c.value, text, ok)
		}
	}
}

func TestDefineRefusesDuplicatesAndBadDefaults(t *testing.T) {
	for name, define := range map[string]func(){
		"duplicate": func() {
			NewConfigDef().Define(ConfigKey{Name: "a", Type: ConfigInt}).Define(ConfigKey{Name: "a", Type: ConfigInt})
		},
		"bad default": func() { NewConfigDef().Define(ConfigKey{Name: "a", Type: ConfigInt, Default: "x"}) },
		"invalid value": func() {
			NewConfigDef().Define(ConfigKey{Name: "a", Type: ConfigInt, Default: 0, Validator: AtLeast(1)})
		},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: Define must panic", name)
				}
			}()
			define()
		}()
	}
}

func TestDecimal(t *testing.T) {
	cases := []struct{ text, plain, java string }{
		{"12.30", "12.30", "12.30"}, {"-0.5", "-0.5", "-0.5"}, {"1E+3", "1000", "1E+3"}, {"0.0000001", "0.0000001", "1E-7"}, {"1.2e1", "12", "12"},
	}
	for _, c := range cases {
		d, err := ParseDecimal(c.text)
		if err != nil || d.PlainString() != c.plain || d.String() != c.java {
			t.Errorf("%s: plain %s, string %s, %v", c.text, d.PlainString(), d.String(), err)
		}
	}
	if _, err := MustParseDecimal("1.25").WithScale(1); err == nil {
		t.Error("rescaling must not round")
	}
	if d, _ := MustParseDecimal("1.5").WithScale(3); d.PlainString() != "1.500" {
		t.Errorf("widening: %s", d.PlainString())
	}
	if MustParseDecimal("1.0").Equal(MustParseDecimal("1.00")) || MustParseDecimal("1.0").Cmp(MustParseDecimal("1.00")) != 0 {
		t.Error("Equal compares scale, Cmp does not")
	}
	for _, bad := range []string{"", "1.2.3", "e5", "abc"} {
		if _, err := ParseDecimal(bad); err == nil {
			t.Errorf("%q must be refused", bad)
		}
	}
}

func TestStructChecksValuesAndAppliesDefaults(t *testing.T) {
	schema := StructBuilder().Name("S").
		Field("n", Int8Schema).
		Field("d", Int32Builder().Optional().DefaultValue(int32(9)).Build()).
		Field("when", DateSchema).
		Build()
	s := NewStruct(schema)
	if err := s.Put("n", 300); err == nil {
		t.Error("300 does not fit INT8")
	}
	if err := s.Put("nope", 1); err == nil {
		t.Error("unknown field")
	}
	if err := s.Validate(); err == nil || !strings.Contains(err.Error(), `"n"`) {
		t.Errorf("a required field is missing: %v", err)
	}
	s.Set("n", int8(1)).Set("when", Date(2024, 2, 29))
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Get("d"); v != int32(9) {
		t.Errorf("default: %v", v)
	}
	if s.String() != "Struct{n=1,when=2024-02-29 00:00:00 +0000 UTC}" {
		t.Errorf("String: %s", s.String())
	}
	other := NewStruct(StructBuilder().Name("S").Field("n", Int8Schema).Field("d", Int32Builder().Optional().DefaultValue(int32(9)).Build()).Field("when", DateSchema).Build()).
		Set("n", int8(1)).Set("when", Date(2024, 2, 29))
	if !s.Equal(other) {
		t.Error("structurally equal structs")
	}
	if days, err := DateToDays(Date(1969, 12, 31)); err != nil || days != -1 {
		t.Errorf("date: %d %v", days, err)
	}
	if _, err := TimeToMillis(time.UnixMilli(-1)); err == nil {
		t.Error("a time before midnight 1970-01-01 is not a Time")
	}
}

func TestSchemaBuilderRefusesMalformedSchemas(t *testing.T) {
	if _, err := Int32Builder().Field("x", Int32Schema).BuildE(); err == nil {
		t.Error("fields on an INT32")
	}
	if _, err := StructBuilder().Field("x", Int32Schema).Field("x", Int32Schema).BuildE(); err == nil {
		t.Error("duplicate field")
	}
	if _, err := ArrayBuilder(nil).BuildE(); err == nil {
		t.Error("array without element schema")
	}
	if _, err := Int8Builder().DefaultValue("x").BuildE(); err == nil {
		t.Error("a default that does not fit")
	}
	if DecimalSchema(2).Version != 1 || DecimalSchema(2).Parameters["scale"] != "2" || !DecimalSchema(2).Equal(DecimalSchema(2)) || DecimalSchema(2).Equal(DecimalSchema(3)) {
		t.Error("Decimal schemas")
	}
}

func TestErrorsCarryClassRetriableAndTrace(t *testing.T) {
	err := NewRetriableError("later", errors.New("cause"))
	if ErrorClassOf(err) != "RetriableException" || !IsRetriable(err) {
		t.Fatal(err)
	}
	trace := StackTraceOf(err)
	if !strings.HasPrefix(trace, "RetriableException: later\n\tat ") || !strings.Contains(trace, "Caused by: errors.errorString: cause") {
		t.Fatalf("trace:\n%s", trace)
	}
	wrapped := Retriable(errors.New("x"))
	if !IsRetriable(wrapped) || IsRetriable(errors.New("y")) || Retriable(nil) != nil {
		t.Fatal("Retriable")
	}
	if ErrorClassOf(NewConfigError("c")) != "ConfigException" || IsRetriable(NewConfigError("c")) {
		t.Fatal("ConfigError")
	}
}
