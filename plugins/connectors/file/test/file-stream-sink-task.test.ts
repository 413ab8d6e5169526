// FileStreamSinkTask on a real temporary file: each record value becomes one line, appended, in
// the text Java's println would print.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BigDecimal, INT32_SCHEMA, STRING_SCHEMA, SchemaBuilder, type SinkRecord, type SinkTaskContext, Struct } from '@polyconnect/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileStreamSinkTask } from '../src/file-stream-sink-task.js';
import { javaString } from '../src/java-string.js';

let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'file-sink-'));
});

afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

function record(value: unknown, offset = 0): SinkRecord {
  return {
    topic: 'connect-test',
    kafkaPartition: 0,
    kafkaOffset: offset,
    timestamp: null,
    timestampType: 'CREATE_TIME',
    keySchema: null,
    key: null,
    valueSchema: null,
    value,
    headers: [],
    originalTopic: 'connect-test',
    originalKafkaPartition: 0,
    originalKafkaOffset: offset,
  };
}

async function startTask(file: string): Promise<FileStreamSinkTask> {
  const context: SinkTaskContext = { connectorName: 'local-file-sink', taskId: 0, configs: () => ({ file }), errantRecordReporter: { report: () => undefined } };
  const task = new FileStreamSinkTask();
  task.initialize(context);
  await task.start({ file });
  return task;
}

describe('FileStreamSinkTask', () => {
  it('appends one line per record value to the file, creating it', async () => {
    const file = join(directory, 'out.txt');
    const task = await startTask(file);
    await task.put([record('alpha', 0), record('béta', 1)]);
    await task.put([]);
    await task.put([record('gamma', 2)]);
    await task.preCommit([{ topic: 'connect-test', partition: 0, offset: 3 }]);
    expect(await readFile(file, 'utf8')).toBe('alpha\nbéta\ngamma\n');
    await task.stop();
  });

  it('appends after what the file already holds', async () => {
    const file = join(directory, 'out.txt');
    await writeFile(file, 'earlier\n');
    const task = await startTask(file);
    await task.put([record('later')]);
    await task.stop();
    expect(await readFile(file, 'utf8')).toBe('earlier\nlater\n');
  });

  it('writes null values as "null" and other values as Java prints them', async () => {
    const file = join(directory, 'out.txt');
    const task = await startTask(file);
    const schema = SchemaBuilder.struct().name('Row').field('id', INT32_SCHEMA).field('name', STRING_SCHEMA).build();
    await task.put([record(null), record(42), record(1.5), record(true), record(new Map([['a', 1]])), record([1, 'b']), record(new Struct(schema).put('id', 1).put('name', 'x'))]);
    await task.stop();
    expect((await readFile(file, 'utf8')).split('\n')).toEqual(['null', '42', '1.5', 'true', '{a=1}', '[1, b]', 'Struct{id=1,name=x}', '']);
  });

  it('returns the offsets given from preCommit, after making the file durable', async () => {
    const task = await startTask(join(directory, 'out.txt'));
    await task.put([record('x')]);
    const offsets = [{ topic: 'connect-test', partition: 0, offset: 1 }];
    expect(await task.preCommit(offsets)).toEqual(offsets);
    await task.stop();
  });

  it('refuses to write after stop', async () => {
    const task = await startTask(join(directory, 'out.txt'));
    await task.stop();
    await expect(task.put([record('x')])).rejects.toThrow('is not open');
    await task.stop(); // a second stop is harmless
  });
});

describe('javaString', () => {
  it('renders values as Java\'s String.valueOf', () => {
    expect(javaString(undefined)).toBe('null');
    expect(javaString(2n ** 63n - 1n)).toBe('9223372036854775807');
    expect(javaString(1.5e-10)).toBe('1.5E-10');
    expect(javaString(Number.NaN)).toBe('NaN');
    expect(javaString(Number.NEGATIVE_INFINITY)).toBe('-Infinity');
    expect(javaString(BigDecimal.parse('1.50'))).toBe('1.50');
    expect(javaString({ k: [1, null] })).toBe('{k=[1, null]}');
    expect(javaString(Buffer.from('abcdef'))).toMatch(/^\[B@/);
  });
});
