// MemoryStatusStore: connector and task statuses, tasks listed in id order, a task status
// overwritten, retainTasks dropping ids at or above the count, removeConnector forgetting both.

import { describe, expect, it } from 'vitest';
import { MemoryStatusStore } from '../../../src/storage/status-store.js';

const RUNNING = { state: 'RUNNING', workerId: 'w1:8083' } as const;

describe('MemoryStatusStore', () => {
  it('knows nothing about a connector it was not told about', () => {
    const store = new MemoryStatusStore();
    expect(store.connector('x')).toBeUndefined();
    expect(store.tasks('x')).toEqual([]);
    expect(store.task('x', 0)).toBeUndefined();
  });

  it('stores and replaces a connector status, with its trace', () => {
    const store = new MemoryStatusStore();
    store.putConnector('c', RUNNING);
    expect(store.connector('c')).toEqual(RUNNING);
    store.putConnector('c', { state: 'FAILED', workerId: 'w1:8083', trace: 'Error: boom\n    at x' });
    expect(store.connector('c')).toEqual({ state: 'FAILED', workerId: 'w1:8083', trace: 'Error: boom\n    at x' });
  });

  it('lists tasks in id order whatever order they were put in, each with its id', () => {
    const store = new MemoryStatusStore();
    for (const id of [10, 2, 0, 1]) store.putTask('c', id, { state: 'RUNNING', workerId: `w${id}` });
    expect(store.tasks('c')).toEqual([
      { id: 0, state: 'RUNNING', workerId: 'w0' },
      { id: 1, state: 'RUNNING', workerId: 'w1' },
      { id: 2, state: 'RUNNING', workerId: 'w2' },
      { id: 10, state: 'RUNNING', workerId: 'w10' },
    ]);
    expect(store.task('c', 2)).toEqual({ id: 2, state: 'RUNNING', workerId: 'w2' });
  });

  it('replaces a task status put again', () => {
    const store = new MemoryStatusStore();
    store.putTask('c', 0, RUNNING);
    store.putTask('c', 0, { state: 'PAUSED', workerId: 'w2:8083' });
    expect(store.tasks('c')).toEqual([{ id: 0, state: 'PAUSED', workerId: 'w2:8083' }]);
  });

  it('keeps tasks of different connectors apart, and tasks without a connector status', () => {
    const store = new MemoryStatusStore();
    store.putTask('a', 0, RUNNING);
    store.putTask('b', 1, RUNNING);
    expect(store.tasks('a').map((t) => t.id)).toEqual([0]);
    expect(store.tasks('b').map((t) => t.id)).toEqual([1]);
    expect(store.connector('a')).toBeUndefined();
  });

  it('retainTasks forgets task ids at or above the count and keeps the rest', () => {
    const store = new MemoryStatusStore();
    for (const id of [0, 1, 2, 3]) store.putTask('c', id, RUNNING);
    store.putTask('other', 3, RUNNING);
    store.retainTasks('c', 2);
    expect(store.tasks('c').map((t) => t.id)).toEqual([0, 1]);
    expect(store.task('c', 2)).toBeUndefined();
    expect(store.task('other', 3)).toBeDefined();
    store.retainTasks('c', 0);
    expect(store.tasks('c')).toEqual([]);
  });

  it('retainTasks on an unknown connector does nothing', () => {
    const store = new MemoryStatusStore();
    store.retainTasks('nobody', 0);
    expect(store.tasks('nobody')).toEqual([]);
  });

  it('removeConnector forgets the connector and its tasks, and only them', () => {
    const store = new MemoryStatusStore();
    store.putConnector('a', RUNNING);
    store.putTask('a', 0, RUNNING);
    store.putConnector('b', RUNNING);
    store.putTask('b', 0, RUNNING);
    store.removeConnector('a');
    expect(store.connector('a')).toBeUndefined();
    expect(store.tasks('a')).toEqual([]);
    expect(store.connector('b')).toEqual(RUNNING);
    expect(store.tasks('b')).toHaveLength(1);
    store.removeConnector('never-there');
  });
});
