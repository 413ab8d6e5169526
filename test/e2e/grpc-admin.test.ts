// The gRPC admin API (polyconnect.admin.v1) against a real standalone worker, FileStream plugin
// processes and the broker: every RPC, WatchStatus seeing a task FAILED when its plugin process is
// killed (and RUNNING again after a restart), status codes for bad requests, grpc.health.v1 and
// server reflection; then a second worker with TLS, client certificates (mTLS) and a bearer token.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { service as healthService } from 'grpc-health-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WatchStatusResponse } from '../../src/api/grpc/admin-messages.js';
import { fromStruct, toStruct } from '../../src/api/grpc/proto-json.js';
import { AdminCallError, AdminClient } from '../../src/cli/admin-client.js';
import { fileSize } from '../support/file-data.js';
import { kafkaBootstrapServers } from '../support/kafka.js';
import { StandaloneWorker, freePort } from '../support/standalone-worker.js';

const directory = mkdtempSync(join(tmpdir(), 'pc-grpc-'));
const input = join(directory, 'in.txt');
const output = join(directory, 'out.txt');
const topic = `grpc-${Date.now()}`;
const SOURCE = { 'connector.class': 'FileStreamSource', file: input, topic, 'tasks.max': '1' };
const SINK = { 'connector.class': 'FileStreamSink', file: output, topics: topic };

async function failure(promise: Promise<unknown>): Promise<AdminCallError> {
  const error = await promise.then(
    () => new Error('the call succeeded'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AdminCallError);
  return error as AdminCallError;
}

/** Buffers a WatchStatus stream so a test can wait for the message it expects. */
class WatchReader {
  readonly messages: WatchStatusResponse[] = [];
  #waiters: Array<() => void> = [];
  error: grpc.ServiceError | undefined;

  constructor(readonly stream: grpc.ClientReadableStream<WatchStatusResponse>) {
    stream.on('data', (message: WatchStatusResponse) => {
      this.messages.push(message);
      this.#wake();
    });
    stream.on('error', (error: grpc.ServiceError) => {
      this.error = error;
      this.#wake();
    });
  }

  #wake(): void {
    for (const waiter of this.#waiters.splice(0)) waiter();
  }

  async next(predicate: (message: WatchStatusResponse) => boolean, what: string, timeoutMs = 30_000): Promise<WatchStatusResponse> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(predicate);
      if (found !== undefined) return found;
      if (this.error !== undefined) throw this.error;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out waiting for ${what}; got ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, left);
      });
    }
  }
}

function healthClient(address: string, credentials: grpc.ChannelCredentials): (service: string) => Promise<string> {
  const Health = grpc.makeGenericClientConstructor(healthService, 'Health') as unknown as new (address: string, credentials: grpc.ChannelCredentials) => grpc.Client & {
    check(request: { service: string }, callback: (error: grpc.ServiceError | null, response?: { status: string }) => void): void;
  };
  const client = new Health(address, credentials);
  return (service) =>
    new Promise((resolve, reject) =>
      client.check({ service }, (error, response) => {
        client.close();
        if (error) reject(error);
        else resolve(response!.status);
      }),
    );
}

