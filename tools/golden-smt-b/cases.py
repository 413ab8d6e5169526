#!/usr/bin/env python3
# Writes test/golden/transforms-b/cases.json: the inputs of the SMT golden files (one Kafka class,
# its config and one record per case). Schemas are in JsonConverter's schema form; values are the
# typed JSON of CaseValues.java ({"int": "5"}, {"struct": [["a", ...]]}, ...). After editing, run
# this script and then ./generate.sh, and commit both JSON files.
#
#   python3 tools/golden-smt-b/cases.py
import json, struct as pystruct, base64
T = 'org.apache.kafka.connect.transforms.'
def I(n): return {"int": str(n)}
def F(x): return {"float": format(pystruct.unpack('>Q', pystruct.pack('>d', x))[0], '016x')}
def STR(s): return {"string": s}
def B(b): return {"boolean": b}
def BY(raw): return {"bytes": base64.b64encode(raw).decode()}
def DEC(u, s): return {"decimal": {"unscaled": str(u), "scale": s}}
def DATE(ms): return {"date": str(ms)}
def ARR(*xs): return {"array": list(xs)}
def MAP(*kv): return {"map": [[k, v] for k, v in kv]}
def MAPS(**kv): return {"map": [[STR(k), v] for k, v in kv.items()]}
def ST(*fields): return {"struct": [[n, v] for n, v in fields]}
def S(type, optional=False, **kw):
    s = {"type": type, "optional": optional}
    for k, v in kw.items():
        if v is not None: s[k] = v
    return s
def FLD(name, schema): return dict(schema, field=name)
def STRUCT(*fields, optional=False, **kw): return S("struct", optional, fields=list(fields), **kw)
TS = lambda optional=False: S("int64", optional, name="org.apache.kafka.connect.data.Timestamp", version=1)
DT = lambda optional=False: S("int32", optional, name="org.apache.kafka.connect.data.Date", version=1)
TM = lambda optional=False: S("int32", optional, name="org.apache.kafka.connect.data.Time", version=1)
DECS = lambda scale, optional=False: S("bytes", optional, name="org.apache.kafka.connect.data.Decimal", version=1, parameters={"scale": str(scale)})

def rec(kind="source", topic="orders", partition=3, offset=None, timestamp=1709211909007, keySchema=None, key=None, valueSchema=None, value=None, headers=None):
    r = {"kind": kind, "topic": topic, "partition": partition, "timestamp": timestamp,
         "keySchema": keySchema, "key": key, "valueSchema": valueSchema, "value": value, "headers": headers or []}
    if kind == "sink": r["offset"] = 42 if offset is None else offset
    return r

cases = []
def case(name, cls, config, record=None, note=None):
    c = {"name": name, "class": T + cls, "config": config}
    if record is not None: c["record"] = record
    if note: c["note"] = note
    cases.append(c)

# ---------------- HoistField
case("hoist-field/value-int32", "HoistField$Value", {"field": "f"}, rec(valueSchema=S("int32"), value=I(42)))
inner = STRUCT(FLD("a", S("int32")), name="com.example.Inner")
case("hoist-field/key-struct", "HoistField$Key", {"field": "wrapped"}, rec(keySchema=inner, key=ST(("a", I(1))), valueSchema=S("string"), value=STR("v")))
case("hoist-field/value-schemaless-map", "HoistField$Value", {"field": "f"}, rec(value=MAPS(a=I(1), b=STR("x"))))
case("hoist-field/value-schemaless-null", "HoistField$Value", {"field": "f"}, rec(value=None))
case("hoist-field/key-schemaless-string", "HoistField$Key", {"field": "id"}, rec(key=STR("k1"), value=STR("v")))
case("hoist-field/value-optional-null", "HoistField$Value", {"field": "f"}, rec(valueSchema=S("string", True), value=None))
case("hoist-field/value-required-null", "HoistField$Value", {"field": "f"}, rec(valueSchema=S("string"), value=None))
case("hoist-field/config-missing-field", "HoistField$Value", {})

