// JsonConverter against Kafka. Every expectation in this file comes from the golden files in
// test/golden/json-converter/: bytes written (or, for "read-*" cases, read) by Kafka 4.1.2's own
// org.apache.kafka.connect.json.JsonConverter, recorded by
// tools/golden/src/main/java/polyconnect/golden/JsonGoldens.java (run tools/golden/generate.sh),
// together with Kafka's description of each input, of what Kafka's toConnectData returns for those
// bytes, and of the exceptions Kafka throws.

import { describe, expect, it } from 'vitest';
import { ConfigException, DataException, valueEquals } from '../../../src/data/index.js';
import { JsonConverter } from '../../../src/converters/json-converter.js';
import { errorInput, goldenInput } from './golden-cases.js';
import { describe as describeValue, jsonManifest, readGoldenBytes, schemaAsJson, sorted, type JsonGoldenCase } from './golden-support.js';

const manifest = jsonManifest();

function converterFor(goldenCase: { config: Record<string, string>; isKey?: boolean }): JsonConverter {
  const converter = new JsonConverter();
  converter.configure(goldenCase.config, goldenCase.isKey ?? false);
  return converter;
}

function goldenBytes(goldenCase: JsonGoldenCase): Buffer | null {
  return goldenCase.file === null ? null : readGoldenBytes(`json-converter/${goldenCase.file}`);
}

/** Cases where Polyconnect knowingly writes other bytes than this Kafka did; each has its own test below. */
const KNOWN_DIVERGENCES = new Set(['float64-jdk17-2e23.schemas', 'float64-jdk17-2e23.plain', 'schemaless-integral-double.schemas', 'schemaless-integral-double.plain']);

function expectReadBack(converter: JsonConverter, goldenCase: JsonGoldenCase, bytes: Buffer | null): void {
  const { readBack } = goldenCase;
  if (readBack.exception !== undefined) {
    expect(() => converter.toConnectData('topic', bytes)).toThrow(readBack.message);
    return;
  }
  const ours = converter.toConnectData('topic', bytes);
  expect(schemaAsJson(ours.schema, converter)).toEqual(readBack.schema);
  expect(sorted(describeValue(ours.value, ours.schema))).toEqual(sorted(readBack.value));
}

describe(`JsonConverter writes the bytes Kafka ${manifest.kafkaVersion} wrote (golden files, Java ${manifest.javaVersion})`, () => {
  const writes = manifest.cases.filter((goldenCase) => goldenCase.kind === 'write');

  it('covers every golden write case', () => {
    expect(writes.length).toBeGreaterThan(100);
  });

  describe.each(writes)('$name', (goldenCase) => {
    const input = goldenInput(goldenCase.name);
    const converter = converterFor(goldenCase);

    it('rebuilds the input Kafka was given (its schema JSON and value description)', () => {
      expect(schemaAsJson(input.schema, converter)).toEqual(goldenCase.input!.schema);
      expect(sorted(describeValue(input.value, input.schema))).toEqual(sorted(goldenCase.input!.value));
    });

    // The known divergences are not skipped: each has its own test below.
    if (!KNOWN_DIVERGENCES.has(goldenCase.name)) it('fromConnectData equals Kafka’s bytes exactly', () => {
      const ours = converter.fromConnectData('topic', input.schema, input.value);
      const kafka = goldenBytes(goldenCase);
      if (kafka === null) expect(ours).toBeNull();
      else expect(ours?.toString('utf8')).toBe(kafka.toString('utf8')), expect(Buffer.compare(ours!, kafka)).toBe(0);
    });

    it('toConnectData of Kafka’s bytes gives what Kafka’s toConnectData gives', () => {
      expectReadBack(converter, goldenCase, goldenBytes(goldenCase));
    });

    // Only where Kafka's own read-back equals the input; elsewhere the test above compares with Kafka's read-back.
    if (goldenCase.readBack.equalsInput === true) it('round trip: reading Kafka’s bytes gives back the input', () => {
      const ours = converter.toConnectData('topic', goldenBytes(goldenCase));
      expect(ours.schema === null ? input.schema === null : ours.schema.equals(input.schema)).toBe(true);
      // Compared by description: a FLOAT32 input such as 3.14 reads back as the float 3.14f.
      expect(sorted(describeValue(ours.value, ours.schema))).toEqual(sorted(describeValue(input.value, input.schema)));
      if (!JSON.stringify(schemaAsJson(ours.schema)).includes('"type":"float"')) expect(valueEquals(ours.value, input.value)).toBe(true);
    });
  });
});

