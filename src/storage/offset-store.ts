// The offset backing store contract (Kafka's OffsetBackingStore, narrowed to what the worker uses):
// source offsets keyed by connector and source partition. Standalone keeps them in a file;
// distributed mode keeps them in the offset topic behind the same interface (KafkaOffsetStore).

import type { SourceMap } from '../data/index.js';

export interface SourceOffsetRecord {
  readonly partition: SourceMap;
  /** null removes the partition's offset (a tombstone). */
  readonly offset: SourceMap | null;
}

export interface OffsetStore {
  start(): Promise<void>;
  /** Every partition's offset a connector has stored. */
  offsets(connector: string): SourceOffsetRecord[];
  /** Stores offsets durably; resolves once they would survive a crash. */
  write(connector: string, offsets: readonly SourceOffsetRecord[]): Promise<void>;
  /**
   * Catches up with offsets other workers wrote before the call (stores shared between workers,
   * such as the offsets topic); absent where every write is local.
   */
  refresh?(): Promise<void>;
  stop(): Promise<void>;
}
