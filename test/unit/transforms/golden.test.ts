// Differential tests against Kafka 4.1.2's own connect-transforms: test/golden/transforms/cases.json
// lists transforms/predicates, configs and records (as JsonConverter envelopes); results.json holds
// what Kafka's classes returned or threw, written by tools/golden-smt (SmtGoldens.java, JVM in UTC).
// Here the same records are read with our JsonConverter, run through our classes, described the
// way SmtGoldens describes Kafka's (test/unit/converters/golden-support.ts) and compared.
//
// Also compared: configure() errors, and the errors Kafka's validate shows for the plugin's keys
// under the alias prefix against validateTransformConfigs (which adds configure() errors when the
// keys themselves are fine — Kafka reports those only when the task starts).

import { readFileSync } from 'node:fs';
import { describe as suite, expect, it } from 'vitest';
import { JsonConverter } from '../../../src/converters/json-converter.js';
import { jsonText, parseJson } from '../../../src/converters/java-json.js';
import type { JsonNode, JsonObject } from '../../../src/converters/json-node.js';
import type { Header } from '../../../src/data/index.js';
import { validateTransformConfigs } from '../../../src/transforms/chain.js';
import { predicateClasses, transformationClasses } from '../../../src/transforms/registry.js';
import type { ConnectRecord, Predicate, Transformation } from '../../../src/transforms/transformation.js';
import { GOLDEN_ROOT, describe, schemaAsJson, sorted, type Described } from '../converters/golden-support.js';

interface GoldenError {
  readonly exception: string;
  readonly message: string;
}

interface GoldenRecord {
  readonly topic: string;
  readonly keySchema: unknown;
  readonly key: Described;
  readonly valueSchema: unknown;
  readonly value: Described;
  readonly headers: { key: string; schema: unknown; value: Described }[];
}

type GoldenOutput = GoldenRecord | { dropped: true } | { test: boolean } | { error: GoldenError };

interface GoldenResult {
  readonly name: string;
  readonly validate: { key: string; message: string }[];
  readonly configure: GoldenError | null;
  readonly outputs?: GoldenOutput[];
}

/** Our error names for the Java exceptions Kafka threw (the worker reports TypeError as IllegalArgumentException). */
const ERROR_NAMES: Readonly<Record<string, readonly string[]>> = {
  'org.apache.kafka.connect.errors.DataException': ['DataException'],
  'org.apache.kafka.connect.errors.SchemaBuilderException': ['DataException'],
  'org.apache.kafka.common.config.ConfigException': ['ConfigException'],
  'java.lang.IllegalArgumentException': ['TypeError'],
};

/**
 * Where we knowingly differ from Kafka (case name → the reason, and what we do instead). Record
 * outcomes of these cases are checked with `check`; configure/validate messages with `message`.
 */
const DIVERGENCES: Readonly<Record<string, { reason: string; check?: (ours: GoldenOutput) => void; message?: (ours: string, kafka: string) => void }>> = {
  'header-from/missing-field-schema': {
    reason: 'Kafka fails with a NullPointerException when the schema lacks a listed field; we throw a DataException naming it',
    check: (ours) => expect(ours).toEqual({ error: { exception: 'DataException', message: 'Unknown field: nope' } }),
  },
  'flatten/schemaless-duplicate-name': {
    reason:
      "Kafka's JsonConverter reads schemaless objects into a HashMap, so which of two entries flattening to one name wins depends on hash order; " +
      'ours keeps the JSON order, and (as in Kafka) the later entry wins',
    check: (ours) => expect('value' in ours && ours.value).toEqual({ map: [[{ string: 'a.b' }, { int: '2' }]] }),
  },
  'topic-name-matches/config-invalid': {
    reason: "The reason after \"Invalid regex: \" is JavaScript's (java.util.regex is not available), e.g. \"Unterminated group\" for \"Unclosed group\"",
    message: (ours, kafka) => {
      expect(ours.slice(0, ours.indexOf('Invalid regex: '))).toBe(kafka.slice(0, kafka.indexOf('Invalid regex: ')));
      expect(ours).toContain('Invalid regex: ');
    },
  },
};

const results = JSON.parse(readFileSync(`${GOLDEN_ROOT}transforms/results.json`, 'utf8')) as { kafkaVersion: string; results: GoldenResult[] };
const cases = (parseJson(readFileSync(`${GOLDEN_ROOT}transforms/cases.json`)) as JsonObject).get('cases') as JsonObject[];

const converter = new JsonConverter();
converter.configure({ 'schemas.enable': 'true', 'replace.null.with.default': 'false' }, false);

function text(node: JsonNode | undefined): string {
  return node as string;
}

/** A key, value or header given as a JsonConverter envelope, read with our JsonConverter. */
function envelope(node: JsonNode | undefined): { schema: ConnectRecord['keySchema']; value: unknown } {
  if (node === undefined || node === null || !(node as JsonObject).has('payload')) return { schema: null, value: null };
  const object = node as JsonObject;
  const bytes = Buffer.from(jsonText(new Map([['schema', object.get('schema') ?? null], ['payload', object.get('payload') ?? null]])));
  return converter.toConnectData('topic', bytes);
}

