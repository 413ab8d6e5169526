// REST contract suite, part two: the smaller quirks of Kafka Connect's REST API that tools and
// scripts lean on (../shared/reference/kafka-connect-rest-api.md §1–§2), against one running
// standalone worker: initial_state, lenient query booleans, unknown query parameters and
// expansions, PATCH config with null, tasks-config, topics reset, sink offset checks, loggers and
// health, each with its exact status code and body.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kafkaBootstrapServers } from '../support/kafka.js';
import { StandaloneWorker } from '../support/standalone-worker.js';

const directory = mkdtempSync(join(tmpdir(), 'pc-rest-quirks-'));
const topic = `rest-quirks-${Date.now()}`;
const input = join(directory, 'in.txt');
const output = join(directory, 'out.txt');
let worker: StandaloneWorker;

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; text: string; body: any }> {
  const response = await fetch(`${worker.restUrl}${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
  });
  const text = await response.text();
  return { status: response.status, text, body: text === '' ? undefined : JSON.parse(text) };
}

async function waitForStates(name: string, wanted: string[]): Promise<void> {
  let last = '';
  await worker.waitFor(
    async () => {
      const answer = await call('GET', `/connectors/${name}/status`);
      last = answer.status === 200 ? JSON.stringify([answer.body.connector.state, ...answer.body.tasks.map((t: any) => t.state)]) : `HTTP ${answer.status}`;
      return last === JSON.stringify(wanted);
    },
    30_000,
    `${name} to be ${wanted.join(',')} (last ${last})`,
  );
}

const source = () => ({ 'connector.class': 'FileStreamSource', file: input, topic });
const sink = () => ({ 'connector.class': 'FileStreamSink', file: output, topics: topic });

beforeAll(async () => {
  writeFileSync(input, 'q1\nq2\n');
  worker = await StandaloneWorker.start({ bootstrapServers: kafkaBootstrapServers(), directory });
});

afterAll(async () => {
  expect(await worker?.stop('SIGTERM')).toBe(0);
});

describe('REST quirks', () => {
  it('takes initial_state in any letter case and refuses an unknown one', async () => {
    const stopped = await call('POST', '/connectors', { name: 'q-stopped', config: sink(), initial_state: 'Stopped' });
    expect(stopped.status).toBe(201);
    expect(stopped.body).toEqual({ name: 'q-stopped', config: { ...sink(), name: 'q-stopped' }, tasks: [], type: 'sink' });
    await waitForStates('q-stopped', ['STOPPED']);
    const paused = await call('POST', '/connectors', { name: 'q-paused', config: source(), initial_state: 'paused' });
    expect(paused.status).toBe(201);
    await waitForStates('q-paused', ['PAUSED', 'PAUSED']);
    const running = await call('POST', '/connectors', { name: 'q-running', config: source(), initial_state: 'RUNNING' });
    expect(running.status).toBe(201);
    await waitForStates('q-running', ['RUNNING', 'RUNNING']);
    const bogus = await call('POST', '/connectors', { name: 'q-bogus', config: sink(), initial_state: 'bogus' });
    expect(bogus.status).toBe(400);
    expect(bogus.body.error_code).toBe(400);
    expect((await call('GET', '/connectors/q-bogus')).status).toBe(404);
    // Resume works from STOPPED too.
    expect((await call('PUT', '/connectors/q-paused/resume')).status).toBe(202);
    await waitForStates('q-paused', ['RUNNING', 'RUNNING']);
  });

  it('parses query booleans leniently and ignores unknown parameters and expansions', async () => {
    const upper = await call('POST', '/connectors/q-running/restart?includeTasks=TRUE&onlyFailed=garbage');
    expect(upper.status).toBe(202);
    expect([upper.body.connector.state, ...upper.body.tasks.map((t: any) => t.state)]).toEqual(['RESTARTING', 'RESTARTING']);
    await waitForStates('q-running', ['RUNNING', 'RUNNING']);
    const notTrue = await call('POST', '/connectors/q-running/restart?includeTasks=yes&onlyFailed=1');
    expect(notTrue.status).toBe(204);
    expect(notTrue.text).toBe('');
    await waitForStates('q-running', ['RUNNING', 'RUNNING']);
    expect((await call('GET', '/connectors?unknown=1&forward=true')).body).toEqual(expect.arrayContaining(['q-stopped', 'q-paused', 'q-running']));
    const bogus = await call('GET', '/connectors?expand=bogus');
    expect(bogus.status).toBe(200);
    expect(bogus.body['q-running']).toEqual({});
    const plugins = await call('GET', '/connector-plugins?connectorsOnly=FALSE');
    expect(plugins.body.some((p: any) => p.type === 'converter')).toBe(true);
    const connectorsOnly = await call('GET', '/connector-plugins?connectorsOnly=nonsense');
    // Anything but "true" is false: every kind is listed.
    expect(connectorsOnly.body.some((p: any) => p.type === 'transformation')).toBe(true);
  });

  it('PATCH config sets and removes keys (null), and PUT replaces the whole config', async () => {
    const set = await call('PATCH', '/connectors/q-stopped/config', { 'errors.tolerance': 'all', 'batch.size': 5 });
    expect(set.status).toBe(200);
    expect(set.body.config).toEqual({ ...sink(), name: 'q-stopped', 'errors.tolerance': 'all', 'batch.size': '5' });
    const removed = await call('PATCH', '/connectors/q-stopped/config', { 'errors.tolerance': null });
    expect(removed.body.config).toEqual({ ...sink(), name: 'q-stopped', 'batch.size': '5' });
    const invalid = await call('PATCH', '/connectors/q-stopped/config', { 'tasks.max': 'x' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.message).toMatch(/^Connector configuration is invalid and contains the following 1 error\(s\):\nInvalid value x for configuration tasks\.max/);
    const replaced = await call('PUT', '/connectors/q-stopped/config', sink());
    expect(replaced.status).toBe(200);
    expect(replaced.body.config).toEqual({ ...sink(), name: 'q-stopped' });
    // Updating keeps the target state: still STOPPED.
    await waitForStates('q-stopped', ['STOPPED']);
  });

  it('serves tasks-config and topics reset', async () => {
    const tasksConfig = await call('GET', '/connectors/q-running/tasks-config');
    expect(tasksConfig.status).toBe(200);
    expect(Object.keys(tasksConfig.body)).toEqual(['q-running-0']);
    expect(tasksConfig.body['q-running-0']).toMatchObject({ file: input, topic, 'task.class': expect.stringMatching(/FileStreamSourceTask$/) });
    expect((await call('GET', '/connectors/q-stopped/tasks-config')).body).toEqual({});
    expect((await call('GET', '/connectors/nope/tasks-config')).body).toEqual({ error_code: 404, message: 'Connector nope not found' });
    const reset = await call('PUT', '/connectors/q-running/topics/reset');
    expect(reset.status).toBe(202);
    expect(reset.text).toBe('');
    expect((await call('GET', '/connectors/q-running/topics')).body).toEqual({ 'q-running': { topics: [] } });
  });

  it('checks sink offsets strictly (400s with Kafka’s messages)', async () => {
    const missingKeys = await call('PATCH', '/connectors/q-stopped/offsets', { offsets: [{ partition: { kafka_topic: topic }, offset: { kafka_offset: 1 } }] });
    expect(missingKeys.status).toBe(400);
    expect(missingKeys.body.message).toContain("The partition for a sink connector offset must contain the keys 'kafka_topic' and 'kafka_partition'");
    const badPartition = await call('PATCH', '/connectors/q-stopped/offsets', { offsets: [{ partition: { kafka_topic: topic, kafka_partition: 'x' }, offset: { kafka_offset: 1 } }] });
    expect(badPartition.status).toBe(400);
    expect(badPartition.body.message).toMatch(/^Failed to parse the following Kafka partition value in the provided offsets: 'x'/);
    const badOffset = await call('PATCH', '/connectors/q-stopped/offsets', { offsets: [{ partition: { kafka_topic: topic, kafka_partition: 0 }, offset: { other: 1 } }] });
    expect(badOffset.status).toBe(400);
    expect(badOffset.body.message).toContain("The offset for a sink connector should either be null or contain the key 'kafka_offset'");
  });

  it('validation needs connector.class, and checks the path type against it', async () => {
    expect((await call('PUT', '/connector-plugins/FileStreamSink/config/validate', { name: 'v' })).body).toEqual({ error_code: 400, message: 'Connector config {name=v} contains no connector type' });
    const asSubmitted = await call('PUT', '/connector-plugins/FileStreamSink/config/validate', { ...sink(), name: 'v' });
    expect(asSubmitted.status).toBe(200);
    expect(asSubmitted.body.name).toBe('FileStreamSink');
    expect(asSubmitted.body.error_count).toBe(0);
    expect((await call('PUT', '/connector-plugins/FileStreamSource/config/validate', { ...sink(), name: 'v' })).body).toEqual({
      error_code: 400,
      message: 'Included connector type FileStreamSink does not match request type FileStreamSource',
    });
  });

  it('answers loggers and health as Kafka does where it matches', async () => {
    expect((await call('GET', '/admin/loggers/no.such.logger')).body).toEqual({ error_code: 404, message: 'Logger no.such.logger not found.' });
    const root = await call('GET', '/admin/loggers/root');
    expect(Object.keys(root.body)).toEqual(['level', 'last_modified']);
    expect((await call('PUT', '/admin/loggers/root', { level: 'info' })).body).toContain('root');
    expect((await call('GET', '/admin/loggers/root')).body).toEqual({ level: 'INFO', last_modified: expect.any(Number) });
    expect((await call('GET', '/health')).body).toEqual({ status: 'healthy', message: 'Worker has completed startup and is ready to handle requests.' });
    expect((await call('POST', '/connectors/q-running/tasks/x/restart')).body).toEqual({ error_code: 404, message: 'HTTP 404 Not Found' });
    for (const name of ['q-stopped', 'q-paused', 'q-running']) expect((await call('DELETE', `/connectors/${name}`)).status).toBe(204);
    expect((await call('GET', '/connectors')).body).toEqual([]);
  });
});
