// Issue 3, must show: poison records on a sink. Under errors.tolerance=all with a dead letter
// queue, a record whose bytes are not JSON (VALUE_CONVERTER), one an SMT cannot handle (a Cast of
// a non-numeric string, TRANSFORMATION) and one the plugin reports failed from Put (TASK_PUT)
// each land in the DLQ with their original key and value bytes and Kafka's __connect.errors.*
// headers; every good record reaches the sink; the group's committed offset moves past all of
// them. Under errors.tolerance=none the task fails at the first bad record of each kind and the
// committed offset stays at that record (the good records before it committed, it not).

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import kafkajs from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kafkaBootstrapServers, kafkaBrokers } from '../support/kafka.js';
import { FIXTURE_PLUGINS_DIR, StandaloneWorker } from '../support/standalone-worker.js';

const stamp = Date.now();
const topic = `poison-${stamp}`;
const dlqTopic = `poison-dlq-${stamp}`;
const kafka = new kafkajs.Kafka({ clientId: 'rt-poison', brokers: kafkaBrokers(), logLevel: kafkajs.logLevel.NOTHING });

const schema = {
  type: 'struct',
  optional: false,
  fields: [
    { field: 'id', type: 'int32', optional: false },
    { field: 'amount', type: 'string', optional: false },
    { field: 'note', type: 'string', optional: false },
  ],
};
const record = (id: number, amount: string, note = 'ok') => JSON.stringify({ schema, payload: { id, amount, note } });

// offset: 0 good, 1 not JSON, 2 good, 3 Cast fails, 4 good, 5 Put reports it, 6 good, 7 good
const INPUT = [
  { key: 'k0', value: record(0, '10') },
  { key: 'k1', value: 'garbage, not json {' },
  { key: 'k2', value: record(2, '12') },
  { key: 'k3', value: record(3, 'abc') },
  { key: 'k4', value: record(4, '14') },
  { key: 'k5', value: record(5, '15', 'bad-put') },
  { key: 'k6', value: record(6, '16') },
  { key: 'k7', value: record(7, '17') },
];

interface Line {
  offset: number;
  value: { id: number; amount: number; note: string };
}
const readLines = (file: string): Line[] => {
  try {
    return readFileSync(file, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Line);
  } catch {
    return [];
  }
};

