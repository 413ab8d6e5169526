// readConnectorConfigFile on temp files: the .properties form, the JSON request-body form
// {"name","config"} and the flat JSON form, scalar coercion, the name mismatch error, non-scalar
// values, bad JSON and a missing name.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorConfigFileError, readConnectorConfigFile } from '../../../src/config/connector-config-file.js';

let dir: string;
let counter = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'polyconnect-connector-config-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(extension: string, text: string): Promise<string> {
  const path = join(dir, `c${counter++}.${extension}`);
  await writeFile(path, text);
  return path;
}

describe('readConnectorConfigFile: .properties', () => {
  it('reads the config and its name', async () => {
    const path = await file('properties', '# source\nname=local-file-source\nconnector.class=FileStreamSource\ntasks.max=1\nfile=/tmp/in.txt\n');
    expect(await readConnectorConfigFile(path)).toEqual({
      name: 'local-file-source',
      config: { name: 'local-file-source', 'connector.class': 'FileStreamSource', 'tasks.max': '1', file: '/tmp/in.txt' },
    });
  });

  it('reads any non-.json extension as properties', async () => {
    const path = await file('conf', 'name: a\nconnector.class FileStreamSink');
    expect(await readConnectorConfigFile(path)).toEqual({ name: 'a', config: { name: 'a', 'connector.class': 'FileStreamSink' } });
  });

  it('trims the returned name', async () => {
    const path = await file('properties', 'name=spaced   \n');
    expect((await readConnectorConfigFile(path)).name).toBe('spaced');
  });

  it('requires a name', async () => {
    const path = await file('properties', 'connector.class=FileStreamSource\n');
    await expect(readConnectorConfigFile(path)).rejects.toThrow(new ConnectorConfigFileError(`${path}: the connector config has no "name"`));
    const blank = await file('properties', 'name=   \n');
    await expect(readConnectorConfigFile(blank)).rejects.toBeInstanceOf(ConnectorConfigFileError);
  });
});

describe('readConnectorConfigFile: JSON', () => {
  it('reads the request-body form and puts the name into the config', async () => {
    const path = await file('json', JSON.stringify({ name: 'sink', config: { 'connector.class': 'FileStreamSink', topics: 't' } }));
    expect(await readConnectorConfigFile(path)).toEqual({ name: 'sink', config: { 'connector.class': 'FileStreamSink', topics: 't', name: 'sink' } });
  });

  it('accepts the request-body form whose config repeats the same name', async () => {
    const path = await file('json', JSON.stringify({ name: 'sink', config: { name: 'sink', 'connector.class': 'X' } }));
    expect((await readConnectorConfigFile(path)).config).toEqual({ name: 'sink', 'connector.class': 'X' });
  });

  it('rejects a request-body form whose config names another connector', async () => {
    const path = await file('json', JSON.stringify({ name: 'outer', config: { name: 'inner', 'connector.class': 'X' } }));
    await expect(readConnectorConfigFile(path)).rejects.toThrow(new ConnectorConfigFileError(`${path}: Connector name configuration (inner) doesn't match connector name (outer)`));
  });

  it('reads the flat form', async () => {
    const path = await file('json', JSON.stringify({ name: 'flat', 'connector.class': 'FileStreamSource', file: 'in.txt' }));
    expect(await readConnectorConfigFile(path)).toEqual({ name: 'flat', config: { name: 'flat', 'connector.class': 'FileStreamSource', file: 'in.txt' } });
  });

  it('turns numbers and booleans into strings, in both forms', async () => {
    const flat = await file('json', JSON.stringify({ name: 'n', 'tasks.max': 2, 'errors.log.enable': true, ratio: 0.5 }));
    expect((await readConnectorConfigFile(flat)).config).toEqual({ name: 'n', 'tasks.max': '2', 'errors.log.enable': 'true', ratio: '0.5' });
    const wrapped = await file('json', JSON.stringify({ name: 'n', config: { 'tasks.max': 3, x: false } }));
    expect((await readConnectorConfigFile(wrapped)).config).toEqual({ 'tasks.max': '3', x: 'false', name: 'n' });
  });

  it.each([
    ['an object', { nested: { a: 1 } }, 'nested'],
    ['an array', { list: [1, 2] }, 'list'],
    ['null', { gone: null }, 'gone'],
  ])('rejects a value that is %s', async (_what, extra, key) => {
    const path = await file('json', JSON.stringify({ name: 'n', ...extra }));
    await expect(readConnectorConfigFile(path)).rejects.toThrow(new ConnectorConfigFileError(`${path}: the value of "${key}" must be a string, number or boolean`));
  });

  it('rejects non-scalar values inside the request-body form too', async () => {
    const path = await file('json', JSON.stringify({ name: 'n', config: { deep: { a: 1 } } }));
    await expect(readConnectorConfigFile(path)).rejects.toThrow('the value of "deep" must be a string, number or boolean');
  });

  it('rejects text that is not JSON, or JSON that is not an object', async () => {
    const broken = await file('json', '{"name": "x",');
    await expect(readConnectorConfigFile(broken)).rejects.toThrow(`${broken}: not valid JSON: `);
    for (const text of ['[]', '"name"', '42', 'null']) {
      const path = await file('json', text);
      await expect(readConnectorConfigFile(path)).rejects.toThrow(new ConnectorConfigFileError(`${path}: expected a JSON object`));
    }
  });

  it('requires a name in JSON as well', async () => {
    const path = await file('json', JSON.stringify({ config: { 'connector.class': 'X' } }));
    await expect(readConnectorConfigFile(path)).rejects.toThrow(`${path}: the connector config has no "name"`);
  });
});
