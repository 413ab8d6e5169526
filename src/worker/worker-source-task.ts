// WorkerSourceTask: runs one source task. It polls the plugin for batches (the next poll is in
// flight while the current batch is converted and produced), converts each record with the
// key, value and header converters, produces the batch and, once Kafka has acknowledged it,
// makes the records' source offsets committable. Every offset.flush.interval.ms the committable
// offsets are written to the offset store and then passed to the task's Commit. Stopping (and
// failing) ends with a final flush, so a clean stop neither loses nor repeats a record.

import type { SourceRecord } from '../data/index.js';
import type { KafkaConnection } from '../kafka/kafka-client.js';
import { createRecordProducer, type ProducerRecord, type RecordProducer } from '../kafka/record-producer.js';
import type { SourceOffsetEntry } from '../protocol/plugin-client.js';
import type { OffsetStore } from '../storage/offset-store.js';
import type { TaskConverters } from './task-converters.js';
import { WorkerTask, type WorkerTaskDependencies } from './worker-task.js';

export interface SourceTaskDependencies extends WorkerTaskDependencies {
  readonly kafka: KafkaConnection;
  readonly converters: TaskConverters;
  readonly offsetStore: OffsetStore;
  readonly offsetFlushIntervalMs: number;
}

type PollOutcome = { records: SourceRecord[] } | { error: unknown };

/** How long one Poll may wait for records before returning an empty batch. */
const POLL_MAX_WAIT_MS = 500;

export class WorkerSourceTask extends WorkerTask {
  readonly #deps: SourceTaskDependencies;
  #producer: RecordProducer | undefined;
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
    const { id, taskConfig, offsetStore } = this.#deps;
    this.#producer = createRecordProducer(this.#deps.kafka);
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
      while (!this.stopRequested) {
        const outcome = await pending;
        pending = undefined;
        if ('error' in outcome) throw outcome.error;
        if (this.stopRequested) break; // a batch polled after the stop request is not produced; its offsets were never committed
        pending = poll();
        if (outcome.records.length > 0) await this.#produce(outcome.records);
        if (Date.now() >= this.#nextFlushAt) await this.#flush();
      }
    } finally {
      // Let an outstanding poll finish so that the task is not stopped in the middle of it.
      await pending;
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
  }

  async #produce(records: readonly SourceRecord[]): Promise<void> {
    const { converters } = this.#deps;
    const converted: ProducerRecord[] = new Array(records.length);
    for (let i = 0; i < records.length; i++) {
      const record = records[i]!;
      const topic = record.topic;
      converted[i] = {
        topic,
        partition: record.kafkaPartition ?? null,
        key: converters.key.fromConnectData(topic, record.keySchema ?? null, record.key ?? null),
        value: converters.value.fromConnectData(topic, record.valueSchema ?? null, record.value ?? null),
        timestamp: record.timestamp ?? null,
        headers: (record.headers ?? []).map((header) => ({ key: header.key, value: converters.header.fromConnectHeader(topic, header.key, header.schema, header.value) })),
      };
    }
    await this.#producer!.send(converted);
    this.#recordsSent += records.length;
    for (const record of records) {
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