# ---------------- InsertField
all_fields = {"topic.field": "t", "partition.field": "p", "offset.field": "o", "timestamp.field": "ts", "static.field": "s", "static.value": "hello"}
case("insert-field/value-schemaless-sink-all", "InsertField$Value", all_fields, rec(kind="sink", value=MAPS(a=I(1))))
case("insert-field/value-schemaless-source-offset", "InsertField$Value", all_fields, rec(value=MAPS(a=I(1))))
case("insert-field/value-schemaless-no-partition-no-timestamp", "InsertField$Value", {"topic.field": "t", "partition.field": "p", "timestamp.field": "ts"}, rec(partition=None, timestamp=None, value=MAPS(a=I(1))))
base = STRUCT(FLD("a", S("int32")), FLD("d", S("string", True, default="dflt")), name="com.example.Base", version=2, doc="base doc", optional=True)
suffixed = {"topic.field": "t!", "partition.field": "p?", "offset.field": "o", "timestamp.field": "ts!", "static.field": "s!", "static.value": "hello"}
case("insert-field/value-schema-sink-suffixes", "InsertField$Value", suffixed, rec(kind="sink", valueSchema=base, value=ST(("a", I(1)), ("d", None))))
case("insert-field/value-schema-keep-null", "InsertField$Value", {"topic.field": "t", "replace.null.with.default": "false"}, rec(valueSchema=base, value=ST(("a", I(1)), ("d", None))))
case("insert-field/value-schema-null-timestamp", "InsertField$Value", {"timestamp.field": "ts!"}, rec(timestamp=None, valueSchema=base, value=ST(("a", I(1)))))
case("insert-field/value-schema-source-offset", "InsertField$Value", {"offset.field": "o"}, rec(valueSchema=base, value=ST(("a", I(1)))))
case("insert-field/value-tombstone", "InsertField$Value", all_fields, rec(valueSchema=base, value=None))
case("insert-field/value-schema-not-struct", "InsertField$Value", {"topic.field": "t"}, rec(valueSchema=S("string"), value=STR("x")))
case("insert-field/value-schemaless-not-map", "InsertField$Value", {"topic.field": "t"}, rec(value=STR("x")))
case("insert-field/key-schema", "InsertField$Key", {"topic.field": "t", "timestamp.field": "ts"}, rec(keySchema=STRUCT(FLD("id", S("int64"))), key=ST(("id", I(7))), value=STR("v")))
case("insert-field/value-schema-duplicate-field", "InsertField$Value", {"static.field": "a", "static.value": "x"}, rec(valueSchema=base, value=ST(("a", I(1)))))
case("insert-field/config-nothing", "InsertField$Value", {})
case("insert-field/config-static-without-value", "InsertField$Value", {"static.field": "s"})
case("insert-field/config-bad-boolean", "InsertField$Value", {"topic.field": "t", "replace.null.with.default": "maybe"})

# ---------------- InsertHeader
hdrs = [{"key": "h", "schema": S("string"), "value": STR("old")}]
for name, literal in [("int8", "42"), ("int32", "100000"), ("int64", "9007199254740993"), ("boolean", "true"), ("string", "hello world"), ("float", "3.14"),
                      ("date", "2024-01-15"), ("timestamp", "2024-01-15T10:20:30.400Z"), ("empty", ""), ("null", "null"), ("list", "[1,2]"), ("trimmed", "  x  ")]:
    case(f"insert-header/{name}", "InsertHeader", {"header": "h", "value.literal": literal}, rec(value=STR("v"), headers=hdrs))
case("insert-header/config-missing-header", "InsertHeader", {"value.literal": "x"})
case("insert-header/config-missing-literal", "InsertHeader", {"header": "h"})

# ---------------- MaskField
all_types = STRUCT(
    FLD("i8", S("int8")), FLD("i16", S("int16")), FLD("i32", S("int32")), FLD("i64", S("int64")),
    FLD("f32", S("float")), FLD("f64", S("double")), FLD("bool", S("boolean")), FLD("str", S("string")),
    FLD("dec", DECS(2)), FLD("date", DT()), FLD("time", TM()), FLD("ts", TS()),
    FLD("arr", S("array", items=S("int32"))), FLD("map", S("map", keys=S("string"), values=S("int32"))),
    FLD("opt", S("string", True)), FLD("keep", S("string")))
