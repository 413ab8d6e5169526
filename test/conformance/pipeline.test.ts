// The conformance connector in a real standalone worker against the real broker, once per
// language: one worker per language, with the three plugins on its plugin.path (one process per
// plugin), JsonConverter (schemas on) for keys, values and headers, and these connectors:
//
//   rt-<L>        <L> source, 500 all-types records          -> topic rt
//   rt-<L>-sink   <L> sink of rt, errors.tolerance=all, DLQ   -> rt file
//   rt-<L>-cross  the next language's sink of rt, same        -> cross file
//   slow-<L>      <L> source, a steady 100 records/s          -> topic slow
//   slow-<L>-sink <L> sink of slow, errors.tolerance=all, DLQ -> slow file
//
// Checks, in order: every type round-trips to the canonical lines test/conformance/README.md
// defines (through the language's own sink and the next one's); errant records reach the DLQ with
// stage TASK_PUT and their original bytes, the rest the file; the plugin's validation errors reach
// the REST validate endpoint; then on the slow pipeline, mid-stream: pause and resume (source and
// sink), stop and resume, a SIGTERM of the worker and a fresh start; finally the slow source is
// sped up to its end, and the topic, the file and the DLQ must hold every record exactly once.

import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kafkaBootstrapServers } from '../support/kafka.js';
import { type LogLine, StandaloneWorker, type WorkerOptions } from '../support/standalone-worker.js';
import { expectedLines, isErrant } from './support/expected.js';
import { CONFORMANCE_PLUGIN_PATH, LANGUAGES, type Language, nextLanguage, prepareLanguages } from './support/languages.js';
import { TopicWatcher, createTopics, readTopic } from './support/topics.js';

/** Records travel through Kafka with JsonConverter, which turns NaN and infinities into 0 (see expected.ts). */
const VIA_KAFKA = { viaJsonConverter: true } as const;
const RT_RECORDS = 500;
const SLOW_RECORDS = 8_000;
/** How long a paused or stopped pipeline is watched for records that should not come. */
const QUIET_MS = 2_000;
const STATE_TIMEOUT_MS = 60_000;

function lines(path: string): string[] {
  if (!existsSync(path)) return [];
  const text = readFileSync(path, 'utf8');
  return text === '' ? [] : text.slice(0, text.lastIndexOf('\n')).split('\n');
}

function errantBetween(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k).filter(isErrant);
}

/** The first line that differs from the expected ones, as a readable failure; and the counts. */
function expectLines(actual: string[], expected: string[], what: string): void {
  const first = actual.findIndex((line, k) => line !== expected[k]);
  if (first >= 0) expect(actual[first], `line ${first} of ${what}`).toBe(expected[first]);
  expect(actual.length, `lines in ${what}`).toBe(expected.length);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  await prepareLanguages();
}, 600_000);

