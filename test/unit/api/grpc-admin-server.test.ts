// AdminServer over a fake Herder, called through AdminClient on an ephemeral loopback port: the
// typed RPCs and their conversions (enums, Structs, Timestamps, optional fields), status codes
// with readable details and the REST status in the trailers, WatchStatus (snapshot, changes,
// repeats skipped, removals, filtering, NOT_FOUND, end on shutdown), UNIMPLEMENTED without
// loggers, and the worker-config wiring (a taken default port is a warning, a configured one fatal).

import * as grpc from '@grpc/grpc-js';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WatchStatusResponse } from '../../../src/api/grpc/admin-messages.js';
import { AdminServer, startAdminApi } from '../../../src/api/grpc/admin-server.js';
import { fromStruct, toStruct } from '../../../src/api/grpc/proto-json.js';
import { AdminCallError, AdminClient } from '../../../src/cli/admin-client.js';
import { NotFoundError } from '../../../src/herder/herder-errors.js';
import { LoggerLevels } from '../../../src/logging.js';
import { FakeHerder, WORKER } from './grpc-fake-herder.js';

const SOURCE = { 'connector.class': 'FileStreamSource', file: '/tmp/in.txt', topic: 't' };
const logger = pino({ level: 'silent' });

async function failure(promise: Promise<unknown>): Promise<AdminCallError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AdminCallError);
  return error as AdminCallError;
}

/** Reads stream messages until `count` arrived. */
function collect(stream: grpc.ClientReadableStream<WatchStatusResponse>, count: number): Promise<WatchStatusResponse[]> {
  const messages: WatchStatusResponse[] = [];
  return new Promise((resolve, reject) => {
    stream.on('data', (message: WatchStatusResponse) => {
      messages.push(message);
      if (messages.length === count) resolve(messages);
    });
    stream.on('error', reject);
  });
}

