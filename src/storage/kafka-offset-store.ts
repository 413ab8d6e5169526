// Distributed mode's offset store: offset.storage.topic, in Kafka Connect's format (see
// connect-formats/offset-records.ts), so a Kafka Connect cluster and Polyconnect can read each
// other's source offsets. Kafka's KafkaOffsetBackingStore plus OffsetStorageWriter/Reader.
//
// start() reads the whole topic (a worker with no local state gets every connector's offsets);
// the log keeps reading in the background, so offsets written by other workers arrive by
// themselves, and refresh() waits for everything written before it (call it before starting a
// source task that may have run elsewhere, as Kafka reads to the end before every offset read).
// write() resolves once the brokers acknowledged every record (acks=all).

import type { Logger } from 'pino';
import type { SourceMap } from '../data/index.js';
import type { CompactedLog, LogRecord } from '../kafka/compacted-log.js';
import { canonicalPartition, encodeOffsetKey, encodeOffsetValue } from './connect-formats/offset-records.js';
import { OffsetTable } from './connect-formats/offset-table.js';
import { InFlightWrites } from './kafka-in-flight.js';
import { internalTopicLog, type KafkaStoreTopicOptions } from './kafka-store-topic.js';
import type { OffsetStore, SourceOffsetRecord } from './offset-store.js';

export const OFFSET_STORAGE_PARTITIONS_DEFAULT = 25;

interface PendingOffset {
  readonly connector: string;
  readonly canonical: string;
  readonly partition: SourceMap;
  readonly offset: SourceMap | null;
}

export interface KafkaOffsetStoreOptions {
  readonly log: CompactedLog;
  readonly logger: Logger;
}

export class KafkaOffsetStore implements OffsetStore {
  readonly #log: CompactedLog;
  readonly #logger: Logger;
  readonly #table: OffsetTable;
  readonly #inFlight = new InFlightWrites<PendingOffset>();
  readonly #readUpTo = new Map<number, number>();

  constructor(options: KafkaOffsetStoreOptions) {
    this.#log = options.log;
    this.#logger = options.logger.child({ component: 'kafka-offset-store', topic: options.log.topic });
    this.#table = new OffsetTable(this.#logger);
  }

  /** A store on offset.storage.topic (25 partitions unless told otherwise). */
  static create(options: KafkaStoreTopicOptions): KafkaOffsetStore {
    const log = internalTopicLog(options, { partitions: OFFSET_STORAGE_PARTITIONS_DEFAULT, topicConfigKey: 'offset.storage.topic', purpose: 'source connector offsets' });
    return new KafkaOffsetStore({ log, logger: options.logger });
  }

  async start(): Promise<void> {
    this.#logger.info('Starting KafkaOffsetBackingStore');
    await this.#log.start((record) => this.#read(record));
    this.#logger.info('Finished reading offsets topic and starting KafkaOffsetBackingStore');
  }

  offsets(connector: string): SourceOffsetRecord[] {
    const byCanonical = new Map<string, SourceOffsetRecord>();
    for (const stored of this.#table.offsets(connector)) byCanonical.set(canonicalPartition(connector, stored.partition), { partition: stored.partition, offset: stored.offset });
    for (const [, pending] of this.#inFlight.latestItems()) {
      if (pending.connector !== connector) continue;
      if (pending.offset === null) byCanonical.delete(pending.canonical);
      else byCanonical.set(pending.canonical, { partition: pending.partition, offset: pending.offset });
    }
    return [...byCanonical.values()];
  }

  async write(connector: string, offsets: readonly SourceOffsetRecord[]): Promise<void> {
    // Encode everything first: a partition or offset Kafka could not store fails the whole write.
    const writes = offsets.map((record) => {
      const key = this.#table.existingKey(connector, record.partition) ?? encodeOffsetKey(connector, record.partition);
      return { key, value: encodeOffsetValue(record.offset), record };
    });
    const entries = writes.map(({ key, record }) => {
      const textKey = key.toString('latin1');
      const pending: PendingOffset = { connector, canonical: canonicalPartition(connector, record.partition), partition: record.partition, offset: record.offset };
      return { textKey, entry: this.#inFlight.add(textKey, pending) };
    });
    try {
      const written = await this.#log.sendAll(writes.map(({ key, value }) => ({ key, value })));
      written.forEach(({ partition, offset }, index) => {
        const { textKey, entry } = entries[index]!;
        this.#inFlight.acknowledged(textKey, entry, partition, offset, this.#readUpTo.get(partition) ?? 0);
      });
    } catch (error) {
      for (const { textKey, entry } of entries) this.#inFlight.remove(textKey, entry);
      throw error;
    }
  }

  /** Resolves once every offset written before the call, by any worker, has been read. */
  refresh(): Promise<void> {
    return this.#log.readToEnd();
  }

  async stop(): Promise<void> {
    this.#logger.info('Stopping KafkaOffsetBackingStore');
    await this.#log.stop();
  }

  #read(record: LogRecord): void {
    this.#readUpTo.set(record.partition, record.offset + 1);
    this.#table.apply(record.key, record.value);
    if (record.key !== null) this.#inFlight.observed(record.key.toString('latin1'), record.partition, record.offset);
  }
}
