// KafkaBasedLog: a compacted Kafka topic used as a log, as Kafka Connect's class of the same name
// (connect/runtime/.../util/KafkaBasedLog.java). It owns
// * the topic: created compacted when missing, its cleanup policy checked when present
//   (internal-topic.ts);
// * a group-less consumer of every partition (log-consumer.ts), read from the beginning to the
//   end on start(), then tailed by a background loop that hands each record to the callback;
// * a producer (acks=all, one request in flight, Java's murmur2 partitioning) whose writes go out
//   in call order.
//
// readToEnd() has Kafka's meaning: it waits for this log's own pending writes, asks the brokers
// for the end offset of every partition, and resolves once the background loop has consumed up to
// them, so everything written before the call (by anyone) has reached the callback.
//
// Lifecycle: new -> start() -> running -> stop() -> stopped. start() fails (and cleans up) when
// the topic cannot be created or validated or read; stop() is safe to call in any state.

import kafkajs from 'kafkajs';
import type { Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { ConnectException } from '../data/index.js';
import { keyBytes, type CompactedLog, type LogWrite, type RecordHandler, type WrittenRecord } from './compacted-log.js';
import { ensureInternalTopic, type InternalTopicSpec } from './internal-topic.js';
import { javaPartitionForKey } from './java-partitioner.js';
import type { KafkaConnection } from './kafka-client.js';
import { createLogConsumer, type LogConsumer } from './log-consumer.js';

const { Partitioners } = kafkajs;

export interface KafkaBasedLogOptions {
  readonly connection: KafkaConnection;
  /** The topic and how to create it when missing. */
  readonly topic: InternalTopicSpec;
  readonly logger: Logger;
  /**
   * Longest a background fetch waits on the brokers when there is nothing new, ms. Bounds how
   * long stop() waits for the loop.
   * @default 500
   */
  readonly fetchMaxWaitMs?: number;
  /**
   * How long start() waits for the topic's partitions to be visible, ms (Kafka: 30 s).
   * @default 30000
   */
  readonly topicTimeoutMs?: number;
  /**
   * How long readToEnd() may take before it fails, ms.
   * @default 30000
   */
  readonly readToEndTimeoutMs?: number;
}

type State = 'new' | 'starting' | 'running' | 'stopping' | 'stopped';

interface Waiter {
  readonly ends: ReadonlyMap<number, number>;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

const INITIAL_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 5_000;

export class KafkaBasedLog implements CompactedLog {
  readonly topic: string;
  readonly #options: KafkaBasedLogOptions;
  readonly #log: Logger;
  #state: State = 'new';
  #onRecord: RecordHandler = () => undefined;
  #consumer: LogConsumer | undefined;
  #producer: Producer | undefined;
  #partitions: number[] = [];
  readonly #positions = new Map<number, number>();
  #waiters: Waiter[] = [];
  #loop: Promise<void> = Promise.resolve();
  #sending: Promise<unknown> = Promise.resolve();
  #wakeBackoff: (() => void) | undefined;

  constructor(options: KafkaBasedLogOptions) {
    this.#options = options;
    this.topic = options.topic.topic;
    this.#log = options.logger.child({ component: 'kafka-based-log', topic: this.topic });
  }

  async start(onRecord: RecordHandler): Promise<void> {
    if (this.#state !== 'new') throw new Error(`KafkaBasedLog for ${this.topic} cannot start: it is ${this.#state}`);
    this.#state = 'starting';
    this.#onRecord = onRecord;
    this.#log.info('Starting KafkaBasedLog');
    try {
      await ensureInternalTopic(this.#options.connection, this.#options.topic, this.#log);
      const consumer = createLogConsumer(this.#options.connection, this.topic, this.#log);
      this.#consumer = consumer;
      this.#partitions = await consumer.open(this.#options.topicTimeoutMs ?? 30_000);
      const beginnings = await this.#withRetries('read beginning offsets', () => consumer.offsets('beginning', this.#partitions));
      for (const [partition, offset] of beginnings) this.#positions.set(partition, offset);
      const producer = this.#options.connection.producer({
        createPartitioner: Partitioners.DefaultPartitioner,
        idempotent: false,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
      });
      await producer.connect();
      this.#producer = producer;
      this.#loop = this.#run();
      this.#state = 'running';
      await this.readToEnd();
    } catch (error) {
      await this.stop();
      throw error;
    }
    this.#log.info({ partitions: this.#partitions.length }, 'Finished reading KafkaBasedLog');
  }

  partitionCount(): number {
    return this.#partitions.length;
  }

  async send(key: Buffer | string | null, value: Buffer | null): Promise<WrittenRecord> {
    const [written] = await this.sendAll([{ key, value }]);
    return written!;
  }

  /** Writes go out in call order: each waits for the previous one to be acknowledged (or to fail). */
  sendAll(records: readonly LogWrite[]): Promise<WrittenRecord[]> {
    if (this.#state !== 'running' || this.#producer === undefined) return Promise.reject(new ConnectException(`KafkaBasedLog for ${this.topic} is ${this.#state}`));
    if (records.length === 0) return Promise.resolve([]);
    const producer = this.#producer;
    const sent = this.#sending
      .catch(() => undefined)
      .then(() =>
        producer.send({
          topic: this.topic,
          acks: -1,
          messages: records.map((record) => ({ key: keyBytes(record.key), value: record.value })),
        }),
      )
      .then((metadata) => {
        // kafkajs reports one entry per partition with the base offset of its batch.
        const next = new Map(metadata.map((m) => [m.partition, Number(m.baseOffset ?? m.offset ?? 0)]));
        return records.map((record) => {
          const key = keyBytes(record.key);
          const partition = key === null ? (metadata[0]?.partition ?? 0) : this.#partitionOf(key, metadata.map((m) => m.partition));
          const offset = next.get(partition) ?? -1;
          next.set(partition, offset + 1);
          return { partition, offset };
        });
      });
    this.#sending = sent;
    return sent;
  }

  async readToEnd(): Promise<void> {
    if (this.#state !== 'running' && this.#state !== 'starting') throw new ConnectException(`KafkaBasedLog for ${this.topic} is ${this.#state}`);
    await this.#sending.catch(() => undefined);
    const consumer = this.#consumer!;
    const ends = await this.#withRetries('read end offsets', () => consumer.offsets('end', this.#partitions));
    if (this.#reached(ends)) return;
    const timeoutMs = this.#options.readToEndTimeoutMs ?? 30_000;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        reject(new ConnectException(`Timed out after ${timeoutMs} ms reading topic ${this.topic} to its end`));
      }, timeoutMs);
      const waiter: Waiter = {
        ends,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.#waiters.push(waiter);
    });
  }

  async stop(): Promise<void> {
    if (this.#state === 'stopped' || this.#state === 'stopping') return this.#loop;
    const wasRunning = this.#state !== 'new';
    this.#state = 'stopping';
    this.#wakeBackoff?.();
    await this.#loop.catch(() => undefined);
    for (const waiter of this.#waiters) waiter.reject(new ConnectException(`KafkaBasedLog for ${this.topic} stopped`));
    this.#waiters = [];
    await this.#sending.catch(() => undefined);
    await this.#producer?.disconnect().catch((error: unknown) => this.#log.warn({ err: error }, 'Failed to disconnect the producer'));
    await this.#consumer?.close().catch((error: unknown) => this.#log.warn({ err: error }, 'Failed to disconnect the consumer'));
    this.#state = 'stopped';
    if (wasRunning) this.#log.info('Stopped KafkaBasedLog');
  }

  /** The background loop: fetch, hand records over, advance positions, release readToEnd waiters. */
  async #run(): Promise<void> {
    const consumer = this.#consumer!;
    const maxWaitMs = this.#options.fetchMaxWaitMs ?? 500;
    let backoffMs = INITIAL_BACKOFF_MS;
    while (this.#state === 'starting' || this.#state === 'running') {
      try {
        const result = await consumer.fetch(this.#positions, maxWaitMs);
        if (this.#stopRequested()) break;
        for (const record of result.records) {
          this.#positions.set(record.partition, record.offset + 1);
          try {
            this.#onRecord(record);
          } catch (error) {
            this.#log.error({ err: error, partition: record.partition, offset: record.offset }, 'Unexpected error handling a record; skipped');
          }
        }
        for (const [partition, position] of result.positions) this.#positions.set(partition, position);
        this.#releaseWaiters();
        backoffMs = INITIAL_BACKOFF_MS;
      } catch (error) {
        if (this.#stopRequested()) break;
        this.#log.warn({ err: error }, `Error reading topic ${this.topic}; retrying in ${backoffMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, backoffMs);
          this.#wakeBackoff = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.#wakeBackoff = undefined;
        backoffMs = Math.min(2 * backoffMs, MAX_BACKOFF_MS);
      }
    }
  }

  #stopRequested(): boolean {
    return this.#state === 'stopping' || this.#state === 'stopped';
  }

  #reached(ends: ReadonlyMap<number, number>): boolean {
    for (const [partition, end] of ends) if ((this.#positions.get(partition) ?? 0) < end) return false;
    return true;
  }

  #releaseWaiters(): void {
    if (this.#waiters.length === 0) return;
    const still: Waiter[] = [];
    for (const waiter of this.#waiters) {
      if (this.#reached(waiter.ends)) waiter.resolve();
      else still.push(waiter);
    }
    this.#waiters = still;
  }

  /** Retries work that fails while metadata settles (a new topic, a moved leader), for up to readToEndTimeoutMs. */
  async #withRetries<T>(what: string, work: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + (this.#options.readToEndTimeoutMs ?? 30_000);
    let backoffMs = INITIAL_BACKOFF_MS;
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (Date.now() + backoffMs > deadline || this.#stopRequested()) throw error;
        this.#log.debug({ err: error, attempt }, `Failed to ${what} of topic ${this.topic}; retrying in ${backoffMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, backoffMs));
        backoffMs = Math.min(2 * backoffMs, MAX_BACKOFF_MS);
      }
    }
  }

  /** The partition a keyed record went to (what the producer's DefaultPartitioner chose). */
  #partitionOf(key: Buffer, reported: readonly number[]): number {
    if (reported.length === 1) return reported[0]!;
    // Several partitions in one send: recompute the producer's choice.
    return javaPartitionForKey(key, this.#partitions.length);
  }
}
