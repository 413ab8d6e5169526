// A Go plugin built with the Go SDK (hashicorp/go-plugin underneath) in a real worker against the
// real broker: the datagen connector (plugins/connectors/datagen-go) generates all-types records,
// a FileStream sink writes them out, JsonConverter with schemas in between. Checks that every
// record arrives with exactly the content the generator's documented formulas give (computed here
// independently, in TypeScript), that the plugin's hclog lines reach the worker log with the
// connector and task names, and that a SIGKILLed Go task fails fast and resumes from its offset.
// Builds the plugin first when its binary is missing or older than its sources.

import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BigDecimal, DateSchema, DecimalSchema, type Schema, SchemaBuilder, Struct, TimeSchema, TimestampSchema } from '@polyconnect/sdk';
import { execa } from 'execa';
import kafkajs from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { javaString } from '../../plugins/connectors/file/src/java-string.js';
import { JsonConverter } from '../../src/converters/json-converter.js';
import { kafkaBrokers, kafkaBootstrapServers } from '../support/kafka.js';
import { FILE_PLUGIN_DIR, REPO_ROOT, StandaloneWorker } from '../support/standalone-worker.js';

const DATAGEN_DIR = join(REPO_ROOT, 'plugins/connectors/datagen-go');
const GO_SDK_DIR = join(REPO_ROOT, 'plugins/sdk/go');
const BINARY = join(DATAGEN_DIR, 'bin/datagen');
const RECORDS = 10_000;
const SEED = 42n;

/** Newest modification time of the Go sources (and go.mod/go.sum) under a folder, bin/ aside. */
function newestSource(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'bin' && !entry.name.startsWith('.')) newest = Math.max(newest, newestSource(path));
    } else if (/\.go$|^go\.(mod|sum)$/.test(entry.name)) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

async function buildPluginIfStale(): Promise<void> {
  const sources = Math.max(newestSource(DATAGEN_DIR), newestSource(GO_SDK_DIR));
  if (existsSync(BINARY) && statSync(BINARY).mtimeMs >= sources) return;
  await execa('bash', [join(DATAGEN_DIR, 'build.sh')], { timeout: 600_000, stdio: 'inherit' });
}

// The all-types schema and values, written from the generator's documentation (README.md), not
// from its code: the datagen plugin must produce exactly these.
const NESTED = SchemaBuilder.struct().name('io.polyconnect.datagen.Nested').field('name', SchemaBuilder.string().build()).field('score', SchemaBuilder.float64().optional().build()).build();
const ALL_TYPES: Schema = SchemaBuilder.struct()
  .name('io.polyconnect.datagen.AllTypes')
  .version(1)
  .doc('Every Connect type, from the record id')
  .field('id', SchemaBuilder.int64().build())
  .field('int8', SchemaBuilder.int8().build())
  .field('int16', SchemaBuilder.int16().build())
  .field('int32', SchemaBuilder.int32().build())
  .field('int64', SchemaBuilder.int64().build())
  .field('float32', SchemaBuilder.float32().build())
  .field('float64', SchemaBuilder.float64().build())
  .field('boolean', SchemaBuilder.bool().build())
  .field('string', SchemaBuilder.string().build())
  .field('bytes', SchemaBuilder.bytes().build())
  .field('optional_string', SchemaBuilder.string().optional().build())
  .field('with_default', SchemaBuilder.int32().optional().defaultValue(42).build())
  .field('array', SchemaBuilder.array(SchemaBuilder.int32().build()).build())
  .field('map', SchemaBuilder.map(SchemaBuilder.string().build(), SchemaBuilder.int64().build()).build())
  .field('int_map', SchemaBuilder.map(SchemaBuilder.int32().build(), SchemaBuilder.string().build()).build())
  .field('nested', NESTED)
  .field('decimal', DecimalSchema.schema(2))
  .field('date', DateSchema.SCHEMA)
  .field('time', TimeSchema.SCHEMA)
  .field('timestamp', TimestampSchema.SCHEMA)
  .field('random', SchemaBuilder.int64().build())
  .build();
const KEY_SCHEMA = SchemaBuilder.int64().build();