describe('gRPC admin API', () => {
  let worker: StandaloneWorker;
  let address: string;
  let client: AdminClient;

  beforeAll(async () => {
    writeFileSync(input, 'a\nb\nc\n');
    address = `127.0.0.1:${await freePort()}`;
    worker = await StandaloneWorker.start({ bootstrapServers: kafkaBootstrapServers(), directory, properties: { 'admin.grpc.listener': address } });
    await worker.waitFor(() => worker.logs.some((line) => line.msg === 'gRPC admin API listening'), 10_000, 'the gRPC admin API');
    client = new AdminClient({ server: address, timeoutMs: 60_000 });
  });

  afterAll(async () => {
    client?.close();
    expect(await worker?.stop('SIGTERM')).toBe(0);
  });

  async function waitForStates(name: string, wanted: string[]): Promise<void> {
    await worker.waitFor(
      async () => {
        const status = (await client.call('GetConnectorStatus', { name }).catch(() => undefined))?.status;
        return JSON.stringify([status?.connector?.state, ...(status?.tasks.map((t) => t.state) ?? [])]) === JSON.stringify(wanted);
      },
      30_000,
      `${name} to be ${wanted.join(',')}`,
    );
  }

  it('answers server info and health, on AdminService and on grpc.health.v1', async () => {
    const info = await client.call('GetServerInfo', {});
    expect(info).toMatchObject({ version: '4.1.2', kafkaClusterId: (await worker.get<{ kafka_cluster_id: string }>('/')).body.kafka_cluster_id });
    expect(await client.call('GetHealth', {})).toEqual({ status: 'WORKER_HEALTH_STATUS_HEALTHY', message: 'Worker has completed startup and is ready to handle requests.' });
    expect(await healthClient(address, grpc.credentials.createInsecure())('polyconnect.admin.v1.AdminService')).toBe('SERVING');
    expect(await healthClient(address, grpc.credentials.createInsecure())('')).toBe('SERVING');
  });

  it('lists its services and describes AdminService through server reflection', async () => {
    const reflectionDir = join(dirname(createRequire(import.meta.url).resolve('@grpc/reflection/package.json')), 'build/proto');
    const definition = protoLoader.loadSync('grpc/reflection/v1/reflection.proto', { includeDirs: [reflectionDir], keepCase: true, defaults: true, oneofs: true });
    const Reflection = (grpc.loadPackageDefinition(definition) as any).grpc.reflection.v1.ServerReflection as new (address: string, credentials: grpc.ChannelCredentials) => grpc.Client & { ServerReflectionInfo(): grpc.ClientDuplexStream<object, any> };
    const reflection = new Reflection(address, grpc.credentials.createInsecure());
    const ask = (request: object): Promise<any> =>
      new Promise((resolve, reject) => {
        const call = reflection.ServerReflectionInfo();
        call.on('data', (response: unknown) => {
          resolve(response);
          call.end();
        });
        call.on('error', reject);
        call.write(request);
      });
    const listed = await ask({ list_services: '' });
    const services = listed.list_services_response.service.map((s: { name: string }) => s.name);
    expect(services).toEqual(expect.arrayContaining(['polyconnect.admin.v1.AdminService', 'grpc.health.v1.Health']));
    const files = await ask({ file_containing_symbol: 'polyconnect.admin.v1.AdminService' });
    const descriptors: Buffer[] = files.file_descriptor_response.file_descriptor_proto;
    expect(descriptors.length).toBeGreaterThan(0);
    expect(Buffer.concat(descriptors).toString('latin1')).toContain('WatchStatus');
    reflection.close();
  });

  it('lists plugins, their config definitions, and validates configs', async () => {
    const plugins = await client.call('ListConnectorPlugins', {});
    expect(plugins.plugins.map((p) => [p.className, p.type])).toEqual(
      expect.arrayContaining([
        ['org.apache.kafka.connect.file.FileStreamSinkConnector', 'PLUGIN_TYPE_SINK'],
        ['org.apache.kafka.connect.file.FileStreamSourceConnector', 'PLUGIN_TYPE_SOURCE'],
      ]),
    );
    expect(plugins.plugins.every((p) => p.type === 'PLUGIN_TYPE_SOURCE' || p.type === 'PLUGIN_TYPE_SINK')).toBe(true);
    const all = await client.call('ListConnectorPlugins', { connectorsOnly: false });
    expect(all.plugins.map((p) => p.type)).toEqual(expect.arrayContaining(['PLUGIN_TYPE_TRANSFORMATION', 'PLUGIN_TYPE_PREDICATE', 'PLUGIN_TYPE_CONVERTER']));

    const definitions = await client.call('GetConnectorPluginConfig', { plugin: 'FileStreamSource' });
    expect(definitions.configs.map((c) => c.name)).toEqual(expect.arrayContaining(['file', 'topic']));
    expect((await failure(client.call('GetConnectorPluginConfig', { plugin: 'NoSuchPlugin' }))).code).toBe(grpc.status.NOT_FOUND);

    const valid = await client.call('ValidateConnectorConfig', { config: { ...SOURCE, name: 'v' } });
    expect(valid.configs.flatMap((c) => c.value?.errors ?? [])).toEqual([]);
    expect(valid).toMatchObject({ name: 'FileStreamSource', errorCount: 0 });
    const invalid = await client.call('ValidateConnectorConfig', { plugin: 'FileStreamSink', config: { 'connector.class': 'FileStreamSink', name: 'v', topics: 't', 'tasks.max': 'zero' } });
    expect(invalid.errorCount).toBe(invalid.configs.filter((c) => (c.value?.errors.length ?? 0) > 0).length);
    expect(invalid.configs.find((c) => c.value?.name === 'tasks.max')?.value?.errors).toEqual(['Invalid value zero for configuration tasks.max: Not a number of type INT']);
  });

  it('creates connectors, reads them back, and updates their configs', async () => {
    const created = await client.call('CreateConnector', { name: 'src', config: SOURCE });
    expect(created.info).toEqual({ name: 'src', config: { ...SOURCE, name: 'src' }, tasks: [{ connector: 'src', task: 0 }], type: 'CONNECTOR_TYPE_SOURCE' });
    const put = await client.call('PutConnectorConfig', { name: 'sink', config: SINK });
    expect(put.created).toBe(true);
    await waitForStates('src', ['CONNECTOR_STATE_RUNNING', 'CONNECTOR_STATE_RUNNING']);
    await waitForStates('sink', ['CONNECTOR_STATE_RUNNING', 'CONNECTOR_STATE_RUNNING']);
    await worker.waitFor(() => fileSize(output) === 6, 30_000, 'the lines to arrive');

    const listed = await client.call('ListConnectors', { includeInfo: true, includeStatus: true });
    expect(listed.connectors.map((c) => [c.name, c.info?.type, c.status?.connector?.state]).sort()).toEqual([
      ['sink', 'CONNECTOR_TYPE_SINK', 'CONNECTOR_STATE_RUNNING'],
      ['src', 'CONNECTOR_TYPE_SOURCE', 'CONNECTOR_STATE_RUNNING'],
    ]);
    const described = await client.call('GetConnector', { name: 'sink', includeStatus: true });
    expect(described.info?.config).toEqual({ ...SINK, name: 'sink' });
    expect(described.status?.tasks).toEqual([{ id: 0, state: 'CONNECTOR_STATE_RUNNING', workerId: expect.any(String) }]);
    expect((await client.call('GetTaskStatus', { name: 'sink', taskId: 0 })).status?.state).toBe('CONNECTOR_STATE_RUNNING');
    expect((await client.call('ListTasks', { name: 'src' })).tasks[0]).toMatchObject({ id: { connector: 'src', task: 0 }, config: { file: input, topic } });
    expect((await client.call('GetConnectorTopics', { name: 'sink' })).topics).toEqual([topic]);
    await client.call('ResetConnectorTopics', { name: 'sink' });
    expect((await client.call('GetConnectorTopics', { name: 'sink' })).topics).toEqual([]);

    const updated = await client.call('PutConnectorConfig', { name: 'sink', config: { ...SINK, 'batch.size': '10' } });
    expect(updated.created).toBe(false);
    const patched = await client.call('PatchConnectorConfig', { name: 'sink', setConfig: { 'errors.tolerance': 'all' }, removeKeys: ['batch.size'] });
    expect(patched.info?.config).toEqual({ ...SINK, name: 'sink', 'errors.tolerance': 'all' });
    expect((await client.call('GetConnectorConfig', { name: 'sink' })).config).toEqual({ ...SINK, name: 'sink', 'errors.tolerance': 'all' });
    await waitForStates('sink', ['CONNECTOR_STATE_RUNNING', 'CONNECTOR_STATE_RUNNING']);
  });

  it('WatchStatus pushes FAILED when a task’s plugin process is killed, and RUNNING after a restart', async () => {
    const watch = new WatchReader(client.watchStatus(['src']));
    const snapshot = await watch.next((m) => m.snapshot != null, 'the snapshot');
    expect(snapshot.snapshot!.connectors.map((c) => [c.name, c.connector?.state, c.tasks.map((t) => t.state)])).toEqual([['src', 'CONNECTOR_STATE_RUNNING', ['CONNECTOR_STATE_RUNNING']]]);
    const pid = worker.pluginPid('src-0');
    expect(pid).toBeGreaterThan(0);
    process.kill(pid!, 'SIGKILL');
    const failed = await watch.next((m) => m.change?.taskId === 0 && m.change.status?.state === 'CONNECTOR_STATE_FAILED', 'task 0 FAILED');
    expect(failed.change!.connector).toBe('src');
    expect(failed.change!.status!.trace).toMatch(/SIGKILL|exit/i);
    expect(failed.change!.time).not.toBeNull();

    const restarted = await client.call('RestartConnector', { name: 'src', includeTasks: true, onlyFailed: true });
    expect(restarted.status?.tasks[0]?.state).toBe('CONNECTOR_STATE_RESTARTING');
    expect(restarted.status?.connector?.state).toBe('CONNECTOR_STATE_RUNNING'); // only what failed restarts
    const running = await watch.next((m) => m.change?.taskId === 0 && m.change.status?.state === 'CONNECTOR_STATE_RUNNING' && m !== snapshot, 'task 0 RUNNING again');
    expect(watch.messages.indexOf(running)).toBeGreaterThan(watch.messages.indexOf(failed));
    expect(watch.messages.some((m) => m.change?.connector !== undefined && m.change.connector !== 'src')).toBe(false);
    watch.stream.cancel();

    await client.call('RestartTask', { name: 'src', taskId: 0 });
    await client.call('RestartConnector', { name: 'src' });
    await waitForStates('src', ['CONNECTOR_STATE_RUNNING', 'CONNECTOR_STATE_RUNNING']);
  });

  it('pauses, resumes and stops; offsets change only when STOPPED', async () => {
    await client.call('PauseConnector', { name: 'src' });
    await waitForStates('src', ['CONNECTOR_STATE_PAUSED', 'CONNECTOR_STATE_PAUSED']);
    await client.call('ResumeConnector', { name: 'src' });
    await waitForStates('src', ['CONNECTOR_STATE_RUNNING', 'CONNECTOR_STATE_RUNNING']);
    await worker.waitFor(async () => (await client.call('GetConnectorOffsets', { name: 'src' })).offsets.length > 0, 15_000, 'a committed source offset');
    const before = await client.call('GetConnectorOffsets', { name: 'src' });
    expect(fromStruct(before.offsets[0]!.partition)).toEqual({ filename: input });
    expect(fromStruct(before.offsets[0]!.offset)).toEqual({ position: 6 });

    const offsets = [{ partition: toStruct({ filename: input }), offset: toStruct({ position: 2 }) }];
    const refused = await failure(client.call('AlterConnectorOffsets', { name: 'src', offsets }));
    expect(refused.code).toBe(grpc.status.FAILED_PRECONDITION);
    expect(refused.message).toMatch(/^Connectors must be in the STOPPED state before their offsets can be modified/);
    expect((await failure(client.call('ResetConnectorOffsets', { name: 'src' }))).code).toBe(grpc.status.FAILED_PRECONDITION);

    await client.call('StopConnector', { name: 'src' });
    await waitForStates('src', ['CONNECTOR_STATE_STOPPED']);
    expect((await client.call('AlterConnectorOffsets', { name: 'src', offsets })).message).toMatch(/have been altered successfully/);
    expect((await client.call('GetConnectorOffsets', { name: 'src' })).offsets.map((o) => fromStruct(o.offset))).toEqual([{ position: 2 }]);
    expect((await client.call('ResetConnectorOffsets', { name: 'src' })).message).toMatch(/have been reset successfully/);
    expect((await client.call('GetConnectorOffsets', { name: 'src' })).offsets).toEqual([]);

    // Group connect-sink may hold other test files' topics too (same broker, same connector name).
    const sinkOffsets = (await client.call('GetConnectorOffsets', { name: 'sink' })).offsets.filter((o) => fromStruct(o.partition).kafka_topic === topic);
    expect(sinkOffsets.map((o) => [fromStruct(o.partition), fromStruct(o.offset)])).toEqual([[{ kafka_topic: topic, kafka_partition: 0 }, { kafka_offset: 3 }]]);
    await client.call('ResumeConnector', { name: 'src' });
    await waitForStates('src', ['CONNECTOR_STATE_RUNNING', 'CONNECTOR_STATE_RUNNING']);
  });

  it('answers NOT_FOUND, ALREADY_EXISTS and INVALID_ARGUMENT with readable messages', async () => {
    const missing = await failure(client.call('GetConnector', { name: 'nope' }));
    expect([missing.code, missing.message, missing.httpStatus]).toEqual([grpc.status.NOT_FOUND, 'Connector nope not found', 404]);
    expect((await failure(client.call('GetTaskStatus', { name: 'src', taskId: 5 }))).code).toBe(grpc.status.NOT_FOUND);
    expect((await failure(client.call('DeleteConnector', { name: 'nope' }))).code).toBe(grpc.status.NOT_FOUND);
    const duplicate = await failure(client.call('CreateConnector', { name: 'src', config: SOURCE }));
    expect([duplicate.code, duplicate.message]).toEqual([grpc.status.ALREADY_EXISTS, 'Connector src already exists']);
    const invalid = await failure(client.call('CreateConnector', { name: 'bad', config: { 'connector.class': 'FileStreamSink', file: output, 'tasks.max': 'zero' } }));
    expect(invalid.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(invalid.message).toMatch(/^Connector configuration is invalid and contains the following 2 error\(s\):\n/);
    const unknownClass = await failure(client.call('CreateConnector', { name: 'x', config: { 'connector.class': 'NoSuchConnector' } }));
    expect(unknownClass.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(unknownClass.message).toMatch(/^Failed to find any class that implements Connector and which name matches NoSuchConnector/);
    expect((await failure(client.call('GetConnector', { name: 'bad' }))).code).toBe(grpc.status.NOT_FOUND);
  });

  it('reads and sets log levels live', async () => {
    const loggers = await client.call('ListLoggers', {});
    expect(loggers.loggers[0]).toMatchObject({ logger: 'root', level: 'LOG_LEVEL_INFO' });
    expect((await client.call('SetLoggerLevel', { logger: 'root', level: 'LOG_LEVEL_DEBUG' })).loggers).toEqual(['root']);
    expect((await client.call('GetLogger', { logger: 'root' })).logger).toMatchObject({ logger: 'root', level: 'LOG_LEVEL_DEBUG', lastModified: { seconds: expect.any(Number) } });
    await client.call('SetLoggerLevel', { logger: 'root', level: 'LOG_LEVEL_INFO' });
    expect((await failure(client.call('GetLogger', { logger: 'no.such.logger' }))).code).toBe(grpc.status.NOT_FOUND);
  });

  it('deletes connectors', async () => {
    const watch = new WatchReader(client.watchStatus([]));
    await watch.next((m) => m.snapshot != null, 'the snapshot');
    await client.call('DeleteConnector', { name: 'sink' });
    await watch.next((m) => m.change?.connector === 'sink' && m.change.taskId === undefined && m.change.status == null, 'the sink removed');
    watch.stream.cancel();
    expect((await failure(client.call('GetConnectorStatus', { name: 'sink' }))).code).toBe(grpc.status.NOT_FOUND);
    await client.call('DeleteConnector', { name: 'src' });
    expect((await client.call('ListConnectors', {})).connectors).toEqual([]);
  });
});

describe('gRPC admin API with TLS, client certificates and a bearer token', () => {
  const pki = mkdtempSync(join(tmpdir(), 'pc-grpc-pki-'));
  const file = (name: string): string => join(pki, name);
  let worker: StandaloneWorker;
  let address: string;
  let tls: { ca: Buffer; cert: Buffer; key: Buffer };

  function openssl(...args: string[]): void {
    execFileSync('openssl', args, { cwd: pki, stdio: 'pipe' });
  }

  beforeAll(async () => {
    openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=polyconnect test CA', '-keyout', 'ca.key', '-out', 'ca.pem');
    writeFileSync(file('server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-keyout', 'server.key', '-out', 'server.csr');
    openssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2', '-extfile', 'server.ext', '-out', 'server.pem');
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=operator', '-keyout', 'client.key', '-out', 'client.csr');
    openssl('x509', '-req', '-in', 'client.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2', '-out', 'client.pem');
    writeFileSync(file('token'), 'grpc-e2e-token\n');
    tls = { ca: readFileSync(file('ca.pem')), cert: readFileSync(file('client.pem')), key: readFileSync(file('client.key')) };
    address = `127.0.0.1:${await freePort()}`;
    worker = await StandaloneWorker.start({
      bootstrapServers: kafkaBootstrapServers(),
      properties: {
        'admin.grpc.listener': address,
        'admin.grpc.tls.cert.file': file('server.pem'),
        'admin.grpc.tls.key.file': file('server.key'),
        'admin.grpc.tls.client.ca.file': file('ca.pem'),
        'admin.grpc.auth.token.file': file('token'),
      },
    });
    await worker.waitFor(() => worker.logs.some((line) => line.msg === 'gRPC admin API listening'), 10_000, 'the gRPC admin API');
  });

  afterAll(async () => {
    expect(await worker?.stop('SIGTERM')).toBe(0);
  });

  async function codeOf(client: AdminClient): Promise<grpc.status> {
    try {
      await client.call('ListConnectors', {});
      return grpc.status.OK;
    } catch (error) {
      return (error as AdminCallError).code;
    } finally {
      client.close();
    }
  }

  it('answers with the token and a client certificate', async () => {
    expect(await codeOf(new AdminClient({ server: address, token: 'grpc-e2e-token', tls, timeoutMs: 10_000 }))).toBe(grpc.status.OK);
  });

  it('refuses calls without the token, or with a wrong one, with UNAUTHENTICATED', async () => {
    expect(await codeOf(new AdminClient({ server: address, tls, timeoutMs: 10_000 }))).toBe(grpc.status.UNAUTHENTICATED);
    expect(await codeOf(new AdminClient({ server: address, tls, token: 'guess', timeoutMs: 10_000 }))).toBe(grpc.status.UNAUTHENTICATED);
  });

  it('refuses connections without a client certificate, and plaintext ones', async () => {
    expect(await codeOf(new AdminClient({ server: address, token: 'grpc-e2e-token', tls: { ca: tls.ca }, timeoutMs: 10_000 }))).toBe(grpc.status.UNAVAILABLE);
    expect(await codeOf(new AdminClient({ server: address, token: 'grpc-e2e-token', timeoutMs: 10_000 }))).toBe(grpc.status.UNAVAILABLE);
  });

  it('answers health checks over mTLS without a token', async () => {
    expect(await healthClient(address, grpc.credentials.createSsl(tls.ca, tls.key, tls.cert))('')).toBe('SERVING');
  });
});
