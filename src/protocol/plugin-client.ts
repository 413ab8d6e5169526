// PluginClient: the worker's typed view of one plugin process's services (PluginService,
// ConnectorService, SourceTaskService, SinkTaskService). The only worker code that touches the
// generated protocol messages: it encodes and decodes record batches, puts a deadline on every
// unary call (plugin.call.timeout.ms; a Poll adds its own wait), and turns failures into
// PluginCallError. The connector event stream is the one call without a deadline: it lasts as long
// as the connector, and ends with it or with its process.
//
// A client serves one instance (one lease). Once a call misses its deadline the instance is taken
// for hung: unansweredCall says which call it was, later calls fail at once without reaching the
// plugin, and the PluginHost kills the process when the lease is released.

import * as grpc from '@grpc/grpc-js';
import type { SinkRecord, SourceMap, SourceRecord, TopicPartition, TopicPartitionOffset } from '@polyconnect/sdk';
import { decodeSourceRecords, encodeSinkRecords, pluginProtocolDefinition, type proto } from '@polyconnect/sdk/wire';
import type { PluginProcess } from '../plugin/plugin-process.js';
import { PluginCallError } from './plugin-call-error.js';

type ClientConstructor = new (address: string, credentials: grpc.ChannelCredentials, options: grpc.ClientOptions) => grpc.Client;
type Callback = (error: grpc.ServiceError | null, response?: unknown) => void;
type UnaryMethod = (request: object, metadata: grpc.Metadata, options: grpc.CallOptions, callback: Callback) => grpc.ClientUnaryCall;

export interface SourceOffsetEntry {
  readonly partition: SourceMap;
  readonly offset: SourceMap | null;
}

export interface ErrantRecordReport {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly errorClass: string;
  readonly message: string;
  readonly stackTrace: string;
}

export interface TaskConfigsResult {
  readonly taskClass: string;
  readonly taskConfigs: Record<string, string>[];
}

export type ConnectorEvent = { kind: 'request-task-reconfiguration' } | { kind: 'error'; errorClass: string; message: string; stackTrace: string };

let constructors: Record<string, ClientConstructor> | undefined;

function serviceConstructor(name: string): ClientConstructor {
  if (constructors === undefined) {
    const loaded = grpc.loadPackageDefinition(pluginProtocolDefinition()) as unknown as { polyconnect: { plugin: { v1: Record<string, ClientConstructor> } } };
    constructors = loaded.polyconnect.plugin.v1;
  }
  const constructor = constructors[name];
  if (constructor === undefined) throw new Error(`No service ${name} in polyconnect.plugin.v1`);
  return constructor;
}

export class PluginClient {
  readonly #process: PluginProcess;
  readonly #callTimeoutMs: number;
  readonly #clients = new Map<string, grpc.Client>();
  #unansweredCall: string | undefined;

  constructor(process: PluginProcess, callTimeoutMs: number) {
    this.#process = process;
    this.#callTimeoutMs = callTimeoutMs;
  }

  /** "it did not answer SinkTaskService.Put within 5000 ms (plugin.call.timeout.ms)" once a call missed its deadline. */
  get unansweredCall(): string | undefined {
    return this.#unansweredCall;
  }

  describe(): Promise<proto.DescribeResponse__Output> {
    return this.#call('PluginService', 'Describe', {});
  }

  validateConfig(connectorClass: string, config: Record<string, string>): Promise<proto.ValidateConfigResponse__Output> {
    return this.#call('ConnectorService', 'ValidateConfig', { connectorClass, config });
  }

  async startConnector(instanceId: string, connectorClass: string, connectorName: string, config: Record<string, string>): Promise<string> {
    const response = await this.#call<{ version: string }>('ConnectorService', 'StartConnector', { instanceId, connectorClass, connectorName, config });
    return response.version;
  }

  async getTaskConfigs(instanceId: string, maxTasks: number): Promise<TaskConfigsResult> {
    const response = await this.#call<proto.GetTaskConfigsResponse__Output>('ConnectorService', 'GetTaskConfigs', { instanceId, maxTasks });
    return { taskClass: response.taskClass, taskConfigs: response.taskConfigs.map((taskConfig) => ({ ...taskConfig.config })) };
  }

  async stopConnector(instanceId: string): Promise<void> {
    await this.#call('ConnectorService', 'StopConnector', { instanceId });
  }

  /** Streams the connector's events until the stream ends or `cancel` is called. */
  watchConnectorEvents(instanceId: string, onEvent: (event: ConnectorEvent) => void): { cancel(): void } {
    const client = this.#client('ConnectorService') as unknown as Record<string, (request: object) => grpc.ClientReadableStream<proto.WatchConnectorEventsResponse__Output>>;
    const stream = client['WatchConnectorEvents']!.call(client, { instanceId });
    stream.on('data', (event: proto.WatchConnectorEventsResponse__Output) => {
      if (event.requestTaskReconfiguration) onEvent({ kind: 'request-task-reconfiguration' });
      else if (event.error) onEvent({ kind: 'error', errorClass: event.error.errorClass, message: event.error.message, stackTrace: event.error.stackTrace });
    });
    stream.on('error', () => undefined); // ends with the connector or the process; both are reported elsewhere
    return { cancel: () => stream.cancel() };
  }

