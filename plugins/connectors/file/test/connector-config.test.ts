// The FileStream connectors' configuration: Kafka's keys and defaults, the errors for missing or
// bad values (at validation and at start), the task configs, and class names and aliases that
// match plugin.json.

import { readFile } from 'node:fs/promises';
import type { ConfigValueResult } from '@polyconnect/sdk';
import { describe, expect, it } from 'vitest';
import { FileStreamSinkConnector } from '../src/file-stream-sink-connector.js';
import { FileStreamSinkTask } from '../src/file-stream-sink-task.js';
import { FileStreamSourceConnector } from '../src/file-stream-source-connector.js';
import { FileStreamSourceTask } from '../src/file-stream-source-task.js';

function errorsByKey(results: ConfigValueResult[]): Record<string, string[]> {
  return Object.fromEntries(results.map((result) => [result.name, result.errors]));
}

describe('FileStreamSourceConnector', () => {
  it('defines Kafka\'s keys: file (default null), topic (required), batch.size (default 2000)', () => {
    const keys = new FileStreamSourceConnector().config().keys();
    expect(keys.map((key) => [key.name, key.type, key.required, key.defaultValue])).toEqual([
      ['file', 'STRING', false, null],
      ['topic', 'STRING', true, expect.anything()],
      ['batch.size', 'INT', false, 2000],
    ]);
  });

  it('validation reports a missing file and a missing topic', async () => {
    const errors = errorsByKey(await new FileStreamSourceConnector().validate({}));
    expect(errors).toEqual({
      file: ['Missing required configuration "file" which has no default value.'],
      topic: ['Missing required configuration "topic" which has no default value.'],
      'batch.size': [],
    });
  });

  it('validation reports an empty topic and a batch.size below 1 or not a number', async () => {
    const connector = new FileStreamSourceConnector();
    expect(errorsByKey(await connector.validate({ file: 'f', topic: '', 'batch.size': '0' }))).toEqual({
      file: [],
      topic: ['Invalid value  for configuration topic: String must be non-empty'],
      'batch.size': ['Invalid value 0 for configuration batch.size: Value must be at least 1'],
    });
    expect(errorsByKey(await connector.validate({ file: 'f', topic: 't', 'batch.size': 'ten' }))['batch.size']).toEqual([
      'Invalid value ten for configuration batch.size: Not a number of type INT',
    ]);
  });

  it('start refuses a missing file or topic with the same messages', () => {
    expect(() => new FileStreamSourceConnector().start({ topic: 't' })).toThrow('Missing required configuration "file" which has no default value.');
    expect(() => new FileStreamSourceConnector().start({ file: '  ', topic: 't' })).toThrow('Missing required configuration "file"');
    expect(() => new FileStreamSourceConnector().start({ file: 'f' })).toThrow('Missing required configuration "topic" which has no default value.');
  });

  it('gives exactly one task config, whatever tasks.max says, with defaults filled in', () => {
    const connector = new FileStreamSourceConnector();
    connector.start({ name: 'local-file-source', 'connector.class': 'FileStreamSource', 'tasks.max': '4', file: ' test.txt ', topic: 'connect-test' });
    expect(connector.taskConfigs()).toEqual([{ file: 'test.txt', topic: 'connect-test', 'batch.size': '2000' }]);
    expect(connector.taskClass()).toBe(FileStreamSourceTask);
  });
});

describe('FileStreamSinkConnector', () => {
  it('defines Kafka\'s key: file (default null)', () => {
    const keys = new FileStreamSinkConnector().config().keys();
    expect(keys.map((key) => [key.name, key.type, key.required, key.defaultValue])).toEqual([['file', 'STRING', false, null]]);
  });

  it('validation and start report a missing file', async () => {
    expect(errorsByKey(await new FileStreamSinkConnector().validate({ topics: 't' }))).toEqual({
      file: ['Missing required configuration "file" which has no default value.'],
    });
    expect(errorsByKey(await new FileStreamSinkConnector().validate({ file: 'out.txt' }))).toEqual({ file: [] });
    expect(() => new FileStreamSinkConnector().start({ topics: 't' })).toThrow('Missing required configuration "file" which has no default value.');
  });

  it('gives tasks.max copies of its config', () => {
    const connector = new FileStreamSinkConnector();
    const config = { name: 'local-file-sink', 'connector.class': 'FileStreamSink', topics: 'connect-test', file: 'test.sink.txt' };
    connector.start(config);
    expect(connector.taskConfigs(3)).toEqual([config, config, config]);
    expect(connector.taskClass()).toBe(FileStreamSinkTask);
  });
});

describe('class names and aliases', () => {
  it('are Kafka\'s, and the same in the code as in plugin.json', async () => {
    const manifest = JSON.parse(await readFile(new URL('../plugin.json', import.meta.url), 'utf8')) as {
      name: string;
      connectors: Array<{ class: string; aliases: string[]; type: string }>;
    };
    expect(manifest.name).toBe('file');
    const fromCode = [FileStreamSourceConnector, FileStreamSinkConnector].map((type) => ({
      class: type.className,
      aliases: [...type.aliases],
      type: new type().type,
    }));
    expect(fromCode).toEqual(manifest.connectors);
    expect(fromCode.map((c) => [c.class, c.aliases])).toEqual([
      ['org.apache.kafka.connect.file.FileStreamSourceConnector', ['FileStreamSource']],
      ['org.apache.kafka.connect.file.FileStreamSinkConnector', ['FileStreamSink']],
    ]);
    expect(FileStreamSourceTask.className).toBe('org.apache.kafka.connect.file.FileStreamSourceTask');
    expect(FileStreamSinkTask.className).toBe('org.apache.kafka.connect.file.FileStreamSinkTask');
  });
});