all_values = ST(("i8", I(5)), ("i16", I(500)), ("i32", I(50000)), ("i64", I(5000000000)), ("f32", F(1.5)), ("f64", F(2.25)),
                ("bool", B(True)), ("str", STR("secret")), ("dec", DEC(12345, 2)), ("date", DATE(19737 * 86400000)), ("time", DATE(3600000)),
                ("ts", DATE(1709211909007)), ("arr", ARR(I(1), I(2))), ("map", MAP((STR("k"), I(1)))), ("opt", None), ("keep", STR("visible")))
masked_all = "i8,i16,i32,i64,f32,f64,bool,str,dec,date,time,ts,arr,map,opt"
case("mask-field/value-schema-all-types", "MaskField$Value", {"fields": masked_all}, rec(valueSchema=all_types, value=all_values))
numbers = "i8,i16,i32,i64,f32,f64,str,dec,opt"
for name, repl in [("123", "123"), ("fraction", "3.9"), ("overflow", "300"), ("negative-exponent", "-1.5E2"), ("huge", "99999999999999999999")]:
    case(f"mask-field/value-schema-replacement-{name}", "MaskField$Value", {"fields": numbers, "replacement": repl}, rec(valueSchema=all_types, value=all_values))
case("mask-field/value-schema-replacement-not-number", "MaskField$Value", {"fields": "i32", "replacement": "abc"}, rec(valueSchema=all_types, value=all_values))
case("mask-field/value-schema-replacement-not-decimal", "MaskField$Value", {"fields": "dec", "replacement": "abc"}, rec(valueSchema=all_types, value=all_values))
case("mask-field/value-schema-replacement-boolean", "MaskField$Value", {"fields": "bool", "replacement": "x"}, rec(valueSchema=all_types, value=all_values))
case("mask-field/value-schema-replacement-date", "MaskField$Value", {"fields": "date", "replacement": "1"}, rec(valueSchema=all_types, value=all_values))
case("mask-field/value-schema-replacement-string", "MaskField$Value", {"fields": "str", "replacement": "****"}, rec(valueSchema=all_types, value=all_values))
with_bytes = STRUCT(FLD("b", S("bytes")), FLD("n", STRUCT(FLD("x", S("int32")))))
case("mask-field/value-schema-bytes", "MaskField$Value", {"fields": "b"}, rec(valueSchema=with_bytes, value=ST(("b", BY(b"\x01\x02")), ("n", ST(("x", I(1)))))))
case("mask-field/value-schema-struct", "MaskField$Value", {"fields": "n"}, rec(valueSchema=with_bytes, value=ST(("b", BY(b"\x01\x02")), ("n", ST(("x", I(1)))))))
with_default = STRUCT(FLD("d", S("int32", True, default=7)), FLD("e", S("string", True)))
case("mask-field/value-schema-null-with-default", "MaskField$Value", {"fields": "d,e"}, rec(valueSchema=with_default, value=ST(("d", None), ("e", None))))
case("mask-field/value-schema-null-keep-null", "MaskField$Value", {"fields": "d,e", "replace.null.with.default": "false"}, rec(valueSchema=with_default, value=ST(("d", None), ("e", None))))
schemaless = MAPS(s=STR("secret"), l=I(123), d=F(2.5), b=B(True), arr=ARR(I(1)), m=MAPS(x=I(1)), n=None, keep=STR("k"))
case("mask-field/value-schemaless", "MaskField$Value", {"fields": "s,l,d,b,arr,m,n,absent"}, rec(value=schemaless))
case("mask-field/value-schemaless-replacement", "MaskField$Value", {"fields": "s,l,d,n", "replacement": "7.5"}, rec(value=schemaless))
case("mask-field/value-schemaless-bytes", "MaskField$Value", {"fields": "x"}, rec(value=MAPS(x=BY(b"\x00"))))
case("mask-field/value-schemaless-tombstone", "MaskField$Value", {"fields": "x"}, rec(value=None))
case("mask-field/value-schema-tombstone", "MaskField$Value", {"fields": "keep"}, rec(valueSchema=S("struct", True, fields=[FLD("keep", S("string"))]), value=None))
case("mask-field/key-schema", "MaskField$Key", {"fields": "id"}, rec(keySchema=STRUCT(FLD("id", S("int64"))), key=ST(("id", I(99))), value=STR("v")))
case("mask-field/config-empty-fields", "MaskField$Value", {"fields": ""})
case("mask-field/config-missing-fields", "MaskField$Value", {})
case("mask-field/config-empty-replacement", "MaskField$Value", {"fields": "a", "replacement": ""})

