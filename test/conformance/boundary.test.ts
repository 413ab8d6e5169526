// The conformance connector across the plugin boundary alone, without Kafka: the worker's own
// PluginHost and PluginClient drive each language's source and hand its records, as decoded by the
// worker, to each language's sink (all nine pairs). Every pair must write exactly the canonical
// lines test/conformance/README.md defines, report the same errant records, and the three plugins
// must describe and validate their configs identically and resume from a given offset alike.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SinkRecord, SourceRecord } from '@polyconnect/sdk';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PluginHost, type PluginLease } from '../../src/plugin/plugin-host.js';
import { readPluginManifest } from '../../src/plugin/plugin-manifest.js';
import { expectedLines, isErrant } from './support/expected.js';
import { LANGUAGES, type Language, prepareLanguages } from './support/languages.js';

const RECORDS = 250;
const BATCH = 60; // batches that do not divide RECORDS: the last poll is a partial one

const host = new PluginHost({
  isolation: 'task',
  logger: pino({ level: 'silent' }),
  handshakeTimeoutMs: 60_000,
  healthCheckIntervalMs: 5_000,
  healthCheckFailures: 3,
  shutdownTimeoutMs: 5_000,
  callTimeoutMs: 60_000,
});
const directory = mkdtempSync(join(tmpdir(), 'pc-conformance-boundary-'));
let counter = 0;

async function lease(language: Language, connector: string): Promise<PluginLease> {
  return host.acquire(await readPluginManifest(language.pluginDir), { connector, taskId: 0 });
}

/** What the worker's sink pipeline would hand the sink for a polled record at a Kafka offset. */
function asSinkRecord(record: SourceRecord, offset: number): SinkRecord {
  return {
    topic: record.topic,
    kafkaPartition: 0,
    kafkaOffset: offset,
    timestamp: record.timestamp ?? null,
    timestampType: 'CREATE_TIME',
    keySchema: record.keySchema ?? null,
    key: record.key ?? null,
    valueSchema: record.valueSchema ?? null,
    value: record.value ?? null,
    headers: record.headers ?? [],
    originalTopic: record.topic,
    originalKafkaPartition: 0,
    originalKafkaOffset: offset,
  };
}

/** Polls `count` records from a started source task. */
async function pollAll(source: PluginLease, count: number): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  while (records.length < count) {
    const batch = await source.client.poll(source.instanceId, 1_000);
    expect(batch.length).toBeLessThanOrEqual(BATCH);
    records.push(...batch);
  }
  return records;
}

function fileLines(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return text === '' ? [] : text.slice(0, -1).split('\n');
}

beforeAll(async () => {
  await prepareLanguages();
}, 600_000);

afterAll(async () => {
  await host.close();
});

