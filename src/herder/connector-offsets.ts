// The offsets API of KIP-875: read a connector's offsets in any state, alter or reset them only
// when it is STOPPED. Source offsets live in the offset store; sink offsets are the committed
// offsets of consumer group connect-<name>. Shapes and messages are Kafka Connect's.

import type { ConsumerGroupAdmin } from '../kafka/consumer-group-admin.js';
import type { OffsetStore } from '../storage/offset-store.js';
import { BadRequestError, HerderError } from './herder-errors.js';

export interface ConnectorOffset {
  partition: Record<string, unknown>;
  offset: Record<string, unknown> | null;
}

export interface ConnectorOffsets {
  offsets: ConnectorOffset[];
}

const FRAMEWORK_MANAGED = (verb: string): string =>
  `The Connect framework-managed offsets for this connector have been ${verb} successfully. However, if this connector manages offsets externally, they will need to be manually ${verb === 'reset' ? 'reset' : 'altered'} in the system that the connector uses.`;

export class ConnectorOffsetsManager {
  readonly #offsetStore: OffsetStore;
  readonly #groups: ConsumerGroupAdmin;

  constructor(offsetStore: OffsetStore, groups: ConsumerGroupAdmin) {
    this.#offsetStore = offsetStore;
    this.#groups = groups;
  }

  async read(name: string, type: 'source' | 'sink'): Promise<ConnectorOffsets> {
    if (type === 'source') return { offsets: this.#offsetStore.offsets(name).map(({ partition, offset }) => ({ partition: { ...partition }, offset: offset === null ? null : { ...offset } })) };
    const offsets = await this.#groups.fetchOffsets(sinkGroup(name));
    return {
      offsets: offsets
        .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition)
        .map(({ topic, partition, offset }) => ({ partition: { kafka_topic: topic, kafka_partition: partition }, offset: { kafka_offset: offset } })),
    };
  }

  async alter(name: string, type: 'source' | 'sink', body: unknown): Promise<{ message: string }> {
    const entries = (body as { offsets?: unknown } | null)?.offsets;
    if (!Array.isArray(entries) || entries.length === 0) throw new BadRequestError('Partitions / offsets need to be provided for an alter offsets request');
    if (type === 'source') {
      const records = entries.map((entry) => {
        const { partition, offset } = entry as { partition?: unknown; offset?: unknown };
        if (!isFlatMap(partition) || (offset !== null && !isFlatMap(offset))) {
          throw new HerderError(500, `Failed to modify offsets for connector ${name} because partitions and offsets must be maps with string keys and primitive values`);
        }
        return { partition, offset: offset as Record<string, unknown> | null };
      });
      await this.#offsetStore.write(name, records);
      return { message: FRAMEWORK_MANAGED('altered') };
    }
    // As Kafka's SinkUtils.parseSinkConnectorOffsets: a map, so a partition given twice takes its last entry.
    const byPartition = new Map<string, { topic: string; partition: number; offset: number | null }>();
    for (const entry of entries) {
      const parsed = parseSinkEntry(entry);
      byPartition.set(JSON.stringify([parsed.topic, parsed.partition]), parsed);
    }
    const offsets = [...byPartition.values()];
    const toCommit = offsets.flatMap(({ topic, partition, offset }) => (offset === null ? [] : [{ topic, partition, offset }]));
    const toDelete = offsets.filter(({ offset }) => offset === null).map(({ topic, partition }) => ({ topic, partition }));
    try {
      // Kafka's Worker.alterSinkConnectorOffsets: alterConsumerGroupOffsets for the given offsets,
      // deleteConsumerGroupOffsets for the null ones (committing first also creates a missing group).
      if (toCommit.length > 0) await this.#groups.setOffsets(sinkGroup(name), toCommit);
      if (toDelete.length > 0) await this.#groups.deleteOffsets(sinkGroup(name), toDelete);
    } catch (error) {
      throw alterFailed(name, error);
    }
    return { message: FRAMEWORK_MANAGED('altered') };
  }