# ---------------- RegexRouter
def rr(name, regex, replacement, topic, **kw):
    case(f"regex-router/{name}", "RegexRouter", {"regex": regex, "replacement": replacement}, rec(topic=topic, value=STR("v"), **kw))
rr("groups", r"(.*)-(\d+)", "$2_$1", "orders-12")
rr("partial-match-unchanged", "ord", "x", "orders")
rr("named-groups", r"(?<env>[a-z]+)\.(?<name>.*)", "${name}-${env}", "prod.orders")
rr("alternation-replace-first", "a|ab", "X", "ab")
rr("escaped-dollar", r"(orders)", r"\$1", "orders")
rr("greedy-group-number", "(a)(b)", "$10", "ab")
rr("missing-group", "(a)(b)", "$3", "ab")
rr("trailing-backslash", "(a)", "x\\", "a")
rr("unknown-name", "(a)", "${missing}", "a")
rr("dollar-at-end", "(a)", "abc$", "a")
rr("dollar-letter", "(a)", "$x", "a")
rr("case-insensitive", "(?i)ORDERS", "x", "orders")
rr("quoted", r"\Qa.b\E-(\d)", "q$1", "a.b-7")
rr("posix-class", r"\p{Alpha}+-(\p{Digit}+)", "n$1", "abc-42")
rr("whole-topic", "orders", "sales", "orders", kind="sink")
rr("empty-replacement", "(.*)", "", "orders")
rr("unmatched-optional-group", "(x)?orders", "[$1]", "orders")
case("regex-router/config-invalid-regex", "RegexRouter", {"regex": "(", "replacement": "x"})
case("regex-router/config-missing-replacement", "RegexRouter", {"regex": "a"})

# ---------------- ReplaceField
rf_schema = STRUCT(FLD("a", S("int32")), FLD("b", S("string")), FLD("c", S("boolean", True, default=True)), FLD("d", S("int64", True)),
                   name="com.example.Row", version=4, doc="row", optional=True)
rf_value = ST(("a", I(1)), ("b", STR("bee")), ("c", None), ("d", I(4)))
def rf(name, config, cls="ReplaceField$Value", **kw):
    r = kw.pop("record", None) or rec(valueSchema=rf_schema, value=rf_value)
    case(f"replace-field/{name}", cls, config, r)
rf("exclude-rename", {"exclude": "a", "renames": "b:bee,c:sea"})
rf("include", {"include": "b,d,zz"})
rf("include-exclude", {"include": "a,b", "exclude": "b"})
rf("keep-null", {"exclude": "a", "replace.null.with.default": "false"})
rf("schemaless", {"exclude": "a", "renames": "b:bee"}, record=rec(value=MAPS(a=I(1), b=STR("x"), c=None)))
rf("schemaless-include", {"include": "b"}, record=rec(value=MAPS(a=I(1), b=STR("x"))))
rf("tombstone", {"exclude": "a"}, record=rec(valueSchema=rf_schema, value=None))
rf("not-struct", {"exclude": "a"}, record=rec(valueSchema=S("string"), value=STR("x")))
rf("rename-collision", {"renames": "a:b"})
rf("key", {"renames": "id:key_id"}, cls="ReplaceField$Key", record=rec(keySchema=STRUCT(FLD("id", S("int64"))), key=ST(("id", I(5))), value=STR("v")))
rf("deprecated-blacklist", {"blacklist": "a"})
rf("deprecated-whitelist-and-include", {"whitelist": "a", "include": "b"})
case("replace-field/config-bad-rename", "ReplaceField$Value", {"renames": "a:b:c"})
case("replace-field/config-rename-without-colon", "ReplaceField$Value", {"renames": "a:b,c"})
case("replace-field/config-rename-trailing-colon", "ReplaceField$Value", {"renames": "a:"})