describe('AdminServer', () => {
  let herder: FakeHerder;
  let server: AdminServer;
  let client: AdminClient;
  let loggers: LoggerLevels;
  let address: string;

  beforeAll(async () => {
    herder = new FakeHerder();
    loggers = new LoggerLevels('silent');
    server = await AdminServer.create(herder, logger, { loggers, statusChanges: herder.statusStore });
    address = await server.start('127.0.0.1:0');
    client = new AdminClient({ server: address, timeoutMs: 5_000 });
  });

  afterAll(async () => {
    client.close();
    await server.stop();
  });

  beforeEach(async () => {
    for (const name of herder.connectors()) await herder.deleteConnector(name);
    herder.fail = {};
  });

  it('answers server info and health', async () => {
    expect(await client.call('GetServerInfo', {})).toEqual({ version: '4.1.2', commit: 'abcdef0123456789', kafkaClusterId: 'cluster-1' });
    expect(await client.call('GetHealth', {})).toEqual({ status: 'WORKER_HEALTH_STATUS_HEALTHY', message: herder.health().message });
  });

  it('creates, lists, describes, updates, patches and deletes connectors', async () => {
    const created = await client.call('CreateConnector', { name: 'src', config: SOURCE, initialState: 'INITIAL_STATE_PAUSED' });
    expect(created.info).toEqual({ name: 'src', config: { ...SOURCE, name: 'src' }, tasks: [{ connector: 'src', task: 0 }], type: 'CONNECTOR_TYPE_SOURCE' });
    expect(herder.calls).toContainEqual(['createConnector', 'src', SOURCE, 'PAUSED']);

    const listed = await client.call('ListConnectors', { includeStatus: true });
    expect(listed.connectors).toEqual([
      { name: 'src', info: null, status: { name: 'src', connector: { state: 'CONNECTOR_STATE_PAUSED', workerId: WORKER }, tasks: [{ id: 0, state: 'CONNECTOR_STATE_PAUSED', workerId: WORKER }], type: 'CONNECTOR_TYPE_SOURCE' } },
    ]);
    expect((await client.call('ListConnectors', {})).connectors).toEqual([{ name: 'src', info: null, status: null }]);
    expect((await client.call('ListConnectors', { includeInfo: true })).connectors[0]!.info?.config.file).toBe('/tmp/in.txt');

    const described = await client.call('GetConnector', { name: 'src', includeStatus: true });
    expect(described.status?.connector?.state).toBe('CONNECTOR_STATE_PAUSED');
    expect((await client.call('GetConnector', { name: 'src' })).status).toBeNull();

    const put = await client.call('PutConnectorConfig', { name: 'src', config: { ...SOURCE, 'batch.size': '5' } });
    expect(put.created).toBe(false);
    expect(put.info?.config['batch.size']).toBe('5');
    expect((await client.call('PutConnectorConfig', { name: 'other', config: SOURCE })).created).toBe(true);

    const patched = await client.call('PatchConnectorConfig', { name: 'src', setConfig: { topic: 'u' }, removeKeys: ['batch.size'] });
    expect(patched.info?.config).toEqual({ ...SOURCE, topic: 'u', name: 'src' });
    expect((await client.call('GetConnectorConfig', { name: 'src' })).config).toEqual({ ...SOURCE, topic: 'u', name: 'src' });

    await client.call('DeleteConnector', { name: 'src' });
    expect((await failure(client.call('GetConnector', { name: 'src' }))).code).toBe(grpc.status.NOT_FOUND);
  });

  it('answers status, task status, task configs, topics, restarts and target states', async () => {
    await client.call('CreateConnector', { name: 'src', config: SOURCE });
    herder.setTask('src', 0, 'FAILED', 'Error: boom\n    at poll');
    const status = (await client.call('GetConnectorStatus', { name: 'src' })).status!;
    expect(status.tasks).toEqual([{ id: 0, state: 'CONNECTOR_STATE_FAILED', workerId: WORKER, trace: 'Error: boom\n    at poll' }]);
    expect(status.connector).toEqual({ state: 'CONNECTOR_STATE_RUNNING', workerId: WORKER });
    expect((await client.call('GetTaskStatus', { name: 'src', taskId: 0 })).status?.state).toBe('CONNECTOR_STATE_FAILED');
    expect((await failure(client.call('GetTaskStatus', { name: 'src', taskId: 7 }))).message).toBe('No status found for task src-7');
    expect((await client.call('ListTasks', { name: 'src' })).tasks).toEqual([{ id: { connector: 'src', task: 0 }, config: { 'task.class': 'FileStreamSourceTask', file: '/tmp/in.txt' } }]);

    herder.topics.set('src', ['t']);
    expect((await client.call('GetConnectorTopics', { name: 'src' })).topics).toEqual(['t']);
    await client.call('ResetConnectorTopics', { name: 'src' });
    expect((await client.call('GetConnectorTopics', { name: 'src' })).topics).toEqual([]);
    expect((await failure(client.call('GetConnectorTopics', { name: 'nope' }))).code).toBe(grpc.status.NOT_FOUND);

    expect((await client.call('RestartConnector', { name: 'src' })).status).toBeNull();
    const restarting = await client.call('RestartConnector', { name: 'src', includeTasks: true, onlyFailed: true });
    expect(restarting.status?.tasks[0]?.state).toBe('CONNECTOR_STATE_RESTARTING');
    expect(herder.calls).toContainEqual(['restartConnector', 'src', { includeTasks: true, onlyFailed: true }]);
    await client.call('RestartTask', { name: 'src', taskId: 0 });
    expect((await failure(client.call('RestartTask', { name: 'src', taskId: 3 }))).code).toBe(grpc.status.NOT_FOUND);

    await client.call('PauseConnector', { name: 'src' });
    expect(herder.targets.get('src')).toBe('PAUSED');
    await client.call('StopConnector', { name: 'src' });
    expect((await client.call('GetConnectorStatus', { name: 'src' })).status?.connector?.state).toBe('CONNECTOR_STATE_STOPPED');
    await client.call('ResumeConnector', { name: 'src' });
    expect(herder.targets.get('src')).toBe('STARTED');
  });

  it('reads, alters and resets offsets as Structs, only when STOPPED', async () => {
    await client.call('CreateConnector', { name: 'src', config: SOURCE });
    herder.offsets.set('src', { offsets: [{ partition: { filename: '/tmp/in.txt' }, offset: { position: 42 } }] });
    const read = await client.call('GetConnectorOffsets', { name: 'src' });
    expect(read.offsets.map((o) => [fromStruct(o.partition), o.offset ? fromStruct(o.offset) : null])).toEqual([[{ filename: '/tmp/in.txt' }, { position: 42 }]]);

    const offsets = [{ partition: toStruct({ filename: '/tmp/in.txt' }), offset: toStruct({ position: 7 }) }, { partition: toStruct({ filename: '/tmp/b' }), offset: null }];
    const refused = await failure(client.call('AlterConnectorOffsets', { name: 'src', offsets }));
    expect(refused.code).toBe(grpc.status.FAILED_PRECONDITION);
    expect(refused.message).toMatch(/^Connectors must be in the STOPPED state/);
    expect(refused.httpStatus).toBe(400);
    expect((await failure(client.call('ResetConnectorOffsets', { name: 'src' }))).code).toBe(grpc.status.FAILED_PRECONDITION);

    await client.call('StopConnector', { name: 'src' });
    expect((await client.call('AlterConnectorOffsets', { name: 'src', offsets })).message).toMatch(/altered successfully/);
    expect(herder.offsets.get('src')).toEqual({ offsets: [{ partition: { filename: '/tmp/in.txt' }, offset: { position: 7 } }, { partition: { filename: '/tmp/b' }, offset: null }] });
    const nested = await failure(client.call('AlterConnectorOffsets', { name: 'src', offsets: [{ partition: toStruct({ a: { b: 1 } }), offset: null }] }));
    expect(nested.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(nested.message).toMatch(/offsets\[0\]\.partition\.a: partitions and offsets must be maps/);
    expect((await client.call('ResetConnectorOffsets', { name: 'src' })).message).toMatch(/reset successfully/);
  });

  it('lists plugins, answers plugin config and validates (connector.class when no plugin is named)', async () => {
    const connectorsOnly = await client.call('ListConnectorPlugins', {});
    expect(connectorsOnly.plugins).toEqual([
      { className: 'org.apache.kafka.connect.file.FileStreamSinkConnector', type: 'PLUGIN_TYPE_SINK', version: '0.1.0' },
      { className: 'org.apache.kafka.connect.file.FileStreamSourceConnector', type: 'PLUGIN_TYPE_SOURCE', version: '0.1.0' },
    ]);
    const all = await client.call('ListConnectorPlugins', { connectorsOnly: false });
    expect(all.plugins.map((p) => p.type)).toEqual(['PLUGIN_TYPE_SINK', 'PLUGIN_TYPE_SOURCE', 'PLUGIN_TYPE_TRANSFORMATION', 'PLUGIN_TYPE_CONVERTER']);
    expect(all.plugins[3]!.version).toBeUndefined();

    const keys = await client.call('GetConnectorPluginConfig', { plugin: 'FileStreamSource' });
    expect(keys.configs[0]).toMatchObject({ name: 'file', type: 'CONFIG_TYPE_STRING', required: true, importance: 'CONFIG_IMPORTANCE_HIGH', width: 'CONFIG_WIDTH_NONE', order: -1, documentation: 'The file.' });
    expect(keys.configs[0]!.group).toBeUndefined();
    expect(keys.configs[0]!.defaultValue).toBeUndefined();
    expect((await failure(client.call('GetConnectorPluginConfig', { plugin: 'Nope' }))).code).toBe(grpc.status.NOT_FOUND);

    const invalid = await client.call('ValidateConnectorConfig', { config: { 'connector.class': 'FileStreamSource', secret: 'x' } });
    expect(herder.calls).toContainEqual(['validateConnectorConfig', 'FileStreamSource', { 'connector.class': 'FileStreamSource', secret: 'x' }]);
    expect(invalid.errorCount).toBe(1);
    expect(invalid.configs[0]!.value).toEqual({ name: 'file', recommendedValues: [], errors: ['Missing required configuration "file" which has no default value.'], visible: true });
    expect(invalid.configs[1]!.value?.value).toBe('[hidden]');
    expect(invalid.configs[1]!.definition?.type).toBe('CONFIG_TYPE_PASSWORD');
  });

  it('maps errors to status codes with readable details and the REST status in the trailers', async () => {
    await client.call('CreateConnector', { name: 'src', config: SOURCE });
    const duplicate = await failure(client.call('CreateConnector', { name: 'src', config: SOURCE }));
    expect([duplicate.code, duplicate.message, duplicate.httpStatus]).toEqual([grpc.status.ALREADY_EXISTS, 'Connector src already exists', 409]);
    const invalid = await failure(client.call('CreateConnector', { name: 'bad', config: { 'connector.class': 'FileStreamSource' } }));
    expect([invalid.code, invalid.httpStatus]).toEqual([grpc.status.INVALID_ARGUMENT, 400]);
    expect(invalid.message).toMatch(/^Connector configuration is invalid and contains the following 1 error\(s\):\nMissing required configuration "file"/);
    const unknownClass = await failure(client.call('CreateConnector', { name: 'x', config: { 'connector.class': 'Nope', file: 'f' } }));
    expect([unknownClass.code, unknownClass.httpStatus]).toEqual([grpc.status.INVALID_ARGUMENT, 500]);
    const mismatch = await failure(client.call('PutConnectorConfig', { name: 'src', config: { ...SOURCE, name: 'other' } }));
    expect([mismatch.code, mismatch.message]).toEqual([grpc.status.INVALID_ARGUMENT, "Connector name configuration (other) doesn't match the connector name in the request (src)"]);
    const missing = await failure(client.call('PauseConnector', { name: 'nope' }));
    expect([missing.code, missing.message, missing.httpStatus]).toEqual([grpc.status.NOT_FOUND, 'Connector nope not found', 404]);
    herder.fail.connectorConfig = new Error('disk on fire');
    const internal = await failure(client.call('GetConnectorConfig', { name: 'src' }));
    expect([internal.code, internal.message, internal.httpStatus]).toEqual([grpc.status.INTERNAL, 'disk on fire', 500]);
    const both = await failure(client.call('PatchConnectorConfig', { name: 'src', setConfig: { a: '1' }, removeKeys: ['a'] }));
    expect([both.code, both.message]).toEqual([grpc.status.INVALID_ARGUMENT, 'Keys both set and removed: a']);
  });

  it('reads and sets logger levels live', async () => {
    const listed = await client.call('ListLoggers', {});
    expect(listed.loggers[0]).toEqual({ logger: 'root', level: 'LOG_LEVEL_OFF', lastModified: null });
    expect(await client.call('SetLoggerLevel', { logger: 'org.apache.kafka.connect', level: 'LOG_LEVEL_DEBUG' })).toEqual({ loggers: ['org.apache.kafka.connect'] });
    const logger_ = (await client.call('GetLogger', { logger: 'org.apache.kafka.connect' })).logger!;
    expect(logger_.level).toBe('LOG_LEVEL_DEBUG');
    expect(Math.abs(logger_.lastModified!.seconds * 1000 - Date.now())).toBeLessThan(10_000);
    expect((await failure(client.call('GetLogger', { logger: 'nope' }))).code).toBe(grpc.status.NOT_FOUND);
    expect((await failure(client.call('SetLoggerLevel', { logger: 'root', level: 'LOG_LEVEL_UNSPECIFIED' }))).message).toBe('Desired log level is not specified.');
    await client.call('SetLoggerLevel', { logger: 'root', level: 'LOG_LEVEL_OFF' });
  });

  it('hands a cluster-scope level to the herder and answers no namespaces; worker scope stays here', async () => {
    herder.calls = [];
    expect(await client.call('SetLoggerLevel', { logger: 'org.cluster', level: 'LOG_LEVEL_TRACE', scope: 'LOGGER_SCOPE_CLUSTER' })).toEqual({ loggers: [] });
    expect(herder.calls).toEqual([['setClusterLoggerLevel', 'org.cluster', 'TRACE']]);
    expect(loggers.get('org.cluster')).toBeUndefined(); // the herder applies it, not the handler
    expect(await client.call('SetLoggerLevel', { logger: 'org.worker', level: 'LOG_LEVEL_WARN', scope: 'LOGGER_SCOPE_WORKER' })).toEqual({ loggers: ['org.worker'] });
    expect(herder.calls).toHaveLength(1);
    herder.fail.setClusterLoggerLevel = new NotFoundError("invalid log level 'TRACE'.");
    expect((await failure(client.call('SetLoggerLevel', { logger: 'org.cluster', level: 'LOG_LEVEL_TRACE', scope: 'LOGGER_SCOPE_CLUSTER' }))).code).toBe(grpc.status.NOT_FOUND);
    delete herder.fail.setClusterLoggerLevel;
  });

  it('WatchStatus sends a snapshot, then changes as they happen, without repeats, with removals', async () => {
    await client.call('CreateConnector', { name: 'src', config: SOURCE });
    const stream = client.watchStatus([]);
    const messages = collect(stream, 4);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the snapshot is taken first
    herder.setTask('src', 0, 'RUNNING'); // a repeat: not sent
    herder.setTask('src', 0, 'FAILED', 'Error: plugin process exited with signal SIGKILL');
    await client.call('CreateConnector', { name: 'sink', config: { 'connector.class': 'FileStreamSink', file: '/tmp/out', topics: 't' } });
    const [snapshot, failed, sinkConnector, sinkTask] = await messages;
    expect(snapshot).toMatchObject({ snapshot: { connectors: [{ name: 'src', connector: { state: 'CONNECTOR_STATE_RUNNING' }, tasks: [{ id: 0, state: 'CONNECTOR_STATE_RUNNING' }] }] } });
    expect(failed).toMatchObject({ change: { connector: 'src', taskId: 0, status: { state: 'CONNECTOR_STATE_FAILED', workerId: WORKER, trace: 'Error: plugin process exited with signal SIGKILL' } } });
    expect(Math.abs(failed!.change!.time!.seconds * 1000 - Date.now())).toBeLessThan(10_000);
    expect(sinkConnector!.change).toMatchObject({ connector: 'sink', status: { state: 'CONNECTOR_STATE_RUNNING' } });
    expect(sinkConnector!.change!.taskId).toBeUndefined();
    expect(sinkTask!.change).toMatchObject({ connector: 'sink', taskId: 0, status: { state: 'CONNECTOR_STATE_RUNNING' } });
    stream.cancel();
  });

  it('WatchStatus of named connectors filters, reports removals and answers NOT_FOUND for unknown names', async () => {
    await client.call('CreateConnector', { name: 'a', config: SOURCE });
    await client.call('CreateConnector', { name: 'b', config: SOURCE });
    const stream = client.watchStatus(['a']);
    const messages = collect(stream, 4);
    await new Promise((resolve) => setTimeout(resolve, 100));
    herder.setTask('b', 0, 'FAILED');
    await client.call('StopConnector', { name: 'a' }); // connector STOPPED, task 0 removed
    await client.call('DeleteConnector', { name: 'a' });
    const [snapshot, stopped, taskRemoved, removed] = await messages;
    expect(snapshot!.snapshot!.connectors.map((c) => c.name)).toEqual(['a']);
    expect(stopped!.change).toMatchObject({ connector: 'a', status: { state: 'CONNECTOR_STATE_STOPPED' } });
    expect(taskRemoved!.change).toMatchObject({ connector: 'a', taskId: 0, status: null });
    expect(removed!.change).toMatchObject({ connector: 'a', status: null });
    expect(removed!.change!.taskId).toBeUndefined();
    stream.cancel();

    const unknown = client.watchStatus(['nope']);
    const error = await new Promise<grpc.ServiceError>((resolve) => {
      unknown.on('error', resolve);
      unknown.on('data', () => undefined);
    });
    expect([error.code, error.details]).toEqual([grpc.status.NOT_FOUND, 'Connector nope not found']);
  });

  it('ends open watches with OK on stop, and answers UNIMPLEMENTED without loggers', async () => {
    const other = await AdminServer.create(herder, logger, { statusChanges: herder.statusStore, shutdownGraceMs: 5_000 });
    const otherClient = new AdminClient({ server: await other.start('127.0.0.1:0'), timeoutMs: 5_000 });
    expect((await failure(otherClient.call('ListLoggers', {}))).code).toBe(grpc.status.UNIMPLEMENTED);
    const stream = otherClient.watchStatus([]);
    const ended = new Promise<grpc.StatusObject>((resolve) => {
      stream.on('status', resolve);
      stream.on('data', () => undefined);
      stream.on('error', () => undefined);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await other.stop();
    expect(Date.now() - started).toBeLessThan(4_000); // not the forced shutdown
    expect((await ended).code).toBe(grpc.status.OK);
    otherClient.close();
  });

  it('runs without the API when the default port is taken, and refuses to start when a configured one is', async () => {
    const config = { listener: address, listenerRequired: false, tlsCertFile: null, tlsKeyFile: null, tlsClientCaFile: null, authTokenFile: null };
    const warnings: string[] = [];
    const recording = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(JSON.parse(line).msg) });
    expect(await startAdminApi(herder, recording, config, {})).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/^The gRPC admin API is not available: Cannot listen on 127\.0\.0\.1:\d+ \(admin\.grpc\.listener\)/)]);
    await expect(startAdminApi(herder, recording, { ...config, listenerRequired: true }, {})).rejects.toThrow(/^Cannot listen on/);
    expect(await startAdminApi(herder, recording, { ...config, listener: null }, {})).toBeUndefined();
  });
});
