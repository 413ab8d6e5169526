// LineReader: lines end at "\n", "\r\n" or "\r", whatever way the bytes arrive (chunk boundaries
// anywhere, a "\r" as the last byte read, multi-byte characters cut in two), and each line carries
// the byte position just after its terminator.

import { appendFile, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Line, LineReader } from '../src/line-reader.js';

/** A file that hands out at most `chunk` bytes per read and can grow, as a FileHandle. */
class ChunkedFile {
  data: Buffer;
  reads = 0;
  constructor(
    data: string | Buffer,
    readonly chunk: number,
  ) {
    this.data = Buffer.from(data);
  }
  append(more: string | Buffer): void {
    this.data = Buffer.concat([this.data, Buffer.from(more)]);
  }
  async read(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesRead: number; buffer: Buffer }> {
    this.reads++;
    const bytesRead = Math.max(0, Math.min(length, this.chunk, this.data.length - position));
    this.data.copy(buffer, offset, position, position + bytesRead);
    return { bytesRead, buffer };
  }
  async close(): Promise<void> {}
  handle(): FileHandle {
    return this as unknown as FileHandle;
  }
}

function reader(data: string | Buffer, chunk = 1 << 20, start = 0): LineReader {
  return new LineReader(new ChunkedFile(data, chunk).handle(), start);
}

async function readAll(lineReader: LineReader, max = 1_000_000): Promise<Line[]> {
  const lines: Line[] = [];
  for (;;) {
    const batch = await lineReader.read(max);
    if (batch.length === 0) return lines;
    lines.push(...batch);
  }
}

describe('line terminators', () => {
  it('splits on \\n, \\r\\n and \\r and drops the terminators', async () => {
    expect(await readAll(reader('a\nb\r\nc\rd\n'))).toEqual([
      { text: 'a', position: 2 },
      { text: 'b', position: 5 },
      { text: 'c', position: 7 },
      { text: 'd', position: 9 },
    ]);
  });

  it('returns empty lines for consecutive terminators', async () => {
    expect(await readAll(reader('\n\n\r\n\r\rx\n'))).toEqual([
      { text: '', position: 1 },
      { text: '', position: 2 },
      { text: '', position: 4 },
      { text: '', position: 5 },
      { text: '', position: 6 },
      { text: 'x', position: 8 },
    ]);
  });

  it('keeps a last line without terminator until its terminator arrives', async () => {
    const file = new ChunkedFile('a\nhalf', 1024);
    const lineReader = new LineReader(file.handle(), 0);
    expect(await lineReader.read(10)).toEqual([{ text: 'a', position: 2 }]);
    expect(await lineReader.read(10)).toEqual([]);
    file.append(' line\n');
    expect(await lineReader.read(10)).toEqual([{ text: 'half line', position: 12 }]);
  });

  it('waits after a final "\\r" to see whether "\\n" follows', async () => {
    const file = new ChunkedFile('a\r', 1024);
    const lineReader = new LineReader(file.handle(), 0);
    expect(await lineReader.read(10)).toEqual([]);
    file.append('\nb\r');
    expect(await lineReader.read(10)).toEqual([{ text: 'a', position: 3 }]);
    file.append('c\n');
    expect(await lineReader.read(10)).toEqual([
      { text: 'b', position: 5 },
      { text: 'c', position: 7 },
    ]);
  });
});

describe('chunk boundaries', () => {
  const samples = [
    'one\ntwo\r\nthree\rfour\n',
    '\r\n\r\n\r\r\n\n',
    'a\rb\rc\rd\r\n',
    'x'.repeat(100) + '\r\n' + 'y'.repeat(37) + '\r' + 'z\n',
    'héllo wörld 😀\r\n日本語のテキスト\rΩ\n',
  ];

  it('give the same lines and positions for every chunk size', async () => {
    for (const sample of samples) {
      const expected = await readAll(reader(sample));
      expect(expected.length).toBeGreaterThan(0);
      for (let chunk = 1; chunk <= Buffer.byteLength(sample); chunk++) {
        expect(await readAll(reader(sample, chunk)), `chunk ${chunk} of ${JSON.stringify(sample)}`).toEqual(expected);
      }
    }
  });

  it('join a "\\r\\n" split between two reads into one terminator', async () => {
    // The first read ends right after "\r": the next read brings the "\n".
    expect(await readAll(reader('ab\r\ncd\n', 3))).toEqual([
      { text: 'ab', position: 4 },
      { text: 'cd', position: 7 },
    ]);
  });

  it('decode multi-byte characters cut in two by a read', async () => {
    const text = 'żółć 😀 日本\n';
    for (let chunk = 1; chunk <= 4; chunk++) {
      expect(await readAll(reader(text, chunk))).toEqual([{ text: 'żółć 😀 日本', position: Buffer.byteLength(text) }]);
    }
  });

  it('count positions in bytes, not characters', async () => {
    const lines = await readAll(reader('é\n😀\nz\n'));
    expect(lines.map((line) => line.position)).toEqual([3, 8, 10]);
  });
});