describe('JsonConverter reads bytes as Kafka reads them (golden read-* cases, read by Kafka 4.1.2)', () => {
  const reads = manifest.cases.filter((goldenCase) => goldenCase.kind === 'read');
  it.each(reads)('$name', (goldenCase) => {
    expectReadBack(converterFor(goldenCase), goldenCase, goldenBytes(goldenCase));
  });
});

describe('JsonConverter fails where Kafka fails, with Kafka’s messages (golden error cases)', () => {
  const classes: Record<string, typeof DataException | typeof ConfigException> = {
    'org.apache.kafka.connect.errors.DataException': DataException,
    'org.apache.kafka.connect.errors.SchemaBuilderException': DataException, // a DataException in Kafka too
    'org.apache.kafka.common.config.ConfigException': ConfigException,
  };
  it.each(manifest.errors)('$name: $message', (error) => {
    let thrown: unknown;
    try {
      if (error.direction === 'toConnectData') {
        converterFor(error).toConnectData('topic', readGoldenBytes(`json-converter/${error.file!}`));
      } else if (error.direction === 'fromConnectData') {
        const input = errorInput(error.name);
        converterFor(error).fromConnectData('topic', input.schema, input.value);
      } else {
        const converter = new JsonConverter();
        if (error.name === 'error-config-header-without-converter-type' || 'converter.type' in error.config) converter.configure(error.config);
        else converter.configure(error.config, false);
      }
    } catch (caught) {
      thrown = caught;
    }
    expect(thrown).toBeInstanceOf(classes[error.exception]);
    expect((thrown as Error).message).toBe(error.message);
  });
});

describe('JsonConverter where Polyconnect knowingly differs from the golden bytes', () => {
  const caseNamed = (name: string): JsonGoldenCase => manifest.cases.find((goldenCase) => goldenCase.name === name)!;

  it('writes doubles as JDK 19+ Double.toString does; the golden JDK 17 printed a longer form of the same double', () => {
    // Golden: Kafka 4.1.2 on JDK 17 wrote 2e23 as 1.9999999999999998E23 (JDK-4511638, fixed in JDK 19).
    const kafka = goldenBytes(caseNamed('float64-jdk17-2e23.plain'))!.toString('utf8');
    expect(kafka).toBe('1.9999999999999998E23');
    const converter = converterFor(caseNamed('float64-jdk17-2e23.plain'));
    expect(converter.fromConnectData('topic', goldenInput('float64-jdk17-2e23.plain').schema, 2e23)?.toString('utf8')).toBe('2.0E23');
    expect(Number(kafka)).toBe(2e23);
  });

  it('writes a schemaless whole-number double as an integer: JavaScript cannot tell 1.0 from 1', () => {
    // Golden: Kafka wrote the Java Double 1.0 (schemaless) as 1.0; both texts read back as the number 1.
    const goldenCase = caseNamed('schemaless-integral-double.plain');
    expect(goldenBytes(goldenCase)!.toString('utf8')).toBe('1.0');
    const converter = converterFor(goldenCase);
    expect(converter.fromConnectData('topic', null, 1)?.toString('utf8')).toBe('1');
    expect(converter.toConnectData('topic', Buffer.from('1.0')).value).toBe(1);
  });
});