  async startSourceTask(instanceId: string, connectorName: string, taskId: number, taskClass: string, config: Record<string, string>, offsets: readonly SourceOffsetEntry[]): Promise<string> {
    const response = await this.#call<{ version: string }>('SourceTaskService', 'StartSourceTask', {
      instanceId,
      connectorName,
      taskId,
      taskClass,
      config,
      offsets: offsets.map(encodeSourceOffset),
    });
    return response.version;
  }

  /** A batch of records, or an empty one when the task had none within `maxWaitMs`. */
  async poll(instanceId: string, maxWaitMs: number): Promise<SourceRecord[]> {
    const response = await this.#call<proto.PollResponse__Output>('SourceTaskService', 'Poll', { instanceId, maxWaitMs }, maxWaitMs);
    return decodeSourceRecords(response.batch);
  }

  async commit(instanceId: string, offsets: readonly SourceOffsetEntry[]): Promise<void> {
    await this.#call('SourceTaskService', 'Commit', { instanceId, offsets: offsets.map(encodeSourceOffset) });
  }

  async stopSourceTask(instanceId: string): Promise<void> {
    await this.#call('SourceTaskService', 'StopSourceTask', { instanceId });
  }

  async startSinkTask(instanceId: string, connectorName: string, taskId: number, taskClass: string, config: Record<string, string>): Promise<string> {
    const response = await this.#call<{ version: string }>('SinkTaskService', 'StartSinkTask', { instanceId, connectorName, taskId, taskClass, config });
    return response.version;
  }

  async openPartitions(instanceId: string, partitions: readonly TopicPartition[]): Promise<void> {
    await this.#call('SinkTaskService', 'OpenPartitions', { instanceId, partitions });
  }

  /** Delivers a batch; returns the records the task reported as failed (the errant-record reporter). */
  async put(instanceId: string, records: readonly SinkRecord[]): Promise<ErrantRecordReport[]> {
    const response = await this.#call<proto.PutResponse__Output>('SinkTaskService', 'Put', { instanceId, batch: encodeSinkRecords(records) });
    return response.errantRecords.map(decodeErrantRecord);
  }

  /** Asks the task which of the consumed offsets are safe to commit. */
  async preCommit(instanceId: string, offsets: readonly TopicPartitionOffset[]): Promise<{ offsets: TopicPartitionOffset[]; errantRecords: ErrantRecordReport[] }> {
    const response = await this.#call<proto.PreCommitResponse__Output>('SinkTaskService', 'PreCommit', { instanceId, offsets });
    return {
      offsets: response.offsets.map((o) => ({ topic: o.topic, partition: o.partition, offset: Number(o.offset) })),
      errantRecords: response.errantRecords.map(decodeErrantRecord),
    };
  }

  async closePartitions(instanceId: string, partitions: readonly TopicPartition[]): Promise<void> {
    await this.#call('SinkTaskService', 'ClosePartitions', { instanceId, partitions });
  }

  async stopSinkTask(instanceId: string): Promise<void> {
    await this.#call('SinkTaskService', 'StopSinkTask', { instanceId });
  }

  #client(service: string): grpc.Client {
    let client = this.#clients.get(service);
    if (client === undefined) {
      client = this.#process.client(serviceConstructor(service));
      this.#clients.set(service, client);
    }
    return client;
  }

  /** A unary call with deadline plugin.call.timeout.ms, plus `waitMs` for calls that may wait on purpose (Poll). */
  #call<T>(service: string, method: string, request: object, waitMs = 0): Promise<T> {
    const name = `${service}.${method}`;
    if (this.#unansweredCall !== undefined) return Promise.reject(PluginCallError.notCalled(name, this.#unansweredCall));
    const client = this.#client(service) as unknown as Record<string, UnaryMethod>;
    const fn = client[method];
    if (fn === undefined) throw new Error(`No method ${name}`);
    const timeoutMs = this.#callTimeoutMs + waitMs;
    const deadline = waitMs === 0 ? `${timeoutMs} ms (plugin.call.timeout.ms)` : `${timeoutMs} ms (plugin.call.timeout.ms=${this.#callTimeoutMs} plus the call's ${waitMs} ms wait)`;
    return new Promise<T>((resolve, reject) => {
      fn.call(client, request, new grpc.Metadata(), { deadline: Date.now() + timeoutMs }, (error, response) => {
        if (!error) resolve(response as T);
        else {
          if (error.code === grpc.status.DEADLINE_EXCEEDED) this.#unansweredCall ??= `it did not answer ${name} within ${deadline}`;
          reject(new PluginCallError(name, error, deadline));
        }
      });
    });
  }
}

function encodeSourceOffset(entry: SourceOffsetEntry): proto.SourceOffset {
  return { partition: JSON.stringify(entry.partition), offset: entry.offset === null ? '' : JSON.stringify(entry.offset) };
}

function decodeErrantRecord(record: proto.ErrantRecord__Output): ErrantRecordReport {
  return {
    topic: record.topic,
    partition: record.kafkaPartition,
    offset: Number(record.kafkaOffset),
    errorClass: record.error?.errorClass ?? 'Error',
    message: record.error?.message ?? '',
    stackTrace: record.error?.stackTrace ?? '',
  };
}
