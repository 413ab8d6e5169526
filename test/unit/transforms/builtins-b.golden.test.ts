// Differential tests of the SMTs registered in src/transforms/builtins-b.ts against Kafka 4.1.2's
// own classes. test/golden/transforms-b/cases.json holds the inputs (config and record, schemas in
// JsonConverter's form, values as typed JSON); results.json holds what Kafka's connect-transforms
// returned or threw for each, written by tools/golden-smt-b (see test/golden/transforms-b/README.md).
// Cases with a schemaless map run twice: once with JS Maps (as JsonConverter reads them) and once
// with plain objects (as TypeScript connectors write them). The few known differences are listed
// in DIVERGENCES, each with what we do instead and why.

import { describe, expect, it } from 'vitest';
import { BigDecimal, ConfigException, Struct, renderConfigValue, type Header, type Schema } from '../../../src/data/index.js';
import { JsonConverter } from '../../../src/converters/json-converter.js';
import { parseJson } from '../../../src/converters/java-json.js';
import type { JsonNode } from '../../../src/converters/json-node.js';
import { BUILTIN_TRANSFORMATIONS_B } from '../../../src/transforms/builtins-b.js';
import type { ConnectRecord, Transformation } from '../../../src/transforms/transformation.js';
import { describe as describeValue, readGoldenJson, schemaAsJson, sorted, type Described } from '../converters/golden-support.js';

type MapKind = 'map' | 'object';

interface GoldenRecordInput {
  kind: 'source' | 'sink';
  topic: string;
  partition: number | null;
  offset?: number;
  timestamp: number | null;
  keySchema: unknown;
  key: Described;
  valueSchema: unknown;
  value: Described;
  headers: Array<{ key: string; schema: unknown; value: Described }>;
}

interface GoldenCase {
  name: string;
  class: string;
  config: Record<string, string>;
  record?: GoldenRecordInput;
}

interface Thrown {
  exception: string;
  message: string;
}

interface DescribedRecord {
  topic: string;
  kafkaPartition: number | null;
  timestamp: number | null;
  keySchema: unknown;
  key: Described;
  valueSchema: unknown;
  value: Described;
  headers: Array<{ key: string; schema: unknown; value: Described }>;
}

interface GoldenResult {
  configError?: Thrown;
  error?: Thrown;
  record?: DescribedRecord | null;
  configured?: boolean;
}

interface GoldenConfigKey {
  name: string;
  type: string;
  required: boolean;
  default: string | null;
  importance: string;
  documentation: string;
  validator: string | null;
}

const cases = readGoldenJson<{ cases: GoldenCase[] }>('transforms-b/cases.json').cases;
const golden = readGoldenJson<{ kafkaVersion: string; configDefs: Record<string, GoldenConfigKey[]>; results: Record<string, GoldenResult> }>(
  'transforms-b/results.json',
);

/**
 * Where we knowingly differ from Kafka 4.1.2; each entry states our behaviour, which the test checks
 * instead of Kafka's.
 */
const DIVERGENCES: Record<string, { why: string; expect: GoldenResult | ((kafka: GoldenResult) => GoldenResult) }> = {
  'insert-field/config-static-without-value': {
    why: 'Kafka prints its InsertionSpec object (class name and identity hash); we print the field name',
    expect: { configError: { exception: 'ConfigException', message: 'Invalid value null for configuration static.value: No value specified for static field: s' } },
  },
  'replace-field/deprecated-blacklist': {
    why: "Kafka 4.0 removed the 3.x aliases and ignores 'blacklist'; we keep honouring it as 3.x did",
    expect: (kafka) => withoutField(kafka, 'a'),
  },
  'replace-field/deprecated-whitelist-and-include': {
    why: "Kafka 4.0 ignores 'whitelist'; with 3.x's rules 'include' wins over it, which gives the same record as 4.x here",
    expect: (kafka) => kafka,
  },
  'timestamp-router/bad-format': {
    why: 'Kafka compiles timestamp.format on first use and fails every record; we refuse the pattern when the transform is configured',
    expect: { configError: { exception: 'ConfigException', message: "Invalid value qq for configuration timestamp.format: Illegal pattern character 'q'" } },
  },
  'timestamp-converter/schemaless-before-gregorian': {
    why: "Java's SimpleDateFormat uses the Julian calendar before 1582-10-15; our dates are proleptic Gregorian",
    expect: (kafka) => withValue(kafka, { string: '00002-02-05 AD' }),
  },
  'timestamp-converter/schemaless-bc': {
    why: "Java's SimpleDateFormat uses the Julian calendar before 1582-10-15; our dates are proleptic Gregorian",
    expect: (kafka) => withValue(kafka, { string: '0002-01-01 BC' }),
  },
};

