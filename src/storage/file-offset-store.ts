// Standalone mode's offset store: offset.storage.file.filename. Kafka's file is Java-serialized,
// which we neither need nor want; ours is JSON lines of {"key": [connector, partition],
// "value": offset}, rewritten atomically (write a temp file, fsync, rename) on every flush so a
// crash leaves either the old or the new offsets, never half of them.

import { open, readFile, rename, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SourceMap } from '../data/index.js';
import type { OffsetStore, SourceOffsetRecord } from './offset-store.js';

interface StoredEntry {
  key: [string, SourceMap];
  value: SourceMap;
}

export class FileOffsetStore implements OffsetStore {
  readonly #path: string;
  /** connector -> partition key text -> record */
  readonly #offsets = new Map<string, Map<string, SourceOffsetRecord>>();
  #writing: Promise<void> = Promise.resolve();

  constructor(path: string) {
    this.#path = path;
  }

  async start(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.#path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    text.split('\n').forEach((line, index) => {
      if (line.trim() === '') return;
      let entry: StoredEntry;
      try {
        entry = JSON.parse(line) as StoredEntry;
        if (!isStoredEntry(entry)) throw new Error('expected {"key": [connector, partition], "value": offset}');
      } catch (error) {
        throw new Error(`${this.#path}, line ${index + 1}: not a stored offset (${(error as Error).message})`);
      }
      const [connector, partition] = entry.key;
      this.#remember(connector, { partition, offset: entry.value });
    });
  }

  offsets(connector: string): SourceOffsetRecord[] {
    return [...(this.#offsets.get(connector)?.values() ?? [])];
  }

  write(connector: string, offsets: readonly SourceOffsetRecord[]): Promise<void> {
    for (const record of offsets) this.#remember(connector, record);
    const snapshot = this.#serialize();
    // Writes are serialized; each writes the whole current state.
    this.#writing = this.#writing.catch(() => undefined).then(() => this.#persist(snapshot));
    return this.#writing;
  }

  async stop(): Promise<void> {
    await this.#writing.catch(() => undefined);
  }

  #remember(connector: string, record: SourceOffsetRecord): void {
    let byPartition = this.#offsets.get(connector);
    if (byPartition === undefined) this.#offsets.set(connector, (byPartition = new Map()));
    const key = JSON.stringify(record.partition);
    if (record.offset === null) byPartition.delete(key);
    else byPartition.set(key, record);
  }

  #serialize(): string {
    const lines: string[] = [];
    for (const [connector, byPartition] of this.#offsets) {
      for (const record of byPartition.values()) lines.push(JSON.stringify({ key: [connector, record.partition], value: record.offset }));
    }
    return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
  }

  async #persist(text: string): Promise<void> {
    await mkdir(dirname(this.#path), { recursive: true });
    const temporary = `${this.#path}.tmp`;
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, this.#path);
  }
}

function isStoredEntry(entry: unknown): entry is StoredEntry {
  const isMap = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isMap(entry)) return false;
  const { key, value } = entry as Record<string, unknown>;
  return Array.isArray(key) && key.length === 2 && typeof key[0] === 'string' && isMap(key[1]) && (value === null || isMap(value));
}