describe('batches and resuming', () => {
  it('returns at most max lines per read and the rest on the next reads', async () => {
    const lineReader = reader('1\n2\n3\n4\n5\n');
    expect((await lineReader.read(2)).map((line) => line.text)).toEqual(['1', '2']);
    expect((await lineReader.read(2)).map((line) => line.text)).toEqual(['3', '4']);
    expect((await lineReader.read(2)).map((line) => line.text)).toEqual(['5']);
    expect(await lineReader.read(2)).toEqual([]);
  });

  it('finds every "\\r" line when a batch fills up on a "\\r" line (regression)', async () => {
    const lineReader = reader('a\rb\rc\rd\n');
    const texts: string[] = [];
    for (let i = 0; i < 4; i++) texts.push(...(await lineReader.read(1)).map((line) => line.text));
    expect(texts).toEqual(['a', 'b', 'c', 'd']);
  });

  it('starts at a byte position and reports positions from the file start', async () => {
    expect(await readAll(reader('skip\nkeep\nalso\n', 1024, 5))).toEqual([
      { text: 'keep', position: 10 },
      { text: 'also', position: 15 },
    ]);
  });

  it('resumes exactly where a position says, through a multi-byte text', async () => {
    const text = 'ü1\nü2\r\nü3\rü4\n';
    const all = await readAll(reader(text));
    for (const [i, line] of all.entries()) {
      expect((await readAll(reader(text, 2, line.position))).map((l) => l.text)).toEqual(all.slice(i + 1).map((l) => l.text));
    }
  });
});

describe('real files', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'line-reader-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('reads a 1,000,000-byte line whole, and the lines around it', async () => {
    const path = join(directory, 'long.txt');
    const long = 'a'.repeat(999_999) + 'é'; // 1,000,001 bytes with a two-byte character at the end
    await writeFile(path, `first\n${long}\r\nlast\n`);
    const lineReader = new LineReader(await open(path, 'r'), 0);
    try {
      const lines = await readAll(lineReader, 10);
      expect(lines.map((line) => line.text.length)).toEqual([5, 1_000_000, 4]);
      expect(lines[1]?.text).toBe(long);
      expect(lines.map((line) => line.position)).toEqual([6, 6 + 1_000_001 + 2, 6 + 1_000_001 + 2 + 5]);
    } finally {
      await lineReader.close();
    }
  });

  it('reads a 1,000,000-byte line that arrives in 64 KiB pieces', async () => {
    const long = 'b'.repeat(1_000_000);
    const file = new ChunkedFile(`${long}\n`, 64 * 1024);
    const lines = await readAll(new LineReader(file.handle(), 0));
    expect(lines).toHaveLength(1);
    expect(lines[0]?.text).toBe(long);
    expect(lines[0]?.position).toBe(1_000_001);
  });

  it('sees lines appended to a file after it reached the end', async () => {
    const path = join(directory, 'growing.txt');
    await writeFile(path, 'one\n');
    const lineReader = new LineReader(await open(path, 'r'), 0);
    try {
      expect(await lineReader.read(10)).toEqual([{ text: 'one', position: 4 }]);
      expect(await lineReader.read(10)).toEqual([]);
      await appendFile(path, 'two\r\nthr');
      expect(await lineReader.read(10)).toEqual([{ text: 'two', position: 9 }]);
      await appendFile(path, 'ee\n');
      expect(await lineReader.read(10)).toEqual([{ text: 'three', position: 15 }]);
    } finally {
      await lineReader.close();
    }
  });
});
