// The plugin side of each service, called as grpc-js calls it (request in, callback out), without a
// server: instance lifecycles, Poll's max_wait_ms contract, Commit, errant records from Put and
// PreCommit, connector events and the status codes of failed calls.

import { EventEmitter } from 'node:events';
import { status as GrpcStatus, type ServiceError, type StatusObject, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigDef } from '../src/config/config-def.js';
import {
  type ConnectorConfig,
  SinkConnector,
  SinkTask,
  SourceConnector,
  SourceTask,
  type TaskClass,
} from '../src/connector.js';
import { RetriableException } from '../src/data/errors.js';
import type { SinkRecord, SourceMap, SourceRecord, TopicPartition, TopicPartitionOffset } from '../src/data/records.js';
import { STRING_SCHEMA } from '../src/data/schema.js';
import { ClassRegistry } from '../src/runtime/class-registry.js';
import { connectorServiceHandlers, pluginServiceHandlers } from '../src/runtime/connector-service.js';
import { Instances } from '../src/runtime/instances.js';
import type { Logger } from '../src/runtime/logger.js';
import { sinkTaskServiceHandlers } from '../src/runtime/sink-task-service.js';
import { sourceTaskServiceHandlers } from '../src/runtime/source-task-service.js';
import type { PollResponse } from '../src/wire/generated/polyconnect/plugin/v1/PollResponse.js';
import type { PutResponse } from '../src/wire/generated/polyconnect/plugin/v1/PutResponse.js';
import type { PreCommitResponse } from '../src/wire/generated/polyconnect/plugin/v1/PreCommitResponse.js';
import { errorDetailsFromStatus } from '../src/wire/error-info.js';
import { decodeSourceRecords, encodeSinkRecords } from '../src/wire/record-codec.js';
import { sourceBatchOverWire } from './wire-support.js';

const silent: Logger = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

/** Calls a unary handler as grpc-js would; rejects with the status object on failure. */
function call<T = unknown>(handlers: UntypedServiceImplementation, method: string, request: object): Promise<T> {
  const handler = handlers[method] as (call: { request: object }, callback: (error: Partial<StatusObject> | null, response?: unknown) => void) => void;
  return new Promise((resolve, reject) => handler({ request }, (error, response) => (error ? reject(error) : resolve(response as T))));
}

async function statusOf(promise: Promise<unknown>): Promise<Partial<StatusObject>> {
  try {
    await promise;
  } catch (error) {
    return error as Partial<StatusObject>;
  }
  throw new Error('expected the call to fail');
}

// ---- a source connector whose task polls from a queue of promises the test controls -------------

const sourceTasks: TestSourceTask[] = [];

class TestSourceTask extends SourceTask {
  static readonly className = 'com.example.TestSourceTask';
  config: ConnectorConfig = {};
  commits: Array<ReadonlyArray<{ partition: SourceMap; offset: SourceMap | null }>> = [];
  polls = 0;
  stopped = false;
  next: () => Promise<SourceRecord[] | null> = async () => null;
  constructor() {
    super();
    sourceTasks.push(this);
  }
  version(): string {
    return '1.2.3';
  }
  start(config: ConnectorConfig): void {
    this.config = config;
  }
  poll(): Promise<SourceRecord[] | null> {
    this.polls++;
    return this.next();
  }
  override commit(offsets: ReadonlyArray<{ partition: SourceMap; offset: SourceMap | null }>): void {
    this.commits.push(offsets);
  }
  stop(): void {
    this.stopped = true;
  }
  offsetOf(partition: SourceMap): SourceMap | null {
    return this.context.offsetStorageReader.offset(partition);
  }
}