function withValue(kafka: GoldenResult, value: Described): GoldenResult {
  return { record: { ...kafka.record!, value } };
}

function withoutField(kafka: GoldenResult, name: string): GoldenResult {
  const record = kafka.record!;
  const schema = record.valueSchema as { fields: Array<{ field: string }> };
  const value = record.value as { struct: Array<[string, Described]> };
  return {
    record: {
      ...record,
      valueSchema: { ...schema, fields: schema.fields.filter((field) => field.field !== name) },
      value: { struct: value.struct.filter(([field]) => field !== name) },
    },
  };
}

const schemaReader = new JsonConverter();
schemaReader.configure({ 'schemas.enable': 'true' }, false);

function schemaOf(json: unknown): Schema | null {
  return json === null || json === undefined ? null : schemaReader.asConnectSchema(parseJson(Buffer.from(JSON.stringify(json))) as JsonNode);
}

/** The value a description stands for, as tools/golden-smt-b/.../CaseValues.build builds it in Java. */
function build(description: Described, schema: Schema | null, maps: MapKind): unknown {
  if (description === null) return null;
  if ('int' in description) {
    const type = schema?.type ?? 'INT64';
    const value = BigInt(description.int);
    return type === 'INT64' && (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) ? value : Number(value);
  }
  if ('float' in description) {
    const view = new DataView(new ArrayBuffer(8));
    view.setBigUint64(0, BigInt(`0x${description.float}`));
    const value = view.getFloat64(0);
    return schema?.type === 'FLOAT32' ? Math.fround(value) : value;
  }
  if ('boolean' in description) return description.boolean;
  if ('string' in description) return description.string;
  if ('bytes' in description) return Buffer.from(description.bytes, 'base64');
  if ('decimal' in description) return new BigDecimal(BigInt(description.decimal.unscaled), description.decimal.scale);
  if ('date' in description) return new Date(Number(description.date));
  if ('array' in description) return description.array.map((element) => build(element, schema?.valueSchema ?? null, maps));
  if ('map' in description) {
    const entries = description.map.map(([key, element]): [unknown, unknown] => [build(key, schema?.keySchema ?? null, maps), build(element, schema?.valueSchema ?? null, maps)]);
    if (schema !== null || maps === 'map') return new Map(entries);
    return Object.fromEntries(entries);
  }
  const struct = new Struct(schema!);
  for (const [name, element] of description.struct) struct.put(name, build(element, schema!.field(name)!.schema, maps));
  return struct;
}

function recordOf(input: GoldenRecordInput, maps: MapKind): ConnectRecord {
  const keySchema = schemaOf(input.keySchema);
  const valueSchema = schemaOf(input.valueSchema);
  const headers: Header[] = input.headers.map((header) => {
    const schema = schemaOf(header.schema);
    return { key: header.key, schema, value: build(header.value, schema, maps) };
  });
  const common = {
    topic: input.topic,
    kafkaPartition: input.partition,
    keySchema,
    key: build(input.key, keySchema, maps),
    valueSchema,
    value: build(input.value, valueSchema, maps),
    timestamp: input.timestamp,
    headers,
  };
  if (input.kind === 'source') return { ...common, sourcePartition: null, sourceOffset: null } as ConnectRecord;
  const offset = input.offset ?? 0;
  return {
    ...common,
    kafkaOffset: offset,
    timestampType: 'CREATE_TIME',
    originalTopic: input.topic,
    originalKafkaPartition: input.partition,
    originalKafkaOffset: offset,
  } as ConnectRecord;
}

function describeRecord(record: ConnectRecord): DescribedRecord {
  return {
    topic: record.topic,
    kafkaPartition: record.kafkaPartition,
    timestamp: record.timestamp,
    keySchema: schemaAsJson(record.keySchema),
    key: sorted(describeValue(record.key, record.keySchema)) ?? null,
    valueSchema: schemaAsJson(record.valueSchema),
    value: sorted(describeValue(record.value, record.valueSchema)) ?? null,
    headers: record.headers.map((header) => ({ key: header.key, schema: schemaAsJson(header.schema), value: sorted(describeValue(header.value, header.schema)) ?? null })),
  };
}

/** Kafka's result with map entries sorted (its HashMaps have no order) and SchemaBuilderException named as the DataException it extends. */
function normalised(result: GoldenResult): GoldenResult {
  const thrown = (error: Thrown): Thrown => ({ ...error, exception: error.exception === 'SchemaBuilderException' ? 'DataException' : error.exception });
  if (result.configError !== undefined) return { configError: thrown(result.configError) };
  if (result.error !== undefined) return { error: thrown(result.error) };
  if (result.record === undefined) return { configured: true };
  const record = result.record;
  if (record === null) return { record: null };
  return {
    record: {
      ...record,
      key: sorted(record.key) ?? null,
      value: sorted(record.value) ?? null,
      headers: record.headers.map((header) => ({ ...header, value: sorted(header.value) ?? null })),
    },
  };
}

