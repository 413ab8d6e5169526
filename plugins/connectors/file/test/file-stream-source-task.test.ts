// FileStreamSourceTask on real temporary files, called directly with a fake context: records and
// their offsets, batch.size, resuming from a committed position, waiting for data and for the file.

import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SourceMap, SourceRecord, SourceTaskContext } from '@polyconnect/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileStreamSourceTask } from '../src/file-stream-source-task.js';

let directory: string;
let tasks: FileStreamSourceTask[];

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'file-source-'));
  tasks = [];
});

afterEach(async () => {
  await Promise.all(tasks.map((task) => task.stop()));
  await rm(directory, { recursive: true, force: true });
});

function startTask(config: Record<string, string>, committed: Record<string, SourceMap> = {}): FileStreamSourceTask {
  const asked: SourceMap[] = [];
  const context: SourceTaskContext = {
    connectorName: 'local-file-source',
    taskId: 0,
    configs: () => config,
    offsetStorageReader: {
      offset: (partition) => {
        asked.push(partition);
        return committed[JSON.stringify(partition)] ?? null;
      },
    },
  };
  const task = new FileStreamSourceTask();
  task.initialize(context);
  task.start(config);
  tasks.push(task);
  return task;
}

async function pollUntil(task: FileStreamSourceTask, count: number): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for (let i = 0; i < 50 && records.length < count; i++) records.push(...((await task.poll()) ?? []));
  return records;
}

describe('FileStreamSourceTask', () => {
  it('turns each line into a STRING record with the file partition and the byte position after the line', async () => {
    const file = join(directory, 'in.txt');
    await writeFile(file, 'alpha\r\nbéta\ngamma\r');
    const task = startTask({ file, topic: 'connect-test' });
    const records = (await task.poll()) ?? [];
    // "gamma\r" waits: a "\n" may follow.
    expect(records.map((record) => record.value)).toEqual(['alpha', 'béta']);
    for (const record of records) {
      expect(record.topic).toBe('connect-test');
      expect(record.valueSchema?.type).toBe('STRING');
      expect(record.valueSchema?.optional).toBe(false);
      expect(record.key ?? null).toBeNull();
      expect(record.kafkaPartition ?? null).toBeNull();
      expect(record.sourcePartition).toEqual({ filename: file });
      expect(typeof record.timestamp).toBe('number');
    }
    expect(records.map((record) => record.sourceOffset)).toEqual([{ position: 7 }, { position: 13 }]);
  });

  it('asks the offset reader for {"filename": file}', async () => {
    const file = join(directory, 'in.txt');
    await writeFile(file, 'x\n');
    const committed = { [JSON.stringify({ filename: file })]: { position: 2 } };
    const task = startTask({ file, topic: 't' }, committed);
    expect(await task.poll()).toBeNull(); // nothing after position 2
  });

  it('returns at most batch.size records per poll', async () => {
    const file = join(directory, 'in.txt');
    await writeFile(file, Array.from({ length: 7 }, (_, i) => `line ${i}\n`).join(''));
    const task = startTask({ file, topic: 't', 'batch.size': '3' });
    expect((await task.poll())?.map((record) => record.value)).toEqual(['line 0', 'line 1', 'line 2']);
    expect((await task.poll())?.map((record) => record.value)).toEqual(['line 3', 'line 4', 'line 5']);
    expect((await task.poll())?.map((record) => record.value)).toEqual(['line 6']);
  });

  it('resumes after a committed position, as a restarted task does', async () => {
    const file = join(directory, 'in.txt');
    await writeFile(file, 'ünö\ndos\ntres\n');
    const first = startTask({ file, topic: 't', 'batch.size': '1' });
    const [record] = (await first.poll()) ?? [];
    expect(record?.value).toBe('ünö');
    await first.stop();
    const committed = { [JSON.stringify({ filename: file })]: record!.sourceOffset! };
    const restarted = startTask({ file, topic: 't' }, committed);
    const records = (await restarted.poll()) ?? [];
    expect(records.map((r) => r.value)).toEqual(['dos', 'tres']);
    expect(records.map((r) => r.sourceOffset)).toEqual([{ position: 10 }, { position: 15 }]);
  });

  it('returns null while there is nothing new, then the lines appended later', async () => {
    const file = join(directory, 'in.txt');
    await writeFile(file, 'first\n');
    const task = startTask({ file, topic: 't' });
    expect((await task.poll())?.length).toBe(1);
    const started = Date.now();
    expect(await task.poll()).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(150); // it waited a little before answering
    await appendFile(file, 'second\nthird\n');
    expect((await task.poll())?.map((record) => [record.value, record.sourceOffset])).toEqual([
      ['second', { position: 13 }],
      ['third', { position: 19 }],
    ]);
  });

  it('waits for a file that does not exist yet, and reads it once created', async () => {
    const file = join(directory, 'later.txt');
    const task = startTask({ file, topic: 't' });
    const waiting = task.poll();
    await writeFile(file, 'arrived\n');
    expect(await waiting).toBeNull();
    expect((await pollUntil(task, 1)).map((record) => record.value)).toEqual(['arrived']);
  });

  it('answers a poll promptly when stopped while it waits', async () => {
    const task = startTask({ file: join(directory, 'never.txt'), topic: 't' });
    const started = Date.now();
    const waiting = task.poll();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await task.stop();
    expect(await waiting).toBeNull();
    expect(Date.now() - started).toBeLessThan(900);
    expect(await task.poll()).toBeNull();
  });

  it('refuses a committed position that is not a non-negative integer', () => {
    const file = join(directory, 'in.txt');
    for (const position of [-1, 'ten', 1.5]) {
      expect(() => startTask({ file, topic: 't' }, { [JSON.stringify({ filename: file })]: { position } })).toThrow(
        'Offset position is the incorrect type or negative',
      );
    }
  });

  it('refuses a config without topic, as its connector does', () => {
    expect(() => startTask({ file: join(directory, 'in.txt') })).toThrow('Missing required configuration "topic" which has no default value.');
  });
});
