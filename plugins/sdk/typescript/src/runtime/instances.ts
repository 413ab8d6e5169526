// The instances living in this plugin process, by the worker's instance id: connectors (with their
// event stream), source tasks (with a poll that may outlive one Poll call) and sink tasks (with
// their errant-record reports waiting to be returned).

import type { ServerWritableStream } from '@grpc/grpc-js';
import type { Connector, SinkTask, SourceTask } from '../connector.js';
import type { SourceRecord } from '../data/records.js';
import { UnknownInstanceError } from '../wire/error-info.js';
import type { ErrantRecord } from '../wire/generated/polyconnect/plugin/v1/ErrantRecord.js';
import type { WatchConnectorEventsResponse } from '../wire/generated/polyconnect/plugin/v1/WatchConnectorEventsResponse.js';

export interface ConnectorInstance {
  kind: 'connector';
  connector: Connector;
  /** Events raised before the worker opened the stream wait here. */
  pendingEvents: WatchConnectorEventsResponse[];
  eventStream: ServerWritableStream<unknown, WatchConnectorEventsResponse> | undefined;
}

export interface SourceTaskInstance {
  kind: 'source-task';
  task: SourceTask;
  /** A poll still running when the last Poll call returned empty-handed; the next call picks it up. */
  pendingPoll: Promise<SourceRecord[] | null> | undefined;
}

export interface SinkTaskInstance {
  kind: 'sink-task';
  task: SinkTask;
  errantRecords: ErrantRecord[];
}

export type Instance = ConnectorInstance | SourceTaskInstance | SinkTaskInstance;

export class Instances {
  readonly #instances = new Map<string, Instance>();

  add(id: string, instance: Instance): void {
    if (this.#instances.has(id)) throw new Error(`Instance "${id}" already exists in this plugin process`);
    this.#instances.set(id, instance);
  }

  remove(id: string): void {
    this.#instances.delete(id);
  }

  all(): [string, Instance][] {
    return [...this.#instances];
  }

  connector(id: string): ConnectorInstance {
    return this.#get(id, 'connector') as ConnectorInstance;
  }

  sourceTask(id: string): SourceTaskInstance {
    return this.#get(id, 'source-task') as SourceTaskInstance;
  }

  sinkTask(id: string): SinkTaskInstance {
    return this.#get(id, 'sink-task') as SinkTaskInstance;
  }

  #get(id: string, kind: Instance['kind']): Instance {
    const instance = this.#instances.get(id);
    if (instance === undefined || instance.kind !== kind) throw new UnknownInstanceError(id);
    return instance;
  }
}
