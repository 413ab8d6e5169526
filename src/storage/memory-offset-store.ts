// An offset store that forgets on exit: standalone mode without offset.storage.file.filename,
// and unit tests.

import type { OffsetStore, SourceOffsetRecord } from './offset-store.js';

export class MemoryOffsetStore implements OffsetStore {
  readonly #offsets = new Map<string, Map<string, SourceOffsetRecord>>();

  async start(): Promise<void> {}

  offsets(connector: string): SourceOffsetRecord[] {
    return [...(this.#offsets.get(connector)?.values() ?? [])];
  }

  async write(connector: string, offsets: readonly SourceOffsetRecord[]): Promise<void> {
    let byPartition = this.#offsets.get(connector);
    if (byPartition === undefined) this.#offsets.set(connector, (byPartition = new Map()));
    for (const record of offsets) {
      const key = JSON.stringify(record.partition);
      if (record.offset === null) byPartition.delete(key);
      else byPartition.set(key, record);
    }
  }

  async stop(): Promise<void> {}
}