# ---------------- SetSchemaMetadata
ssm_schema = STRUCT(FLD("a", S("int32")), FLD("c", S("boolean", True, default=True)), name="com.example.Old", version=1, doc="d", optional=True)
ssm_value = ST(("a", I(1)), ("c", None))
def ssm(name, config, cls="SetSchemaMetadata$Value", record=None):
    case(f"set-schema-metadata/{name}", cls, config, record or rec(valueSchema=ssm_schema, value=ssm_value))
ssm("name-and-version", {"schema.name": "com.example.New", "schema.version": "3"})
ssm("version-only", {"schema.version": "9"})
ssm("keep-null", {"schema.name": "n", "replace.null.with.default": "false"})
ssm("string-schema", {"schema.name": "n"}, record=rec(valueSchema=S("string"), value=STR("x")))
ssm("decimal-schema", {"schema.name": "n"}, record=rec(valueSchema=DECS(2), value=DEC(1, 2)))
ssm("null-null", {"schema.name": "n"}, record=rec(valueSchema=None, value=None))
ssm("null-value-struct-schema", {"schema.name": "n"}, record=rec(valueSchema=ssm_schema, value=None))
ssm("schemaless-value", {"schema.name": "n"}, record=rec(value=STR("x")))
ssm("key", {"schema.name": "com.example.Key"}, cls="SetSchemaMetadata$Key", record=rec(keySchema=STRUCT(FLD("id", S("int64"))), key=ST(("id", I(1))), value=STR("v")))
case("set-schema-metadata/config-neither", "SetSchemaMetadata$Value", {})
case("set-schema-metadata/config-bad-version", "SetSchemaMetadata$Value", {"schema.version": "x"})

# ---------------- TimestampConverter
TSMS = 1709211909007   # 2024-02-29T13:05:09.007Z
def tc(name, config, record, cls="TimestampConverter$Value"):
    case(f"timestamp-converter/{name}", cls, config, record)
FMT = "yyyy-MM-dd HH:mm:ss.SSS"
tc("schemaless-unix-to-string", {"target.type": "string", "format": FMT}, rec(value=I(TSMS)))
tc("schemaless-string-to-unix", {"target.type": "unix", "format": "yyyy-MM-dd'T'HH:mm:ssX"}, rec(value=STR("2024-02-29T13:05:09+0530")))
tc("schemaless-string-to-timestamp", {"target.type": "Timestamp", "format": FMT}, rec(value=STR("2024-02-29 13:05:09.007")))
tc("schemaless-date-to-date", {"target.type": "Date"}, rec(value=DATE(TSMS)))
tc("schemaless-date-to-time", {"target.type": "Time"}, rec(value=DATE(TSMS)))
tc("schemaless-negative-to-date", {"target.type": "Date"}, rec(value=DATE(-1)))
tc("schemaless-negative-to-time", {"target.type": "Time"}, rec(value=DATE(-1)))
for p, v in [("seconds", 1709211909), ("microseconds", 1709211909007123), ("nanoseconds", 1709211909007123456), ("milliseconds", TSMS)]:
    tc(f"schemaless-unix-{p}-to-timestamp", {"target.type": "Timestamp", "unix.precision": p}, rec(value=I(v)))
    tc(f"schemaless-timestamp-to-unix-{p}", {"target.type": "unix", "unix.precision": p}, rec(value=DATE(TSMS)))