describe.each(LANGUAGES)('$name source', (source) => {
  let records: SourceRecord[];

  beforeAll(async () => {
    const lease0 = await lease(source, `boundary-${source.id}`);
    try {
      await lease0.client.startSourceTask(lease0.instanceId, `boundary-${source.id}`, 0, source.sourceTaskClass, { topic: 'conformance', 'conformance.records': String(RECORDS), 'conformance.batch.size': String(BATCH) }, []);
      records = await pollAll(lease0, RECORDS);
      // The sequence ends: further polls answer empty.
      expect(await lease0.client.poll(lease0.instanceId, 500)).toEqual([]);
      await lease0.client.stopSourceTask(lease0.instanceId);
    } finally {
      await lease0.release();
    }
  }, 120_000);

  it('emits records 0.. with source partition {"sequence":"main"} and offset {"n": i}', () => {
    expect(records.length).toBe(RECORDS);
    records.forEach((record, i) => {
      expect(record.topic).toBe('conformance');
      expect(record.sourcePartition).toEqual({ sequence: 'main' });
      expect(record.sourceOffset).toEqual({ n: i });
    });
  });

  it.each(LANGUAGES)('into the $name sink: the canonical lines of every record, errant ones reported', async (sink) => {
    const file = join(directory, `${source.id}-to-${sink.id}-${++counter}.jsonl`);
    const lease0 = await lease(sink, `boundary-sink-${sink.id}`);
    const errant = [];
    try {
      await lease0.client.startSinkTask(lease0.instanceId, 'sink', 0, sink.sinkTaskClass, { 'conformance.file': file });
      await lease0.client.openPartitions(lease0.instanceId, [{ topic: 'conformance', partition: 0 }]);
      for (let from = 0; from < records.length; from += 100) {
        const batch = records.slice(from, from + 100).map((record, k) => asSinkRecord(record, from + k));
        errant.push(...(await lease0.client.put(lease0.instanceId, batch)));
      }
      const committed = await lease0.client.preCommit(lease0.instanceId, [{ topic: 'conformance', partition: 0, offset: RECORDS }]);
      expect(committed.offsets).toEqual([{ topic: 'conformance', partition: 0, offset: RECORDS }]);
      await lease0.client.stopSinkTask(lease0.instanceId);
    } finally {
      await lease0.release();
    }

    const errantNumbers = Array.from({ length: RECORDS }, (_, i) => i).filter(isErrant);
    expect(errant.map((e) => [e.topic, e.partition, e.offset, e.errorClass, e.message])).toEqual(
      errantNumbers.map((i) => ['conformance', 0, i, 'DataException', `conformance: record n=${i} is errant`]),
    );
    const lines = fileLines(file);
    const expected = expectedLines(0, RECORDS);
    expect(lines.length).toBe(expected.length);
    const first = lines.findIndex((line, k) => line !== expected[k]);
    if (first >= 0) expect(lines[first], `line ${first} of ${source.name} -> ${sink.name}`).toBe(expected[first]);
  }, 120_000);
});

describe('the three editions alike', () => {
  it('resume after the committed offset they are started with', async () => {
    for (const language of LANGUAGES) {
      const lease0 = await lease(language, `resume-${language.id}`);
      try {
        await lease0.client.startSourceTask(lease0.instanceId, 'resume', 0, language.sourceTaskClass, { topic: 't', 'conformance.records': '100', 'conformance.batch.size': '7' }, [
          { partition: { other: 'partition' }, offset: { n: 3 } },
          { partition: { sequence: 'main' }, offset: { n: 41 } },
        ]);
        const batch = await lease0.client.poll(lease0.instanceId, 1_000);
        expect(batch.map((r) => r.sourceOffset), language.name).toEqual([42, 43, 44, 45, 46, 47, 48].map((n) => ({ n })));
        await lease0.client.stopSourceTask(lease0.instanceId);
      } finally {
        await lease0.release();
      }
    }
  }, 120_000);

  it('describe their configs identically (apart from class names) and validate them with the same messages', async () => {
    const answers = [];
    for (const language of LANGUAGES) {
      const lease0 = await host.acquire(await readPluginManifest(language.pluginDir), { connector: `describe-${language.id}`, introspection: true });
      try {
        const described = await lease0.client.describe();
        const bogus = await lease0.client.validateConfig(language.sourceClass, { topic: '', 'conformance.mode': 'bogus', 'conformance.batch.size': '0', 'conformance.records': 'many' });
        const sinkMissing = await lease0.client.validateConfig(language.sinkClass, {});
        answers.push({
          connectors: described.connectors.map((c) => ({ ...c, className: c.className.replace(language.name, '<Lang>') })),
          bogus: bogus.values,
          sinkMissing: sinkMissing.values,
        });
      } finally {
        await lease0.release();
      }
    }
    const [ts, python, go] = answers;
    const errors = Object.fromEntries(ts!.bogus.map((v) => [v.name, v.errors]));
    expect(errors).toEqual({
      topic: ['Invalid value  for configuration topic: String must be non-empty'],
      'conformance.mode': ['Invalid value bogus for configuration conformance.mode: String must be one of: all-types, small, string'],
      'conformance.records': ['Invalid value many for configuration conformance.records: Not a number of type LONG'],
      'conformance.batch.size': ['Invalid value 0 for configuration conformance.batch.size: Value must be at least 1'],
      'conformance.poll.interval.ms': [],
    });
    expect(ts!.sinkMissing.map((v) => [v.name, v.errors])).toEqual([['conformance.file', ['Missing required configuration "conformance.file" which has no default value.']]]);
    expect(python).toEqual(ts);
    expect(go).toEqual(ts);
  }, 120_000);
});
