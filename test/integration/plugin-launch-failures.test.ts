// Plugins that fail to start — no handshake, garbage on stdout, exit at once — leave their
// connector FAILED with a reason that says what happened, within the handshake timeout, while
// the worker keeps serving REST. Real worker and plugin child processes, real broker.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kafkaBootstrapServers } from '../support/kafka.js';
import { FIXTURE_PLUGINS_DIR, StandaloneWorker, type ConnectorStatus } from '../support/standalone-worker.js';

const HANDSHAKE_TIMEOUT_MS = 3_000;

describe('plugins that fail to start', () => {
  let worker: StandaloneWorker;
  let startedAt: number;

  beforeAll(async () => {
    startedAt = Date.now();
    worker = await StandaloneWorker.start({
      bootstrapServers: kafkaBootstrapServers(),
      properties: { 'plugin.path': FIXTURE_PLUGINS_DIR, 'plugin.handshake.timeout.ms': String(HANDSHAKE_TIMEOUT_MS) },
      connectors: [
        { name: 'silent', 'connector.class': 'polyconnect.fixtures.NoHandshakeSourceConnector' },
        { name: 'garbage', 'connector.class': 'GarbageHandshakeSource' },
        { name: 'dies', 'connector.class': 'polyconnect.fixtures.ExitAtOnceSinkConnector', topics: 'nothing' },
      ],
    });
  });

  afterAll(async () => {
    expect(await worker?.stop('SIGTERM')).toBe(0);
  });

  async function failedStatus(name: string): Promise<ConnectorStatus> {
    let status: ConnectorStatus | undefined;
    await worker.waitFor(async () => (status = await worker.status(name))?.connector.state === 'FAILED', HANDSHAKE_TIMEOUT_MS * 4 + 10_000, `${name} to be FAILED`);
    return status!;
  }

  it('fails a plugin that never prints a handshake once the handshake timeout passes, naming the timeout and its stderr', async () => {
    const status = await failedStatus('silent');
    expect(status.connector.trace).toContain(`No handshake line from the plugin within ${HANDSHAKE_TIMEOUT_MS} ms (plugin.handshake.timeout.ms)`);
    expect(status.connector.trace).toContain('fixture: loading a very large model, please wait');
    expect(status.tasks).toEqual([]);
  });

  it('fails a plugin that prints garbage instead of a handshake, quoting what it printed', async () => {
    const status = await failedStatus('garbage');
    expect(status.connector.trace).toContain('Unrecognized remote plugin message "Hello! Listening on port 8080"');
  });

  it('fails a plugin that exits at once with its exit code and last stderr line', async () => {
    const status = await failedStatus('dies');
    expect(status.connector.trace).toMatch(/Plugin process fixture-exit-at-once \(pid \d+, for dies\) exited with code 3/);
    expect(status.connector.trace).toContain('fixture: cannot open /nonexistent/credentials.json');
    expect(status.type).toBe('sink');
  });

  it('reports all three within the handshake timeout (plus launch overhead) and keeps serving REST', async () => {
    await Promise.all(['silent', 'garbage', 'dies'].map(failedStatus));
    // The connectors start one after another; each may take the full timeout at most.
    expect(Date.now() - startedAt).toBeLessThan(3 * HANDSHAKE_TIMEOUT_MS + 20_000);
    const root = await worker.get<{ version: string; kafka_cluster_id: string }>('/');
    expect(root.status).toBe(200);
    expect(root.body.version).toMatch(/^\d+\.\d+\.\d+$/);
    const list = await worker.get<string[]>('/connectors');
    expect(list.body.sort()).toEqual(['dies', 'garbage', 'silent']);
  });
});

describe('REST over plugins that fail to start', () => {
  let worker: StandaloneWorker;

  beforeAll(async () => {
    worker = await StandaloneWorker.start({
      bootstrapServers: kafkaBootstrapServers(),
      properties: { 'plugin.path': FIXTURE_PLUGINS_DIR, 'plugin.handshake.timeout.ms': String(HANDSHAKE_TIMEOUT_MS) },
      connectors: [{ name: 'dies', 'connector.class': 'ExitAtOnceSink', topics: 'nothing' }],
    });
    await worker.waitFor(async () => (await worker.status('dies'))?.connector.state === 'FAILED', 20_000, 'dies to fail');
  });

  afterAll(async () => {
    expect(await worker?.stop('SIGTERM')).toBe(0);
  });

  it('lists the connector classes found on plugin.path, sinks first, then sources, each by class name, with versions', async () => {
    // Expected from the manifests themselves, read here independently of the worker.
    const declared = readdirSync(FIXTURE_PLUGINS_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(FIXTURE_PLUGINS_DIR, entry.name, 'plugin.json')))
      .flatMap((entry) => {
        const manifest = JSON.parse(readFileSync(join(FIXTURE_PLUGINS_DIR, entry.name, 'plugin.json'), 'utf8')) as { version: string; connectors: Array<{ class: string; type: string }> };
        return manifest.connectors.map((c) => ({ class: c.class, type: c.type, version: manifest.version }));
      });
    const byClass = (a: { class: string }, b: { class: string }): number => (a.class < b.class ? -1 : a.class > b.class ? 1 : 0);
    const expected = [...declared.filter((c) => c.type === 'sink').sort(byClass), ...declared.filter((c) => c.type === 'source').sort(byClass)];
    const { status, body } = await worker.get<Array<{ class: string; type: string; version: string }>>('/connector-plugins');
    expect(status).toBe(200);
    expect(body).toEqual(expected);
    expect(body).toContainEqual({ class: 'polyconnect.fixtures.ExitAtOnceSinkConnector', type: 'sink', version: '0.0.1' });
  });

  it('restarts a FAILED connector with onlyFailed (202, RESTARTING), which launches a new process that fails again', async () => {
    const before = (await worker.status('dies'))!.connector.trace!;
    const pidBefore = /pid (\d+)/.exec(before)![1];
    const { status, body } = await worker.post<{ name: string; connector: { state: string }; tasks: unknown[]; type: string }>('/connectors/dies/restart?includeTasks=true&onlyFailed=true');
    expect(status).toBe(202);
    expect(body).toMatchObject({ name: 'dies', connector: { state: 'RESTARTING' }, tasks: [], type: 'sink' });
    let trace = '';
    await worker.waitFor(async () => {
      const connector = (await worker.status('dies'))?.connector;
      trace = connector?.trace ?? '';
      return connector?.state === 'FAILED' && !trace.includes(`pid ${pidBefore},`);
    }, 20_000, 'the restarted connector to fail again');
    expect(trace).toContain('exited with code 3');
  });

  it('answers unknown connectors and tasks with Kafka Connect’s 404 bodies', async () => {
    expect(await worker.get('/connectors/nope/status')).toEqual({ status: 404, body: { error_code: 404, message: 'No status found for connector nope' } });
    expect(await worker.post('/connectors/nope/restart')).toEqual({ status: 404, body: { error_code: 404, message: 'Unknown connector: nope' } });
    expect(await worker.post('/connectors/dies/tasks/0/restart')).toEqual({ status: 404, body: { error_code: 404, message: 'Unknown task: dies-0' } });
  });
});
