// WatchStatus: a server stream of connector and task state changes. On start it subscribes to the
// status store's changes, then sends one snapshot (every watched connector's status), then one
// StatusChange per change, skipping writes that repeat the state last sent for the same
// connector or task. Everything between subscribing and sending the snapshot runs synchronously,
// and listeners are called synchronously by the store, so no change falls between the snapshot
// and the first change. A watch ends when the client cancels, when the server closes it (end(),
// on shutdown) or when the client reads too slowly (RESOURCE_EXHAUSTED).

import * as grpc from '@grpc/grpc-js';
import type { Herder } from '../../herder/herder.js';
import { NotFoundError } from '../../herder/herder-errors.js';
import type { StatusChangeListener, StatusStoreChange } from '../../storage/status-store.js';
import type { ConnectorStatus, WatchStatusResponse } from './admin-messages.js';
import { connectorStatusMessage, storeStatusMessage } from './admin-convert.js';
import { timestampOf } from './proto-json.js';
import { adminStatusOf, serviceErrorOf } from './status-codes.js';

/** What a watch needs of the status store (StatusStore.onChange). */
export interface StatusChangeSource {
  onChange(listener: StatusChangeListener): () => void;
}

export type WatchCall = grpc.ServerWritableStream<{ names: string[] }, WatchStatusResponse>;

/** Messages a slow client may leave unread before its watch is ended. */
const MAX_BUFFERED_MESSAGES = 10_000;

export class StatusWatch {
  readonly #call: WatchCall;
  readonly #names: ReadonlySet<string>;
  /** The state last sent per connector ("name") and task ("name/id"). */
  readonly #sent = new Map<string, string>();
  #unsubscribe: (() => void) | undefined;
  #closed = false;

  private constructor(call: WatchCall) {
    this.#call = call;
    this.#names = new Set(call.request.names);
  }

  /** Starts a watch on `call`; resolves nothing, calls `onClose` once it has ended. */
  static start(call: WatchCall, herder: Herder, source: StatusChangeSource, onClose: (watch: StatusWatch) => void): StatusWatch {
    const watch = new StatusWatch(call);
    const close = (): void => {
      if (watch.#closed) return;
      watch.#closed = true;
      watch.#unsubscribe?.();
      onClose(watch);
    };
    call.on('cancelled', close);
    call.on('close', close);
    call.on('finish', close);
    call.on('error', close);
    try {
      for (const name of watch.#names) herder.connectorConfig(name); // NOT_FOUND for unknown names
      watch.#unsubscribe = source.onChange((change) => watch.#onChange(change));
      watch.#write({ snapshot: { connectors: watch.#snapshot(herder) } });
    } catch (error) {
      close();
      call.emit('error', serviceErrorOf(adminStatusOf(error)));
    }
    return watch;
  }

  /** Ends the stream with OK (server shutdown). */
  end(): void {
    if (this.#closed) return;
    this.#unsubscribe?.();
    this.#call.end();
  }

  #snapshot(herder: Herder): ConnectorStatus[] {
    const names = this.#names.size > 0 ? [...this.#names] : herder.connectors();
    const connectors: ConnectorStatus[] = [];
    for (const name of names) {
      let status: ConnectorStatus;
      try {
        status = connectorStatusMessage(herder.connectorStatus(name));
      } catch (error) {
        if (error instanceof NotFoundError) continue; // no status yet: it arrives as a change
        throw error;
      }
      connectors.push(status);
      if (status.connector !== null) this.#sent.set(name, stateKey(status.connector));
      for (const task of status.tasks) this.#sent.set(`${name}/${task.id}`, stateKey(task));
    }
    return connectors;
  }

  #onChange(change: StatusStoreChange): void {
    if (this.#closed || (this.#names.size > 0 && !this.#names.has(change.connector))) return;
    const key = change.taskId === undefined ? change.connector : `${change.connector}/${change.taskId}`;
    const status = change.status === undefined ? null : storeStatusMessage(change.status);
    if (status === null) {
      if (!this.#sent.delete(key)) return; // never shown: nothing to remove
    } else {
      const state = stateKey(status);
      if (this.#sent.get(key) === state) return;
      this.#sent.set(key, state);
    }
    this.#write({ change: { connector: change.connector, ...(change.taskId === undefined ? {} : { taskId: change.taskId }), status, time: timestampOf(Date.now()) } });
  }

  #write(message: WatchStatusResponse): void {
    if (this.#call.writableLength >= MAX_BUFFERED_MESSAGES) {
      this.#unsubscribe?.();
      this.#call.emit('error', { code: grpc.status.RESOURCE_EXHAUSTED, details: `The client left ${MAX_BUFFERED_MESSAGES} status changes unread; watch again` });
      return;
    }
    this.#call.write(message);
  }
}

function stateKey(status: { state: string; workerId: string; trace?: string }): string {
  return JSON.stringify([status.state, status.workerId, status.trace ?? '']);
}
