// One logical replication stream over a `pg` connection opened with replication=database: issues
// START_REPLICATION ... LOGICAL with pgoutput's options, queues the XLogData payloads it receives
// (pausing the socket when the consumer falls behind), answers keepalives, and sends standby
// status updates whose flush position is only ever what confirm() was given. That is the whole
// safety argument of the connector: confirm() is called from SourceTask.commit() with offsets
// the worker has stored, so the slot's confirmed_flush_lsn never passes a committed offset.
//
// Debezium does the same through pgjdbc's PGReplicationStream (PostgresReplicationConnection
// .startStreaming, ReplicationStream.flushLsn called from PostgresStreamingChangeEventSource
// .commitOffset); pgjdbc reports the flushed LSN as both flush and apply position, as we do.

import pg from 'pg';
import type { Logger } from '@polyconnect/sdk';
import { formatLsn } from '../lsn.js';
import { encodeStandbyStatus, parseServerMessage } from './replication-messages.js';

export interface WalMessage {
  /** XLogData's dataStart: the change's LSN, the commit's end LSN, or 0 (Relation, Type). */
  readonly lsn: bigint;
  readonly payload: Buffer;
}

export interface ReplicationStreamOptions {
  readonly connection: pg.ClientConfig;
  readonly slotName: string;
  readonly publicationName: string;
  /** START_REPLICATION's position; the server starts at the later of this and the slot's confirmed_flush_lsn. */
  readonly startLsn: bigint;
  /** The flush position to report until confirm() raises it: the slot's current confirmed_flush_lsn. */
  readonly confirmedLsn: bigint;
  /** status.update.interval.ms: how often a status update is sent without being asked. */
  readonly statusIntervalMs: number;
  /** The queue length at which the socket is paused (and half of it, when it resumes). */
  readonly maxQueueSize: number;
  readonly log: Logger;
}

/** The parts of pg's Connection the stream uses that @types/pg leaves out. */
interface CopyConnection {
  readonly stream: { pause(): void; resume(): void };
  on(event: 'copyData', listener: (message: { chunk: Buffer }) => void): void;
  on(event: 'replicationStart', listener: () => void): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

export class ReplicationStream {
  readonly #options: ReplicationStreamOptions;
  readonly #client: pg.Client;
  readonly #queue: WalMessage[] = [];
  #queueHead = 0;
  #paused = false;
  #lastReceived: bigint;
  #confirmed: bigint;
  #timer: NodeJS.Timeout | undefined;
  #failure: Error | undefined;
  #closing = false;
  /** Set once the server entered copy-both mode; a failing START_REPLICATION is the caller's to report. */
  #streaming = false;
  #done: Promise<unknown> | undefined;
  #wake: (() => void) | undefined;

  private constructor(options: ReplicationStreamOptions) {
    this.#options = options;
    this.#lastReceived = options.startLsn;
    this.#confirmed = options.confirmedLsn;
    this.#client = new pg.Client({ ...options.connection, replication: 'database' } as pg.ClientConfig);
  }

  /** Connects and starts streaming; resolves once the server has entered copy-both mode. */
  static async start(options: ReplicationStreamOptions): Promise<ReplicationStream> {
    const stream = new ReplicationStream(options);
    try {
      await stream.#start();
    } catch (error) {
      await stream.#client.end().catch(() => undefined);
      throw error;
    }
    return stream;
  }

  /** The highest WAL position the server has sent. */
  get lastReceivedLsn(): bigint {
    return this.#lastReceived;
  }

  /** The flush position reported to the server. */
  get confirmedLsn(): bigint {
    return this.#confirmed;
  }

  /** Messages waiting to be taken. */
  get queued(): number {
    return this.#queue.length - this.#queueHead;
  }

