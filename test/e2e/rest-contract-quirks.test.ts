// REST contract suite, part two: the smaller quirks of Kafka Connect's REST API that tools and
// scripts lean on (../shared/reference/kafka-connect-rest-api.md §1–§2), against one running
// standalone worker: initial_state, lenient query booleans, unknown query parameters and
// expansions, PATCH config with null, tasks-config, topics reset, sink offset checks, loggers and
// health, each with its exact status code and body; then the definitions of built-in converters,
// SMTs and predicates (KIP-769), their keys in the validate answer, and 406 for an Accept header
// that rules out JSON.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
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

/** A request with exactly these headers (fetch always adds an Accept header). */
function raw(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; type: string | undefined; text: string }> {
  return new Promise((resolve, reject) => {
    const sent = request(`${worker.restUrl}${path}`, { method, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, type: response.headers['content-type'], text }));
    });
    sent.on('error', reject);
    sent.end(body);
  });
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

describe('REST: built-in plugin definitions and their keys in validate', () => {
  it('answers /connector-plugins/{plugin}/config for converters, header converters, SMTs and predicates (KIP-769)', async () => {
    const names = async (plugin: string): Promise<unknown> => {
      const answer = await call('GET', `/connector-plugins/${plugin}/config`);
      return answer.status === 200 ? answer.body.map((key: any) => key.name) : answer.body;
    };
    expect(await names('org.apache.kafka.connect.transforms.Cast$Value')).toEqual(['spec', 'replace.null.with.default']);
    expect(await names('org.apache.kafka.connect.json.JsonConverter')).toEqual(['converter.type', 'schemas.enable', 'schemas.cache.size', 'decimal.format', 'replace.null.with.default']);
    expect(await names('JsonConverter')).toEqual(['converter.type', 'schemas.enable', 'schemas.cache.size', 'decimal.format', 'replace.null.with.default']);
    expect(await names('org.apache.kafka.connect.storage.SimpleHeaderConverter')).toEqual([]);
    expect(await names('Filter')).toEqual([]);
    // Kafka's aliases are simple class names: Cast$Value is none (its simple name Value is shared).
    expect(await names('Cast$Value')).toEqual({ error_code: 404, message: 'Unknown plugin Cast$Value.' });
    expect((await call('GET', '/connector-plugins/org.apache.kafka.connect.transforms.predicates.TopicNameMatches/config')).body).toEqual([
      { name: 'pattern', type: 'STRING', required: true, default_value: null, importance: 'MEDIUM', documentation: "A Java regular expression for matching against the name of a record's topic.", group: null, width: 'NONE', display_name: 'pattern', dependents: [], order: -1 },
    ]);
    expect((await call('GET', '/connector-plugins/StringConverter/config')).body).toEqual([
      { name: 'converter.type', type: 'STRING', required: true, default_value: null, importance: 'LOW', documentation: 'How this converter will be used.', group: null, width: 'NONE', display_name: 'converter.type', dependents: [], order: -1 },
      { name: 'converter.encoding', type: 'STRING', required: false, default_value: 'UTF-8', importance: 'HIGH', documentation: 'The name of the Java character set to use for encoding strings as byte arrays.', group: null, width: 'MEDIUM', display_name: 'Encoding', dependents: [], order: -1 },
    ]);
  });

  it("lists each transform's, predicate's and converter's keys in the validate answer, and create refuses their errors", async () => {
    const config = {
      ...sink(),
      name: 'q-smt',
      transforms: 'route,bad',
      'transforms.route.type': 'RegexRouter',
      'transforms.route.regex': '(.*)',
      'transforms.route.replacement': '$1-copy',
      'transforms.route.predicate': 'mine',
      'transforms.bad.type': 'Nope',
      predicates: 'mine',
      'predicates.mine.type': 'TopicNameMatches',
      'predicates.mine.pattern': 'rest-quirks-.*',
      'value.converter': 'JsonConverter',
      'value.converter.schemas.enable': 'maybe',
    };
    const answer = await call('PUT', '/connector-plugins/FileStreamSink/config/validate', config);
    expect(answer.status).toBe(200);
    const entries = answer.body.configs.map((info: any) => [info.value.name, info.definition?.group ?? null, info.definition?.order ?? null, info.value.value, info.value.errors]);
    const own = entries.filter(([name]: [string]) => /^(transforms|predicates|value\.converter)\./.test(name));
    expect(own).toEqual([
      ['transforms.route.type', 'Transforms: route', 0, 'org.apache.kafka.connect.transforms.RegexRouter', []],
      ['transforms.route.regex', 'Transforms: route', 1, '(.*)', []],
      ['transforms.route.replacement', 'Transforms: route', 2, '$1-copy', []],
      ['transforms.route.negate', 'Transforms: route', 3, 'false', []],
      ['transforms.route.predicate', 'Transforms: route', 4, 'mine', []],
      ['transforms.bad.type', 'Transforms: bad', 0, null, ['Invalid value Nope for configuration transforms.bad.type: Class Nope could not be found.']],
      ['predicates.mine.type', 'Predicates: mine', 0, 'org.apache.kafka.connect.transforms.predicates.TopicNameMatches', []],
      ['predicates.mine.pattern', 'Predicates: mine', 1, 'rest-quirks-.*', []],
      ['value.converter.decimal.format', 'Serialization', 0, 'BASE64', []],
      ['value.converter.converter.type', null, -1, 'value', []],
      ['value.converter.schemas.cache.size', 'Schemas', 1, '1000', []],
      ['value.converter.replace.null.with.default', 'Serialization', 1, 'true', []],
      ['value.converter.schemas.enable', 'Schemas', 0, null, ['Invalid value maybe for configuration schemas.enable: Expected value to be either true or false']],
    ]);
    // The SMT keys come before the connector's own (file), the converters' last.
    const names = entries.map(([name]: [string]) => name);
    expect(names.indexOf('predicates.mine.pattern')).toBeLessThan(names.indexOf('file'));
    expect(names.indexOf('file')).toBeLessThan(names.indexOf('value.converter.decimal.format'));
    expect(answer.body.error_count).toBe(2);
    expect(answer.body.groups.slice(-5)).toEqual(['Transforms: route', 'Transforms: bad', 'Predicates: mine', 'Serialization', 'Schemas']);
    const typeKey = answer.body.configs.find((info: any) => info.value.name === 'transforms.route.type');
    expect(typeKey.definition).toMatchObject({ type: 'CLASS', required: true, default_value: null, importance: 'HIGH', width: 'LONG', order: 0 });
    expect(typeKey.value.recommended_values).toContain('org.apache.kafka.connect.transforms.RegexRouter');

    const created = await call('POST', '/connectors', { name: 'q-smt', config });
    expect(created.status).toBe(400);
    expect(created.body.message.split('\n').slice(0, 3)).toEqual([
      'Connector configuration is invalid and contains the following 2 error(s):',
      'Invalid value Nope for configuration transforms.bad.type: Class Nope could not be found.',
      'Invalid value maybe for configuration schemas.enable: Expected value to be either true or false',
    ]);
    expect((await call('GET', '/connectors/q-smt')).status).toBe(404);
  });
});

