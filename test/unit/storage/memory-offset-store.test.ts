// MemoryOffsetStore: offsets per connector and partition, a later write replacing an earlier one,
// a null offset removing its partition, and nothing kept across instances.

import { describe, expect, it } from 'vitest';
import { MemoryOffsetStore } from '../../../src/storage/memory-offset-store.js';

describe('MemoryOffsetStore', () => {
  it('has no offsets for a connector it never saw', async () => {
    const store = new MemoryOffsetStore();
    await store.start();
    expect(store.offsets('x')).toEqual([]);
  });

  it('returns what was written, replacing a partition written again', async () => {
    const store = new MemoryOffsetStore();
    await store.write('src', [
      { partition: { f: 'a' }, offset: { position: 1 } },
      { partition: { f: 'b' }, offset: { position: 5 } },
    ]);
    await store.write('src', [{ partition: { f: 'a' }, offset: { position: 2 } }]);
    expect(store.offsets('src')).toEqual([
      { partition: { f: 'a' }, offset: { position: 2 } },
      { partition: { f: 'b' }, offset: { position: 5 } },
    ]);
  });

  it('removes a partition written with a null offset', async () => {
    const store = new MemoryOffsetStore();
    await store.write('src', [{ partition: { f: 'a' }, offset: { position: 1 } }]);
    await store.write('src', [{ partition: { f: 'a' }, offset: null }, { partition: { f: 'never' }, offset: null }]);
    expect(store.offsets('src')).toEqual([]);
  });

  it('keeps connectors apart', async () => {
    const store = new MemoryOffsetStore();
    await store.write('one', [{ partition: { f: 'a' }, offset: { position: 1 } }]);
    await store.write('two', [{ partition: { f: 'a' }, offset: { position: 2 } }]);
    expect(store.offsets('one')).toEqual([{ partition: { f: 'a' }, offset: { position: 1 } }]);
    expect(store.offsets('two')).toEqual([{ partition: { f: 'a' }, offset: { position: 2 } }]);
  });

  it('forgets everything with the instance', async () => {
    const store = new MemoryOffsetStore();
    await store.write('src', [{ partition: { f: 'a' }, offset: { position: 1 } }]);
    await store.stop();
    expect(new MemoryOffsetStore().offsets('src')).toEqual([]);
  });

  it('returns a new array each time', async () => {
    const store = new MemoryOffsetStore();
    await store.write('src', [{ partition: { f: 'a' }, offset: { position: 1 } }]);
    store.offsets('src').pop();
    expect(store.offsets('src')).toHaveLength(1);
  });
});