const MASK64 = (1n << 64n) - 1n;
function splitmix64(input: bigint): bigint {
  let x = (input + 0x9e3779b97f4a7c15n) & MASK64;
  x = ((x ^ (x >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  x = ((x ^ (x >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return x ^ (x >> 31n);
}

/** A JS integer type for INT64: a number when safe, else a bigint (the data model's rule). */
function int64(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

function expectedValue(id: number): Struct {
  const big = BigInt(id);
  const int64Value = (1n << 53n) + 1n + big * 1_000_003n;
  return new Struct(ALL_TYPES)
    .put('id', id)
    .put('int8', Number(BigInt.asIntN(8, big)))
    .put('int16', Number(BigInt.asIntN(16, big * 7n)))
    .put('int32', Number(BigInt.asIntN(32, big * 100_003n)))
    .put('int64', int64(id % 2 === 1 ? -int64Value : int64Value))
    .put('float32', (id % 1000) + 0.25)
    .put('float64', id / 8 - 100)
    .put('boolean', id % 3 === 0)
    .put('string', `all-types #${id} ü "q" \\ \t 😀`)
    .put('bytes', Buffer.from([0x00, 0xff, 0x80 | (id & 0x7f), 0x80 | ((id >> 7) & 0x7f)]))
    .put('optional_string', id % 5 === 0 ? null : `opt-${id}`)
    .put('with_default', id % 2 === 1 ? id : null)
    .put('array', Array.from({ length: id % 4 }, (_, i) => id + i))
    .put('map', new Map<string, number>([['a', id], ['b', id === 0 ? 0 : -id]]))
    .put('int_map', new Map<number, string>([[id % 100, `v${id}`]]))
    .put('nested', new Struct(NESTED).put('name', `n${id}`).put('score', id % 7 === 0 ? null : id / 2))
    .put('decimal', new BigDecimal(big * 12_345n - 5_000_000n, 2))
    .put('date', DateSchema.fromDays(19_000 + (id % 3_650)))
    .put('time', TimeSchema.fromMillisOfDay((id * 1_234_567) % 86_400_000))
    .put('timestamp', new Date(1_700_000_000_000 + id * 1_000))
    .put('random', int64(BigInt.asIntN(64, splitmix64(BigInt.asUintN(64, SEED ^ big)))));
}

function jsonConverter(isKey: boolean): JsonConverter {
  const converter = new JsonConverter();
  converter.configure({ 'schemas.enable': 'true' }, isKey);
  return converter;
}

/** The line FileStreamSink writes for record `id`: the value as JsonConverter hands it to the sink. */
function expectedLine(topic: string, id: number, converter: JsonConverter): string {
  const bytes = converter.fromConnectData(topic, ALL_TYPES, expectedValue(id));
  return javaString(converter.toConnectData(topic, bytes).value);
}

function lines(path: string): string[] {
  if (!existsSync(path)) return [];
  const text = readFileSync(path, 'utf8');
  return text === '' ? [] : text.slice(0, text.lastIndexOf('\n')).split('\n');
}

function idOf(line: string): number {
  const match = /^Struct\{id=(\d+),/.exec(line);
  if (match === null) throw new Error(`Not an all-types line: ${line.slice(0, 80)}`);
  return Number(match[1]);
}

async function readTopic(topic: string, count: number): Promise<Array<{ key: Buffer; value: Buffer }>> {
  const kafka = new kafkajs.Kafka({ clientId: 'go-plugin-test', brokers: kafkaBrokers(), logLevel: kafkajs.logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `go-plugin-reader-${Date.now()}` });
  const messages: Array<{ key: Buffer; value: Buffer }> = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${messages.length} of ${count} records on ${topic}`)), 60_000);
    void consumer.run({
      eachMessage: async ({ message }) => {
        messages.push({ key: message.key!, value: message.value! });
        if (messages.length >= count) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  await consumer.disconnect();
  return messages;
}

describe('a Go plugin (datagen on the Go SDK) in a real worker', () => {
  const directory = mkdtempSync(join(tmpdir(), 'pc-go-plugin-'));
  const stamp = Date.now();
  const topic = `go-datagen-${stamp}`;
  const slowTopic = `go-datagen-slow-${stamp}`;
  const output = join(directory, 'all-types.txt');
  const slowOutput = join(directory, 'slow.txt');
  let worker: StandaloneWorker;

  beforeAll(async () => {
    await buildPluginIfStale();
    worker = await StandaloneWorker.start({
      bootstrapServers: kafkaBootstrapServers(),
      directory,
      properties: {
        'plugin.path': `${FILE_PLUGIN_DIR},${DATAGEN_DIR}`,
        'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
        'key.converter.schemas.enable': 'true',
        'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
        'value.converter.schemas.enable': 'true',
        'offset.flush.interval.ms': '500',
      },
      connectors: [
        { name: 'go-datagen', 'connector.class': 'DatagenSource', topic, schema: 'all-types', 'max.records': String(RECORDS), 'batch.size': '500', 'tasks.max': '1' },
        { name: 'go-sink', 'connector.class': 'FileStreamSink', file: output, topics: topic },
      ],
    });
  }, 900_000);

  afterAll(async () => {
    if (worker !== undefined) expect(await worker.stop('SIGTERM')).toBe(0);
  });

  it('delivers all 10,000 all-types records with exactly the content the generator documents', async () => {
    await worker.waitFor(() => lines(output).length >= RECORDS, 120_000, `the sink file to hold ${RECORDS} lines`);
    await new Promise((r) => setTimeout(r, 1_500)); // nothing more may arrive
    const written = lines(output);
    expect(written.length).toBe(RECORDS);

    // What the sink wrote: the values as the worker decoded them, rendered as Kafka's sink does.
    // (One partition keeps them in order; matching by id keeps the test right on any topic.)
    const converter = jsonConverter(false);
    expect(new Set(written.map(idOf)).size).toBe(RECORDS);
    for (const line of written) {
      const expected = expectedLine(topic, idOf(line), converter);
      if (line !== expected) {
        expect(line, `record ${idOf(line)} in the sink file`).toBe(expected);
      }
    }

    // What Kafka holds, byte for byte: the JsonConverter's envelope with schema and payload, which
    // shows every field (maps, bytes, decimals, int64 beyond 2^53) that the sink's text cannot.
    const keyConverter = jsonConverter(true);
    const messages = await readTopic(topic, RECORDS);
    expect(messages.length).toBe(RECORDS);
    const seen = new Set<number>();
    for (const { key, value } of messages) {
      const id = (JSON.parse(key.toString()) as { payload: number }).payload;
      seen.add(id);
      const expectedKey = keyConverter.fromConnectData(topic, KEY_SCHEMA, id)!;
      const expectedBytes = converter.fromConnectData(topic, ALL_TYPES, expectedValue(id))!;
      if (!key.equals(expectedKey) || !value.equals(expectedBytes)) {
        expect(key.toString(), `key of record ${id}`).toBe(expectedKey.toString());
        expect(value.toString(), `value of record ${id}`).toBe(expectedBytes.toString());
      }
    }
    expect(seen.size).toBe(RECORDS);
    const status = await worker.status('go-datagen');
    expect([status?.connector.state, ...(status?.tasks.map((t) => t.state) ?? [])]).toEqual(['RUNNING', 'RUNNING']);
  }, 240_000);

  it("shows the Go plugin's hclog lines in the worker log with the plugin, connector and task names", () => {
    expect(worker.logs).toContainEqual(
      expect.objectContaining({
        source: 'plugin',
        plugin: 'datagen',
        connector: 'go-datagen',
        task: 0,
        level: 30,
        msg: 'DatagenSourceTask started',
        schema: 'all-types',
        sequence: 0,
        '@module': 'datagen',
      }),
    );
    expect(worker.logs).toContainEqual(
      expect.objectContaining({ source: 'plugin', plugin: 'datagen', connector: 'go-datagen', msg: 'DatagenSourceConnector started', level: 30 }),
    );
    expect(worker.logs).toContainEqual(expect.objectContaining({ source: 'plugin', connector: 'go-datagen', task: 0, msg: 'DatagenSourceTask generated all its records', records: RECORDS }));
  });

  it("serves the Go connector's config definitions and validation through REST, from the plugin's Describe and ValidateConfig", async () => {
    const plugins = await worker.get<Array<{ class: string; type: string; version: string }>>('/connector-plugins');
    expect(plugins.body).toContainEqual({ class: 'io.polyconnect.datagen.DatagenSourceConnector', type: 'source', version: '0.1.0' });
    const config = await worker.get<Array<{ name: string; type: string; required: boolean; default_value: string | null }>>('/connector-plugins/DatagenSource/config');
    expect(config.status).toBe(200);
    // The worker lists the connector's own keys (from Describe) beside its common ones.
    const own = ['topic', 'schema', 'rate.per.sec', 'max.records', 'batch.size', 'seed'];
    expect(config.body.map((key) => key.name).filter((name) => own.includes(name))).toEqual(own);
    expect(config.body.find((key) => key.name === 'topic')).toMatchObject({ type: 'STRING', required: true, default_value: null });
    expect(config.body.find((key) => key.name === 'schema')).toMatchObject({ type: 'STRING', required: false, default_value: 'orders' });
    expect(config.body.find((key) => key.name === 'rate.per.sec')).toMatchObject({ type: 'DOUBLE', default_value: '0' });
    const validated = await fetch(`${worker.restUrl}/connector-plugins/DatagenSource/config/validate`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ 'connector.class': 'DatagenSource', name: 'v', schema: 'nope', 'batch.size': '0' }),
    });
    const body = (await validated.json()) as { error_count: number; configs: Array<{ value: { name: string; errors: string[] } }> };
    const errors = Object.fromEntries(body.configs.map((c) => [c.value.name, c.value.errors]));
    expect(errors['topic']).toEqual(['Missing required configuration "topic" which has no default value.']);
    expect(errors['schema']).toEqual(['Invalid value nope for configuration schema: String must be one of: orders, users, all-types']);
    expect(errors['batch.size']).toEqual(['Invalid value 0 for configuration batch.size: Value must be at least 1']);
    expect(body.error_count).toBeGreaterThanOrEqual(3);
  });

  it('fails a SIGKILLed Go task within 2 s and resumes from its committed offset on restart, losing nothing', async () => {
    const created = await fetch(`${worker.restUrl}/connectors`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'go-slow',
        config: { 'connector.class': 'io.polyconnect.datagen.DatagenSourceConnector', topic: slowTopic, schema: 'all-types', 'max.records': String(RECORDS), 'rate.per.sec': '500', 'batch.size': '100' },
      }),
    });
    expect(created.status).toBe(201);
    const sink = await fetch(`${worker.restUrl}/connectors`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'go-slow-sink', config: { 'connector.class': 'FileStreamSink', file: slowOutput, topics: slowTopic } }),
    });
    expect(sink.status).toBe(201);
    await worker.waitFor(() => lines(slowOutput).length >= 1_000, 60_000, 'the slow pipeline to carry 1,000 records');

    const pid = worker.pluginPid('go-slow-0');
    expect(pid).toBeGreaterThan(0);
    process.kill(pid!, 'SIGKILL');
    const killedAt = Date.now();
    let trace = '';
    await worker.waitFor(async () => {
      const task = (await worker.status('go-slow'))?.tasks[0];
      trace = task?.trace ?? '';
      return task?.state === 'FAILED';
    }, 10_000, 'the Go task to be FAILED');
    const detectionMs = Date.now() - killedAt;
    expect(detectionMs).toBeLessThan(2_000);
    expect(trace).toContain('was killed by signal SIGKILL');
    expect(trace).toContain(`pid ${pid}`);
    expect((await worker.status('go-slow'))?.connector.state).toBe('RUNNING');
    expect((await worker.status('go-datagen'))?.tasks[0]?.state).toBe('RUNNING');

    // Killed mid-stream: the committed sequence is past the start and short of the end.
    const stored = readFileSync(join(directory, 'connect.offsets'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { key: [string, unknown]; value: { sequence: number } });
    const committed = stored.filter((entry) => entry.key[0] === 'go-slow').at(-1)?.value.sequence ?? 0;
    expect(committed).toBeGreaterThan(0);
    expect(committed).toBeLessThan(RECORDS);

    const restart = await worker.post('/connectors/go-slow/tasks/0/restart');
    expect(restart.status).toBe(204);
    await worker.waitFor(async () => (await worker.status('go-slow'))?.tasks[0]?.state === 'RUNNING', 30_000, 'the task to run again');
    await worker.waitFor(() => new Set(lines(slowOutput).map(idOf)).size >= RECORDS, 120_000, 'every record of the slow pipeline');
    const resumed = worker.logs.filter((entry) => entry.msg === 'DatagenSourceTask started' && entry.connector === 'go-slow').map((entry) => entry.sequence as number);
    expect(resumed[0]).toBe(0);
    // The restart starts from the offset stored when it ran: at least what was stored right after
    // the kill (the worker may still flush offsets of records Kafka had acknowledged), never 0.
    expect(resumed.at(-1)).toBeGreaterThanOrEqual(committed);
    expect(resumed.at(-1)).toBeLessThan(RECORDS);

    const ids = lines(slowOutput).map(idOf);
    const distinct = new Set(ids);
    expect(distinct.size).toBe(RECORDS);
    expect(Math.min(...distinct)).toBe(0);
    expect(Math.max(...distinct)).toBe(RECORDS - 1);
    const converter = jsonConverter(false);
    const written = lines(slowOutput);
    for (const index of [0, written.length - 1]) expect(written[index]).toBe(expectedLine(slowTopic, idOf(written[index]!), converter));
    console.log(`SIGKILL of the Go task: FAILED after ${detectionMs} ms; resumed at sequence ${resumed.at(-1)} (committed ${committed}); ${ids.length - RECORDS} records re-sent`);
  }, 300_000);
});
