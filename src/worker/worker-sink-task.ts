// WorkerSinkTask: runs one sink task. A consumer in group connect-<connector> fetches batches;
// each is converted (key, value, headers) and delivered with one Put. Only records the task has
// accepted advance the offsets this task may commit: every offset.flush.interval.ms the task's
// PreCommit says which of them are safe (after flushing its own writes), and those are committed
// to the group. Partition assignments become OpenPartitions/ClosePartitions. Stopping ends with
// a final PreCommit and commit before the consumer leaves the group.

import type { SinkRecord, TopicPartition, TopicPartitionOffset } from '../data/index.js';
import { ConnectException, topicPartitionKey } from '../data/index.js';
import type { KafkaConnection } from '../kafka/kafka-client.js';
import { createRecordConsumer, type ConsumedBatch, type RecordConsumer } from '../kafka/record-consumer.js';
import type { TaskConverters } from './task-converters.js';
import { WorkerTask, type WorkerTaskDependencies } from './worker-task.js';

export interface SinkTaskDependencies extends WorkerTaskDependencies {
  readonly kafka: KafkaConnection;
  readonly converters: TaskConverters;
  readonly offsetFlushIntervalMs: number;
  /** The worker's consumer.* settings, prefix removed (Kafka's sink consumer overrides). */
  readonly consumerConfig: Readonly<Record<string, string>>;
}

export class WorkerSinkTask extends WorkerTask {
  readonly #deps: SinkTaskDependencies;
  #consumer: RecordConsumer | undefined;
  #started = false;
  /** Partitions the task has open. */
  #assigned = new Map<string, TopicPartition>();
  /** Next offset to consume for each partition, counting only records the task accepted. */
  readonly #accepted = new Map<string, TopicPartitionOffset>();
  /** What was last committed, to skip empty commits. */
  readonly #committed = new Map<string, number>();
  /** Serializes Put, PreCommit/commit and partition changes: the task sees one call at a time. */
  #queue: Promise<unknown> = Promise.resolve();
  #flushTimer: NodeJS.Timeout | undefined;
  #recordsPut = 0;

  constructor(deps: SinkTaskDependencies) {
    super(deps);
    this.#deps = deps;
  }

  get recordsPut(): number {
    return this.#recordsPut;
  }

