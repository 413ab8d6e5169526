// Issue 3, must show: Kafka's built-in SMTs end to end through running connectors. One worker runs
// two sink connectors (the runtime-recorder-sink fixture, which writes each delivered record's
// topic, key and value as one canonical JSON line). The first reads JSON with the schema envelope
// (a struct value) through Filter (HasHeaderKey predicate), RegexRouter, InsertField, MaskField,
// ReplaceField, Cast, TimestampConverter, Flatten and ValueToKey; the second reads schemaless JSON
// through the same SMTs in their schemaless form, with Filter on a negated predicate. The test
// asserts the exact transformed records, the renamed topic included.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import kafkajs from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kafkaBootstrapServers, kafkaBrokers } from '../support/kafka.js';
import { FIXTURE_PLUGINS_DIR, StandaloneWorker } from '../support/standalone-worker.js';

const stamp = Date.now();
const schemaTopic = `smt-in-${stamp}`;
const plainTopic = `smtplain-in-${stamp}`;
const TS = [Date.UTC(2024, 0, 2, 3, 4, 5, 678), Date.UTC(2025, 11, 31, 23, 59, 59, 1), Date.UTC(2026, 5, 15, 12, 0, 0, 0)];

const valueSchema = {
  type: 'struct',
  optional: false,
  fields: [
    { field: 'id', type: 'int32', optional: false },
    { field: 'name', type: 'string', optional: false },
    { field: 'ssn', type: 'string', optional: false },
    { field: 'secret', type: 'string', optional: false },
    { field: 'amount', type: 'string', optional: false },
    { field: 'ts', type: 'int64', optional: false },
    {
      field: 'address',
      type: 'struct',
      optional: false,
      fields: [
        { field: 'city', type: 'string', optional: false },
        { field: 'zip', type: 'string', optional: false },
      ],
    },
  ],
};

const payload = (i: number) => ({ id: i, name: `name-${i}`, ssn: `123-45-000${i}`, secret: `s3cr3t-${i}`, amount: String(40 + i), ts: TS[i % TS.length]!, address: { city: `city-${i}`, zip: `0${i}000` } });

interface Line {
  topic: string;
  keySchema: string | null;
  key: unknown;
  valueSchema: string | null;
  value: Record<string, unknown>;
}

const readLines = (file: string): Line[] => {
  try {
    return readFileSync(file, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Line);
  } catch {
    return [];
  }
};

const chain = {
  transforms: 'drop,route,insert,mask,replace,cast,time,flatten,toKey',
  'transforms.route.type': 'org.apache.kafka.connect.transforms.RegexRouter',
  'transforms.insert.type': 'org.apache.kafka.connect.transforms.InsertField$Value',
  'transforms.insert.static.field': 'origin',
  'transforms.insert.static.value': 'e2e',
  'transforms.insert.topic.field': 'via_topic',
  'transforms.mask.type': 'org.apache.kafka.connect.transforms.MaskField$Value',
  'transforms.mask.fields': 'ssn',
  'transforms.replace.type': 'org.apache.kafka.connect.transforms.ReplaceField$Value',
  'transforms.replace.exclude': 'secret',
  'transforms.replace.renames': 'name:full_name',
  'transforms.cast.type': 'org.apache.kafka.connect.transforms.Cast$Value',
  'transforms.cast.spec': 'amount:int32',
  'transforms.time.type': 'org.apache.kafka.connect.transforms.TimestampConverter$Value',
  'transforms.time.field': 'ts',
  'transforms.flatten.type': 'org.apache.kafka.connect.transforms.Flatten$Value',
  'transforms.flatten.delimiter': '_',
  'transforms.toKey.type': 'org.apache.kafka.connect.transforms.ValueToKey',
  'transforms.toKey.fields': 'id',
  'transforms.drop.type': 'org.apache.kafka.connect.transforms.Filter',
};