  async reset(name: string, type: 'source' | 'sink'): Promise<{ message: string }> {
    if (type === 'source') {
      await this.#offsetStore.write(name, this.#offsetStore.offsets(name).map(({ partition }) => ({ partition, offset: null })));
    } else {
      await this.#groups.deleteGroup(sinkGroup(name)).catch((error: Error) => {
        throw groupBusy(name, 'reset', error);
      });
    }
    return { message: FRAMEWORK_MANAGED('reset') };
  }
}

/** Why the sink's consumer group refused: its tasks are still members, or came back meanwhile. */
const BUSY = (verb: 'alter' | 'reset', name: string): string =>
  `Failed to ${verb} consumer group offsets for connector ${name} either because its tasks haven't stopped completely yet or the connector was resumed before the request to ${verb} its offsets could be successfully completed. If the connector is in a stopped state, this operation can be safely retried. If it doesn't eventually succeed, the Connect cluster may need to be restarted to get rid of the zombie sink tasks.`;

/**
 * Kafka's answers to a failed sink alter: the "busy" text when the group still has members
 * (UNKNOWN_MEMBER_ID from an offset commit, GROUP_SUBSCRIBED_TO_TOPIC from OffsetDelete, or
 * kafkajs's own check before setOffsets), a plain one otherwise. The cause is kept as `cause`.
 */
function alterFailed(name: string, cause: unknown): HerderError {
  const type = (cause as { type?: unknown } | null)?.type;
  const message = cause instanceof Error ? cause.message : String(cause);
  const busy = type === 'UNKNOWN_MEMBER_ID' || type === 'GROUP_SUBSCRIBED_TO_TOPIC' || /must have no running instances/.test(message);
  return withCause(new HerderError(500, busy ? BUSY('alter', name) : `Failed to alter consumer group offsets for connector ${name}`), cause);
}

/** Kafka's answer when the sink's consumer group still has members (its tasks have not left it yet). */
function groupBusy(name: string, verb: 'alter' | 'reset', cause: Error): HerderError {
  return withCause(new HerderError(500, BUSY(verb, name)), cause);
}

function withCause(error: HerderError, cause: unknown): HerderError {
  (error as { cause?: unknown }).cause = cause;
  return error;
}

function sinkGroup(name: string): string {
  return `connect-${name}`;
}

function parseSinkEntry(entry: unknown): { topic: string; partition: number; offset: number | null } {
  const { partition, offset } = (entry ?? {}) as { partition?: Record<string, unknown>; offset?: Record<string, unknown> | null };
  if (partition === undefined || partition === null || typeof partition !== 'object' || !('kafka_topic' in partition) || !('kafka_partition' in partition)) {
    throw new BadRequestError("The partition for a sink connector offset must contain the keys 'kafka_topic' and 'kafka_partition'");
  }
  const topic = String(partition['kafka_topic']);
  const partitionNumber = parseInteger(partition['kafka_partition'], `Failed to parse the following Kafka partition value in the provided offsets: '${String(partition['kafka_partition'])}'. The value for 'kafka_partition' must be an integer.`);
  if (offset === null) return { topic, partition: partitionNumber, offset: null };
  if (offset === undefined || typeof offset !== 'object' || !('kafka_offset' in offset)) {
    throw new BadRequestError("The offset for a sink connector should either be null or contain the key 'kafka_offset'");
  }
  const value = parseInteger(offset['kafka_offset'], `Failed to parse the following Kafka offset value in the provided offsets: '${String(offset['kafka_offset'])}'. The value for 'kafka_offset' must be an integer.`);
  if (value < 0) throw new BadRequestError(`Kafka offsets must be non-negative; got ${value}`);
  return { topic, partition: partitionNumber, offset: value };
}

/** JSON numbers or numeric strings, as Kafka accepts them. */
function parseInteger(value: unknown, message: string): number {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^-?\d+$/.test(text)) throw new BadRequestError(message);
  return Number(text);
}

function isFlatMap(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v));
}