describe.each(LANGUAGES)('$name edition in a worker', (language: Language) => {
  const cross = nextLanguage(language.id);
  const directory = mkdtempSync(join(tmpdir(), `pc-conformance-${language.id}-`));
  const stamp = Date.now();
  const topics = {
    rt: `conformance-${language.id}-rt-${stamp}`,
    rtDlq: `conformance-${language.id}-rt-dlq-${stamp}`,
    crossDlq: `conformance-${language.id}-cross-dlq-${stamp}`,
    slow: `conformance-${language.id}-slow-${stamp}`,
    slowDlq: `conformance-${language.id}-slow-dlq-${stamp}`,
  };
  const files = { rt: join(directory, 'rt.jsonl'), cross: join(directory, 'cross.jsonl'), slow: join(directory, 'slow.jsonl') };
  const dlq = (topic: string) => ({
    'errors.tolerance': 'all',
    'errors.deadletterqueue.topic.name': topic,
    'errors.deadletterqueue.topic.replication.factor': '1',
    'errors.deadletterqueue.context.headers.enable': 'true',
  });
  const slowSource = {
    name: `slow-${language.id}`,
    'connector.class': language.sourceClass,
    topic: topics.slow,
    'conformance.records': String(SLOW_RECORDS),
    'conformance.batch.size': '10',
    'conformance.poll.interval.ms': '100',
  };
  const options = (): WorkerOptions => ({
    bootstrapServers: kafkaBootstrapServers(),
    directory,
    properties: {
      'plugin.path': CONFORMANCE_PLUGIN_PATH,
      'plugin.isolation': 'plugin',
      'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'key.converter.schemas.enable': 'true',
      'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'value.converter.schemas.enable': 'true',
      'header.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'header.converter.schemas.enable': 'true',
      'offset.flush.interval.ms': '500',
    },
    connectors: [
      { name: `rt-${language.id}`, 'connector.class': language.sourceClass, topic: topics.rt, 'conformance.records': String(RT_RECORDS), 'conformance.batch.size': '100' },
      { name: `rt-${language.id}-sink`, 'connector.class': language.sinkClass, topics: topics.rt, 'conformance.file': files.rt, ...dlq(topics.rtDlq) },
      { name: `rt-${language.id}-cross`, 'connector.class': cross.sinkClass, topics: topics.rt, 'conformance.file': files.cross, ...dlq(topics.crossDlq) },
      slowSource,
      { name: `slow-${language.id}-sink`, 'connector.class': language.sinkClass, topics: topics.slow, 'conformance.file': files.slow, ...dlq(topics.slowDlq) },
    ],
  });
  const watcher = new TopicWatcher();
  let worker: StandaloneWorker;

  /** The `next` the slow source's task logged when it last started in `logs`. */
  const lastStart = (logs: readonly LogLine[]): number | undefined =>
    logs.filter((entry) => entry.msg === 'Conformance source task started' && entry['topic'] === topics.slow).at(-1)?.['next'] as number | undefined;

  async function waitForState(connector: string, connectorState: string, taskStates: string[]): Promise<void> {
    await worker.waitFor(async () => {
      const status = await worker.status(connector);
      return status?.connector.state === connectorState && JSON.stringify(status.tasks.map((t) => t.state)) === JSON.stringify(taskStates);
    }, STATE_TIMEOUT_MS, `${connector} to be ${connectorState} with tasks ${JSON.stringify(taskStates)}`);
  }

  async function waitForCount(topic: string, atLeast: number): Promise<void> {
    await worker.waitFor(async () => (await watcher.count(topic)) >= atLeast, 120_000, `${atLeast} records on ${topic}`);
  }

  /** Fails when the slow source already ended: each lifecycle check must happen mid-stream. */
  async function expectMidStream(): Promise<number> {
    const count = await watcher.count(topics.slow);
    expect(count, 'the slow source is still mid-stream').toBeLessThan(SLOW_RECORDS - 500);
    return count;
  }

  beforeAll(async () => {
    await createTopics(Object.values(topics));
    await watcher.connect();
    worker = await StandaloneWorker.start(options());
  }, 180_000);

  afterAll(async () => {
    await watcher.disconnect();
    if (worker !== undefined) await worker.stop('SIGTERM');
  }, 60_000);

  it(`round-trips records of every type: the ${language.name} sink and the ${cross.name} sink write exactly the expected canonical lines`, async () => {
    const expected = expectedLines(0, RT_RECORDS, VIA_KAFKA);
    await worker.waitFor(() => lines(files.rt).length >= expected.length && lines(files.cross).length >= expected.length, 120_000, 'both round-trip files to be complete');
    await sleep(1_000); // nothing more may come
    expectLines(lines(files.rt), expected, `the ${language.name} sink's file`);
    expectLines(lines(files.cross), expected, `the ${cross.name} sink's file`);
  }, 180_000);

  it('sends the errant records to the DLQ with stage TASK_PUT and their original bytes, and the rest to the file', async () => {
    const errant = errantBetween(0, RT_RECORDS);
    const originals = await readTopic(topics.rt, RT_RECORDS);
    for (const [dlqTopic, sink] of [[topics.rtDlq, `rt-${language.id}-sink`], [topics.crossDlq, `rt-${language.id}-cross`]] as const) {
      const dead = await readTopic(dlqTopic, errant.length);
      expect(dead.length, dlqTopic).toBe(errant.length);
      dead.forEach((record, k) => {
        const n = errant[k]!;
        expect(record.headers, `DLQ record ${k} of ${sink}`).toMatchObject({
          '__connect.errors.stage': 'TASK_PUT',
          '__connect.errors.connector.name': sink,
          '__connect.errors.topic': topics.rt,
          '__connect.errors.partition': '0',
          '__connect.errors.offset': String(n),
          '__connect.errors.exception.class.name': 'org.apache.kafka.connect.errors.DataException',
          '__connect.errors.exception.message': `conformance: record n=${n} is errant`,
        });
        expect(record.key?.equals(originals[n]!.key!)).toBe(true);
        expect(record.value?.equals(originals[n]!.value!)).toBe(true);
      });
    }
    // What the sink did write is the rest, in order (the round-trip check compared each line).
    const written = lines(files.rt).map((line) => Number((JSON.parse(line) as { value: { n: string } }).value.n));
    expect(written).toEqual(Array.from({ length: RT_RECORDS }, (_, i) => i).filter((i) => !isErrant(i)));
    for (const name of [`rt-${language.id}-sink`, `rt-${language.id}-cross`]) expect((await worker.status(name))?.tasks.map((t) => t.state)).toEqual(['RUNNING']);
  }, 120_000);

  it('passes the plugin\'s own validation errors to PUT /connector-plugins/<class>/config/validate', async () => {
    const validate = async (connectorClass: string, config: Record<string, string>) => {
      const response = await fetch(`${worker.restUrl}/connector-plugins/${encodeURIComponent(connectorClass)}/config/validate`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ 'connector.class': connectorClass, name: 'validate-me', ...config }),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { name: string; error_count: number; configs: Array<{ value: { name: string; value: string | null; errors: string[] } }> };
      return { ...body, errors: Object.fromEntries(body.configs.map((c) => [c.value.name, c.value.errors])) };
    };
    const bogus = await validate(language.sourceClass, { topic: 'x', 'conformance.mode': 'bogus' });
    expect(bogus.name).toBe(language.sourceClass);
    expect(bogus.errors['conformance.mode']).toEqual(['Invalid value bogus for configuration conformance.mode: String must be one of: all-types, small, string']);
    expect(bogus.error_count).toBe(1);
    const valid = await validate(language.sourceClass, { topic: 'x', 'conformance.mode': 'small' });
    expect(valid.error_count).toBe(0);
    const sink = await validate(language.sinkClass, { topics: 'x' });
    expect(sink.errors['conformance.file']).toEqual(['Missing required configuration "conformance.file" which has no default value.']);
    expect(sink.error_count).toBe(1);
  }, 60_000);

  it('pauses and resumes: a paused source produces nothing, a paused sink writes nothing, and both continue', async () => {
    await waitForCount(topics.slow, 100);
    await expectMidStream();

    expect((await worker.put(`/connectors/slow-${language.id}/pause`)).status).toBe(202);
    await waitForState(`slow-${language.id}`, 'PAUSED', ['PAUSED']);
    await sleep(500); // a batch produced as the pause arrived lands now
    const paused = await watcher.count(topics.slow);
    await sleep(QUIET_MS);
    expect(await watcher.count(topics.slow), 'records produced while the source was paused').toBe(paused);
    expect((await worker.put(`/connectors/slow-${language.id}/resume`)).status).toBe(202);
    await waitForState(`slow-${language.id}`, 'RUNNING', ['RUNNING']);
    await waitForCount(topics.slow, paused + 20);

    expect((await worker.put(`/connectors/slow-${language.id}-sink/pause`)).status).toBe(202);
    await waitForState(`slow-${language.id}-sink`, 'PAUSED', ['PAUSED']);
    await sleep(500);
    const written = lines(files.slow).length;
    const produced = await watcher.count(topics.slow);
    await sleep(QUIET_MS);
    await waitForCount(topics.slow, produced + 20); // the source keeps producing meanwhile
    expect(lines(files.slow).length, 'lines written while the sink was paused').toBe(written);
    expect((await worker.put(`/connectors/slow-${language.id}-sink/resume`)).status).toBe(202);
    await waitForState(`slow-${language.id}-sink`, 'RUNNING', ['RUNNING']);
    await worker.waitFor(() => lines(files.slow).length > written + 20, 60_000, 'the resumed sink to write again');
  }, 240_000);

  it('stops and starts again (PUT stop, then resume) from the committed offset', async () => {
    await expectMidStream();
    expect((await worker.put(`/connectors/slow-${language.id}/stop`)).status).toBe(204);
    await waitForState(`slow-${language.id}`, 'STOPPED', []);
    await sleep(500);
    const stopped = await watcher.count(topics.slow);
    await sleep(QUIET_MS);
    expect(await watcher.count(topics.slow), 'records produced while the connector was stopped').toBe(stopped);
    expect((await worker.put(`/connectors/slow-${language.id}/resume`)).status).toBe(202);
    await waitForState(`slow-${language.id}`, 'RUNNING', ['RUNNING']);
    await waitForCount(topics.slow, stopped + 20);
    // The task was started anew with the offset of the last record produced: n = stopped - 1.
    expect(lastStart(worker.logs)).toBe(stopped);
  }, 240_000);

  it('resumes after a SIGTERM of the worker mid-stream: a new worker continues where the old one stopped', async () => {
    await expectMidStream();
    expect(await worker.stop('SIGTERM')).toBe(0);
    const atStop = await watcher.count(topics.slow);
    const writtenAtStop = lines(files.slow).length;
    worker = await StandaloneWorker.start(options());
    await waitForState(`slow-${language.id}`, 'RUNNING', ['RUNNING']);
    await waitForCount(topics.slow, atStop + 20);
    expect(lastStart(worker.logs), 'where the new worker\'s task started').toBe(atStop);
    await worker.waitFor(() => lines(files.slow).length > writtenAtStop, 60_000, 'the sink to write again');
  }, 240_000);

  it('ends with every record exactly once in the topic, the file and the DLQ, and nothing repeated by the restarts', async () => {
    // Speed the source up to its end; the reconfigured task resumes from its committed offset too.
    const sped = { ...slowSource, 'conformance.batch.size': '500', 'conformance.poll.interval.ms': '0' };
    const reconfigured = await fetch(`${worker.restUrl}/connectors/slow-${language.id}/config`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sped) });
    expect(reconfigured.status).toBe(200);
    await waitForCount(topics.slow, SLOW_RECORDS);
    const expected = expectedLines(0, SLOW_RECORDS, VIA_KAFKA);
    await worker.waitFor(() => lines(files.slow).length >= expected.length, 180_000, `the slow sink's ${expected.length} lines`);
    await sleep(1_000);

    expect(await watcher.count(topics.slow), 'records on the slow topic').toBe(SLOW_RECORDS);
    const produced = await readTopic(topics.slow, SLOW_RECORDS, 120_000);
    const numbers = produced.map((message) => (JSON.parse(message.key!.toString()) as { payload: { n: number } }).payload.n);
    expect(numbers).toEqual(Array.from({ length: SLOW_RECORDS }, (_, i) => i));
    expectLines(lines(files.slow), expected, 'the slow sink\'s file');
    const errant = errantBetween(0, SLOW_RECORDS);
    const dead = await readTopic(topics.slowDlq, errant.length);
    expect(dead.map((record) => Number(record.headers['__connect.errors.offset']))).toEqual(errant);

    // The round-trip pipeline went through the restart too: its files and DLQs hold no repeats.
    expectLines(lines(files.rt), expectedLines(0, RT_RECORDS, VIA_KAFKA), `the ${language.name} sink's round-trip file after the restart`);
    expectLines(lines(files.cross), expectedLines(0, RT_RECORDS, VIA_KAFKA), `the ${cross.name} sink's round-trip file after the restart`);
    expect(await watcher.count(topics.rt)).toBe(RT_RECORDS);
    expect(await watcher.count(topics.rtDlq)).toBe(errantBetween(0, RT_RECORDS).length);
    expect(await watcher.count(topics.crossDlq)).toBe(errantBetween(0, RT_RECORDS).length);
  }, 300_000);
});
