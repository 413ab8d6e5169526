// The errant-record reporter (KIP-610) across the process boundary: records a sink task reports
// as failed — during Put, or later during PreCommit — go to the dead letter queue with their
// original bytes and stage TASK_PUT (errors.tolerance=all), or fail the task (none). Offsets are
// committed only after the reports are written.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import kafkajs from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileSize } from '../support/file-data.js';
import { kafkaBootstrapServers, kafkaBrokers } from '../support/kafka.js';
import { FIXTURE_PLUGINS_DIR, StandaloneWorker } from '../support/standalone-worker.js';

const stamp = Date.now();
const topic = `errant-${stamp}`;

async function read(name: string, count: number): Promise<Array<{ key: string | null; value: string | null; headers: Record<string, string> }>> {
  const kafka = new kafkajs.Kafka({ clientId: 'errant-test', brokers: kafkaBrokers(), logLevel: kafkajs.logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `errant-reader-${Date.now()}-${Math.random()}` });
  const records: Array<{ key: string | null; value: string | null; headers: Record<string, string> }> = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [name], fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${records.length} of ${count} records on ${name}`)), 30_000);
    void consumer.run({
      eachMessage: async ({ message }) => {
        records.push({ key: message.key?.toString() ?? null, value: message.value?.toString() ?? null, headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])) });
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

describe('errant-record reporter', () => {
  let worker: StandaloneWorker;
  const directory = mkdtempSync(join(tmpdir(), 'pc-errant-'));
  const sink = (name: string, extra: Record<string, string>) => ({
    name,
    'connector.class': 'polyconnect.fixtures.ErrantSinkConnector',
    topics: topic,
    file: join(directory, `${name}.txt`),
    ...extra,
  });

  beforeAll(async () => {
    const kafka = new kafkajs.Kafka({ clientId: 'errant-test', brokers: kafkaBrokers(), logLevel: kafkajs.logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: ['ok-1', 'bad-2', 'ok-3', 'bad-4', 'ok-5'].map((value, i) => ({ key: `k${i}`, value })) });
    await producer.disconnect();
    const dlq = { 'errors.tolerance': 'all', 'errors.deadletterqueue.topic.replication.factor': '1', 'errors.deadletterqueue.context.headers.enable': 'true' };
    worker = await StandaloneWorker.start({
      bootstrapServers: kafkaBootstrapServers(),
      directory,
      properties: { 'plugin.path': join(FIXTURE_PLUGINS_DIR, 'errant-sink') },
      connectors: [
        sink('during-put', { ...dlq, 'errors.deadletterqueue.topic.name': `${topic}-dlq-put` }),
        sink('during-precommit', { ...dlq, 'report.during': 'precommit', 'errors.deadletterqueue.topic.name': `${topic}-dlq-late` }),
        sink('strict', {}),
      ],
    });
  });

  afterAll(async () => {
    expect(await worker?.stop('SIGTERM')).toBe(0);
  });

  it.each([
    ['during-put', 'dlq-put', 'cannot write bad-2'],
    ['during-precommit', 'dlq-late', 'cannot write bad-2 (reported late)'],
  ])('%s: good records are written, bad ones go to the DLQ with stage TASK_PUT and their original bytes', async (name, suffix, message) => {
    const file = join(directory, `${name}.txt`);
    await worker.waitFor(() => fileSize(file) >= 'ok-1\nok-3\nok-5\n'.length, 30_000, `${name} to write`);
    expect(readFileSync(file, 'utf8')).toBe('ok-1\nok-3\nok-5\n');
    const dlq = await read(`${topic}-${suffix}`, 2);
    expect(dlq.map((r) => [r.key, r.value])).toEqual([
      ['k1', 'bad-2'],
      ['k3', 'bad-4'],
    ]);
    expect(dlq[0]!.headers).toMatchObject({
      '__connect.errors.stage': 'TASK_PUT',
      '__connect.errors.class.name': 'org.apache.kafka.connect.sink.SinkTask',
      '__connect.errors.exception.class.name': 'org.apache.kafka.connect.errors.DataException',
      '__connect.errors.exception.message': message,
      '__connect.errors.offset': '1',
      '__connect.errors.connector.name': name,
    });
    expect((await worker.status(name))?.tasks[0]?.state).toBe('RUNNING');
  });

  it('fails the task on the first errant record under errors.tolerance=none', async () => {
    let trace = '';
    await worker.waitFor(async () => {
      const task = (await worker.status('strict'))?.tasks[0];
      trace = task?.trace ?? '';
      return task?.state === 'FAILED';
    }, 30_000, 'the strict sink to fail');
    expect(trace).toMatch(/^org\.apache\.kafka\.connect\.errors\.ConnectException: Tolerance exceeded in error handler/);
    expect(trace).toContain('cannot write bad-2');
  });
});