class TestSourceConnector extends SourceConnector {
  static readonly className = 'com.example.TestSourceConnector';
  static readonly aliases = ['TestSource'];
  config(): ConfigDef {
    return new ConfigDef().define({ name: 'topic', type: 'STRING', importance: 'HIGH', documentation: 'Topic' });
  }
  version(): string {
    return '1.2.3';
  }
  #config: ConnectorConfig = {};
  start(config: ConnectorConfig): void {
    if (config.fail === 'true') throw new Error('cannot start');
    this.#config = config;
  }
  taskClass(): TaskClass {
    return TestSourceTask;
  }
  taskConfigs(maxTasks: number): ConnectorConfig[] {
    return Array.from({ length: maxTasks }, (_, i) => ({ ...this.#config, index: String(i) }));
  }
  stop(): void {}
  reconfigure(): void {
    this.context.requestTaskReconfiguration();
  }
  fail(error: Error): void {
    this.context.raiseError(error);
  }
}

// ---- a sink connector whose task reports some records as errant --------------------------------

const sinkTasks: TestSinkTask[] = [];

class TestSinkTask extends SinkTask {
  static readonly className = 'com.example.TestSinkTask';
  received: SinkRecord[] = [];
  opened: TopicPartition[] = [];
  closed: TopicPartition[] = [];
  flushed: TopicPartitionOffset[][] = [];
  constructor() {
    super();
    sinkTasks.push(this);
  }
  version(): string {
    return '0.0.1';
  }
  start(): void {}
  put(records: SinkRecord[]): void {
    for (const record of records) {
      if (record.value === 'retry') throw new RetriableException('downstream busy');
      if (record.value === 'bad') this.context.errantRecordReporter.report(record, new Error(`cannot write offset ${record.kafkaOffset}`));
      else this.received.push(record);
    }
  }
  override open(partitions: TopicPartition[]): void {
    this.opened.push(...partitions);
  }
  override close(partitions: TopicPartition[]): void {
    this.closed.push(...partitions);
  }
  override flush(offsets: TopicPartitionOffset[]): void {
    this.flushed.push(offsets);
  }
  reportLater(record: SinkRecord): void {
    this.context.errantRecordReporter.report(record, new Error('late failure'));
  }
  stop(): void {}
}

class TestSinkConnector extends SinkConnector {
  static readonly className = 'com.example.TestSinkConnector';
  config(): ConfigDef {
    return new ConfigDef();
  }
  version(): string {
    return '0.0.1';
  }
  start(): void {}
  taskClass(): TaskClass {
    return TestSinkTask;
  }
  taskConfigs(): ConnectorConfig[] {
    return [{}];
  }
  stop(): void {}
}

function setUp() {
  const registry = new ClassRegistry([TestSourceConnector, TestSinkConnector]);
  const instances = new Instances();
  return {
    instances,
    plugin: pluginServiceHandlers({ name: 'test-plugin', version: '9.9.9' }, registry),
    connectors: connectorServiceHandlers(instances, registry, silent),
    sources: sourceTaskServiceHandlers(instances, registry),
    sinks: sinkTaskServiceHandlers(instances, registry),
  };
}

afterEach(() => {
  sourceTasks.length = 0;
  sinkTasks.length = 0;
  vi.useRealTimers();
});

describe('PluginService.Describe', () => {
  it('lists each connector class with aliases, type, version and config keys', async () => {
    const { plugin } = setUp();
    const response = await call<{ name: string; version: string; connectors: Array<Record<string, unknown>> }>(plugin, 'Describe', {});
    expect(response.name).toBe('test-plugin');
    expect(response.version).toBe('9.9.9');
    expect(response.connectors.map((c) => [c.className, c.type, c.version, c.aliases])).toEqual([
      ['com.example.TestSourceConnector', 'CONNECTOR_TYPE_SOURCE', '1.2.3', ['TestSource']],
      ['com.example.TestSinkConnector', 'CONNECTOR_TYPE_SINK', '0.0.1', []],
    ]);
    expect(response.connectors[0]?.configKeys).toEqual([expect.objectContaining({ name: 'topic', type: 'CONFIG_TYPE_STRING', required: true })]);
  });
});

describe('ConnectorService', () => {
  it('ValidateConfig checks a config against the connector\'s definitions without an instance', async () => {
    const { connectors, instances } = setUp();
    const response = await call<{ values: Array<{ name: string; errors: string[] }> }>(connectors, 'ValidateConfig', { connectorClass: 'TestSource', config: {} });
    expect(response.values).toEqual([expect.objectContaining({ name: 'topic', errors: ['Missing required configuration "topic" which has no default value.'] })]);
    expect(instances.all()).toHaveLength(0);
  });

  it('starts an instance by class name or alias, gives task configs with the task class, and stops it', async () => {
    const { connectors, instances } = setUp();
    expect(await call(connectors, 'StartConnector', { instanceId: 'c1', connectorClass: 'TestSource', connectorName: 'src', config: { topic: 't' } })).toEqual({ version: '1.2.3' });
    const configs = await call<{ taskClass: string; taskConfigs: Array<{ config: Record<string, string> }> }>(connectors, 'GetTaskConfigs', { instanceId: 'c1', maxTasks: 2 });
    expect(configs.taskClass).toBe('com.example.TestSourceTask');
    expect(configs.taskConfigs).toEqual([{ config: { topic: 't', index: '0' } }, { config: { topic: 't', index: '1' } }]);
    await call(connectors, 'StopConnector', { instanceId: 'c1' });
    expect(instances.all()).toHaveLength(0);
    expect((await statusOf(call(connectors, 'GetTaskConfigs', { instanceId: 'c1', maxTasks: 1 }))).code).toBe(GrpcStatus.NOT_FOUND);
  });

  it('forgets an instance whose start failed, and refuses unknown classes and reused instance ids', async () => {
    const { connectors, instances } = setUp();
    const failed = await statusOf(call(connectors, 'StartConnector', { instanceId: 'c1', connectorClass: 'TestSource', connectorName: 'src', config: { fail: 'true' } }));
    expect(failed.code).toBe(GrpcStatus.INTERNAL);
    expect(failed.details).toBe('Error: cannot start');
    expect(instances.all()).toHaveLength(0);
    const unknown = await statusOf(call(connectors, 'StartConnector', { instanceId: 'c2', connectorClass: 'Nope', connectorName: 'x', config: {} }));
    expect(unknown.details).toContain('This plugin has no connector class "Nope"');
    await call(connectors, 'StartConnector', { instanceId: 'c3', connectorClass: 'com.example.TestSourceConnector', connectorName: 'x', config: {} });
    const reused = await statusOf(call(connectors, 'StartConnector', { instanceId: 'c3', connectorClass: 'TestSource', connectorName: 'x', config: {} }));
    expect(reused.details).toContain('Instance "c3" already exists');
  });

  it('streams events raised before and after the worker opened the stream, and ends it on stop', async () => {
    const { connectors, instances } = setUp();
    await call(connectors, 'StartConnector', { instanceId: 'c1', connectorClass: 'TestSource', connectorName: 'src', config: {} });
    const connector = instances.connector('c1').connector as TestSourceConnector;
    connector.reconfigure(); // before the stream exists: queued
    const stream = Object.assign(new EventEmitter(), { request: { instanceId: 'c1' }, written: [] as unknown[], ended: false });
    Object.assign(stream, { write: (event: unknown) => stream.written.push(event), end: () => (stream.ended = true) });
    (connectors.WatchConnectorEvents as (call: unknown) => void)(stream);
    connector.fail(new RetriableException('lost the source'));
    expect(stream.written).toEqual([
      { requestTaskReconfiguration: {} },
      { error: expect.objectContaining({ errorClass: 'RetriableException', message: 'lost the source', retriable: true }) },
    ]);
    await call(connectors, 'StopConnector', { instanceId: 'c1' });
    expect(stream.ended).toBe(true);
  });

  it('fails the event stream of an unknown instance with NOT_FOUND', () => {
    const { connectors } = setUp();
    const stream = Object.assign(new EventEmitter(), { request: { instanceId: 'missing' } });
    let status: Partial<StatusObject> | undefined;
    stream.on('error', (error: Partial<StatusObject>) => (status = error));
    (connectors.WatchConnectorEvents as (call: unknown) => void)(stream);
    expect(status?.code).toBe(GrpcStatus.NOT_FOUND);
  });
});

describe('SourceTaskService', () => {
  const record = (position: number): SourceRecord => ({
    topic: 'lines',
    valueSchema: STRING_SCHEMA,
    value: `line ${position}`,
    sourcePartition: { filename: 'f' },
    sourceOffset: { position },
  });

  async function startTask(offsets: Array<{ partition: string; offset: string }> = []) {
    const services = setUp();
    const started = await call(services.sources, 'StartSourceTask', {
      instanceId: 't1',
      connectorName: 'src',
      taskId: 0,
      taskClass: 'com.example.TestSourceTask',
      config: { topic: 'lines' },
      offsets,
    });
    expect(started).toEqual({ version: '1.2.3' });
    return { ...services, task: sourceTasks[0]! };
  }

  const poll = async (sources: UntypedServiceImplementation, maxWaitMs: number) =>
    decodeSourceRecords(sourceBatchOverWire((await call<PollResponse>(sources, 'Poll', { instanceId: 't1', maxWaitMs })).batch!));

  it('starts the task with its config and the committed offsets, found whatever the key order', async () => {
    const { task } = await startTask([
      { partition: '{"table":"a","db":"x"}', offset: '{"id":10}' },
      { partition: '{"table":"b"}', offset: '' },
    ]);
    expect(task.config).toEqual({ topic: 'lines' });
    expect(task.offsetOf({ db: 'x', table: 'a' })).toEqual({ id: 10 });
    expect(task.offsetOf({ table: 'b' })).toBeNull();
    expect(task.offsetOf({ table: 'c' })).toBeNull();
  });

  it('Poll returns the task\'s records as a batch, and an empty batch for none', async () => {
    const { sources, task } = await startTask();
    task.next = async () => [record(7), record(14)];
    expect((await poll(sources, 100)).map((r) => [r.value, r.sourceOffset])).toEqual([
      ['line 7', { position: 7 }],
      ['line 14', { position: 14 }],
    ]);
    task.next = async () => null;
    expect(await call<PollResponse>(sources, 'Poll', { instanceId: 't1', maxWaitMs: 100 })).toEqual({ batch: { schemas: [], records: [] } });
  });

  it('Poll answers empty after max_wait_ms and hands a late batch to the next Poll, once', async () => {
    const { sources, task } = await startTask();
    let deliver: (records: SourceRecord[]) => void = () => undefined;
    task.next = () => new Promise((resolve) => (deliver = resolve));
    const started = Date.now();
    expect(await poll(sources, 50)).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    deliver([record(1)]);
    expect((await poll(sources, 50)).map((r) => r.value)).toEqual(['line 1']);
    expect(task.polls).toBe(1);
    task.next = async () => [record(2)];
    expect((await poll(sources, 50)).map((r) => r.value)).toEqual(['line 2']);
    expect(task.polls).toBe(2);
  });

  it('Poll with max_wait_ms 0 waits up to a second', async () => {
    vi.useFakeTimers();
    const { sources, task } = await startTask();
    task.next = () => new Promise((resolve) => setTimeout(() => resolve([record(3)]), 900));
    const result = call<PollResponse>(sources, 'Poll', { instanceId: 't1', maxWaitMs: 0 });
    await vi.advanceTimersByTimeAsync(950);
    expect((await result).batch?.records).toHaveLength(1);
  });

  it('a poll that fails after its Poll call gave up fails the next Poll call', async () => {
    const { sources, task } = await startTask();
    let fail: (error: Error) => void = () => undefined;
    task.next = () => new Promise((_, reject) => (fail = reject));
    expect(await poll(sources, 20)).toEqual([]);
    fail(new RetriableException('source unreachable'));
    const status = await statusOf(poll(sources, 20));
    expect(status.code).toBe(GrpcStatus.UNAVAILABLE);
    const details = errorDetailsFromStatus(status as ServiceError);
    expect(details).toMatchObject({ errorClass: 'RetriableException', message: 'source unreachable', retriable: true });
  });

  it('Commit hands the durable offsets to the task, a reset partition as null', async () => {
    const { sources, task } = await startTask();
    await call(sources, 'Commit', {
      instanceId: 't1',
      offsets: [
        { partition: '{"filename":"f"}', offset: '{"position":42}' },
        { partition: '{"filename":"g"}', offset: '' },
      ],
    });
    expect(task.commits).toEqual([
      [
        { partition: { filename: 'f' }, offset: { position: 42 } },
        { partition: { filename: 'g' }, offset: null },
      ],
    ]);
  });

  it('StopSourceTask stops and forgets the task; later calls get NOT_FOUND', async () => {
    const { sources, task, instances } = await startTask();
    await call(sources, 'StopSourceTask', { instanceId: 't1' });
    expect(task.stopped).toBe(true);
    expect(instances.all()).toHaveLength(0);
    const status = await statusOf(call(sources, 'Poll', { instanceId: 't1', maxWaitMs: 10 }));
    expect(status.code).toBe(GrpcStatus.NOT_FOUND);
    expect(status.details).toBe('UnknownInstanceError: No instance "t1" in this plugin process');
  });

  it('a source task id is not a sink task id', async () => {
    const { sinks } = await startTask();
    expect((await statusOf(call(sinks, 'Put', { instanceId: 't1', batch: { schemas: [], records: [] } }))).code).toBe(GrpcStatus.NOT_FOUND);
  });
});

describe('SinkTaskService', () => {
  const sinkRecord = (offset: number, value: string): SinkRecord => ({
    topic: 'routed',
    kafkaPartition: 0,
    kafkaOffset: offset,
    timestamp: null,
    timestampType: 'CREATE_TIME',
    keySchema: null,
    key: null,
    valueSchema: STRING_SCHEMA,
    value,
    headers: [],
    originalTopic: 'orders',
    originalKafkaPartition: 2,
    originalKafkaOffset: 100 + offset,
  });

  async function startTask() {
    const services = setUp();
    expect(await call(services.sinks, 'StartSinkTask', { instanceId: 's1', connectorName: 'sink', taskId: 3, taskClass: 'com.example.TestSinkTask', config: {} })).toEqual({ version: '0.0.1' });
    return { ...services, task: sinkTasks[0]! };
  }

  it('Open and Close pass the partitions on', async () => {
    const { sinks, task } = await startTask();
    await call(sinks, 'OpenPartitions', { instanceId: 's1', partitions: [{ topic: 'orders', partition: 2 }] });
    await call(sinks, 'ClosePartitions', { instanceId: 's1', partitions: [{ topic: 'orders', partition: 2 }] });
    expect(task.opened).toEqual([{ topic: 'orders', partition: 2 }]);
    expect(task.closed).toEqual([{ topic: 'orders', partition: 2 }]);
  });

  it('Put delivers the batch and names errant records by their original coordinates', async () => {
    const { sinks, task } = await startTask();
    const response = await call<PutResponse>(sinks, 'Put', { instanceId: 's1', batch: encodeSinkRecords([sinkRecord(0, 'ok'), sinkRecord(1, 'bad'), sinkRecord(2, 'ok')]) });
    expect(task.received.map((r) => r.kafkaOffset)).toEqual([0, 2]);
    expect(response.errantRecords).toEqual([
      { topic: 'orders', kafkaPartition: 2, kafkaOffset: 101, error: expect.objectContaining({ errorClass: 'Error', message: 'cannot write offset 1', retriable: false }) },
    ]);
    const next = await call<PutResponse>(sinks, 'Put', { instanceId: 's1', batch: encodeSinkRecords([sinkRecord(3, 'ok')]) });
    expect(next.errantRecords).toEqual([]);
  });

  it('a retriable failure of the whole Put is UNAVAILABLE with retriable ErrorInfo', async () => {
    const { sinks } = await startTask();
    const status = await statusOf(call(sinks, 'Put', { instanceId: 's1', batch: encodeSinkRecords([sinkRecord(0, 'retry')]) }));
    expect(status.code).toBe(GrpcStatus.UNAVAILABLE);
    expect(errorDetailsFromStatus(status as ServiceError)?.retriable).toBe(true);
  });

  it('PreCommit flushes, returns the offsets given, and carries errant records reported since the last call', async () => {
    const { sinks, task } = await startTask();
    task.reportLater(sinkRecord(5, 'x'));
    const offsets = [{ topic: 'orders', partition: 2, offset: 106 }];
    const response = await call<PreCommitResponse>(sinks, 'PreCommit', { instanceId: 's1', offsets });
    expect(task.flushed).toEqual([offsets]);
    expect(response.offsets).toEqual(offsets);
    expect(response.errantRecords).toEqual([expect.objectContaining({ topic: 'orders', kafkaPartition: 2, kafkaOffset: 105 })]);
    expect((await call<PreCommitResponse>(sinks, 'PreCommit', { instanceId: 's1', offsets })).errantRecords).toEqual([]);
  });

  it('StopSinkTask forgets the task', async () => {
    const { sinks, instances } = await startTask();
    await call(sinks, 'StopSinkTask', { instanceId: 's1' });
    expect(instances.all()).toHaveLength(0);
    expect((await statusOf(call(sinks, 'StopSinkTask', { instanceId: 's1' }))).code).toBe(GrpcStatus.NOT_FOUND);
  });
});