tc("schemaless-negative-micros", {"target.type": "Timestamp", "unix.precision": "microseconds"}, rec(value=I(-1500)))
tc("schemaless-field", {"target.type": "string", "format": "yyyy", "field": "ts"}, rec(value=MAPS(ts=I(TSMS), other=STR("x"))))
tc("schemaless-field-absent", {"target.type": "string", "format": "yyyy", "field": "ts"}, rec(value=MAPS(other=STR("x"))))
tc("schemaless-null", {"target.type": "unix"}, rec(value=None))
tc("schemaless-double", {"target.type": "unix"}, rec(value=F(1.5)))
tc("schemaless-boolean", {"target.type": "unix"}, rec(value=B(True)))
tc("schemaless-string-without-format", {"target.type": "unix"}, rec(value=STR("2024")))
tc("schemaless-unparseable", {"target.type": "unix", "format": "yyyy-MM-dd"}, rec(value=STR("not a date")))
tc("schemaless-lenient", {"target.type": "Timestamp", "format": "yyyy-MM-dd HH:mm"}, rec(value=STR("2024-13-45 25:61")))
tc("schemaless-abutting", {"target.type": "Timestamp", "format": "yyyyMMddHHmmss"}, rec(value=STR("20240229130509")))
tc("schemaless-two-digit-year-99", {"target.type": "Timestamp", "format": "dd/MM/yy"}, rec(value=STR("01/02/99")))
tc("schemaless-two-digit-year-20", {"target.type": "Timestamp", "format": "dd/MM/yy"}, rec(value=STR("01/02/20")))
tc("schemaless-text-fields-parse", {"target.type": "Timestamp", "format": "EEE, dd MMM yyyy HH:mm:ss z"}, rec(value=STR("Thu, 29 Feb 2024 13:05:09 GMT")))
tc("schemaless-text-fields-parse-offset", {"target.type": "Timestamp", "format": "dd MMMM yyyy hh:mm a Z"}, rec(value=STR("29 february 2024 01:05 pm -0130")))
tc("schemaless-trailing-text", {"target.type": "Timestamp", "format": "yyyy-MM-dd"}, rec(value=STR("2024-02-29 and more")))
tc("schemaless-leading-space", {"target.type": "Timestamp", "format": "yyyy-MM-dd"}, rec(value=STR(" 2024-02-29")))
tc("schemaless-text-fields-format", {"target.type": "string", "format": "EEEE EEE MMMM MMM yy y G a h K k D F u z zzzz Z X XX XXX SSSSSS S"}, rec(value=I(TSMS)))
tc("schemaless-quotes-format", {"target.type": "string", "format": "'at' HH 'o''clock' '' yyyy"}, rec(value=I(TSMS)))
tc("schemaless-midnight-format", {"target.type": "string", "format": "h:mm a k K H"}, rec(value=I(0)))
tc("schemaless-year-padding", {"target.type": "string", "format": "yyyyy-MM-dd"}, rec(value=I(TSMS)))
tc("schemaless-before-gregorian", {"target.type": "string", "format": "yyyyy-MM-dd G"}, rec(value=I(-62135596800000 + 86400000 * 400)))
tc("schemaless-bc", {"target.type": "string", "format": "yyyy-MM-dd G"}, rec(value=I(-62198755200000)))
ts_struct = STRUCT(FLD("ts", TS()), FLD("s", S("string", True)), FLD("n", S("int64", True, default=5)), name="com.example.Ev", version=1, optional=True)
tc("schema-field-timestamp-to-unix-micros", {"target.type": "unix", "unix.precision": "microseconds", "field": "ts"}, rec(valueSchema=ts_struct, value=ST(("ts", DATE(TSMS)), ("s", STR("x")), ("n", None))))
tc("schema-field-keep-null", {"target.type": "unix", "field": "ts", "replace.null.with.default": "false"}, rec(valueSchema=ts_struct, value=ST(("ts", DATE(TSMS)), ("n", None))))
tc("schema-field-string-to-date", {"target.type": "Date", "format": "yyyy-MM-dd", "field": "s"}, rec(valueSchema=ts_struct, value=ST(("ts", DATE(TSMS)), ("s", STR("2024-02-29")))))
tc("schema-field-null-struct", {"target.type": "unix", "field": "ts"}, rec(valueSchema=ts_struct, value=None))
tc("schema-field-absent", {"target.type": "unix", "field": "zz"}, rec(valueSchema=ts_struct, value=ST(("ts", DATE(TSMS)))))
tc("schema-field-int64-default-to-timestamp", {"target.type": "Timestamp", "field": "n"}, rec(valueSchema=ts_struct, value=ST(("ts", DATE(TSMS)), ("n", None))))
tc("schema-field-unsupported-type", {"target.type": "unix", "field": "a"}, rec(valueSchema=STRUCT(FLD("a", S("int32"))), value=ST(("a", I(1)))))
tc("schema-whole-int64-to-timestamp", {"target.type": "Timestamp"}, rec(valueSchema=S("int64", True), value=I(TSMS)))
tc("schema-whole-string-to-date", {"target.type": "Date", "format": "yyyy-MM-dd HH:mm"}, rec(valueSchema=S("string"), value=STR("2024-02-29 13:05")))
tc("schema-whole-time-to-string", {"target.type": "string", "format": "HH:mm:ss.SSS"}, rec(valueSchema=TM(), value=DATE(3723004)))
tc("schema-whole-date-to-unix-seconds", {"target.type": "unix", "unix.precision": "seconds"}, rec(valueSchema=DT(True), value=DATE(19782 * 86400000)))
tc("schema-whole-null-optional", {"target.type": "string", "format": "yyyy"}, rec(valueSchema=TS(True), value=None))
tc("schema-whole-unsupported", {"target.type": "unix"}, rec(valueSchema=S("int32", True), value=None))
tc("key-timestamp-to-string", {"target.type": "string", "format": "yyyy-MM-dd"}, rec(keySchema=TS(), key=DATE(TSMS), value=STR("v")), cls="TimestampConverter$Key")
case("timestamp-converter/config-bad-target", "TimestampConverter$Value", {"target.type": "date"})
case("timestamp-converter/config-missing-target", "TimestampConverter$Value", {})
case("timestamp-converter/config-string-without-format", "TimestampConverter$Value", {"target.type": "string", "format": "  "})
case("timestamp-converter/config-bad-format", "TimestampConverter$Value", {"target.type": "string", "format": "yyyy qq"})
case("timestamp-converter/config-unterminated-quote", "TimestampConverter$Value", {"target.type": "unix", "format": "yyyy 'T"})
case("timestamp-converter/config-bad-precision", "TimestampConverter$Value", {"target.type": "unix", "unix.precision": "hours"})

