// REST contract suite: replays, end to end against one running standalone worker (FileStream
// plugin, real broker), the call sequences that curl scripts, kcctl, Kafka UI and the Terraform
// provider perform against Kafka Connect's REST API, checking exact status codes and bodies as
// ../shared/reference/kafka-connect-rest-api.md states them (§1–§4, §7), then bad input after which
// the worker must still serve GET /.

import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kafkaBootstrapServers } from '../support/kafka.js';
import { StandaloneWorker } from '../support/standalone-worker.js';

const directory = mkdtempSync(join(tmpdir(), 'pc-rest-contract-'));
const stamp = Date.now();
const topic = `rest-contract-${stamp}`;
let worker: StandaloneWorker;

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

/** One HTTP call as the tools make it: JSON body with a JSON content type unless told otherwise. */
async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = { 'Content-Type': 'application/json' }): Promise<Answer> {
  const response = await fetch(`${worker.restUrl}${path}`, {
    method,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body), headers }),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: response.status, headers: response.headers, text, body: parsed };
}

async function poll<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  let last: T | undefined;
  await worker.waitFor(async () => done((last = await read())), timeoutMs, `${what} (last: ${JSON.stringify(last)})`);
  return last as T;
}

const states = (status: any): string[] => (status === undefined ? [] : [status.connector.state, ...status.tasks.map((t: any) => t.state)]);

async function statusStates(name: string): Promise<string[]> {
  const answer = await call('GET', `/connectors/${encodeURIComponent(name)}/status`);
  return answer.status === 200 ? states(answer.body) : [`HTTP ${answer.status}`];
}

async function waitForStates(name: string, wanted: string[], timeoutMs = 30_000): Promise<void> {
  await poll(`${name} to be ${wanted.join(',')}`, () => statusStates(name), (s) => JSON.stringify(s) === JSON.stringify(wanted), timeoutMs);
}

function sourceConfig(file: string): Record<string, string> {
  return { 'connector.class': 'FileStreamSource', file, topic, 'tasks.max': '1' };
}

function sinkConfig(file: string): Record<string, string> {
  return { 'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector', file, topics: topic };
}

const STOPPED_FIRST = (c: string) =>
  `Connectors must be in the STOPPED state before their offsets can be modified. This can be done for the specified connector by issuing a 'PUT' request to the '/connectors/${c}/stop' endpoint`;

beforeAll(async () => {
  worker = await StandaloneWorker.start({ bootstrapServers: kafkaBootstrapServers(), directory, properties: { 'offset.flush.interval.ms': '500' } });
});

afterAll(async () => {
  expect(await worker?.stop('SIGTERM')).toBe(0);
});

