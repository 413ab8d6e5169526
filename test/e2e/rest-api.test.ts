// The Kafka Connect REST API against a real standalone worker, plugin processes and broker:
// create, read, update, patch and delete connectors (refused with 400 for invalid configs, converter
// classes included); tasks and topics; validation in Kafka's ConfigInfos shape; a plugin's config
// definitions; offsets (KIP-875); health and loggers; and the error answers tools depend on (409,
// 400, 404, 415).

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileSize } from '../support/file-data.js';
import { kafkaBootstrapServers } from '../support/kafka.js';
import { StandaloneWorker } from '../support/standalone-worker.js';

const directory = mkdtempSync(join(tmpdir(), 'pc-rest-'));
const input = join(directory, 'in.txt');
const output = join(directory, 'out.txt');
const topic = `rest-${Date.now()}`;

async function call(worker: StandaloneWorker, method: string, path: string, body?: unknown, contentType = 'application/json') {
  const response = await fetch(`${worker.restUrl}${path}`, {
    method,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'Content-Type': contentType } }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : (JSON.parse(text) as any) };
}

describe('REST API', () => {
  let worker: StandaloneWorker;

  beforeAll(async () => {
    writeFileSync(input, 'a\nb\nc\n');
    worker = await StandaloneWorker.start({ bootstrapServers: kafkaBootstrapServers(), directory });
  });

  afterAll(async () => {
    expect(await worker?.stop('SIGTERM')).toBe(0);
  });

  it('creates a connector with POST /connectors: 201, Location, ConnectorInfo with the name injected', async () => {
    const created = await call(worker, 'POST', '/connectors', { name: 'src', config: { 'connector.class': 'FileStreamSource', file: input, topic, 'tasks.max': 1 } });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`${worker.restUrl}/connectors/src`);
    expect(created.body).toEqual({ name: 'src', config: { 'connector.class': 'FileStreamSource', file: input, topic, 'tasks.max': '1', name: 'src' }, tasks: [{ connector: 'src', task: 0 }], type: 'source' });
    const again = await call(worker, 'POST', '/connectors/', { name: 'src', config: { 'connector.class': 'FileStreamSource', file: input, topic } });
    expect(again).toMatchObject({ status: 409, body: { error_code: 409, message: 'Connector src already exists' } });
  });

  it('creates or updates with PUT /connectors/{name}/config (201 then 200) and patches with PATCH', async () => {
    const config = { 'connector.class': 'FileStreamSink', file: output, topics: topic };
    const created = await call(worker, 'PUT', '/connectors/sink/config', config);
    expect(created.status).toBe(201);
    await worker.waitFor(() => fileSize(output) === 6, 20_000, 'the lines to arrive');
    const updated = await call(worker, 'PUT', '/connectors/sink/config', { ...config, 'batch.size': '10' });
    expect(updated.status).toBe(200);
    expect(updated.body.config['batch.size']).toBe('10');
    const patched = await call(worker, 'PATCH', '/connectors/sink/config', { 'batch.size': null, 'errors.tolerance': 'all' });
    expect(patched.status).toBe(200);
    expect(patched.body.config).toEqual({ ...config, name: 'sink', 'errors.tolerance': 'all' });
    expect((await call(worker, 'GET', '/connectors/sink/config')).body).toEqual({ ...config, name: 'sink', 'errors.tolerance': 'all' });
    const mismatch = await call(worker, 'PUT', '/connectors/sink/config', { ...config, name: 'other' });
    expect(mismatch).toMatchObject({ status: 400, body: { message: "Connector name configuration (other) doesn't match connector name in the URL (sink)" } });
  });

  it('rejects invalid configs with 400 and Kafka’s message, before storing anything', async () => {
    const bad = await call(worker, 'POST', '/connectors', { name: 'bad', config: { 'connector.class': 'FileStreamSink', file: output, 'tasks.max': 'zero' } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^Connector configuration is invalid and contains the following 2 error\(s\):\n/);
    expect(bad.body.message).toContain('Invalid value zero for configuration tasks.max: Not a number of type INT');
    expect(bad.body.message).toContain('Must configure one of topics or topics.regex');
    expect((await call(worker, 'GET', '/connectors/bad')).status).toBe(404);
    const unknown = await call(worker, 'POST', '/connectors', { name: 'x', config: { 'connector.class': 'NoSuchConnector' } });
    expect(unknown.status).toBe(500);
    expect(unknown.body.message).toMatch(/^Failed to find any class that implements Connector and which name matches NoSuchConnector/);
    const noType = await call(worker, 'POST', '/connectors', { name: 'x', config: { topics: 't' } });
    expect(noType.body).toEqual({ error_code: 400, message: 'Connector config {topics=t, name=x} contains no connector type' });
  });

  it('refuses converter classes that do not exist or are not converters with 400, on create and update', async () => {
    const config = { 'connector.class': 'FileStreamSink', file: output, topics: topic, 'key.converter': 'SimpleHeaderConverter', 'value.converter': 'com.example.Nope' };
    const bad = await call(worker, 'POST', '/connectors', { name: 'bad-converters', config });
    expect(bad.body).toEqual({
      error_code: 400,
      message:
        'Connector configuration is invalid and contains the following 2 error(s):\n' +
        'Class class org.apache.kafka.connect.storage.SimpleHeaderConverter does not implement the Converter interface\n' +
        'Invalid value com.example.Nope for configuration value.converter: Class com.example.Nope could not be found.\n' +
        'You can also find the above list of errors at the endpoint `/connector-plugins/{connectorType}/config/validate`',
    });
    expect((await call(worker, 'GET', '/connectors/bad-converters')).status).toBe(404);
    const before = (await call(worker, 'GET', '/connectors/sink/config')).body;
    const update = await call(worker, 'PUT', '/connectors/sink/config', { ...before, 'header.converter': 'org.apache.kafka.connect.transforms.Filter' });
    expect(update.status).toBe(400);
    expect(update.body.message).toContain('\nClass class org.apache.kafka.connect.transforms.Filter does not implement the HeaderConverter interface\n');
    expect((await call(worker, 'GET', '/connectors/sink/config')).body).toEqual(before);
  });

  it('answers 415 for a body without a JSON content type', async () => {
    const response = await call(worker, 'POST', '/connectors', 'name=x', 'application/x-www-form-urlencoded');
    expect(response).toMatchObject({ status: 415, body: { error_code: 415, message: 'HTTP 415 Unsupported Media Type' } });
  });

  it('lists tasks with their configs and the topics in use', async () => {
    const tasks = await call(worker, 'GET', '/connectors/src/tasks');
    expect(tasks.body).toEqual([{ id: { connector: 'src', task: 0 }, config: expect.objectContaining({ 'task.class': expect.stringMatching(/FileStreamSourceTask$/), file: input, topic }) }]);
    expect((await call(worker, 'GET', '/connectors/src/topics')).body).toEqual({ src: { topics: [topic] } });
    expect((await call(worker, 'PUT', '/connectors/src/topics/reset')).status).toBe(202);
    expect((await call(worker, 'GET', '/connectors/src/topics')).body).toEqual({ src: { topics: [] } });
  });

  it('validates a config with the plugin’s own checks, in Kafka’s ConfigInfos shape', async () => {
    const result = await call(worker, 'PUT', '/connector-plugins/FileStreamSinkConnector/config/validate', { 'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector', name: 'v', topics: 't' });
    expect(result.status).toBe(200);
    expect(result.body.name).toBe('org.apache.kafka.connect.file.FileStreamSinkConnector');
    expect(result.body.groups.slice(0, 4)).toEqual(['Common', 'Transforms', 'Predicates', 'Error Handling']);
    const byName = Object.fromEntries(result.body.configs.map((c: any) => [c.value.name, c]));
    expect(byName['tasks.max'].definition).toMatchObject({ name: 'tasks.max', type: 'INT', required: false, default_value: '1', importance: 'HIGH', group: 'Common' });
    expect(byName['file'].value.errors.length).toBeGreaterThan(0);
    expect(result.body.error_count).toBe(result.body.configs.reduce((n: number, c: any) => n + c.value.errors.length, 0));
    const mismatch = await call(worker, 'PUT', '/connector-plugins/FileStreamSource/config/validate', { 'connector.class': 'FileStreamSinkConnector' });
    expect(mismatch.body).toEqual({ error_code: 400, message: 'Included connector type FileStreamSinkConnector does not match request type FileStreamSource' });
  });

  it('lists a plugin’s config definitions, and built-in plugins with connectorsOnly=false', async () => {
    const definitions = await call(worker, 'GET', '/connector-plugins/FileStreamSource/config');
    expect(definitions.status).toBe(200);
    const names = definitions.body.map((d: any) => d.name);
    expect(names.slice(0, 3)).toEqual(expect.arrayContaining(['file', 'topic']));
    expect(names).toContain('tasks.max');
    expect((await call(worker, 'GET', '/connector-plugins/Nope/config')).body).toEqual({ error_code: 404, message: 'Unknown plugin Nope.' });
    const all = await call(worker, 'GET', '/connector-plugins?connectorsOnly=false');
    const types = new Set(all.body.map((p: any) => p.type));
    expect([...types]).toEqual(['sink', 'source', 'transformation', 'predicate', 'converter', 'header_converter']);
  });

  it('reads offsets in any state, and alters them only when the connector is STOPPED', async () => {
    const offsets = await call(worker, 'GET', '/connectors/src/offsets');
    expect(offsets.body).toEqual({ offsets: [{ partition: { filename: input }, offset: { position: 6 } }] });
    const sinkOffsets = await call(worker, 'GET', '/connectors/sink/offsets');
    // Other test files may have used a connector named "sink" (so group connect-sink) on this broker.
    expect(sinkOffsets.body.offsets.filter((o: any) => o.partition.kafka_topic === topic)).toEqual([{ partition: { kafka_topic: topic, kafka_partition: 0 }, offset: { kafka_offset: 3 } }]);
    const refused = await call(worker, 'PATCH', '/connectors/src/offsets', { offsets: [{ partition: { filename: input }, offset: { position: 2 } }] });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/^Connectors must be in the STOPPED state before their offsets can be modified/);
    expect((await call(worker, 'PUT', '/connectors/src/stop')).status).toBe(204);
    const altered = await call(worker, 'PATCH', '/connectors/src/offsets', { offsets: [{ partition: { filename: input }, offset: { position: 2 } }] });
    expect(altered.status).toBe(200);
    expect(altered.body.message).toMatch(/^The Connect framework-managed offsets for this connector have been altered successfully/);
    expect((await call(worker, 'PUT', '/connectors/src/resume')).status).toBe(202);
    // Position 2 is after "a\n": "b" and "c" are read again.
    await worker.waitFor(() => fileSize(output) === 10, 20_000, 'the re-read lines');
    expect(readFileSync(output, 'utf8')).toBe('a\nb\nc\nb\nc\n');
  });

  it('deletes a connector: 204, then 404 everywhere', async () => {
    expect((await call(worker, 'DELETE', '/connectors/src')).status).toBe(204);
    expect((await call(worker, 'GET', '/connectors/src')).body).toEqual({ error_code: 404, message: 'Connector src not found' });
    expect((await call(worker, 'DELETE', '/connectors/src')).status).toBe(404);
    expect((await call(worker, 'GET', '/connectors')).body).toEqual(['sink']);
  });

  it('reports health and changes log levels live', async () => {
    expect(await call(worker, 'GET', '/health')).toMatchObject({ status: 200, body: { status: 'healthy' } });
    expect((await call(worker, 'GET', '/admin/loggers')).body).toEqual({ root: { level: 'INFO', last_modified: null } });
    expect((await call(worker, 'PUT', '/admin/loggers/root', { level: 'DEBUG' })).body).toEqual(['root']);
    expect((await call(worker, 'GET', '/admin/loggers/root')).body.level).toBe('DEBUG');
    await call(worker, 'GET', '/connectors');
    await worker.waitFor(() => worker.logs.some((entry) => entry.msg === 'REST request' && entry.level === 20), 5_000, 'a debug line');
    expect(await call(worker, 'PUT', '/admin/loggers/root', { level: 'LOUD' })).toMatchObject({ status: 404, body: { error_code: 404, message: "invalid log level 'LOUD'." } });
    // Standalone: cluster scope (KIP-976) is this worker's scope, answered with 204 as in Kafka.
    expect(await call(worker, 'PUT', '/admin/loggers/org.standalone?scope=cluster', { level: 'warn' })).toMatchObject({ status: 204, body: undefined });
    expect((await call(worker, 'GET', '/admin/loggers/org.standalone')).body).toEqual({ level: 'WARN', last_modified: expect.any(Number) });
  });
});
