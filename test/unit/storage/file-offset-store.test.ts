// FileOffsetStore on temp files: offsets written by one instance are read by a new one; a null
// offset removes its partition; connectors are kept apart; the file is replaced through a temp file
// that is never left behind; concurrent writes all land; a missing file is empty; a corrupt line
// names the file and line.

import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileOffsetStore } from '../../../src/storage/file-offset-store.js';

let dir: string;
let path: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'polyconnect-offsets-'));
  path = join(dir, 'connect.offsets');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function reopen(): Promise<FileOffsetStore> {
  const store = new FileOffsetStore(path);
  await store.start();
  return store;
}

describe('FileOffsetStore', () => {
  it('starts empty when the file does not exist, without creating it', async () => {
    const store = await reopen();
    expect(store.offsets('any')).toEqual([]);
    await store.stop();
    expect(await readdir(dir)).toEqual([]);
  });

  it('gives a new instance the offsets an earlier one wrote', async () => {
    const store = await reopen();
    await store.write('src', [
      { partition: { filename: 'a.txt' }, offset: { position: 30 } },
      { partition: { filename: 'b.txt' }, offset: { position: 7, extra: ['x', null, true] } },
    ]);
    await store.stop();

    const again = await reopen();
    expect(again.offsets('src')).toEqual([
      { partition: { filename: 'a.txt' }, offset: { position: 30 } },
      { partition: { filename: 'b.txt' }, offset: { position: 7, extra: ['x', null, true] } },
    ]);
  });

  it('writes one JSON line per partition: {"key":[connector, partition], "value": offset}', async () => {
    const store = await reopen();
    await store.write('src', [{ partition: { filename: 'a.txt' }, offset: { position: 30 } }]);
    expect(await readFile(path, 'utf8')).toBe('{"key":["src",{"filename":"a.txt"}],"value":{"position":30}}\n');
  });

  it('replaces the offset of a partition written again', async () => {
    const store = await reopen();
    await store.write('src', [{ partition: { f: 'a' }, offset: { position: 1 } }]);
    await store.write('src', [{ partition: { f: 'a' }, offset: { position: 2 } }]);
    expect(store.offsets('src')).toEqual([{ partition: { f: 'a' }, offset: { position: 2 } }]);
    expect((await reopen()).offsets('src')).toEqual([{ partition: { f: 'a' }, offset: { position: 2 } }]);
  });

  it('removes a partition written with a null offset, in memory and on disk', async () => {
    const store = await reopen();
    await store.write('src', [
      { partition: { f: 'a' }, offset: { position: 1 } },
      { partition: { f: 'b' }, offset: { position: 2 } },
    ]);
    await store.write('src', [{ partition: { f: 'a' }, offset: null }]);
    expect(store.offsets('src')).toEqual([{ partition: { f: 'b' }, offset: { position: 2 } }]);
    expect((await reopen()).offsets('src')).toEqual([{ partition: { f: 'b' }, offset: { position: 2 } }]);

    await store.write('src', [{ partition: { f: 'b' }, offset: null }]);
    expect(await readFile(path, 'utf8')).toBe('');
    expect((await reopen()).offsets('src')).toEqual([]);
  });

  it('keeps connectors apart, even for the same partition', async () => {
    const store = await reopen();
    await store.write('one', [{ partition: { f: 'same' }, offset: { position: 1 } }]);
    await store.write('two', [{ partition: { f: 'same' }, offset: { position: 2 } }]);
    await store.write('one', [{ partition: { f: 'same' }, offset: null }]);
    const again = await reopen();
    expect(again.offsets('one')).toEqual([]);
    expect(again.offsets('two')).toEqual([{ partition: { f: 'same' }, offset: { position: 2 } }]);
    expect(again.offsets('three')).toEqual([]);
  });

  it('replaces the file through a temp file and leaves no .tmp behind', async () => {
    const store = await reopen();
    for (let i = 0; i < 5; i++) await store.write('src', [{ partition: { n: i }, offset: { position: i } }]);
    expect(await readdir(dir)).toEqual(['connect.offsets']);
  });

  it('creates missing parent folders', async () => {
    path = join(dir, 'deep', 'er', 'offsets.jsonl');
    const store = await reopen();
    await store.write('src', [{ partition: { f: 'a' }, offset: { position: 1 } }]);
    expect((await reopen()).offsets('src')).toHaveLength(1);
  });

  it('keeps every write when writes overlap, and stop() waits for them', async () => {
    const store = await reopen();
    const writes = Array.from({ length: 10 }, (_, i) => store.write(`c${i % 3}`, [{ partition: { n: i }, offset: { position: i } }]));
    await store.stop();
    await Promise.all(writes);
    const again = await reopen();
    expect(again.offsets('c0').map((r) => r.partition)).toEqual([{ n: 0 }, { n: 3 }, { n: 6 }, { n: 9 }]);
    expect(again.offsets('c1')).toHaveLength(3);
    expect(again.offsets('c2')).toHaveLength(3);
    expect(await readdir(dir)).toEqual(['connect.offsets']);
  });

  it('tells partitions apart by their JSON text', async () => {
    const store = await reopen();
    await store.write('src', [
      { partition: { n: 1 }, offset: { p: 'number' } },
      { partition: { n: '1' }, offset: { p: 'string' } },
    ]);
    expect(store.offsets('src')).toHaveLength(2);
  });

  it('skips blank lines when reading', async () => {
    await writeFile(path, '\n{"key":["src",{"f":"a"}],"value":{"position":1}}\n\n  \n');
    expect((await reopen()).offsets('src')).toEqual([{ partition: { f: 'a' }, offset: { position: 1 } }]);
  });

  it('names the file and line of a line that is not JSON', async () => {
    await writeFile(path, '{"key":["src",{"f":"a"}],"value":{"position":1}}\n{"key":["src",{"f":"b"}],"val\n');
    await expect(new FileOffsetStore(path).start()).rejects.toThrow(`${path}, line 2: not a stored offset (`);
  });

  it.each([
    ['null', 'null'],
    ['an object without key', '{"value":{"position":1}}'],
    ['a string key', '{"key":"ab","value":{"position":1}}'],
    ['a key without a partition', '{"key":["src"],"value":{"position":1}}'],
    ['an offset that is not a map', '{"key":["src",{"f":"a"}],"value":5}'],
  ])('names the file and line of a line that is JSON but not an offset entry: %s', async (_what, line) => {
    await writeFile(path, `{"key":["src",{"f":"a"}],"value":{"position":1}}\n\n${line}\n`);
    await expect(new FileOffsetStore(path).start()).rejects.toThrow(`${path}, line 3: not a stored offset`);
  });

  it('rethrows read errors other than a missing file', async () => {
    await expect(new FileOffsetStore(dir).start()).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