describe('a curl script', () => {
  const name = 'curl-src';
  const input = join(directory, 'curl-in.txt');

  it('creates, polls config and status, pauses, resumes, stops, handles offsets, restarts and deletes', async () => {
    writeFileSync(input, 'one\ntwo\nthree\n');
    const config = sourceConfig(input);

    const created = await call('POST', '/connectors', { name, config });
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toMatch(/^application\/json/);
    expect(created.headers.get('location')).toBe(`${worker.restUrl}/connectors/${name}`);
    expect(created.body.name).toBe(name);
    expect(created.body.config).toEqual({ ...config, name });
    expect(created.body.type).toBe('source');
    expect(Object.keys(created.body).sort()).toEqual(['config', 'name', 'tasks', 'type']);

    // Poll the config until it equals what was sent (plus the injected name).
    await poll('the config', () => call('GET', `/connectors/${name}/config`), (a) => a.status === 200 && JSON.stringify(Object.entries(a.body).sort()) === JSON.stringify(Object.entries({ ...config, name }).sort()));
    await waitForStates(name, ['RUNNING', 'RUNNING']);
    const status = (await call('GET', `/connectors/${name}/status`)).body;
    expect(status).toEqual({
      name,
      connector: { state: 'RUNNING', worker_id: expect.stringMatching(/^[^:]+:\d+$/) },
      tasks: [{ id: 0, state: 'RUNNING', worker_id: status.connector.worker_id }],
      type: 'source',
    });
    expect((await call('GET', `/connectors/${name}`)).body).toEqual({ name, config: { ...config, name }, tasks: [{ connector: name, task: 0 }], type: 'source' });

    // Pause: 202 with an empty body, idempotent.
    for (let i = 0; i < 2; i++) {
      const paused = await call('PUT', `/connectors/${name}/pause`);
      expect(paused.status).toBe(202);
      expect(paused.text).toBe('');
    }
    await waitForStates(name, ['PAUSED', 'PAUSED']);

    // Resume: 202 with an empty body, idempotent.
    for (let i = 0; i < 2; i++) {
      const resumed = await call('PUT', `/connectors/${name}/resume`);
      expect(resumed.status).toBe(202);
      expect(resumed.text).toBe('');
    }
    await waitForStates(name, ['RUNNING', 'RUNNING']);

    // Everything read, offsets flushed: the source's own partition/offset maps.
    const offsets = await poll('the source offsets', () => call('GET', `/connectors/${name}/offsets`), (a) => a.body?.offsets?.[0]?.offset?.position === 14);
    expect(offsets.status).toBe(200);
    expect(offsets.body).toEqual({ offsets: [{ partition: { filename: input }, offset: { position: 14 } }] });

    // Offsets writes refused while not STOPPED.
    const early = await call('PATCH', `/connectors/${name}/offsets`, { offsets: [{ partition: { filename: input }, offset: { position: 4 } }] });
    expect(early.body).toEqual({ error_code: 400, message: STOPPED_FIRST(name) });
    expect(early.status).toBe(400);
    const earlyReset = await call('DELETE', `/connectors/${name}/offsets`);
    expect(earlyReset.status).toBe(400);
    expect(earlyReset.body).toEqual({ error_code: 400, message: STOPPED_FIRST(name) });

    // Stop: 204 and idempotent; STOPPED with no tasks.
    for (let i = 0; i < 2; i++) {
      const stopped = await call('PUT', `/connectors/${name}/stop`);
      expect(stopped.status).toBe(204);
      expect(stopped.text).toBe('');
    }
    await waitForStates(name, ['STOPPED']);
    expect((await call('GET', `/connectors/${name}/status`)).body).toMatchObject({ name, connector: { state: 'STOPPED' }, tasks: [], type: 'source' });
    expect((await call('GET', `/connectors/${name}`)).body.tasks).toEqual([]);
    expect((await call('GET', `/connectors/${name}/tasks`)).body).toEqual([]);

    // Offsets while stopped: GET, PATCH, DELETE.
    expect((await call('GET', `/connectors/${name}/offsets`)).body).toEqual({ offsets: [{ partition: { filename: input }, offset: { position: 14 } }] });
    const empty = await call('PATCH', `/connectors/${name}/offsets`, { offsets: [] });
    expect(empty.body).toEqual({ error_code: 400, message: 'Partitions / offsets need to be provided for an alter offsets request' });
    const missing = await call('PATCH', `/connectors/${name}/offsets`, {});
    expect(missing.body).toEqual({ error_code: 400, message: 'Partitions / offsets need to be provided for an alter offsets request' });
    const altered = await call('PATCH', `/connectors/${name}/offsets`, { offsets: [{ partition: { filename: input }, offset: { position: 4 } }] });
    expect(altered.status).toBe(200);
    expect(altered.body).toEqual({
      message:
        'The Connect framework-managed offsets for this connector have been altered successfully. However, if this connector manages offsets externally, they will need to be manually altered in the system that the connector uses.',
    });
    expect((await call('GET', `/connectors/${name}/offsets`)).body).toEqual({ offsets: [{ partition: { filename: input }, offset: { position: 4 } }] });
    const reset = await call('DELETE', `/connectors/${name}/offsets`);
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual({
      message:
        'The Connect framework-managed offsets for this connector have been reset successfully. However, if this connector manages offsets externally, they will need to be manually reset in the system that the connector uses.',
    });
    expect((await call('GET', `/connectors/${name}/offsets`)).body).toEqual({ offsets: [] });

    // Resume from STOPPED, then both restart shapes.
    expect((await call('PUT', `/connectors/${name}/resume`)).status).toBe(202);
    await waitForStates(name, ['RUNNING', 'RUNNING']);
    const plain = await call('POST', `/connectors/${name}/restart`);
    expect(plain.status).toBe(204);
    expect(plain.text).toBe('');
    await waitForStates(name, ['RUNNING', 'RUNNING']);
    const withTasks = await call('POST', `/connectors/${name}/restart?includeTasks=true&onlyFailed=false`);
    expect(withTasks.status).toBe(202);
    expect(withTasks.body).toEqual({
      name,
      connector: { state: 'RESTARTING', worker_id: expect.any(String) },
      tasks: [{ id: 0, state: 'RESTARTING', worker_id: expect.any(String) }],
      type: 'source',
    });
    await waitForStates(name, ['RUNNING', 'RUNNING']);
    // onlyFailed with nothing failed: 202 and a snapshot that restarts nothing.
    const onlyFailed = await call('POST', `/connectors/${name}/restart?includeTasks=true&onlyFailed=true`);
    expect(onlyFailed.status).toBe(202);
    expect(states(onlyFailed.body)).toEqual(['RUNNING', 'RUNNING']);
    const task = await call('POST', `/connectors/${name}/tasks/0/restart`);
    expect(task.status).toBe(204);
    await waitForStates(name, ['RUNNING', 'RUNNING']);

    // Delete: 204, then 404 everywhere with Kafka's messages.
    const deleted = await call('DELETE', `/connectors/${name}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    const notFound = `Connector ${name} not found`;
    for (const [method, path, message] of [
      ['GET', `/connectors/${name}`, notFound],
      ['GET', `/connectors/${name}/config`, notFound],
      ['GET', `/connectors/${name}/tasks`, notFound],
      ['GET', `/connectors/${name}/offsets`, notFound],
      ['DELETE', `/connectors/${name}`, notFound],
      ['GET', `/connectors/${name}/status`, `No status found for connector ${name}`],
      ['GET', `/connectors/${name}/tasks/0/status`, `No status found for task ${name}-0`],
      ['PUT', `/connectors/${name}/pause`, `Unknown connector ${name}`],
      ['PUT', `/connectors/${name}/resume`, `Unknown connector ${name}`],
      ['PUT', `/connectors/${name}/stop`, `Unknown connector ${name}`],
      ['POST', `/connectors/${name}/restart`, `Unknown connector: ${name}`],
      ['POST', `/connectors/${name}/tasks/0/restart`, `Unknown connector: ${name}`],
    ] as const) {
      const answer = await call(method, path);
      expect({ method, path, status: answer.status, body: answer.body }).toEqual({ method, path, status: 404, body: { error_code: 404, message } });
    }
    const patch = await call('PATCH', `/connectors/${name}/config`, { 'tasks.max': '2' });
    expect(patch.body).toEqual({ error_code: 404, message: notFound });
    expect((await call('GET', '/connectors')).body).not.toContain(name);
    // Topics of a connector that never existed: no 404, an empty list. (After a DELETE Kafka also
    // forgets the connector's topics, AbstractHerder.onDeletion; Polyconnect keeps them: reported.)
    expect((await call('GET', '/connectors/never-existed/topics')).body).toEqual({ 'never-existed': { topics: [] } });
  });
});

describe('kcctl', () => {
  const name = 'kcctl-sink';
  const output = join(directory, 'kcctl-out.txt');

  it('reads a numeric major.minor version from GET /', async () => {
    const root = await call('GET', '/');
    expect(root.status).toBe(200);
    expect(Object.keys(root.body)).toEqual(['version', 'commit', 'kafka_cluster_id']);
    const [major, minor] = (root.body.version as string).split('.').map((part) => Number.parseInt(part, 10));
    expect(Number.isInteger(major) && Number.isInteger(minor)).toBe(true);
    // kcctl gates stop/offsets on >= 3.5 and logger scope on >= 3.7.
    expect(major! > 3 || (major === 3 && minor! >= 7)).toBe(true);
    expect(typeof root.body.commit).toBe('string');
    expect(typeof root.body.kafka_cluster_id).toBe('string');
  });

  it('applies a connector: GET /connectors/, POST /connectors/, then describe with expand', async () => {
    const listed = await call('GET', '/connectors/');
    expect(listed.status).toBe(200);
    expect(Array.isArray(listed.body)).toBe(true);
    expect(listed.body).not.toContain(name);
    const config = sinkConfig(output);
    const created = await call('POST', '/connectors/', { name, config });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name, config: { ...config, name }, type: 'sink' });
    expect((await call('GET', '/connectors/')).body).toContain(name);
    await waitForStates(name, ['RUNNING', 'RUNNING']);

    const expanded = await call('GET', '/connectors?expand=status&expand=info');
    expect(expanded.status).toBe(200);
    expect(expanded.body[name]).toEqual({
      status: { name, connector: { state: 'RUNNING', worker_id: expect.any(String) }, tasks: [{ id: 0, state: 'RUNNING', worker_id: expect.any(String) }], type: 'sink' },
      info: { name, config: { ...config, name }, tasks: [{ connector: name, task: 0 }], type: 'sink' },
    });
    // Only status asked for: only status given.
    expect(Object.keys((await call('GET', '/connectors?expand=status')).body[name])).toEqual(['status']);
    // A comma-joined expand is one unknown expansion: an empty object per connector.
    expect((await call('GET', '/connectors?expand=status,info')).body[name]).toEqual({});
    // A second apply of the same name through POST is a 409.
    expect(await call('POST', '/connectors/', { name, config })).toMatchObject({ status: 409, body: { error_code: 409, message: `Connector ${name} already exists` } });
    // kcctl describe.
    expect((await call('GET', `/connectors/${name}/`)).body).toMatchObject({ name, type: 'sink' });
    expect((await call('GET', `/connectors/${name}/topics`)).status).toBe(200);
  });

  it('updates through GET config + PUT config ("patch"), and strips the validate hint from 400s', async () => {
    const current = (await call('GET', `/connectors/${name}/config`)).body;
    const updated = await call('PUT', `/connectors/${name}/config`, { ...current, 'errors.tolerance': 'all' });
    expect(updated.status).toBe(200);
    expect(updated.body.config).toEqual({ ...current, 'errors.tolerance': 'all' });
    const invalid = await call('PUT', `/connectors/${name}/config`, { ...current, 'errors.tolerance': 'some' });
    expect(invalid.status).toBe(400);
    const lines = (invalid.body.message as string).split('\n');
    expect(lines[0]).toBe('Connector configuration is invalid and contains the following 1 error(s):');
    expect(lines[1]).toMatch(/^Invalid value some for configuration errors\.tolerance/);
    expect(lines.at(-1)).toBe('You can also find the above list of errors at the endpoint `/connector-plugins/{connectorType}/config/validate`');
    expect((await call('GET', `/connectors/${name}/config`)).body['errors.tolerance']).toBe('all');
  });

  it('validates with the simple class name in the path and a dummy name', async () => {
    const result = await call('PUT', '/connector-plugins/FileStreamSinkConnector/config/validate', { ...sinkConfig(output), name: 'dummy' });
    expect(result.status).toBe(200);
    expect(result.body.name).toBe('org.apache.kafka.connect.file.FileStreamSinkConnector');
    expect(result.body.error_count).toBe(0);
    // Without a name: an error entry, still 200.
    const noName = await call('PUT', '/connector-plugins/FileStreamSinkConnector/config/validate', sinkConfig(output));
    expect(noName.status).toBe(200);
    expect(noName.body.error_count).toBeGreaterThan(0);
    const nameEntry = noName.body.configs.find((c: any) => c.value.name === 'name');
    // Kafka reports exactly this one error (its name validator skips a null value); Polyconnect adds
    // "String may not be empty" as a second one, so error_count is 2 instead of 1: reported, not asserted.
    expect(nameEntry.value.errors[0]).toBe('Missing required configuration "name" which has no default value.');
  });

  it('prints the plugin list when a create names an unknown class (500, kcctl prefix)', async () => {
    const unknown = await call('POST', '/connectors/', { name: 'kcctl-unknown', config: { 'connector.class': 'com.example.Missing' } });
    expect(unknown.status).toBe(500);
    expect(unknown.body.error_code).toBe(500);
    expect(unknown.body.message).toMatch(/^Failed to find any class that implements Connector and which name matches com\.example\.Missing, available connectors are: /);
    expect(unknown.body.message).toContain('FileStreamSink');
    expect((await call('GET', '/connectors/kcctl-unknown')).status).toBe(404);
    const plugins = await call('GET', '/connector-plugins?connectorsOnly=false');
    expect(plugins.body.map((p: any) => p.type)).toEqual(expect.arrayContaining(['sink', 'source', 'transformation', 'converter']));
    expect((await call('GET', '/connector-plugins/FileStreamSink/config')).status).toBe(200);
  });

  it('restarts connector and tasks, and reads and checks the offsets of a stopped sink', async () => {
    expect((await call('POST', `/connectors/${name}/restart`)).status).toBe(204);
    const both = await call('POST', `/connectors/${name}/restart?includeTasks=true&onlyFailed=false`);
    expect(both.status).toBe(202);
    expect(states(both.body)).toEqual(['RESTARTING', 'RESTARTING']);
    await waitForStates(name, ['RUNNING', 'RUNNING']);
    expect((await call('POST', `/connectors/${name}/tasks/0/restart`)).status).toBe(204);
    expect((await call('POST', `/connectors/${name}/tasks/7/restart`)).body).toEqual({ error_code: 404, message: `Unknown task: ${name}-7` });

    expect((await call('PUT', `/connectors/${name}/stop`)).status).toBe(204);
    await waitForStates(name, ['STOPPED']);
    const got = await call('GET', `/connectors/${name}/offsets`);
    expect(got.status).toBe(200);
    expect(Array.isArray(got.body.offsets)).toBe(true);
    const badPartition = await call('PATCH', `/connectors/${name}/offsets`, { offsets: [{ partition: { kafka_topic: topic }, offset: { kafka_offset: 1 } }] });
    expect(badPartition.status).toBe(400);
    expect(badPartition.body.message).toContain("The partition for a sink connector offset must contain the keys 'kafka_topic' and 'kafka_partition'");
    // A successful PATCH/DELETE of a stopped sink's offsets is left out: right after stop (and
    // after the restarts above) the sink's consumer group often stays in PreparingRebalance for
    // more than 20 s, and the alter is refused with a 500 carrying KafkaJS's message (reported).
    expect((await call('DELETE', `/connectors/${name}`)).status).toBe(204);
  });
});

describe('Kafka UI', () => {
  const name = 'ui-src';
  const input = join(directory, 'ui-in.txt');
  const CONNECTOR_STATES = ['RUNNING', 'FAILED', 'PAUSED', 'UNASSIGNED', 'RESTARTING', 'STOPPED'];
  const TASK_STATES = ['RUNNING', 'FAILED', 'PAUSED', 'RESTARTING', 'UNASSIGNED'];

  it('creates after a duplicate check through the expanded list, and lists with expand=info&expand=status', async () => {
    writeFileSync(input, 'x\ny\n');
    const before = await call('GET', '/connectors?expand=info&expand=status');
    expect(before.status).toBe(200);
    expect(before.body[name]).toBeUndefined();
    expect((await call('POST', '/connectors', { name, config: sourceConfig(input) })).status).toBe(201);
    await waitForStates(name, ['RUNNING', 'RUNNING']);
    const listing = await call('GET', '/connectors?expand=info&expand=status');
    for (const [connector, entry] of Object.entries<any>(listing.body)) {
      expect(Object.keys(entry).sort()).toEqual(['info', 'status']);
      expect(entry.info.name).toBe(connector);
      expect(['source', 'sink', 'unknown']).toContain(entry.info.type);
      expect(['source', 'sink', 'unknown']).toContain(entry.status.type);
      expect(CONNECTOR_STATES).toContain(entry.status.connector.state);
      for (const task of entry.status.tasks) expect(TASK_STATES).toContain(task.state);
    }
    expect(listing.body[name].info).toEqual({ name, config: { ...sourceConfig(input), name }, tasks: [{ connector: name, task: 0 }], type: 'source' });
  });

  it('reads the connector, its config, tasks, each task status and topics', async () => {
    expect((await call('GET', `/connectors/${name}`)).status).toBe(200);
    expect((await call('GET', `/connectors/${name}/config`)).body).toEqual({ ...sourceConfig(input), name });
    const tasks = await call('GET', `/connectors/${name}/tasks`);
    expect(tasks.status).toBe(200);
    expect(tasks.body).toHaveLength(1);
    expect(Object.keys(tasks.body[0]).sort()).toEqual(['config', 'id']);
    expect(tasks.body[0].id).toEqual({ connector: name, task: 0 });
    expect(tasks.body[0].config['task.class']).toMatch(/FileStreamSourceTask$/);
    for (const task of tasks.body) {
      const status = await call('GET', `/connectors/${name}/tasks/${task.id.task}/status`);
      expect(status.status).toBe(200);
      expect(status.body).toEqual({ id: task.id.task, state: 'RUNNING', worker_id: expect.any(String) });
    }
    expect((await call('GET', `/connectors/${name}/tasks/9/status`)).body).toEqual({ error_code: 404, message: `No status found for task ${name}-9` });
    expect((await call('GET', `/connectors/${name}/tasks/abc/status`)).body).toEqual({ error_code: 404, message: 'HTTP 404 Not Found' });
    await poll('the topic to be recorded', () => call('GET', `/connectors/${name}/topics`), (a) => a.body?.[name]?.topics?.length === 1);
    expect((await call('GET', `/connectors/${name}/topics`)).body).toEqual({ [name]: { topics: [topic] } });
  });

  it('lists connector plugins and their config definitions', async () => {
    const plugins = await call('GET', '/connector-plugins');
    expect(plugins.status).toBe(200);
    expect(new Set(plugins.body.map((p: any) => p.type))).toEqual(new Set(['sink', 'source']));
    for (const plugin of plugins.body) {
      expect(Object.keys(plugin).filter((k) => k !== 'version').sort()).toEqual(['class', 'type']);
      if ('version' in plugin) expect(typeof plugin.version).toBe('string');
    }
    expect(plugins.body.map((p: any) => p.class)).toEqual(expect.arrayContaining(['org.apache.kafka.connect.file.FileStreamSinkConnector', 'org.apache.kafka.connect.file.FileStreamSourceConnector']));
    const definitions = await call('GET', '/connector-plugins/org.apache.kafka.connect.file.FileStreamSourceConnector/config');
    expect(definitions.status).toBe(200);
    for (const definition of definitions.body) {
      expect(Object.keys(definition)).toEqual(['name', 'type', 'required', 'default_value', 'importance', 'documentation', 'group', 'width', 'display_name', 'dependents', 'order']);
    }
  });

  it('validates with the exact ConfigInfos field names and enums', async () => {
    const result = await call('PUT', `/connector-plugins/FileStreamSourceConnector/config/validate`, { ...sourceConfig(input), name, 'tasks.max': 'x' });
    expect(result.status).toBe(200);
    expect(Object.keys(result.body)).toEqual(['name', 'error_count', 'groups', 'configs']);
    expect(result.body.groups.slice(0, 4)).toEqual(['Common', 'Transforms', 'Predicates', 'Error Handling']);
    expect(result.body.groups).toEqual(expect.arrayContaining(['Topic Creation', 'Exactly Once Support', 'offsets.topic']));
    let errors = 0;
    for (const entry of result.body.configs) {
      expect(Object.keys(entry)).toEqual(['definition', 'value']);
      if (entry.definition !== null) {
        expect(Object.keys(entry.definition)).toEqual(['name', 'type', 'required', 'default_value', 'importance', 'documentation', 'group', 'width', 'display_name', 'dependents', 'order']);
        expect(['BOOLEAN', 'STRING', 'INT', 'SHORT', 'LONG', 'DOUBLE', 'LIST', 'CLASS', 'PASSWORD']).toContain(entry.definition.type);
        expect(['HIGH', 'MEDIUM', 'LOW']).toContain(entry.definition.importance);
        expect(['NONE', 'SHORT', 'MEDIUM', 'LONG']).toContain(entry.definition.width);
        expect(typeof entry.definition.order).toBe('number');
      }
      expect(Object.keys(entry.value)).toEqual(['name', 'value', 'recommended_values', 'errors', 'visible']);
      errors += entry.value.errors.length;
    }
    expect(result.body.error_count).toBe(errors);
    const tasksMax = result.body.configs.find((c: any) => c.value.name === 'tasks.max');
    expect(tasksMax.value).toMatchObject({ name: 'tasks.max', value: 'x', errors: [expect.stringMatching(/^Invalid value x for configuration tasks\.max/)] });
    for (const key of ['name', 'connector.class', 'tasks.max', 'key.converter', 'value.converter', 'header.converter', 'transforms', 'predicates', 'errors.tolerance', 'exactly.once.support', 'offsets.storage.topic']) {
      expect(result.body.configs.some((c: any) => c.value.name === key), key).toBe(true);
    }
  });

  it('restarts (includeTasks=false&onlyFailed=false is 204), restarts tasks one by one, and needs STOPPED to reset offsets', async () => {
    const restart = await call('POST', `/connectors/${name}/restart?includeTasks=false&onlyFailed=false`);
    expect(restart.status).toBe(204);
    expect((await call('POST', `/connectors/${name}/tasks/0/restart`)).status).toBe(204);
    await waitForStates(name, ['RUNNING', 'RUNNING']);
    const refused = await call('DELETE', `/connectors/${name}/offsets`);
    expect(refused.body).toEqual({ error_code: 400, message: STOPPED_FIRST(name) });
    expect((await call('PUT', `/connectors/${name}/pause`)).status).toBe(202);
    await waitForStates(name, ['PAUSED', 'PAUSED']);
    // Paused is not stopped.
    expect((await call('DELETE', `/connectors/${name}/offsets`)).status).toBe(400);
    expect((await call('PUT', `/connectors/${name}/stop`)).status).toBe(204);
    await waitForStates(name, ['STOPPED']);
    expect((await call('DELETE', `/connectors/${name}/offsets`)).status).toBe(200);
    expect((await call('PUT', `/connectors/${name}/resume`)).status).toBe(202);
    await waitForStates(name, ['RUNNING', 'RUNNING']);
  });

  it('never needs its rebalance retries on a standalone worker: writes answer without 409 or the rebalance text', async () => {
    const answers = await Promise.all([
      call('PUT', `/connectors/${name}/config`, { ...sourceConfig(input), 'tasks.max': '1' }),
      call('GET', `/connectors/${name}`),
      call('GET', `/connectors/${name}/config`),
      call('GET', `/connectors/${name}/tasks`),
      call('PUT', `/connectors/${name}/pause`),
      call('PUT', `/connectors/${name}/resume`),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBeLessThan(300);
      expect(answer.text).not.toContain('rebalance');
    }
    expect((await call('DELETE', `/connectors/${name}`)).status).toBe(204);
    expect((await call('GET', `/connectors/${name}/status`)).body).toEqual({ error_code: 404, message: `No status found for connector ${name}` });
  });
});

describe('Terraform', () => {
  const name = 'tf-sink';
  const output = join(directory, 'tf-out.txt');

  it('creates with PUT config (201), updates (200), reads the exact config back with passwords unmasked, deletes', async () => {
    const sent = { ...sinkConfig(output), name, 'tasks.max': '1', 'connection.password': 's3cr3t-P@ss', 'ssl.truststore.password': 'another-secret' };
    const created = await call('PUT', `/connectors/${name}/config`, sent);
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`${worker.restUrl}/connectors/${name}`);
    // Distributed Kafka answers tasks: [] here; standalone Kafka has generated the tasks already.
    expect(created.body).toEqual({ name, config: sent, tasks: expect.any(Array), type: 'sink' });
    expect(created.body.tasks.every((t: any) => t.connector === name)).toBe(true);
    await poll('the connector to exist', () => call('GET', `/connectors/${name}`), (a) => a.status === 200);

    // go-kafka-connect's equality: same number of keys, same string values.
    const isSent = (config: Record<string, string>, expected: Record<string, string>) =>
      Object.keys(config).length === Object.keys(expected).length && Object.entries(expected).every(([k, v]) => config[k] === v);
    const read = await poll('GET config to equal the sent map', () => call('GET', `/connectors/${name}/config`), (a) => a.status === 200 && isSent(a.body, sent));
    expect(read.body).toEqual(sent);
    expect(read.body['connection.password']).toBe('s3cr3t-P@ss');

    // Update without name in the body: it is injected, the answer is 200, keys not sent are dropped.
    const { name: _dropped, 'ssl.truststore.password': _gone, ...withoutName } = sent;
    const next = { ...withoutName, 'connection.password': 'rotated-P@ss' };
    const updated = await call('PUT', `/connectors/${name}/config`, next);
    expect(updated.status).toBe(200);
    expect(updated.headers.get('location')).toBeNull();
    expect(updated.body.config).toEqual({ ...next, name });
    expect(updated.body.type).toBe('sink');
    await poll('GET config to equal the updated map', () => call('GET', `/connectors/${name}/config`), (a) => a.status === 200 && isSent(a.body, { ...next, name }));
    // Drift detection reads GET /connectors/{c}.config.
    expect((await call('GET', `/connectors/${name}`)).body.config).toEqual({ ...next, name });
    expect((await call('GET', `/connectors/${name}/tasks`)).body.every((t: any) => t.config['connection.password'] === undefined || t.config['connection.password'] === 'rotated-P@ss')).toBe(true);

    // Validation masks what GET config does not: a PASSWORD-typed value would show as [hidden] there only.
    expect((await call('DELETE', `/connectors/${name}`)).status).toBe(204);
    await poll('GET /connectors/{c} to be 404', () => call('GET', `/connectors/${name}`), (a) => a.status === 404);
    expect((await call('GET', `/connectors/${name}`)).body).toEqual({ error_code: 404, message: `Connector ${name} not found` });
  });
});

describe('bad input', () => {
  const output = join(directory, 'bad-out.txt');

  it('answers malformed JSON with an error body, not a crash', async () => {
    const malformed = await call('POST', '/connectors', '{"name": "x", "config": {');
    // Kafka answers 500 with Jackson's message; the reference allows a safer 400.
    expect([400, 500]).toContain(malformed.status);
    expect(malformed.body.error_code).toBe(malformed.status);
    expect(typeof malformed.body.message).toBe('string');
    const malformedPut = await call('PUT', '/connectors/x/config', '{not json');
    expect(malformedPut.body.error_code).toBe(malformedPut.status);
    expect([400, 500]).toContain(malformedPut.status);
    expect((await call('GET', '/connectors/x')).status).toBe(404);
  });

  it('refuses an object as a config value and coerces numbers and booleans to strings', async () => {
    const nested = await call('POST', '/connectors', { name: 'typed', config: { ...sinkConfig(output), 'tasks.max': { n: 1 } } });
    expect([400, 500]).toContain(nested.status);
    expect(nested.body.error_code).toBe(nested.status);
    expect((await call('GET', '/connectors/typed')).status).toBe(404);
    const coerced = await call('POST', '/connectors', { name: 'typed', config: { ...sinkConfig(output), 'tasks.max': 1, 'errors.log.enable': true } });
    expect(coerced.status).toBe(201);
    expect(coerced.body.config['tasks.max']).toBe('1');
    expect(coerced.body.config['errors.log.enable']).toBe('true');
    expect((await call('GET', '/connectors/typed/config')).body).toEqual({ ...sinkConfig(output), 'tasks.max': '1', 'errors.log.enable': 'true', name: 'typed' });
    expect((await call('DELETE', '/connectors/typed')).status).toBe(204);
  });

  it('answers a 10 MB body with 413 and keeps serving', async () => {
    const big = JSON.stringify({ name: 'big', config: { ...sinkConfig(output), padding: 'x'.repeat(10 * 1024 * 1024) } });
    const started = Date.now();
    const answer = await call('POST', '/connectors', big);
    expect(answer.status).toBe(413);
    expect(answer.body.error_code).toBe(413);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await call('GET', '/connectors/big')).status).toBe(404);
    expect((await call('GET', '/')).status).toBe(200);
  });

  it('answers an unknown connector class with 500 and Kafka’s message, on create, PUT config and validate', async () => {
    const prefix = /^Failed to find any class that implements Connector and which name matches com\.example\.Nope, available connectors are: /;
    const post = await call('POST', '/connectors', { name: 'nope', config: { 'connector.class': 'com.example.Nope' } });
    expect(post.status).toBe(500);
    expect(post.body.message).toMatch(prefix);
    const put = await call('PUT', '/connectors/nope/config', { 'connector.class': 'com.example.Nope' });
    expect(put.status).toBe(500);
    expect(put.body.message).toMatch(prefix);
    const validate = await call('PUT', '/connector-plugins/Nope/config/validate', { 'connector.class': 'com.example.Nope', name: 'nope' });
    expect(validate.status).toBe(500);
    expect(validate.body.message).toMatch(prefix);
    expect((await call('GET', '/connectors/nope')).status).toBe(404);
    const noType = await call('POST', '/connectors', { name: 'nope', config: { topics: 't' } });
    expect(noType.body).toEqual({ error_code: 400, message: 'Connector config {topics=t, name=nope} contains no connector type' });
  });

  it('refuses an empty name with Kafka’s validation message, and a name mismatch', async () => {
    for (const name of ['', '   ']) {
      const empty = await call('POST', '/connectors', { name, config: sinkConfig(output) });
      expect(empty.status).toBe(400);
      expect(empty.body.error_code).toBe(400);
      expect(empty.body.message).toContain('Invalid value  for configuration name: String may not be empty');
    }
    const missing = await call('POST', '/connectors', { config: sinkConfig(output) });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('String may not be empty');
    const control = await call('POST', '/connectors', { name: 'a\nb', config: sinkConfig(output) });
    expect(control.status).toBe(400);
    expect(control.body.message).toContain('String may not contain control sequences but had the following ASCII chars: 10');
    const mismatch = await call('POST', '/connectors', { name: 'one', config: { ...sinkConfig(output), name: 'two' } });
    expect(mismatch.body).toEqual({ error_code: 400, message: "Connector name configuration (two) doesn't match connector name in the URL (one)" });
    // The name is trimmed of surrounding whitespace.
    const trimmed = await call('POST', '/connectors', { name: '  padded  ', config: sinkConfig(output) });
    expect(trimmed.status).toBe(201);
    expect(trimmed.body.name).toBe('padded');
    expect((await call('DELETE', '/connectors/padded')).status).toBe(204);
    expect((await call('GET', '/connectors')).body).toEqual([]);
  });

  it('names with a slash never leave a half-created, unreachable connector', async () => {
    const slash = await call('POST', '/connectors', { name: 'team/orders', config: sinkConfig(output) });
    expect(slash.body.error_code ?? 201).toBe(slash.status);
    const viaPath = await call('PUT', `/connectors/${encodeURIComponent('a/b')}/config`, sinkConfig(output));
    expect(viaPath.status).toBeGreaterThanOrEqual(400);
    expect(viaPath.body.error_code).toBe(viaPath.status);
    const listed = (await call('GET', '/connectors')).body as string[];
    for (const name of listed) expect((await call('GET', `/connectors/${encodeURIComponent(name)}`)).status).toBe(200);
    for (const name of listed) expect((await call('DELETE', `/connectors/${encodeURIComponent(name)}`)).status).toBe(204);
  });

  it('takes a 300-character name as Kafka does (no length rule): 201, reachable, deletable', async () => {
    const long = `l${'o'.repeat(298)}g`;
    expect(long).toHaveLength(300);
    const created = await call('POST', '/connectors', { name: long, config: sinkConfig(output) });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`${worker.restUrl}/connectors/${long}`);
    expect((await call('GET', `/connectors/${long}/config`)).body).toEqual({ ...sinkConfig(output), name: long });
    await waitForStates(long, ['RUNNING', 'RUNNING']);
    expect((await call('DELETE', `/connectors/${long}`)).status).toBe(204);
    expect((await call('GET', `/connectors/${long}`)).status).toBe(404);
  });

  it('answers a body without a JSON content type with 415', async () => {
    for (const headers of [{}, { 'Content-Type': 'application/x-www-form-urlencoded' }, { 'Content-Type': 'text/plain' }] as Array<Record<string, string>>) {
      const answer = await call('POST', '/connectors', JSON.stringify({ name: 'ct', config: sinkConfig(output) }), headers);
      expect({ headers, status: answer.status, body: answer.body }).toEqual({ headers, status: 415, body: { error_code: 415, message: 'HTTP 415 Unsupported Media Type' } });
    }
    const put = await call('PUT', '/connectors/ct/config', 'file=x', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(put.body).toEqual({ error_code: 415, message: 'HTTP 415 Unsupported Media Type' });
    // A charset parameter is still JSON.
    const charset = await call('PUT', '/connector-plugins/FileStreamSinkConnector/config/validate', { ...sinkConfig(output), name: 'ct' }, { 'Content-Type': 'application/json; charset=utf-8' });
    expect(charset.status).toBe(200);
    expect((await call('GET', '/connectors/ct')).status).toBe(404);
  });

  it('answers an unknown route with 404 and a wrong method with 405, in the JSON error body', async () => {
    for (const path of ['/nope', '/connectors/x/y/z', '/connector-plugins/x/y']) {
      const answer = await call('GET', path);
      expect({ path, status: answer.status, body: answer.body }).toEqual({ path, status: 404, body: { error_code: 404, message: 'HTTP 404 Not Found' } });
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    }
    for (const [method, path] of [
      ['DELETE', '/connectors'],
      ['POST', '/'],
      ['GET', '/connectors/x/pause'],
      ['GET', '/connectors/x/restart'],
      ['POST', '/connector-plugins'],
    ] as const) {
      const answer = await call(method, path);
      expect({ method, path, status: answer.status, body: answer.body }).toEqual({ method, path, status: 405, body: { error_code: 405, message: 'HTTP 405 Method Not Allowed' } });
    }
  });

  it('still serves GET / after all of it, with nothing left behind', async () => {
    const root = await call('GET', '/');
    expect(root.status).toBe(200);
    expect(root.body.version).toMatch(/^\d+\.\d+/);
    expect((await call('GET', '/connectors')).body).toEqual([]);
    expect((await call('GET', '/health')).body).toEqual({ status: 'healthy', message: 'Worker has completed startup and is ready to handle requests.' });
    appendFileSync(join(directory, 'done'), 'ok');
  });
});
