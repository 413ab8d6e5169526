// CompactedLog: the contract of Kafka Connect's KafkaBasedLog, which the config, offset and status
// stores are built on: a compacted topic read from the beginning and then tailed in the
// background, every record handed to the owner's callback in partition order, plus writes that
// resolve once acknowledged and readToEnd() to catch up with everything written before the call.
// KafkaBasedLog is the Kafka implementation; MemoryCompactedLog stands in for it in unit tests.

export interface LogRecord {
  readonly partition: number;
  readonly offset: number;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
}

export interface LogWrite {
  /** A string key is written as its UTF-8 bytes (Kafka's StringSerializer). */
  readonly key: Buffer | string | null;
  /** null writes a tombstone. */
  readonly value: Buffer | null;
}

export interface WrittenRecord {
  readonly partition: number;
  readonly offset: number;
}

export type RecordHandler = (record: LogRecord) => void;

export interface CompactedLog {
  readonly topic: string;
  /**
   * Reads the whole topic (from the beginning) into `onRecord`, resolves once it has read to the
   * end, and keeps reading new records in the background until stop(). Call once.
   */
  start(onRecord: RecordHandler): Promise<void>;
  /** The number of partitions read; known once started. */
  partitionCount(): number;
  /**
   * Writes one record (acks=all) and resolves once it is acknowledged. A keyed record goes to
   * the partition Java's producer would pick; a null value is a tombstone.
   */
  send(key: Buffer | string | null, value: Buffer | null): Promise<WrittenRecord>;
  /** Writes records in order, in one request where possible; resolves once all are acknowledged. */
  sendAll(records: readonly LogWrite[]): Promise<WrittenRecord[]>;
  /** Resolves once every record written to the topic before the call (by anyone) has been handed to `onRecord`. */
  readToEnd(): Promise<void>;
  /** Stops reading, waits for pending writes, disconnects. Pending readToEnd() calls reject. */
  stop(): Promise<void>;
}

/** Bytes of a record key. */
export function keyBytes(key: Buffer | string | null): Buffer | null {
  return key === null ? null : typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
}
