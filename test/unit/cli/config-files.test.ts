// The files the CLI reads: connector configs as .properties or .json (REST body or flat map, with
// or without a name), offsets files (REST body or bare list), and usage errors for bad ones.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromStruct } from '../../../src/api/grpc/proto-json.js';
import { UsageError } from '../../../src/cli/cli-args.js';
import { readConfigFile, readOffsetsFile } from '../../../src/cli/config-files.js';

const directory = mkdtempSync(join(tmpdir(), 'pc-cli-files-'));
function file(name: string, text: string): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
}

describe('readConfigFile', () => {
  it('reads .properties, REST-body and flat JSON, numbers and booleans as text', async () => {
    expect(await readConfigFile(file('a.properties', 'name=src\nconnector.class=FileStreamSource\ntasks.max=1\n'))).toEqual({ name: 'src', config: { name: 'src', 'connector.class': 'FileStreamSource', 'tasks.max': '1' } });
    expect(await readConfigFile(file('b.json', '{"name":"src","config":{"file":"/in","tasks.max":1,"x":true}}'))).toEqual({ name: 'src', config: { file: '/in', 'tasks.max': '1', x: 'true' } });
    expect(await readConfigFile(file('c.json', '{"name":"src","file":"/in"}'))).toEqual({ name: 'src', config: { name: 'src', file: '/in' } });
    expect(await readConfigFile(file('d.json', '{"file":"/in"}'))).toEqual({ config: { file: '/in' } });
  });

  it('refuses unreadable files, bad JSON, nested values and conflicting names', async () => {
    await expect(readConfigFile(join(directory, 'missing.json'))).rejects.toThrow(UsageError);
    await expect(readConfigFile(file('e.json', '{nope'))).rejects.toThrow(/e\.json: .*JSON/);
    await expect(readConfigFile(file('f.json', '[1]'))).rejects.toThrow(/expected a JSON object/);
    await expect(readConfigFile(file('g.json', '{"a":{"b":1}}'))).rejects.toThrow(/the value of "a" must be a string, number or boolean/);
    await expect(readConfigFile(file('h.json', '{"name":"a","config":{"name":"b"}}'))).rejects.toThrow(/differs/);
  });
});

describe('readOffsetsFile', () => {
  it('reads the REST body or a bare list, with null offsets', async () => {
    const body = await readOffsetsFile(file('o.json', '{"offsets":[{"partition":{"filename":"/in"},"offset":{"position":3}},{"partition":{"filename":"/b"},"offset":null}]}'));
    expect(body.map((o) => [fromStruct(o.partition), o.offset ? fromStruct(o.offset) : null])).toEqual([
      [{ filename: '/in' }, { position: 3 }],
      [{ filename: '/b' }, null],
    ]);
    expect(await readOffsetsFile(file('p.json', '[{"partition":{"kafka_topic":"t","kafka_partition":0},"offset":{"kafka_offset":5}}]'))).toHaveLength(1);
  });

  it('refuses other shapes', async () => {
    await expect(readOffsetsFile(file('q.json', '{"x":1}'))).rejects.toThrow(/expected \{"offsets"/);
    await expect(readOffsetsFile(file('r.json', '[{"offset":{}}]'))).rejects.toThrow(/offsets\[0\]\.partition must be an object/);
    await expect(readOffsetsFile(file('s.json', '[{"partition":{},"offset":[1]}]'))).rejects.toThrow(/offsets\[0\]\.offset must be an object or null/);
    await expect(readOffsetsFile(file('t.json', 'nope'))).rejects.toThrow(/not valid JSON/);
  });
});
