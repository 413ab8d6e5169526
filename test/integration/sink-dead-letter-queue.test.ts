// Sink error handling against a real broker and worker: records the converter cannot read go to
// the dead letter queue with their original bytes and headers and Kafka's __connect.errors.*
// context headers (errors.tolerance=all), or fail the task with a message naming the converter
// setting to change (errors.tolerance=none). Nothing is written wrong and nothing is lost.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import kafkajs from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kafkaBrokers, kafkaBootstrapServers } from '../support/kafka.js';
import { fileSize } from '../support/file-data.js';
import { StandaloneWorker } from '../support/standalone-worker.js';

const stamp = Date.now();
const topic = `dlq-input-${stamp}`;
const dlqTopic = `dlq-${stamp}`;
const envelope = (text: string): string => JSON.stringify({ schema: { type: 'string', optional: false }, payload: text });

const INPUT = [
  { key: 'k1', value: envelope('good-1'), headers: { h1: 'v1' } },
  { key: 'k2', value: '{"oops":1}', headers: { 'trace-id': 'abc' } },
  { key: 'k3', value: 'garbage, not json', headers: {} },
  { key: 'k4', value: envelope('good-2'), headers: {} },
];

interface DlqRecord {
  key: string | null;
  value: string | null;
  headers: Array<[string, string | null]>;
}

async function readTopic(name: string, count: number): Promise<DlqRecord[]> {
  const kafka = new kafkajs.Kafka({ clientId: 'dlq-test', brokers: kafkaBrokers(), logLevel: kafkajs.logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `dlq-reader-${Date.now()}` });
  const records: DlqRecord[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [name], fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${records.length} of ${count} records on ${name}`)), 30_000);
    void consumer.run({
      eachMessage: async ({ message }) => {
        // kafkajs flattens headers into an object; read them in wire order from the raw list instead
        const headers = Object.entries(message.headers ?? {}).map(([k, v]) => [k, v === undefined || v === null ? null : v.toString()] as [string, string | null]);
        records.push({ key: message.key?.toString() ?? null, value: message.value?.toString() ?? null, headers });
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

describe('sink dead letter queue and converter mismatch', () => {
  let worker: StandaloneWorker;
  const directory = mkdtempSync(join(tmpdir(), 'pc-dlq-'));
  const output = join(directory, 'out.txt');

  beforeAll(async () => {
    const kafka = new kafkajs.Kafka({ clientId: 'dlq-test', brokers: kafkaBrokers(), logLevel: kafkajs.logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: INPUT.map((r) => ({ key: r.key, value: r.value, headers: r.headers })) });
    await producer.disconnect();
    worker = await StandaloneWorker.start({
      bootstrapServers: kafkaBootstrapServers(),
      directory,
      connectors: [
        {
          name: 'tolerant-sink',
          'connector.class': 'FileStreamSink',
          file: output,
          topics: topic,
          'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
          'value.converter.schemas.enable': 'true',
          'errors.tolerance': 'all',
          'errors.log.enable': 'true',
          'errors.deadletterqueue.topic.name': dlqTopic,
          'errors.deadletterqueue.topic.replication.factor': '1',
          'errors.deadletterqueue.context.headers.enable': 'true',
        },
        {
          name: 'strict-sink',
          'connector.class': 'FileStreamSink',
          file: join(directory, 'strict.txt'),
          topics: topic,
          'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
        },
      ],
    });
  });

  afterAll(async () => {
    expect(await worker?.stop('SIGTERM')).toBe(0);
  });

  it('writes the good records and nothing else', async () => {
    await worker.waitFor(() => fileSize(output) >= 'good-1\ngood-2\n'.length, 30_000, 'the good records');
    await new Promise((r) => setTimeout(r, 1_000));
    expect(readFileSync(output, 'utf8')).toBe('good-1\ngood-2\n');
  });

  it('sends the unreadable records to the DLQ with their original bytes, their headers, then Kafka’s context headers in order', async () => {
    const dlq = await readTopic(dlqTopic, 2);
    expect(dlq.map((r) => [r.key, r.value])).toEqual([
      ['k2', '{"oops":1}'],
      ['k3', 'garbage, not json'],
    ]);
    const first = Object.fromEntries(dlq[0]!.headers);
    expect(dlq[0]!.headers.map(([k]) => k)).toEqual([
      'trace-id',
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
    expect(first).toMatchObject({
      'trace-id': 'abc',
      '__connect.errors.topic': topic,
      '__connect.errors.partition': '0',
      '__connect.errors.offset': '1',
      '__connect.errors.connector.name': 'tolerant-sink',
      '__connect.errors.task.id': '0',
      '__connect.errors.stage': 'VALUE_CONVERTER',
      '__connect.errors.class.name': 'org.apache.kafka.connect.json.JsonConverter',
      '__connect.errors.exception.class.name': 'org.apache.kafka.connect.errors.DataException',
    });
    expect(first['__connect.errors.exception.message']).toContain('set value.converter.schemas.enable=false');
    expect(first['__connect.errors.exception.stacktrace']).toMatch(/^org\.apache\.kafka\.connect\.errors\.DataException: /);
    expect(Object.fromEntries(dlq[1]!.headers)['__connect.errors.offset']).toBe('2');
    const status = await worker.status('tolerant-sink');
    expect(status?.tasks[0]?.state).toBe('RUNNING');
  });

  it('fails the strict sink (errors.tolerance=none) with a trace that names the setting to change, writing nothing wrong', async () => {
    let trace = '';
    await worker.waitFor(async () => {
      const task = (await worker.status('strict-sink'))?.tasks[0];
      trace = task?.trace ?? '';
      return task?.state === 'FAILED';
    }, 30_000, 'the strict sink to fail');
    expect(trace).toContain('Tolerance exceeded in error handler');
    expect(trace).toContain('value.converter.schemas.enable=true in the connector config, but the record is JSON without the schema envelope; set value.converter.schemas.enable=false');
    // The batch failed during conversion, before Put: nothing at all was written (Kafka does the same).
    expect(readFileSync(join(directory, 'strict.txt'), 'utf8')).toBe('');
  });
});
