// Issue 3, must show: pause stops the flow within one poll interval (the worker polls a source
// task, and fetches for a sink task, with a 500 ms maximum wait), resume continues, and nothing
// is lost or duplicated. Data keeps arriving the whole time: a writer appends numbered lines to a
// FileStreamSource's file, and a producer sends numbered records to the topic a sink reads. The
// test measures the time from the pause answer to the last record that got through.

import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import kafkajs from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kafkaBootstrapServers, kafkaBrokers } from '../support/kafka.js';
import { FIXTURE_PLUGINS_DIR, FILE_PLUGIN_DIR, StandaloneWorker, type ConnectorStatus } from '../support/standalone-worker.js';

const POLL_INTERVAL_MS = 500;
const stamp = Date.now();
const sourceTopic = `pause-src-${stamp}`;
const sinkTopic = `pause-sink-${stamp}`;
const kafka = new kafkajs.Kafka({ clientId: 'rt-pause', brokers: kafkaBrokers(), logLevel: kafkajs.logLevel.NOTHING });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const states = (status: ConnectorStatus | undefined): string[] => [status?.connector.state ?? 'none', ...(status?.tasks.map((t) => t.state) ?? [])];

/** Every number 0..count-1 exactly once, in order. */
function expectExactlyOnce(numbers: number[], count: number): void {
  const repeated = numbers.filter((n, i) => numbers.indexOf(n) !== i);
  expect(repeated).toEqual([]);
  expect(numbers).toEqual(Array.from({ length: count }, (_, i) => i));
}

describe('pause and resume while data keeps arriving', () => {
  let worker: StandaloneWorker;
  const directory = mkdtempSync(join(tmpdir(), 'pc-rt-pause-'));
  const input = join(directory, 'in.txt');
  const output = join(directory, 'sink.jsonl');

  beforeAll(async () => {
    writeFileSync(input, '');
    writeFileSync(output, '');
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [sourceTopic, sinkTopic].map((topic) => ({ topic, numPartitions: 1, replicationFactor: 1 })), waitForLeaders: true });
    await admin.disconnect();
    worker = await StandaloneWorker.start({
      bootstrapServers: kafkaBootstrapServers(),
      directory,
      properties: { 'plugin.path': `${FILE_PLUGIN_DIR},${join(FIXTURE_PLUGINS_DIR, 'runtime-recorder-sink')}`, 'offset.flush.interval.ms': '500' },
      connectors: [
        { name: 'src', 'connector.class': 'FileStreamSource', file: input, topic: sourceTopic },
        { name: 'snk', 'connector.class': 'polyconnect.fixtures.RuntimeRecorderSinkConnector', topics: sinkTopic, file: output },
      ],
    });
  });

  afterAll(async () => {
    expect(await worker?.stop('SIGTERM')).toBe(0);
  });

  async function expectStates(name: string, wanted: string[]): Promise<void> {
    await worker.waitFor(async () => JSON.stringify(states(await worker.status(name))) === JSON.stringify(wanted), 30_000, `${name} to be ${wanted.join(',')}`);
  }

  it('a paused source stops producing within one poll interval; resumed, it continues with nothing lost or repeated', async () => {
    const seen: Array<{ n: number; timestamp: number }> = [];
    const consumer = kafka.consumer({ groupId: `rt-pause-reader-${stamp}` });
    await consumer.connect();
    await consumer.subscribe({ topics: [sourceTopic], fromBeginning: true });
    void consumer.run({ eachMessage: async ({ message }) => void seen.push({ n: Number(message.value!.toString()), timestamp: Number(message.timestamp) }) });
    let written = 0;
    const writer = setInterval(() => {
      let text = '';
      for (let i = 0; i < 5; i++) text += `${written++}\n`;
      appendFileSync(input, text);
    }, 20);
    try {
      await worker.waitFor(() => seen.length > 200, 60_000, 'the source to flow');
      const response = await worker.put('/connectors/src/pause');
      const pausedAt = Date.now();
      expect(response.status).toBe(202);
      await expectStates('src', ['PAUSED', 'PAUSED']);
      await sleep(3_000);
      const last = Math.max(...seen.map((r) => r.timestamp));
      const countWhilePaused = seen.length;
      console.log(`source: last record produced ${last - pausedAt} ms after the pause answer`);
      expect(last - pausedAt).toBeLessThanOrEqual(POLL_INTERVAL_MS);
      await sleep(1_500);
      expect(seen.length).toBe(countWhilePaused);
      expect((await worker.put('/connectors/src/resume')).status).toBe(202);
      await expectStates('src', ['RUNNING', 'RUNNING']);
      await worker.waitFor(() => seen.length > countWhilePaused + 100, 30_000, 'the source to flow again');
      clearInterval(writer);
      const total = written;
      await worker.waitFor(() => seen.length >= total, 60_000, 'every line');
      await sleep(1_500);
      expectExactlyOnce(seen.map((r) => r.n), total);
    } finally {
      clearInterval(writer);
      await consumer.disconnect();
    }
  });

  it('a paused sink stops delivering within one poll interval; resumed, it delivers the rest once each', async () => {
    const producer = kafka.producer();
    await producer.connect();
    let sent = 0;
    let sending = true;
    const pump = (async () => {
      while (sending) {
        await producer.send({ topic: sinkTopic, messages: Array.from({ length: 5 }, () => ({ value: String(sent++) })) });
        await sleep(20);
      }
    })();
    const delivered = () =>
      readFileSync(output, 'utf8')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as { at: number; value: string });
    try {
      await worker.waitFor(() => delivered().length > 200, 60_000, 'the sink to flow');
      const response = await worker.put('/connectors/snk/pause');
      const pausedAt = Date.now();
      expect(response.status).toBe(202);
      await expectStates('snk', ['PAUSED', 'PAUSED']);
      await sleep(3_000);
      const countWhilePaused = delivered().length;
      const last = Math.max(...delivered().map((r) => r.at));
      console.log(`sink: last record written ${last - pausedAt} ms after the pause answer`);
      expect(last - pausedAt).toBeLessThanOrEqual(POLL_INTERVAL_MS);
      await sleep(1_500);
      expect(delivered().length).toBe(countWhilePaused);
      expect((await worker.put('/connectors/snk/resume')).status).toBe(202);
      await expectStates('snk', ['RUNNING', 'RUNNING']);
      await worker.waitFor(() => delivered().length > countWhilePaused + 100, 30_000, 'the sink to flow again');
      sending = false;
      await pump;
      await worker.waitFor(() => delivered().length >= sent, 60_000, 'every record');
      await sleep(1_500);
      expectExactlyOnce(delivered().map((r) => Number(r.value)), sent);
    } finally {
      sending = false;
      await pump;
      await producer.disconnect();
    }
  });
});