function run(testCase: GoldenCase, maps: MapKind): GoldenResult {
  const entry = BUILTIN_TRANSFORMATIONS_B.find((candidate) => candidate.className === testCase.class);
  if (entry === undefined) throw new Error(`No built-in ${testCase.class}`);
  const transformation: Transformation = entry.create();
  try {
    transformation.configure(testCase.config);
  } catch (error) {
    return { configError: { exception: (error as Error).name, message: (error as Error).message } };
  }
  if (testCase.record === undefined) return { configured: true };
  const input = recordOf(testCase.record, maps);
  try {
    const output = transformation.apply(input);
    return { record: output === null ? null : describeRecord(output) };
  } catch (error) {
    return { error: { exception: (error as Error).name, message: (error as Error).message } };
  }
}

function hasSchemalessMap(testCase: GoldenCase): boolean {
  const record = testCase.record;
  if (record === undefined) return false;
  return (record.keySchema === null && JSON.stringify(record.key).includes('"map"')) || (record.valueSchema === null && JSON.stringify(record.value).includes('"map"'));
}

describe(`SMTs of builtins-b against Kafka ${golden.kafkaVersion}'s connect-transforms`, () => {
  it('has a Kafka result for every case', () => {
    expect(cases.length).toBeGreaterThan(150);
    for (const testCase of cases) expect(golden.results[testCase.name], testCase.name).toBeDefined();
  });

  for (const testCase of cases) {
    const divergence = DIVERGENCES[testCase.name];
    for (const maps of hasSchemalessMap(testCase) ? (['map', 'object'] as const) : (['map'] as const)) {
      const title = `${testCase.name}${hasSchemalessMap(testCase) ? ` (schemaless maps as ${maps === 'map' ? 'Map' : 'plain objects'})` : ''}`;
      it(divergence === undefined ? title : `${title} — differs on purpose: ${divergence.why}`, () => {
        const kafka = normalised(golden.results[testCase.name]!);
        const expected = divergence === undefined ? kafka : typeof divergence.expect === 'function' ? divergence.expect(kafka) : divergence.expect;
        const actual = run(testCase, maps);
        if (testCase.name === 'regex-router/config-invalid-regex') {
          // The reason after "Invalid regex: " is the regex engine's own text (Java's vs V8's).
          expect(actual.configError?.exception).toBe('ConfigException');
          expect(actual.configError?.message).toMatch(/^Invalid value \( for configuration regex: Invalid regex: .*(Unterminated|Unclosed) group/);
          return;
        }
        expect(actual).toEqual(expected);
      });
    }
  }
});

describe("config definitions match Kafka's", () => {
  for (const [className, kafkaKeys] of Object.entries(golden.configDefs)) {
    it(className, () => {
      const entry = BUILTIN_TRANSFORMATIONS_B.find((candidate) => candidate.className === className)!;
      const ours = entry
        .create()
        .config()
        .keys()
        // The 3.x aliases we keep on purpose (see DIVERGENCES); Kafka 4.x no longer defines them.
        .filter((key) => !(className.includes('ReplaceField') && (key.name === 'blacklist' || key.name === 'whitelist')))
        .map((key) => ({
          name: key.name,
          type: key.type,
          required: key.required,
          default: key.required ? null : renderConfigValue(key.defaultValue),
          importance: key.importance,
          documentation: key.documentation,
          validator: key.validator?.describe ?? null,
        }));
      expect(ours).toEqual(kafkaKeys);
    });
  }

  it('ReplaceField also defines the deprecated 3.x keys blacklist and whitelist', () => {
    const keys = BUILTIN_TRANSFORMATIONS_B.find((entry) => entry.className.endsWith('ReplaceField$Value'))!.create().config().keys();
    expect(keys.filter((key) => key.name === 'blacklist' || key.name === 'whitelist').map((key) => [key.name, key.documentation])).toEqual([
      ['blacklist', 'Deprecated. Use exclude instead.'],
      ['whitelist', 'Deprecated. Use include instead.'],
    ]);
  });

  it('reports configure errors as ConfigException', () => {
    const entry = BUILTIN_TRANSFORMATIONS_B.find((candidate) => candidate.className.endsWith('InsertField$Value'))!;
    expect(() => entry.create().configure({})).toThrow(ConfigException);
  });
});
