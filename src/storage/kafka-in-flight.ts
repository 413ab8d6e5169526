// Writes a Kafka-backed store has sent but not yet read back from its topic. The store's tables
// hold exactly what the topic says (in log order, whoever wrote it); until this worker's own
// write comes back, its readers see the write instead, so that a status or offset just put is
// what the next get returns, as with the in-memory and file stores.
//
// A write is done once the log has been read past its offset: its own record came back, or
// a later one for the same key did (compaction may have removed ours in between).

export interface InFlightEntry<T> {
  readonly item: T;
  partition?: number;
  offset?: number;
}

export class InFlightWrites<T> {
  readonly #byKey = new Map<string, Array<InFlightEntry<T>>>();

  /** Registers a write of `key` about to be sent. */
  add(key: string, item: T): InFlightEntry<T> {
    const entry: InFlightEntry<T> = { item };
    let list = this.#byKey.get(key);
    if (list === undefined) this.#byKey.set(key, (list = []));
    list.push(entry);
    return entry;
  }

  /** The write was acknowledged at partition/offset; `readUpTo` is the log's position in that partition. */
  acknowledged(key: string, entry: InFlightEntry<T>, partition: number, offset: number, readUpTo: number): void {
    entry.partition = partition;
    entry.offset = offset;
    if (readUpTo > offset) this.remove(key, entry);
  }

  /** A record of `key` was read at partition/offset: every acknowledged write of it up to there is done. */
  observed(key: string, partition: number, offset: number): void {
    const list = this.#byKey.get(key);
    if (list === undefined) return;
    const still = list.filter((entry) => entry.offset === undefined || entry.partition !== partition || entry.offset > offset);
    if (still.length === 0) this.#byKey.delete(key);
    else this.#byKey.set(key, still);
  }

  /** The write failed for good. */
  remove(key: string, entry: InFlightEntry<T>): void {
    const list = this.#byKey.get(key)?.filter((candidate) => candidate !== entry);
    if (list === undefined || list.length === 0) this.#byKey.delete(key);
    else this.#byKey.set(key, list);
  }

  /** The newest pending write of `key`, if any. */
  latest(key: string): InFlightEntry<T> | undefined {
    return this.#byKey.get(key)?.at(-1);
  }

  /** The newest pending write of every key. */
  *latestItems(): Generator<[string, T]> {
    for (const [key, list] of this.#byKey) {
      const last = list.at(-1);
      if (last !== undefined) yield [key, last.item];
    }
  }

  get size(): number {
    return this.#byKey.size;
  }
}