describe('REST: Accept header', () => {
  const notAcceptable = JSON.stringify({ error_code: 406, message: 'HTTP 406 Not Acceptable' });

  it("answers 406 with Kafka's error body when Accept rules out JSON", async () => {
    for (const accept of ['text/plain', 'text/html, application/xml', 'application/vnd.kafka+json']) {
      expect(await raw('GET', '/connectors', { Accept: accept }), accept).toEqual({ status: 406, type: 'application/json', text: notAcceptable });
    }
    const refused = await raw('POST', '/connectors', { Accept: 'text/plain', 'Content-Type': 'application/json' }, JSON.stringify({ name: 'q-406', config: sink() }));
    expect(refused).toEqual({ status: 406, type: 'application/json', text: notAcceptable });
    expect((await call('GET', '/connectors/q-406')).status).toBe(404);
    // Jersey checks the Content-Type (415) before the Accept header.
    const both = await raw('POST', '/connectors', { Accept: 'text/plain', 'Content-Type': 'text/plain' }, JSON.stringify({ name: 'q-406', config: sink() }));
    expect(both).toEqual({ status: 415, type: 'application/json', text: JSON.stringify({ error_code: 415, message: 'HTTP 415 Unsupported Media Type' }) });
  });

  it('serves JSON for no Accept header, wildcards, application/json and lists that include one', async () => {
    for (const headers of [{}, { Accept: '*/*' }, { Accept: 'application/*' }, { Accept: 'application/json' }, { Accept: 'text/plain, application/json;q=0.5' }, { Accept: 'application/json;q=0' }] as Record<string, string>[]) {
      const answer = await raw('GET', '/connectors', headers);
      expect([answer.status, answer.type, answer.text], JSON.stringify(headers)).toEqual([200, 'application/json', '[]']);
    }
  });

  it('keeps 404 and 405 ahead of 406', async () => {
    expect(await raw('GET', '/no-such-path', { Accept: 'text/plain' })).toMatchObject({ status: 404, text: JSON.stringify({ error_code: 404, message: 'HTTP 404 Not Found' }) });
    expect(await raw('DELETE', '/connectors', { Accept: 'text/plain' })).toMatchObject({ status: 405, text: JSON.stringify({ error_code: 405, message: 'HTTP 405 Method Not Allowed' }) });
  });
});
