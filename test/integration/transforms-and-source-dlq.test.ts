// SMTs in the worker against a real broker and plugins: a source's records go through Kafka's
// built-in transforms (Cast with a predicate, InsertHeader), records a transform cannot handle go
// to the source dead letter queue (a Polyconnect extension) with the context headers, and a bad
// transform config is refused before any task starts, naming the key.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import kafkajs from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileSize } from '../support/file-data.js';
import { kafkaBootstrapServers, kafkaBrokers } from '../support/kafka.js';
import { StandaloneWorker } from '../support/standalone-worker.js';

const stamp = Date.now();
const topic = `smt-${stamp}`;
const dlq = `smt-dlq-${stamp}`;

async function readRecords(name: string, count: number): Promise<Array<{ value: string | null; headers: Record<string, string> }>> {
  const kafka = new kafkajs.Kafka({ clientId: 'smt-test', brokers: kafkaBrokers(), logLevel: kafkajs.logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `smt-reader-${Date.now()}` });
  const records: Array<{ value: string | null; headers: Record<string, string> }> = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [name], fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${records.length} of ${count} records on ${name}`)), 30_000);
    void consumer.run({
      eachMessage: async ({ message }) => {
        records.push({ value: message.value?.toString() ?? null, headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])) });
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

describe('transforms and the source dead letter queue', () => {
  let worker: StandaloneWorker;
  const directory = mkdtempSync(join(tmpdir(), 'pc-smt-'));
  const input = join(directory, 'in.txt');
  const output = join(directory, 'out.txt');

  beforeAll(async () => {
    writeFileSync(input, '1\n2\nnot a number\n4\n');
    worker = await StandaloneWorker.start({
      bootstrapServers: kafkaBootstrapServers(),
      directory,
      properties: {
        'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
        'value.converter.schemas.enable': 'true',
      },
      connectors: [
        {
          name: 'numbers',
          'connector.class': 'FileStreamSource',
          file: input,
          topic,
          transforms: 'tag,toInt',
          'transforms.tag.type': 'org.apache.kafka.connect.transforms.InsertHeader',
          'transforms.tag.header': 'origin',
          'transforms.tag.value.literal': 'file',
          'transforms.toInt.type': 'org.apache.kafka.connect.transforms.Cast$Value',
          'transforms.toInt.spec': 'int32',
          'transforms.toInt.predicate': 'isNumbers',
          predicates: 'isNumbers',
          'predicates.isNumbers.type': 'org.apache.kafka.connect.transforms.predicates.TopicNameMatches',
          'predicates.isNumbers.pattern': 'smt-.*',
          'errors.tolerance': 'all',
          'errors.deadletterqueue.topic.name': dlq,
          'errors.deadletterqueue.topic.replication.factor': '1',
          'errors.deadletterqueue.context.headers.enable': 'true',
        },
        { name: 'out', 'connector.class': 'FileStreamSink', file: output, topics: topic },
      ],
    });
  });

  afterAll(async () => {
    expect(await worker?.stop('SIGTERM')).toBe(0);
  });

  it('casts the lines to int32 with a schema and adds the header', async () => {
    await worker.waitFor(() => fileSize(output) >= '1\n2\n4\n'.length, 30_000, 'the cast records');
    expect(readFileSync(output, 'utf8')).toBe('1\n2\n4\n');
    const records = await readRecords(topic, 3);
    expect(records.map((r) => r.value)).toEqual([1, 2, 4].map((n) => JSON.stringify({ schema: { type: 'int32', optional: false }, payload: n })));
    expect(records.every((r) => r.headers['origin'] === 'file')).toBe(true);
  });

  it('sends the record the transform could not cast to the source DLQ with the context headers', async () => {
    const [record] = await readRecords(dlq, 1);
    expect(record!.value).toBe(JSON.stringify({ schema: { type: 'string', optional: false }, payload: 'not a number' }));
    expect(record!.headers).toMatchObject({
      '__connect.errors.topic': topic,
      '__connect.errors.connector.name': 'numbers',
      '__connect.errors.task.id': '0',
      '__connect.errors.stage': 'TRANSFORMATION',
      '__connect.errors.class.name': 'org.apache.kafka.connect.transforms.Cast$Value',
      '__connect.errors.exception.class.name': 'org.apache.kafka.connect.errors.DataException',
      '__connect.errors.source.partition': JSON.stringify({ filename: input }),
    });
    expect(JSON.parse(record!.headers['__connect.errors.source.offset']!)).toEqual({ position: '1\n2\nnot a number\n'.length });
  });

  it('refuses a bad transform config before any task starts, naming the key', async () => {
    const response = await fetch(`${worker.restUrl}/connectors`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'broken', config: { 'connector.class': 'FileStreamSource', file: input, topic, transforms: 'c', 'transforms.c.type': 'org.apache.kafka.connect.transforms.Cast$Value', 'transforms.c.spec': 'int99' } }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { message: string };
    // Kafka's own (inside-out) Cast message for an unknown type in spec.
    expect(body.message).toMatch(/^Connector configuration is invalid and contains the following 1 error\(s\):\nInvalid value java.lang.IllegalArgumentException: No enum constant org.apache.kafka.connect.data.Schema.Type.INT99 for configuration Invalid type found in casting spec: int99\n/);
    expect((await worker.get('/connectors/broken')).status).toBe(404);
  });
});
