// An in-memory CompactedLog for unit tests of the Kafka-backed stores (and of code built on them):
// a MemoryTopic holds the records, partitioned as Java's producer would place them, and any number
// of MemoryCompactedLog instances read it, each like a worker's KafkaBasedLog: everything on
// start(), later records in the background (on a later turn of the event loop), readToEnd() to
// catch up. compact() keeps the last record per key, as the log cleaner eventually does.

import { keyBytes, type CompactedLog, type LogRecord, type LogWrite, type RecordHandler, type WrittenRecord } from './compacted-log.js';
import { javaPartitionForKey } from './java-partitioner.js';

export class MemoryTopic {
  readonly name: string;
  readonly #partitions: LogRecord[][];
  readonly #nextOffsets: number[];
  readonly #readers = new Set<() => void>();
  #roundRobin = 0;

  constructor(name: string, partitions = 1) {
    this.name = name;
    this.#partitions = Array.from({ length: partitions }, () => []);
    this.#nextOffsets = Array.from({ length: partitions }, () => 0);
  }

  get partitionCount(): number {
    return this.#partitions.length;
  }

  /** Appends a record as a producer would (any writer: another worker, Kafka Connect itself). */
  append(write: LogWrite): WrittenRecord {
    const key = keyBytes(write.key);
    const partition = key === null ? this.#roundRobin++ % this.#partitions.length : javaPartitionForKey(key, this.#partitions.length);
    const offset = this.#nextOffsets[partition]!++;
    this.#partitions[partition]!.push({ partition, offset, key, value: write.value });
    for (const wake of this.#readers) setImmediate(wake);
    return { partition, offset };
  }

  /** Records of a partition from `position` (an offset) on. */
  recordsFrom(partition: number, position: number): LogRecord[] {
    return this.#partitions[partition]!.filter((record) => record.offset >= position);
  }

  /** Every record, partition by partition. */
  records(): LogRecord[] {
    return this.#partitions.flat();
  }

  endOffset(partition: number): number {
    return this.#nextOffsets[partition]!;
  }

  /** Keeps only the last record of each key in each partition (tombstones included). */
  compact(): void {
    for (const records of this.#partitions) {
      const last = new Map<string, number>();
      records.forEach((record, index) => last.set(record.key === null ? `#${index}` : record.key.toString('latin1'), index));
      const keep = new Set(last.values());
      const kept = records.filter((_, index) => keep.has(index));
      records.splice(0, records.length, ...kept);
    }
  }

  subscribe(wake: () => void): () => void {
    this.#readers.add(wake);
    return () => this.#readers.delete(wake);
  }
}

export class MemoryCompactedLog implements CompactedLog {
  readonly topic: string;
  readonly #source: MemoryTopic;
  readonly #positions: number[];
  #onRecord: RecordHandler | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(source: MemoryTopic) {
    this.#source = source;
    this.topic = source.name;
    this.#positions = Array.from({ length: source.partitionCount }, () => 0);
  }

  async start(onRecord: RecordHandler): Promise<void> {
    this.#onRecord = onRecord;
    this.#unsubscribe = this.#source.subscribe(() => this.#pump());
    this.#pump();
  }

  partitionCount(): number {
    return this.#source.partitionCount;
  }

  async send(key: Buffer | string | null, value: Buffer | null): Promise<WrittenRecord> {
    const [written] = await this.sendAll([{ key, value }]);
    return written!;
  }

  async sendAll(records: readonly LogWrite[]): Promise<WrittenRecord[]> {
    if (this.#onRecord === undefined) throw new Error(`MemoryCompactedLog for ${this.topic} is not running`);
    return records.map((record) => this.#source.append(record));
  }

  async readToEnd(): Promise<void> {
    if (this.#onRecord === undefined) throw new Error(`MemoryCompactedLog for ${this.topic} is not running`);
    this.#pump();
  }

  async stop(): Promise<void> {
    this.#unsubscribe?.();
    this.#onRecord = undefined;
  }

  #pump(): void {
    const onRecord = this.#onRecord;
    if (onRecord === undefined) return;
    for (let partition = 0; partition < this.#positions.length; partition++) {
      for (const record of this.#source.recordsFrom(partition, this.#positions[partition]!)) {
        this.#positions[partition] = record.offset + 1;
        onRecord(record);
      }
    }
  }
}
