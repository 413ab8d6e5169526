// WorkerSinkTask: runs one sink task. A consumer in group connect-<connector> fetches batches;
// each is converted (key, value, headers) and delivered with one Put. Only records the task has
// accepted advance the offsets this task may commit: every offset.flush.interval.ms the task's
// PreCommit says which of them are safe (after flushing its own writes), and those are committed
// to the group. Partition assignments become OpenPartitions/ClosePartitions. Stopping ends with
// a final PreCommit and commit before the consumer leaves the group.

import type { SinkRecord, TopicPartition, TopicPartitionOffset } from '../data/index.js';
import { topicPartitionKey } from '../data/index.js';
import { javaExceptionName } from '../errors/processing-context.js';
import type { KafkaConnection } from '../kafka/kafka-client.js';
import { CommitDuringRebalanceError, createRecordConsumer, type ConsumedBatch, type ConsumedRecord, type RecordConsumer } from '../kafka/record-consumer.js';
import { PluginCallError } from '../protocol/plugin-call-error.js';
import type { ErrantRecordReport } from '../protocol/plugin-client.js';
import type { ActiveTopics } from '../storage/active-topics.js';
import { SinkRecordPipeline } from './sink-record-pipeline.js';
import type { TaskConverters } from './task-converters.js';
import { createTaskErrorHandling, type TaskErrorHandling } from './task-error-handling.js';
import type { TransformStage } from './transform-stage.js';
import { WorkerTask, traceOf, type WorkerTaskDependencies } from './worker-task.js';

/** The executing class Kafka names for records a sink task reports as failed. */
const SINK_TASK_CLASS = 'org.apache.kafka.connect.sink.SinkTask';
/** How long to wait before delivering a batch again after Put failed with a retriable error. */
const RETRIABLE_PUT_BACKOFF_MS = 1_000;
/** How many consumed records are kept for errant-record reports that arrive after Put. */
const RECENTLY_CONSUMED_KEPT = 10_000;

export interface SinkTaskDependencies extends WorkerTaskDependencies {
  readonly kafka: KafkaConnection;
  readonly converters: TaskConverters;
  readonly transforms: readonly TransformStage[];
  readonly offsetFlushIntervalMs: number;
  /** The worker's consumer.* settings, prefix removed (Kafka's sink consumer overrides). */
  readonly consumerConfig: Readonly<Record<string, string>>;
  readonly activeTopics: ActiveTopics;
}

