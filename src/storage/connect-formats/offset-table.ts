// OffsetTable: the source offsets the offsets topic holds, by connector and source partition.
//
// Kafka's KafkaOffsetBackingStore keeps raw key bytes -> value bytes and lists a connector's
// partitions by decoding keys; its reader then finds an offset by re-encoding the partition. We
// decode keys and values once and index partitions canonically (Java's Map equality: member order
// does not matter), remembering the key bytes last used for each, so that a write for a partition
// some other writer created (in another member order, or with other spacing) reuses its key.
// Records Kafka's reader could not use (keys that are not [name, {map}], values that are not a
// map of primitives) are logged and leave no offset.

import type { Logger } from 'pino';
import type { SourceMap } from '../../data/index.js';
import { canonicalPartition, decodeOffsetKey, decodeOffsetValue } from './offset-records.js';

export interface StoredOffset {
  readonly connector: string;
  readonly partition: SourceMap;
  readonly offset: SourceMap;
  /** The record key's bytes, as written by whoever wrote it. */
  readonly key: Buffer;
}

export class OffsetTable {
  readonly #logger: Logger;
  /** connector -> canonical partition -> offset (the latest record for an equal partition wins) */
  readonly #byConnector = new Map<string, Map<string, StoredOffset>>();
  /** canonical partition -> key bytes of the latest record for it, offset or tombstone */
  readonly #keys = new Map<string, Buffer>();

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  /** Applies one record read from the topic; returns the connector it concerned. */
  apply(key: Buffer | null, value: Buffer | null): string | undefined {
    const decodedKey = decodeOffsetKey(key);
    if (!decodedKey.ok) {
      if (decodedKey.quiet !== true) this.#logger.warn(decodedKey.reason);
      return undefined;
    }
    const { connector, partition } = decodedKey;
    const canonical = canonicalPartition(connector, partition);
    this.#keys.set(canonical, key!);
    const decodedValue = decodeOffsetValue(value);
    if (!decodedValue.ok) {
      this.#logger.error({ connector, partition }, `Failed to deserialize offset data for connector ${connector}; the partition has no usable offset: ${decodedValue.reason}`);
    }
    if (!decodedValue.ok || decodedValue.offset === null) {
      const byPartition = this.#byConnector.get(connector);
      byPartition?.delete(canonical);
      if (byPartition?.size === 0) this.#byConnector.delete(connector);
      return connector;
    }
    let byPartition = this.#byConnector.get(connector);
    if (byPartition === undefined) this.#byConnector.set(connector, (byPartition = new Map()));
    byPartition.set(canonical, { connector, partition, offset: decodedValue.offset, key: key! });
    return connector;
  }

  /** Every partition of the connector that has an offset. */
  offsets(connector: string): StoredOffset[] {
    return [...(this.#byConnector.get(connector)?.values() ?? [])];
  }

  /** The key bytes last used for this partition (possibly by another worker or Kafka Connect), if any. */
  existingKey(connector: string, partition: SourceMap): Buffer | undefined {
    return this.#keys.get(canonicalPartition(connector, partition));
  }

  connectors(): string[] {
    return [...this.#byConnector.keys()];
  }
}