function record(node: JsonObject): ConnectRecord {
  const key = envelope(node.get('key'));
  const value = envelope(node.get('value'));
  const headers: Header[] = ((node.get('headers') ?? []) as JsonObject[]).map((header) => {
    const read = envelope(header);
    return { key: text(header.get('key')), schema: read.schema, value: read.value };
  });
  const topic = node.get('topic');
  return { topic: topic === undefined ? 'topic' : text(topic), kafkaPartition: 0, keySchema: key.schema, key: key.value, valueSchema: value.schema, value: value.value, timestamp: null, headers };
}

function describeRecord(out: ConnectRecord): GoldenRecord {
  return {
    topic: out.topic,
    keySchema: schemaAsJson(out.keySchema),
    key: sorted(describe(out.key, out.keySchema)) ?? null,
    valueSchema: schemaAsJson(out.valueSchema),
    value: sorted(describe(out.value, out.valueSchema)) ?? null,
    headers: out.headers.map((header) => ({ key: header.key, schema: schemaAsJson(header.schema), value: sorted(describe(header.value, header.schema)) ?? null })),
  };
}

function normalised(output: GoldenOutput): GoldenOutput {
  if (!('topic' in output)) return output;
  return { ...output, key: sorted(output.key) ?? null, value: sorted(output.value) ?? null, headers: output.headers.map((header) => ({ ...header, value: sorted(header.value) ?? null })) };
}

function outcome(run: () => GoldenOutput): GoldenOutput {
  try {
    return run();
  } catch (error) {
    return { error: { exception: (error as Error).name, message: (error as Error).message } };
  }
}

function expectSameOutcome(ours: GoldenOutput, kafka: GoldenOutput): void {
  if ('error' in kafka) {
    expect('error' in ours ? ours.error.message : ours).toBe(kafka.error.message);
    expect(ERROR_NAMES[kafka.error.exception] ?? [kafka.error.exception]).toContain((ours as { error: GoldenError }).error.exception);
  } else {
    expect(ours).toEqual(normalised(kafka));
  }
}

const byKey = (a: { key: string; message: string }, b: { key: string; message: string }): number => (`${a.key}\n${a.message}` < `${b.key}\n${b.message}` ? -1 : 1);

suite(`SMTs and predicates against Kafka ${results.kafkaVersion} (test/golden/transforms)`, () => {
  it('has a result for every case, in order', () => {
    expect(results.results.map((result) => result.name)).toEqual(cases.map((testCase) => text(testCase.get('name'))));
  });

  cases.forEach((testCase, index) => {
    const name = text(testCase.get('name'));
    const kafka = results.results[index]!;
    const className = text(testCase.get('class'));
    const isPredicate = className.includes('.predicates.');
    const config: Record<string, string> = Object.fromEntries([...((testCase.get('config') ?? new Map()) as JsonObject)].map(([key, value]) => [key, text(value)]));

    it(`${name}: configure and validate`, () => {
      const entry = isPredicate ? predicateClasses().lookup(className) : transformationClasses().lookup(className);
      expect(entry, className).toBeDefined();
      const plugin = entry!.create();
      let configureError: GoldenError | null = null;
      try {
        plugin.configure(config);
      } catch (error) {
        configureError = { exception: (error as Error).name, message: (error as Error).message };
      }
      const compareMessages = DIVERGENCES[name]?.message ?? ((ours: string, theirs: string) => expect(ours).toBe(theirs));
      if (kafka.configure === null) expect(configureError).toBeNull();
      else compareMessages(configureError?.message ?? '', kafka.configure.message);

      const prefix = isPredicate ? 'predicates.p.' : 'transforms.a.';
      const connectorConfig: Record<string, string> = isPredicate ? { predicates: 'p' } : { transforms: 'a' };
      connectorConfig[`${prefix}type`] = className;
      for (const [key, value] of Object.entries(config)) connectorConfig[prefix + key] = value;
      const problems = validateTransformConfigs(connectorConfig).sort(byKey);
      const expected = kafka.validate.length > 0 ? [...kafka.validate].sort(byKey) : kafka.configure === null ? [] : [{ key: '?', message: kafka.configure.message }];
      expect(problems.length).toBe(expected.length);
      problems.forEach((problem, i) => {
        // Kafka's validate does not configure; a configure() error lands on the key its message names.
        if (expected[i]!.key !== '?') expect(problem.key).toBe(expected[i]!.key);
        compareMessages(problem.message, expected[i]!.message);
      });
    });

    const records = (testCase.get('records') ?? []) as JsonObject[];
    if (records.length === 0 || kafka.configure !== null) return;
    it(`${name}: ${records.length} record(s)`, () => {
      const entry = (isPredicate ? predicateClasses() : transformationClasses()).lookup(className)!;
      const plugin = entry.create() as Transformation & Predicate;
      plugin.configure(config);
      records.forEach((node, i) => {
        const input = record(node);
        const ours = outcome(() => {
          if (isPredicate) return { test: plugin.test(input) };
          const out = plugin.apply(input);
          return out === null ? { dropped: true } : describeRecord(out);
        });
        const expected = kafka.outputs![i]!;
        const divergence = DIVERGENCES[name]?.check;
        if (divergence !== undefined) divergence(ours);
        else expectSameOutcome(ours, expected);
      });
    });
  });
});