describe('built-in SMTs end to end through running connectors', () => {
  let worker: StandaloneWorker;
  const directory = mkdtempSync(join(tmpdir(), 'pc-rt-smt-'));
  const schemaOut = join(directory, 'schema.jsonl');
  const plainOut = join(directory, 'plain.jsonl');

  beforeAll(async () => {
    const kafka = new kafkajs.Kafka({ clientId: 'rt-smt', brokers: kafkaBrokers(), logLevel: kafkajs.logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: schemaTopic,
      messages: [0, 1, 2, 3].map((i) => ({ key: `k${i}`, value: JSON.stringify({ schema: valueSchema, payload: payload(i) }), headers: i === 2 ? { drop: 'yes' } : {} })),
    });
    await producer.send({
      topic: plainTopic,
      messages: [0, 1, 2, 3].map((i) => ({ key: `k${i}`, value: JSON.stringify(payload(i)), headers: i === 1 ? {} : { keep: 'yes' } })),
    });
    await producer.disconnect();
    worker = await StandaloneWorker.start({
      bootstrapServers: kafkaBootstrapServers(),
      directory,
      properties: { 'plugin.path': join(FIXTURE_PLUGINS_DIR, 'runtime-recorder-sink') },
      connectors: [
        {
          name: 'smt-schema',
          'connector.class': 'polyconnect.fixtures.RuntimeRecorderSinkConnector',
          topics: schemaTopic,
          file: schemaOut,
          'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
          'value.converter.schemas.enable': 'true',
          ...chain,
          'transforms.drop.predicate': 'hasDrop',
          'transforms.route.regex': 'smt-in-(\\d+)',
          'transforms.route.replacement': 'smt-out-$1',
          'transforms.time.target.type': 'Timestamp',
          predicates: 'hasDrop',
          'predicates.hasDrop.type': 'org.apache.kafka.connect.transforms.predicates.HasHeaderKey',
          'predicates.hasDrop.name': 'drop',
        },
        {
          name: 'smt-plain',
          'connector.class': 'polyconnect.fixtures.RuntimeRecorderSinkConnector',
          topics: plainTopic,
          file: plainOut,
          'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
          'value.converter.schemas.enable': 'false',
          ...chain,
          'transforms.drop.predicate': 'hasKeep',
          'transforms.drop.negate': 'true',
          'transforms.route.regex': 'smtplain-in-(\\d+)',
          'transforms.route.replacement': 'plain-out-$1',
          'transforms.time.target.type': 'string',
          'transforms.time.format': "yyyy-MM-dd'T'HH:mm:ss.SSS",
          predicates: 'hasKeep',
          'predicates.hasKeep.type': 'HasHeaderKey',
          'predicates.hasKeep.name': 'keep',
        },
      ],
    });
  });

  afterAll(async () => {
    expect(await worker?.stop('SIGTERM')).toBe(0);
  });

  it('with schemas: filters the record with the header, routes, inserts, masks, replaces, casts, converts the timestamp, flattens and keys by id', async () => {
    await worker.waitFor(() => readLines(schemaOut).length >= 3, 60_000, 'three transformed records (schema)');
    await new Promise((r) => setTimeout(r, 1_000));
    const lines = readLines(schemaOut);
    expect(lines.map((l) => ({ topic: l.topic, keySchema: l.keySchema, key: l.key, valueSchema: l.valueSchema, value: l.value }))).toEqual(
      [0, 1, 3].map((i) => ({
        topic: `smt-out-${stamp}`,
        keySchema: 'STRUCT',
        key: { id: i },
        valueSchema: 'STRUCT',
        value: {
          id: i,
          full_name: `name-${i}`,
          ssn: '',
          amount: 40 + i,
          ts: TS[i % TS.length],
          address_city: `city-${i}`,
          address_zip: `0${i}000`,
          via_topic: `smt-out-${stamp}`,
          origin: 'e2e',
        },
      })),
    );
    // Field order is Kafka's: the original fields (renamed, without the excluded one), then the
    // inserted ones (topic field before the static one), nested fields flattened in place.
    expect(Object.keys(lines[0]!.value)).toEqual(['id', 'full_name', 'ssn', 'amount', 'ts', 'address_city', 'address_zip', 'via_topic', 'origin']);
    expect((await worker.status('smt-schema'))?.tasks[0]?.state).toBe('RUNNING');
  });

  it('schemaless: the same chain on plain JSON maps, Filter on a negated predicate, TimestampConverter to a formatted string', async () => {
    await worker.waitFor(() => readLines(plainOut).length >= 3, 60_000, 'three transformed records (schemaless)');
    await new Promise((r) => setTimeout(r, 1_000));
    const lines = readLines(plainOut);
    const iso = (ms: number) => new Date(ms).toISOString().slice(0, -1); // yyyy-MM-ddTHH:mm:ss.SSS in UTC
    expect(lines.map((l) => ({ topic: l.topic, keySchema: l.keySchema, key: l.key, valueSchema: l.valueSchema, value: l.value }))).toEqual(
      [0, 2, 3].map((i) => ({
        topic: `plain-out-${stamp}`,
        keySchema: null,
        key: { id: i },
        valueSchema: null,
        value: {
          id: i,
          full_name: `name-${i}`,
          ssn: '',
          amount: 40 + i,
          ts: iso(TS[i % TS.length]!),
          address_city: `city-${i}`,
          address_zip: `0${i}000`,
          via_topic: `plain-out-${stamp}`,
          origin: 'e2e',
        },
      })),
    );
    expect((await worker.status('smt-plain'))?.tasks[0]?.state).toBe('RUNNING');
  });
});
