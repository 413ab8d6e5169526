// WorkerSourceTask: runs one source task. It polls the plugin for batches, runs each record
// through the SMTs and converters, produces the batch and, once Kafka has acknowledged it, makes
// the records' source offsets committable. Three things overlap: the next poll, the conversion
// of the current batch, and the produce of the previous one (batches are still sent in order). Every offset.flush.interval.ms the committable
// offsets are written to the offset store and then passed to the task's Commit. Stopping (and
// failing) ends with a final flush, so a clean stop neither loses nor repeats a record.

import type { SourceRecord } from '../data/index.js';
import { SKIPPED } from '../errors/retry-with-tolerance-operator.js';
import type { KafkaConnection } from '../kafka/kafka-client.js';
import { createRecordProducer, type ProducerRecord, type RecordProducer } from '../kafka/record-producer.js';
import { PluginCallError } from '../protocol/plugin-call-error.js';
import type { SourceOffsetEntry } from '../protocol/plugin-client.js';
import type { ActiveTopics } from '../storage/active-topics.js';
import type { OffsetStore } from '../storage/offset-store.js';
import { SourceRecordPipeline } from './source-record-pipeline.js';
import type { TaskConverters } from './task-converters.js';
import { createTaskErrorHandling, type TaskErrorHandling } from './task-error-handling.js';
import type { TransformStage } from './transform-stage.js';
import { WorkerTask, type WorkerTaskDependencies } from './worker-task.js';

export interface SourceTaskDependencies extends WorkerTaskDependencies {
  readonly kafka: KafkaConnection;
  readonly converters: TaskConverters;
  readonly transforms: readonly TransformStage[];
  readonly offsetStore: OffsetStore;
  readonly offsetFlushIntervalMs: number;
  readonly activeTopics: ActiveTopics;
}

const PRODUCER_CLASS = 'org.apache.kafka.clients.producer.KafkaProducer';
/** How long to wait before polling again after a poll failed with a retriable error. */
const RETRIABLE_POLL_BACKOFF_MS = 1_000;

type PollOutcome = { records: SourceRecord[] } | { error: unknown };

/** How long one Poll may wait for records before returning an empty batch. */
const POLL_MAX_WAIT_MS = 500;

export class WorkerSourceTask extends WorkerTask {
  readonly #deps: SourceTaskDependencies;
  #producer: RecordProducer | undefined;
  #errors: TaskErrorHandling | undefined;
  #pipeline: SourceRecordPipeline | undefined;
  /** The batch being produced, if any; the next one is sent once it is acknowledged. */
  #inflight: Promise<void> | undefined;
  /** Offsets acknowledged by Kafka and not yet flushed, by source partition (as JSON text). */
  readonly #committable = new Map<string, SourceOffsetEntry>();
  #started = false;
  #nextFlushAt = 0;
  #recordsSent = 0;

  constructor(deps: SourceTaskDependencies) {
    super(deps);
    this.#deps = deps;
  }

  get recordsSent(): number {
    return this.#recordsSent;
  }