  protected async execute(): Promise<void> {
    const lease = this.lease!;
    const { id, taskConfig, connectorConfig } = this.#deps;
    await lease.client.startSinkTask(lease.instanceId, id.connector, id.task, taskConfig['task.class'] ?? '', { ...taskConfig });
    this.#started = true;
    const consumerConfig = this.#deps.consumerConfig;
    const consumer = createRecordConsumer(this.#deps.kafka, {
      groupId: `connect-${id.connector}`,
      sessionTimeoutMs: optionalNumber(consumerConfig['session.timeout.ms']),
      heartbeatIntervalMs: optionalNumber(consumerConfig['heartbeat.interval.ms']),
      maxBytesPerPartition: optionalNumber(consumerConfig['max.partition.fetch.bytes']),
    });
    this.#consumer = consumer;
    await consumer.connect();
    const topicsRegex = connectorConfig['topics.regex']?.trim();
    const topics = (connectorConfig['topics'] ?? '').split(',').map((t) => t.trim()).filter((t) => t !== '');
    await consumer.subscribe(topicsRegex ? { pattern: new RegExp(`^(?:${topicsRegex})$`) } : { topics });
    this.markRunning();
    await consumer.run({
      onAssignment: (partitions) => void this.#serially(() => this.#reassign(partitions)).catch((error: unknown) => this.#failFrom(error)),
      onBatch: (batch) => this.#serially(() => this.#deliver(batch)).catch((error: unknown) => this.#failFrom(error)),
    });
    this.#flushTimer = setInterval(() => {
      void this.#serially(() => this.#commit()).catch((error: unknown) => this.#failFrom(error));
    }, this.#deps.offsetFlushIntervalMs);
    await this.stopSignal;
  }

  protected async cleanUp(): Promise<void> {
    clearInterval(this.#flushTimer);
    const lease = this.lease;
    const alive = lease !== undefined && this.#started && !lease.process.hasExited;
    if (alive && !this.failed) {
      // The last batch finishes first (the queue), then the final commit, then partitions close.
      await this.#serially(() => this.#commit()).catch((error: Error) => this.log.error({ err: error }, 'Final offset commit failed'));
      await this.#serially(() => lease.client.closePartitions(lease.instanceId, [...this.#assigned.values()])).catch(() => undefined);
    }
    await this.#consumer?.close().catch((error: Error) => this.log.warn({ err: error }, 'Consumer did not close cleanly'));
    if (alive) await lease.client.stopSinkTask(lease.instanceId).catch((error: Error) => this.log.warn({ err: error }, 'Sink task did not stop cleanly'));
  }

  #serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(work, work);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  #failFrom(error: unknown): void {
    if (this.stopRequested) return;
    this.fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }

  async #deliver(batch: ConsumedBatch): Promise<void> {
    if (this.stopRequested || batch.records.length === 0) return;
    const lease = this.lease!;
    const { converters } = this.#deps;
    const records: SinkRecord[] = batch.records.map((consumed) => {
      const key = converters.key.toConnectData(consumed.topic, consumed.key);
      const value = converters.value.toConnectData(consumed.topic, consumed.value);
      return {
        topic: consumed.topic,
        kafkaPartition: consumed.partition,
        kafkaOffset: consumed.offset,
        timestamp: consumed.timestamp,
        timestampType: consumed.timestamp === null ? 'NO_TIMESTAMP_TYPE' : 'CREATE_TIME',
        keySchema: key.schema,
        key: key.value,
        valueSchema: value.schema,
        value: value.value,
        headers: consumed.headers.map((header) => {
          const converted = converters.header.toConnectHeader(consumed.topic, header.key, header.value);
          return { key: header.key, schema: converted.schema, value: converted.value };
        }),
        originalTopic: consumed.topic,
        originalKafkaPartition: consumed.partition,
        originalKafkaOffset: consumed.offset,
      };
    });
    const errant = await lease.client.put(lease.instanceId, records);
    if (errant.length > 0) {
      const first = errant[0]!;
      throw new ConnectException(
        `Tolerance exceeded in error handler: the task reported ${errant.length} failed record(s); the first, ${first.topic}-${first.partition}@${first.offset}, failed with ${first.errorClass}: ${first.message}`,
      );
    }
    this.#recordsPut += records.length;
    const last = batch.records[batch.records.length - 1]!;
    this.#accepted.set(topicPartitionKey(batch.topic, batch.partition), { topic: batch.topic, partition: batch.partition, offset: last.offset + 1 });
  }

  async #commit(): Promise<void> {
    const lease = this.lease!;
    const pending = [...this.#accepted.values()];
    const changed = pending.filter((o) => this.#committed.get(topicPartitionKey(o.topic, o.partition)) !== o.offset);
    if (changed.length === 0) return;
    const { offsets } = await lease.client.preCommit(lease.instanceId, pending);
    const toCommit = offsets.filter((o) => this.#committed.get(topicPartitionKey(o.topic, o.partition)) !== o.offset);
    if (toCommit.length === 0) return;
    await this.#consumer!.commit(toCommit);
    for (const o of toCommit) this.#committed.set(topicPartitionKey(o.topic, o.partition), o.offset);
    this.log.debug({ partitions: toCommit.length }, 'Committed sink offsets');
  }

  async #reassign(partitions: readonly TopicPartition[]): Promise<void> {
    const lease = this.lease!;
    const next = new Map(partitions.map((p) => [topicPartitionKey(p.topic, p.partition), p] as const));
    const revoked = [...this.#assigned].filter(([key]) => !next.has(key)).map(([, p]) => p);
    const added = [...next].filter(([key]) => !this.#assigned.has(key)).map(([, p]) => p);
    if (revoked.length > 0) {
      await lease.client.closePartitions(lease.instanceId, revoked);
      for (const p of revoked) {
        this.#accepted.delete(topicPartitionKey(p.topic, p.partition));
        this.#committed.delete(topicPartitionKey(p.topic, p.partition));
      }
    }
    this.#assigned = next;
    if (added.length > 0) await lease.client.openPartitions(lease.instanceId, added);
  }
}

function optionalNumber(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`Invalid consumer setting value "${text}": not a number`);
  return value;
}