# ---------------- TimestampRouter
case("timestamp-router/default", "TimestampRouter", {}, rec(value=STR("v")))
case("timestamp-router/custom", "TimestampRouter", {"topic.format": "${topic}_${timestamp}_${topic}", "timestamp.format": "yyyy-MM-dd'T'HH"}, rec(kind="sink", value=STR("v")))
case("timestamp-router/no-placeholders", "TimestampRouter", {"topic.format": "fixed"}, rec(value=STR("v")))
case("timestamp-router/null-timestamp-source", "TimestampRouter", {}, rec(timestamp=None, partition=0, value=STR("v"), valueSchema=S("string")))
case("timestamp-router/null-timestamp-sink", "TimestampRouter", {}, rec(kind="sink", timestamp=None, partition=1, key=STR("k"), value=I(5)))
case("timestamp-router/bad-format", "TimestampRouter", {"timestamp.format": "qq"}, rec(value=STR("v")))

# ---------------- ValueToKey
vk_schema = STRUCT(FLD("a", S("int32")), FLD("b", S("string", True, default="B")), FLD("c", S("boolean")), name="com.example.V")
vk_value = ST(("a", I(1)), ("b", None), ("c", B(False)))
case("value-to-key/schema", "ValueToKey", {"fields": "b,a"}, rec(valueSchema=vk_schema, value=vk_value))
case("value-to-key/schema-keep-null", "ValueToKey", {"fields": "b", "replace.null.with.default": "false"}, rec(valueSchema=vk_schema, value=vk_value))
case("value-to-key/schema-missing-field", "ValueToKey", {"fields": "a,z"}, rec(valueSchema=vk_schema, value=vk_value))
case("value-to-key/schemaless", "ValueToKey", {"fields": "b,z"}, rec(key=STR("old"), value=MAPS(a=I(1), b=STR("x"))))
case("value-to-key/schemaless-tombstone", "ValueToKey", {"fields": "a"}, rec(value=None))
case("value-to-key/schema-tombstone", "ValueToKey", {"fields": "a"}, rec(valueSchema=S("struct", True, fields=[FLD("a", S("int32"))]), value=None))
case("value-to-key/config-empty", "ValueToKey", {"fields": ""})

names = [c["name"] for c in cases]
assert len(names) == len(set(names)), "duplicate case names"
import os
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "test", "golden", "transforms-b", "cases.json")
with open(out, "w") as f:
    json.dump({"description": "Inputs for tools/golden-smt-b: each case configures one Kafka SMT class and applies it to one record. Schemas are in JsonConverter's schema form; values are typed JSON (see README.md).", "cases": cases}, f, indent=1)
    f.write("\n")
print(len(cases))