export class WorkerSinkTask extends WorkerTask {
  readonly #deps: SinkTaskDependencies;
  #consumer: RecordConsumer | undefined;
  #errors: TaskErrorHandling | undefined;
  #pipeline: SinkRecordPipeline | undefined;
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
  readonly #recentlyConsumed = new Map<string, ConsumedRecord>();
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
    const { id, taskConfig, connectorConfig, kafka, converters, transforms } = this.#deps;
    this.#errors = createTaskErrorHandling(id, connectorConfig, kafka, this.log, () => this.stopRequested);
    this.#pipeline = new SinkRecordPipeline(converters, transforms, this.#errors.operator);
    await this.#errors.deadLetterQueue?.start();
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
    await consumer.run({
      onAssignment: (partitions) => void this.#serially(() => this.#reassign(partitions)).catch((error: unknown) => this.#failFrom(error)),
      onBatch: (batch) => this.#serially(() => this.#deliver(batch)).catch((error: unknown) => this.#failFrom(error)),
    });
    // Only now can the consumer be paused (a connector created or left PAUSED pauses it at once).
    this.markRunning();
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
    await this.#errors?.deadLetterQueue?.stop();
  }

  #serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(work, work);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  #failFrom(error: unknown): void {
    if (this.stopRequested) return;
    this.fail(traceOf(error));
  }

  async #deliver(batch: ConsumedBatch): Promise<void> {
    if (this.stopRequested || batch.records.length === 0) return;
    this.#remember(batch.records);
    this.#deps.activeTopics.record(this.id.connector, batch.topic);
    const records = await this.#pipeline!.convert(batch.records);
    if (records.length > 0) {
      const errant = await this.#put(records);
      if (errant.length > 0) await this.#reportErrant(errant, batch.records);
      this.#recordsPut += records.length;
    }
    // Every consumed record is handled: put, filtered, or reported and skipped.
    const last = batch.records[batch.records.length - 1]!;
    this.#accepted.set(topicPartitionKey(batch.topic, batch.partition), { topic: batch.topic, partition: batch.partition, offset: last.offset + 1 });
  }

  /**
   * Keeps the last consumed records, so that a record the task reports as errant after Put
   * returned (from PreCommit) still reaches the dead letter queue with its original bytes.
   */
  #remember(records: readonly ConsumedRecord[]): void {
    for (const record of records) this.#recentlyConsumed.set(`${record.topic}-${record.partition}-${record.offset}`, record);
    const excess = this.#recentlyConsumed.size - RECENTLY_CONSUMED_KEPT;
    if (excess <= 0) return;
    let dropped = 0;
    for (const key of this.#recentlyConsumed.keys()) {
      if (dropped++ >= excess) break;
      this.#recentlyConsumed.delete(key);
    }
  }

  /** Put; a retriable failure delivers the same batch again after a pause (Kafka's behaviour), until stopped. */
  async #put(records: SinkRecord[]): Promise<ErrantRecordReport[]> {
    const lease = this.lease!;
    for (;;) {
      try {
        return await lease.client.put(lease.instanceId, records);
      } catch (error) {
        if (!(error instanceof PluginCallError && error.retriable) || this.stopRequested) throw error;
        this.log.warn({ err: error }, `Put failed with a retriable error; delivering the same ${records.length} records again`);
        await Promise.race([new Promise((resolve) => setTimeout(resolve, RETRIABLE_PUT_BACKOFF_MS)), this.stopSignal]);
        if (this.stopRequested) throw error;
      }
    }
  }

  /** The errant-record reporter: each record the task reported goes to the log and DLQ; tolerance decides the rest. */
  async #reportErrant(errant: readonly ErrantRecordReport[], consumed: readonly ConsumedRecord[]): Promise<void> {
    const byOffset = new Map<string, ConsumedRecord>(consumed.map((record) => [`${record.topic}-${record.partition}-${record.offset}`, record]));
    for (const report of errant) {
      const key: string = `${report.topic}-${report.partition}-${report.offset}`;
      const raw = byOffset.get(key) ?? this.#recentlyConsumed.get(key);
      const className = javaExceptionName(report.errorClass);
      await this.#errors!.operator.reportFailure({
        stage: 'TASK_PUT',
        executingClass: SINK_TASK_CLASS,
        error: {
          className,
          message: report.message === '' ? null : report.message,
          // The plugin's own stack, led by the Java class name Kafka would print (DataException → org.apache…DataException).
          stackTrace: report.stackTrace.startsWith(`${report.errorClass}:`) ? `${className}${report.stackTrace.slice(report.errorClass.length)}` : report.stackTrace || `${className}: ${report.message}`,
        },
        ...(raw !== undefined ? { consumed: raw } : {}),
      });
    }
  }

  async #commit(): Promise<void> {
    const lease = this.lease!;
    const pending = [...this.#accepted.values()];
    const changed = pending.filter((o) => this.#committed.get(topicPartitionKey(o.topic, o.partition)) !== o.offset);
    if (changed.length === 0) return;
    const { offsets, errantRecords } = await lease.client.preCommit(lease.instanceId, pending);
    // Records the task reported after Put returned: reported (and tolerated or not) before any offset is committed.
    if (errantRecords.length > 0) await this.#reportErrant(errantRecords, []);
    const toCommit = offsets.filter((o) => this.#committed.get(topicPartitionKey(o.topic, o.partition)) !== o.offset);
    if (toCommit.length === 0) return;
    try {
      await this.#consumer!.commit(toCommit);
    } catch (error) {
      if (!(error instanceof CommitDuringRebalanceError)) throw error;
      // As Kafka's WorkerSinkTask on CommitFailedException: the task goes on; the next flush (or the next owner) commits.
      this.log.warn({ err: error }, 'Offset commit failed during a consumer group rebalance; it is retried at the next flush, and records since the last commit may be delivered again');
      return;
    }
    for (const o of toCommit) this.#committed.set(topicPartitionKey(o.topic, o.partition), o.offset);
    this.log.debug({ partitions: toCommit.length }, 'Committed sink offsets');
  }

  protected override onPause(): void {
    this.#consumer?.pause([...this.#assigned.values()]);
  }

  protected override onResume(): void {
    this.#consumer?.resume([...this.#assigned.values()]);
  }

  async #reassign(partitions: readonly TopicPartition[]): Promise<void> {
    const lease = this.lease!;
    const next = new Map(partitions.map((p) => [topicPartitionKey(p.topic, p.partition), p] as const));
    const revoked = [...this.#assigned].filter(([key]) => !next.has(key)).map(([, p]) => p);
    const added = [...next].filter(([key]) => !this.#assigned.has(key)).map(([, p]) => p);
    if (revoked.length > 0) {
      // Commit what was put for the revoked partitions before letting them go, as Kafka does on
      // revocation, so their next owner does not deliver those records again. (kafkajs tells us
      // after the rebalance; the commit still counts, but the new owner may have started already.)
      await this.#commit().catch((error: Error) => this.log.warn({ err: error }, 'Commit on partition revocation failed; the next owner may see some records again'));
      await lease.client.closePartitions(lease.instanceId, revoked);
      for (const p of revoked) {
        this.#accepted.delete(topicPartitionKey(p.topic, p.partition));
        this.#committed.delete(topicPartitionKey(p.topic, p.partition));
      }
    }
    this.#assigned = next;
    if (added.length > 0) await lease.client.openPartitions(lease.instanceId, added);
    if (this.paused && added.length > 0) this.#consumer?.pause(added);
  }
}

function optionalNumber(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`Invalid consumer setting value "${text}": not a number`);
  return value;
}