  protected async execute(): Promise<void> {
    const lease = this.lease!;
    const { id, taskConfig, offsetStore, kafka, connectorConfig, converters, transforms } = this.#deps;
    this.#errors = createTaskErrorHandling(id, connectorConfig, kafka, this.log, () => this.stopRequested);
    this.#pipeline = new SourceRecordPipeline(converters, transforms, this.#errors.operator);
    await this.#errors.deadLetterQueue?.start();
    this.#producer = createRecordProducer(kafka);
    await this.#producer.connect();
    const taskClass = taskConfig['task.class'] ?? '';
    await lease.client.startSourceTask(lease.instanceId, id.connector, id.task, taskClass, { ...taskConfig }, offsetStore.offsets(id.connector));
    this.#started = true;
    this.markRunning();
    this.#nextFlushAt = Date.now() + this.#deps.offsetFlushIntervalMs;

    // The next poll runs while the current batch is produced. Its outcome is captured at once, so
    // a poll that fails meanwhile (say, the plugin died) is not an unhandled rejection.
    const poll = (): Promise<PollOutcome> =>
      lease.client.poll(lease.instanceId, POLL_MAX_WAIT_MS).then(
        (records) => ({ records }),
        (error: unknown) => ({ error }),
      );
    let pending: Promise<PollOutcome> | undefined = poll();
    try {
      while (!this.stopRequested && pending !== undefined) {
        const outcome: PollOutcome = await pending;
        pending = undefined;
        if ('error' in outcome) {
          // Kafka: a poll that throws RetriableException is logged and polled again.
          if (!(outcome.error instanceof PluginCallError && outcome.error.retriable)) throw outcome.error;
          this.log.warn({ err: outcome.error }, 'Poll failed with a retriable error; polling again');
          await Promise.race([new Promise((resolve) => setTimeout(resolve, RETRIABLE_POLL_BACKOFF_MS)), this.stopSignal]);
          if (!this.stopRequested) pending = poll();
          continue;
        }
        if (this.stopRequested) break; // a batch polled after the stop request is not produced; its offsets were never committed
        if (!this.paused) pending = poll();
        if (outcome.records.length > 0) {
          // Convert this batch while the previous one is being produced; send it once that one is acknowledged.
          const converted = await this.#pipeline!.convert(outcome.records);
          await this.#inflight;
          this.#inflight = this.#send(converted.records, outcome.records);
          this.#inflight.catch(() => undefined); // awaited below; never an unhandled rejection
        }
        if (Date.now() >= this.#nextFlushAt || this.paused) {
          await this.#inflight;
          await this.#flush();
        }
        if (this.paused) {
          // Paused: no poll is in flight; wait for resume (or stop), then poll again.
          await this.waitWhilePaused();
          if (!this.stopRequested) pending ??= poll();
        }
      }
      await this.#inflight;
    } finally {
      // Let an outstanding poll finish so that the task is not stopped in the middle of it, and
      // the batch being produced be acknowledged (or fail) so its offsets are right.
      await pending;
      await this.#inflight?.catch(() => undefined);
    }
  }

  protected async cleanUp(): Promise<void> {
    const lease = this.lease;
    try {
      if (this.#committable.size > 0) await this.#flush();
    } catch (error) {
      this.log.error({ err: error }, 'Final offset flush failed; the records after the last flush will be sent again');
    }
    if (lease !== undefined && this.#started && !lease.process.hasExited) {
      await lease.client.stopSourceTask(lease.instanceId).catch((error: Error) => this.log.warn({ err: error }, 'Source task did not stop cleanly'));
    }
    await this.#producer?.disconnect().catch(() => undefined);
    await this.#errors?.deadLetterQueue?.stop();
  }

  /** Produces a converted batch; once Kafka acknowledged it, the polled records' offsets become committable. */
  async #send(records: ProducerRecord[], polled: readonly SourceRecord[]): Promise<void> {
    if (records.length > 0) {
      const sent = await this.#errors!.operator.executeAsync('KAFKA_PRODUCE', PRODUCER_CLASS, () => this.#producer!.send(records));
      if (sent === SKIPPED) this.log.warn({ records: records.length }, 'Producing a batch failed; errors.tolerance=all, so it is skipped');
    }
    this.#recordsSent += records.length;
    let lastTopic = '';
    for (const record of records) {
      if (record.topic === lastTopic) continue;
      lastTopic = record.topic;
      this.#deps.activeTopics.record(this.id.connector, record.topic);
    }
    // Every polled record of the batch is now handled (produced, filtered, or reported and
    // skipped), so its source offset may be committed.
    for (const record of polled) {
      if (record.sourcePartition === null || record.sourcePartition === undefined) continue;
      this.#committable.set(JSON.stringify(record.sourcePartition), { partition: record.sourcePartition, offset: record.sourceOffset ?? null });
    }
  }

  /** Writes the acknowledged offsets to the offset store, then tells the task (Commit). */
  async #flush(): Promise<void> {
    this.#nextFlushAt = Date.now() + this.#deps.offsetFlushIntervalMs;
    if (this.#committable.size === 0) return;
    const offsets = [...this.#committable.values()];
    this.#committable.clear();
    await this.#deps.offsetStore.write(this.id.connector, offsets);
    this.log.debug({ partitions: offsets.length }, 'Flushed source offsets');
    const lease = this.lease;
    if (lease !== undefined && !lease.process.hasExited) {
      await lease.client.commit(lease.instanceId, offsets).catch((error: Error) => this.log.warn({ err: error }, 'The task failed to handle Commit'));
    }
  }
}
