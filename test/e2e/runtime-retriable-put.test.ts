// Issue 3, must show: a sink whose Put fails retriably (the SDK's RetriableException) for its first
// 3 s (from its first Put), under errors.retry.timeout=10000, delivers every record exactly once: the worker delivers
// the same batch again with backoff until Put succeeds, and the task stays RUNNING.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import kafkajs from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kafkaBootstrapServers, kafkaBrokers } from '../support/kafka.js';
import { FIXTURE_PLUGINS_DIR, StandaloneWorker } from '../support/standalone-worker.js';

const stamp = Date.now();
const topic = `retriable-${stamp}`;
const COUNT = 300;
const kafka = new kafkajs.Kafka({ clientId: 'rt-retriable', brokers: kafkaBrokers(), logLevel: kafkajs.logLevel.NOTHING });

const readText = (file: string): string => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};
const lines = (file: string) => readText(file).split('\n').filter((l) => l !== '');

describe('a sink whose Put fails retriably for 3 s', () => {
  let worker: StandaloneWorker;
  const directory = mkdtempSync(join(tmpdir(), 'pc-rt-retry-'));
  const output = join(directory, 'out.jsonl');

  beforeAll(async () => {
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: Array.from({ length: COUNT / 2 }, (_, i) => ({ key: `k${i}`, value: `r-${i}` })) });
    await producer.disconnect();
    worker = await StandaloneWorker.start({
      bootstrapServers: kafkaBootstrapServers(),
      directory,
      properties: { 'plugin.path': join(FIXTURE_PLUGINS_DIR, 'runtime-recorder-sink') },
      connectors: [
        {
          name: 'flaky',
          'connector.class': 'polyconnect.fixtures.RuntimeRecorderSinkConnector',
          topics: topic,
          file: output,
          'fail.retriable.ms': '3000',
          'errors.retry.timeout': '10000',
          'errors.log.enable': 'true',
        },
      ],
    });
  });

  afterAll(async () => {
    expect(await worker?.stop('SIGTERM')).toBe(0);
  });

  it('delivers the same batch again until Put succeeds, then delivers every record exactly once', async () => {
    await worker.waitFor(() => lines(output).length >= COUNT / 2, 60_000, 'the first half of the records');
    const failures = lines(`${output}.failures`).map((l) => Number(l.split(' ')[0]));
    console.log(`Put failed ${failures.length} times, at +${failures.map((t) => t - failures[0]!).join(', +')} ms`);
    // Put failed more than once (the fixture refuses every Put in its first 3 s), so the worker
    // delivered the same batch again rather than failing the task or dropping it.
    expect(failures.length).toBeGreaterThanOrEqual(2);
    expect(failures.every((n, i) => i === 0 || n > failures[i - 1]!)).toBe(true);

    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: Array.from({ length: COUNT / 2 }, (_, i) => ({ key: `k${COUNT / 2 + i}`, value: `r-${COUNT / 2 + i}` })) });
    await producer.disconnect();
    await worker.waitFor(() => lines(output).length >= COUNT, 60_000, 'every record');
    await new Promise((r) => setTimeout(r, 2_000));

    const delivered = lines(output).map((l) => JSON.parse(l) as { at: number; offset: number; key: string; value: string });
    // Put failed for 3 s from the first attempt, and the retries went on until it succeeded,
    // within errors.retry.timeout.
    const recovery = delivered[0]!.at - failures[0]!;
    console.log(`first record written ${recovery} ms after the first failed Put`);
    expect(recovery).toBeGreaterThanOrEqual(3_000);
    expect(recovery).toBeLessThan(10_000);
    const perOffset = new Map<number, number>();
    for (const r of delivered) perOffset.set(r.offset, (perOffset.get(r.offset) ?? 0) + 1);
    expect(delivered.length).toBe(COUNT);
    expect([...perOffset.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect(delivered.map((r) => r.value)).toEqual(Array.from({ length: COUNT }, (_, i) => `r-${i}`));
    expect(delivered.map((r) => r.key)).toEqual(Array.from({ length: COUNT }, (_, i) => `k${i}`));
    const task = (await worker.status('flaky'))?.tasks[0];
    expect(task?.state).toBe('RUNNING');
  });
});