async function readTopic(name: string, count: number): Promise<Array<{ key: string | null; value: string | null; headers: Array<[string, string]> }>> {
  const consumer = kafka.consumer({ groupId: `rt-poison-reader-${Date.now()}-${Math.random()}` });
  const records: Array<{ key: string | null; value: string | null; headers: Array<[string, string]> }> = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [name], fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${records.length} of ${count} records on ${name}`)), 60_000);
    void consumer.run({
      eachMessage: async ({ message }) => {
        records.push({ key: message.key?.toString() ?? null, value: message.value?.toString() ?? null, headers: Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]) });
        if (records.length >= count) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  await consumer.disconnect();
  return records;
}

async function committed(group: string, name: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [entry] = await admin.fetchOffsets({ groupId: group, topics: [name] });
    return Number(entry?.partitions.find((p) => p.partition === 0)?.offset ?? -1);
  } finally {
    await admin.disconnect();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('poison records on a sink', () => {
  let worker: StandaloneWorker;
  const directory = mkdtempSync(join(tmpdir(), 'pc-rt-poison-'));
  const file = (name: string) => join(directory, `${name}.jsonl`);
  const strictKinds = [
    { name: 'strict-convert', bad: { key: 'b', value: 'not json either' }, trace: 'the record is not JSON, but value.converter=org.apache.kafka.connect.json.JsonConverter' },
    { name: 'strict-smt', bad: { key: 'b', value: record(3, 'xyz') }, trace: 'DataException: Value (xyz) was out of range for requested data type' },
    { name: 'strict-put', bad: { key: 'b', value: record(3, '13', 'bad-put') }, trace: 'fixture: cannot write offset 3' },
  ];
  const strictTopic = (name: string) => `${topic}-${name}`;
  const sink = (name: string, topics: string, extra: Record<string, string> = {}) => ({
    name,
    'connector.class': 'polyconnect.fixtures.RuntimeRecorderSinkConnector',
    topics,
    file: file(name),
    'errant.marker': 'bad-put',
    'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
    'value.converter.schemas.enable': 'true',
    transforms: 'cast',
    'transforms.cast.type': 'org.apache.kafka.connect.transforms.Cast$Value',
    'transforms.cast.spec': 'amount:int32',
    ...extra,
  });

  beforeAll(async () => {
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: INPUT });
    // Three good records on each strict topic first; the bad one follows once they are committed.
    for (const kind of strictKinds) await producer.send({ topic: strictTopic(kind.name), messages: [0, 1, 2].map((i) => ({ key: `k${i}`, value: record(i, String(10 + i)) })) });
    await producer.disconnect();
    worker = await StandaloneWorker.start({
      bootstrapServers: kafkaBootstrapServers(),
      directory,
      properties: { 'plugin.path': join(FIXTURE_PLUGINS_DIR, 'runtime-recorder-sink') },
      connectors: [
        sink('tolerant', topic, {
          'errors.tolerance': 'all',
          'errors.log.enable': 'true',
          'errors.deadletterqueue.topic.name': dlqTopic,
          'errors.deadletterqueue.topic.replication.factor': '1',
          'errors.deadletterqueue.context.headers.enable': 'true',
        }),
        ...strictKinds.map((kind) => sink(kind.name, strictTopic(kind.name))),
      ],
    });
  });

  afterAll(async () => {
    expect(await worker?.stop('SIGTERM')).toBe(0);
  });

  it('tolerance=all: every good record reaches the sink, once', async () => {
    await worker.waitFor(() => readLines(file('tolerant')).length >= 5, 60_000, 'the five good records');
    await sleep(1_500);
    expect(readLines(file('tolerant')).map((l) => [l.offset, l.value])).toEqual(
      [0, 2, 4, 6, 7].map((i) => [i, { id: i, amount: 10 + i, note: 'ok' }]),
    );
    expect((await worker.status('tolerant'))?.tasks[0]?.state).toBe('RUNNING');
  });

  it('tolerance=all: every bad record is in the DLQ with its original bytes and the stage that failed it', async () => {
    const dlq = await readTopic(dlqTopic, 3);
    expect(dlq.map((r) => [r.key, r.value])).toEqual([
      ['k1', INPUT[1]!.value],
      ['k3', INPUT[3]!.value],
      ['k5', INPUT[5]!.value],
    ]);
    for (const r of dlq) {
      expect(r.headers.map(([k]) => k)).toEqual([
        '__connect.errors.topic',
        '__connect.errors.partition',
        '__connect.errors.offset',
        '__connect.errors.connector.name',
        '__connect.errors.task.id',
        '__connect.errors.stage',
        '__connect.errors.class.name',
        '__connect.errors.exception.class.name',
        '__connect.errors.exception.message',
        '__connect.errors.exception.stacktrace',
      ]);
    }
    const headers = dlq.map((r) => Object.fromEntries(r.headers));
    const common = { '__connect.errors.topic': topic, '__connect.errors.partition': '0', '__connect.errors.connector.name': 'tolerant', '__connect.errors.task.id': '0', '__connect.errors.exception.class.name': 'org.apache.kafka.connect.errors.DataException' };
    expect(headers[0]).toMatchObject({ ...common, '__connect.errors.offset': '1', '__connect.errors.stage': 'VALUE_CONVERTER', '__connect.errors.class.name': 'org.apache.kafka.connect.json.JsonConverter' });
    expect(headers[0]!['__connect.errors.exception.message']).toContain('value.converter');
    expect(headers[1]).toMatchObject({ ...common, '__connect.errors.offset': '3', '__connect.errors.stage': 'TRANSFORMATION', '__connect.errors.class.name': 'org.apache.kafka.connect.transforms.Cast$Value' });
    expect(headers[2]).toMatchObject({ ...common, '__connect.errors.offset': '5', '__connect.errors.stage': 'TASK_PUT', '__connect.errors.class.name': 'org.apache.kafka.connect.sink.SinkTask', '__connect.errors.exception.message': 'fixture: cannot write offset 5' });
    for (const h of headers.slice(0, 2)) expect(h['__connect.errors.exception.stacktrace']).toMatch(/^org\.apache\.kafka\.connect\.errors\.DataException: /);
    // The plugin's own error: its stack trace as the plugin reported it.
    expect(headers[2]!['__connect.errors.exception.stacktrace']).toContain('fixture: cannot write offset 5');
  });

  it('tolerance=all: the consumer group offset moves past the bad records', async () => {
    let offset = -1;
    await worker.waitFor(async () => (offset = await committed('connect-tolerant', topic)) === INPUT.length, 30_000, 'the offset past every record to be committed');
    expect(offset).toBe(8);
  });

  it('tolerance=none: each task fails at its first bad record, whose offset is not committed', async () => {
    for (const kind of strictKinds) {
      await worker.waitFor(() => readLines(file(kind.name)).length >= 3, 60_000, `${kind.name} to write the good records`);
      await worker.waitFor(async () => (await committed(`connect-${kind.name}`, strictTopic(kind.name))) === 3, 30_000, `${kind.name} to commit the good records`);
    }
    const producer = kafka.producer();
    await producer.connect();
    for (const kind of strictKinds) await producer.send({ topic: strictTopic(kind.name), messages: [kind.bad, { key: 'k4', value: record(4, '14') }, { key: 'k5', value: record(5, '15') }] });
    await producer.disconnect();
    for (const kind of strictKinds) {
      let trace = '';
      await worker.waitFor(async () => {
        const task = (await worker.status(kind.name))?.tasks[0];
        trace = task?.trace ?? '';
        return task?.state === 'FAILED';
      }, 60_000, `${kind.name} to fail`);
      expect(trace).toMatch(/^org\.apache\.kafka\.connect\.errors\.ConnectException: Tolerance exceeded in error handler/);
      expect(trace).toContain(kind.trace);
    }
    await sleep(3_000); // three flush intervals
    for (const kind of strictKinds) {
      const offset = await committed(`connect-${kind.name}`, strictTopic(kind.name));
      expect({ connector: kind.name, offset }).toEqual({ connector: kind.name, offset: 3 });
      expect(readLines(file(kind.name)).filter((l) => l.value.note !== 'ok')).toEqual([]);
    }
  });
});
