// validateManifest: a valid plugin.json with its defaults, then the error for each field (name,
// version, description, language, command, protocolVersions, env, connectors and each connector's
// class, type and aliases); readPluginManifest on a temp folder.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_FILE, PluginManifestError, readPluginManifest, validateManifest } from '../../../src/plugin/plugin-manifest.js';

const PATH = '/plugins/file/plugin.json';

function valid(): Record<string, unknown> {
  return {
    name: 'file',
    version: '0.1.0',
    command: ['node', 'dist/main.js'],
    connectors: [{ class: 'org.apache.kafka.connect.file.FileStreamSourceConnector', type: 'source', aliases: ['FileSource'] }],
  };
}

function errorOf(manifest: unknown): string {
  try {
    validateManifest(manifest, PATH);
  } catch (error) {
    expect(error).toBeInstanceOf(PluginManifestError);
    expect((error as Error).name).toBe('PluginManifestError');
    return (error as Error).message;
  }
  throw new Error('expected validateManifest to throw');
}

describe('validateManifest: a valid manifest', () => {
  it('fills the optional fields with their defaults', () => {
    expect(validateManifest(valid(), PATH)).toEqual({
      name: 'file',
      version: '0.1.0',
      description: '',
      language: 'unknown',
      protocolVersions: [1],
      command: ['node', 'dist/main.js'],
      env: {},
      connectors: [{ className: 'org.apache.kafka.connect.file.FileStreamSourceConnector', aliases: ['FileSource'], type: 'source' }],
    });
  });

  it('takes null optional fields as absent', () => {
    const manifest = validateManifest({ ...valid(), protocolVersions: null, env: null, connectors: [{ class: 'a.Sink', type: 'sink', aliases: null }] }, PATH);
    expect(manifest).toMatchObject({ protocolVersions: [1], env: {}, connectors: [{ className: 'a.Sink', aliases: [], type: 'sink' }] });
  });

  it('keeps the optional fields when given', () => {
    const manifest = validateManifest(
      { ...valid(), description: 'Files', language: 'go', protocolVersions: [1, 2], env: { A: 'b' }, connectors: [{ class: 'a.Sink', type: 'sink' }] },
      PATH,
    );
    expect(manifest).toMatchObject({ description: 'Files', language: 'go', protocolVersions: [1, 2], env: { A: 'b' } });
    expect(manifest.connectors).toEqual([{ className: 'a.Sink', aliases: [], type: 'sink' }]);
  });
});

describe('validateManifest: errors', () => {
  it.each([null, [], 'plugin', 3])('rejects %j as not an object', (value) => {
    expect(errorOf(value)).toBe(`${PATH}: expected a JSON object`);
  });

  it.each([undefined, '', '   ', 5])('rejects name %j', (name) => {
    expect(errorOf({ ...valid(), name })).toBe(`${PATH}: "name" must be a non-empty string`);
  });

  it.each([undefined, '', 1])('rejects version %j', (version) => {
    expect(errorOf({ ...valid(), version })).toBe(`${PATH}: "version" must be a non-empty string`);
  });

  it('rejects a description or language that is present but not a non-empty string', () => {
    expect(errorOf({ ...valid(), description: 7 })).toBe(`${PATH}: "description" must be a non-empty string`);
    expect(errorOf({ ...valid(), language: '' })).toBe(`${PATH}: "language" must be a non-empty string`);
  });

  it.each([undefined, [], 'node main.js', ['node', ''], ['node', 1]])('rejects command %j', (command) => {
    expect(errorOf({ ...valid(), command })).toBe(`${PATH}: "command" must be a non-empty array of strings, e.g. ["node", "dist/main.js"]`);
  });

  it.each([1, ['1'], [1.5], {}])('rejects protocolVersions %j', (protocolVersions) => {
    expect(errorOf({ ...valid(), protocolVersions })).toBe(`${PATH}: "protocolVersions" must be an array of integers`);
  });

  it.each(['A=b', { A: 1 }, ['A=b']])('rejects env %j', (env) => {
    expect(errorOf({ ...valid(), env })).toBe(`${PATH}: "env" must map names to strings`);
  });

  it.each([undefined, [], {}])('rejects connectors %j', (connectors) => {
    expect(errorOf({ ...valid(), connectors })).toBe(`${PATH}: "connectors" must list at least one connector class`);
  });

  it('names the connector entry whose class is missing or empty', () => {
    const first = { class: 'a.Source', type: 'source' };
    expect(errorOf({ ...valid(), connectors: [first, { type: 'sink' }] })).toBe(`${PATH}: connectors[1]: "class" must be the connector's class name`);
    expect(errorOf({ ...valid(), connectors: [{ class: '', type: 'sink' }] })).toBe(`${PATH}: connectors[0]: "class" must be the connector's class name`);
    expect(errorOf({ ...valid(), connectors: ['a.Source'] })).toBe(`${PATH}: connectors[0]: "class" must be the connector's class name`);
  });

  it.each([undefined, 'Source', 'transformation'])('rejects connector type %j', (type) => {
    expect(errorOf({ ...valid(), connectors: [{ class: 'a.B', type }] })).toBe(`${PATH}: connectors[0]: "type" must be "source" or "sink"`);
  });

  it.each(['Alias', [1], { a: 'b' }])('rejects connector aliases %j', (aliases) => {
    expect(errorOf({ ...valid(), connectors: [{ class: 'a.B', type: 'sink', aliases }] })).toBe(`${PATH}: connectors[0]: "aliases" must be an array of strings`);
  });
});

describe('readPluginManifest', () => {
  it('reads plugin.json from a folder and reports the folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'polyconnect-manifest-'));
    try {
      await writeFile(join(dir, MANIFEST_FILE), JSON.stringify(valid()));
      const plugin = await readPluginManifest(dir);
      expect(plugin.directory).toBe(dir);
      expect(plugin.manifest.name).toBe('file');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports unreadable or invalid JSON with the manifest path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'polyconnect-manifest-'));
    try {
      const path = join(dir, MANIFEST_FILE);
      await expect(readPluginManifest(dir)).rejects.toThrow(`${path}: cannot read the plugin manifest: `);
      await writeFile(path, '{ nope');
      await expect(readPluginManifest(dir)).rejects.toThrow(PluginManifestError);
      await writeFile(path, JSON.stringify({ ...valid(), command: [] }));
      await expect(readPluginManifest(dir)).rejects.toThrow(`${path}: "command" must be`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