  /** Takes up to `max` queued messages, in order; throws the stream's failure once the queue is empty. */
  take(max: number): WalMessage[] {
    const end = Math.min(this.#queue.length, this.#queueHead + max);
    const taken = this.#queue.slice(this.#queueHead, end);
    this.#queueHead = end;
    if (this.#queueHead > 4096 && this.#queueHead * 2 > this.#queue.length) {
      this.#queue.splice(0, this.#queueHead);
      this.#queueHead = 0;
    }
    if (taken.length === 0 && this.#failure !== undefined) throw this.#failure;
    if (this.#paused && this.queued <= this.#options.maxQueueSize / 2) {
      this.#paused = false;
      this.#connection().stream.resume();
    }
    return taken;
  }

  /** Resolves when a message is queued, the stream fails, or timeoutMs passes. */
  async waitForData(timeoutMs: number): Promise<void> {
    if (this.queued > 0 || this.#failure !== undefined || this.#closing) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(finish, timeoutMs);
      function finish(): void {
        clearTimeout(timer);
        resolve();
      }
      this.#wake = finish;
    });
    this.#wake = undefined;
  }

  /**
   * Raises the flush position reported to the server to `lsn` (never lowers it) and reports it at
   * once. Call it only with positions whose changes the worker has durably stored.
   */
  confirm(lsn: bigint): void {
    if (lsn <= this.#confirmed) return;
    this.#confirmed = lsn;
    this.#sendStatus(false);
  }

  /** Reports the flush position a last time, ends the copy and closes the connection. */
  async close(): Promise<void> {
    if (this.#closing) return;
    this.#closing = true;
    clearInterval(this.#timer);
    this.#wake?.();
    if (this.#failure === undefined) {
      try {
        this.#sendStatus(false);
        this.#connection().endCopyFrom();
        if (this.#paused) this.#connection().stream.resume();
        // The server answers CopyDone, CommandComplete and ReadyForQuery; do not wait long for it.
        await Promise.race([this.#done?.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 2_000))]);
      } catch {
        // closing anyway
      }
    }
    await this.#client.end().catch(() => undefined);
  }

  async #start(): Promise<void> {
    const { slotName, publicationName, startLsn, log } = this.#options;
    this.#client.on('error', (error: Error) => this.#fail(error));
    await this.#client.connect();
    const connection = this.#connection();
    connection.on('copyData', ({ chunk }) => this.#receive(chunk));
    const started = new Promise<void>((resolve) => connection.on('replicationStart', resolve));
    // pgoutput's options as Debezium's PgOutputMessageDecoder sets them (proto_version 1, the
    // publication); names were validated as plain identifiers, which the server folds to lower case.
    const command = `START_REPLICATION SLOT ${slotName} LOGICAL ${formatLsn(startLsn)} ("proto_version" '1', "publication_names" '${publicationName}')`;
    log.info('Starting logical replication', { command });
    this.#done = this.#client.query(command).then(
      () => {
        if (!this.#closing) this.#fail(new Error('The server ended the replication stream'));
      },
      (error: Error) => {
        if (!this.#closing && this.#streaming) this.#fail(error);
        throw error;
      },
    );
    // Either the stream starts, or START_REPLICATION fails (say, the slot is still active for a
    // walsender of a process that died a moment ago).
    await Promise.race([started, this.#done]);
    this.#streaming = true;
    this.#timer = setInterval(() => this.#sendStatus(false), this.#options.statusIntervalMs);
    this.#timer.unref();
  }

  #receive(chunk: Buffer): void {
    let message;
    try {
      message = parseServerMessage(chunk);
    } catch (error) {
      this.#fail(error as Error);
      return;
    }
    if (message.type === 'keepalive') {
      if (message.walEnd > this.#lastReceived) this.#lastReceived = message.walEnd;
      if (message.replyRequested) this.#sendStatus(false);
      return;
    }
    // Relation and Type messages come with dataStart 0; keep them in order with the rest.
    this.#queue.push({ lsn: message.dataStart, payload: Buffer.from(message.payload) });
    if (message.dataStart > this.#lastReceived) this.#lastReceived = message.dataStart;
    if (!this.#paused && this.queued >= this.#options.maxQueueSize) {
      this.#paused = true;
      this.#connection().stream.pause();
    }
    this.#wake?.();
  }

  #sendStatus(replyRequested: boolean): void {
    if (this.#closing && this.#failure !== undefined) return;
    try {
      const flushed = this.#confirmed;
      this.#connection().sendCopyFromChunk(encodeStandbyStatus({ written: this.#lastReceived, flushed, applied: flushed, replyRequested }));
    } catch (error) {
      this.#fail(error as Error);
    }
  }

  #fail(error: Error): void {
    if (this.#failure !== undefined) return;
    this.#failure = error;
    clearInterval(this.#timer);
    if (!this.#closing) this.#options.log.error('Logical replication stream failed', { error: error.message });
    this.#wake?.();
  }

  #connection(): CopyConnection {
    return (this.#client as unknown as { connection: CopyConnection }).connection;
  }
}
