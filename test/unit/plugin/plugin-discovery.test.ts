// discoverPlugins over temp folders: a plugin folder directly on plugin.path, a folder of plugin
// folders (sorted, folders without plugin.json and loose files skipped), a broken manifest reported
// in problems without stopping discovery, and plugin.path entries that are files or missing.

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoverPlugins } from '../../../src/plugin/plugin-discovery.js';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'polyconnect-discovery-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function pluginFolder(path: string, name: string, manifest?: unknown): Promise<string> {
  const dir = join(root, path);
  await mkdir(dir, { recursive: true });
  const body = manifest ?? { name, version: '1.0.0', command: ['node', 'main.js'], connectors: [{ class: `com.example.${name}.SourceConnector`, type: 'source' }] };
  await writeFile(join(dir, 'plugin.json'), typeof body === 'string' ? body : JSON.stringify(body));
  return dir;
}

describe('discoverPlugins', () => {
  it('takes a plugin.path entry holding plugin.json as one plugin, without looking inside it', async () => {
    const dir = await pluginFolder('single', 'single');
    await pluginFolder('single/nested', 'nested');
    const result = await discoverPlugins([dir]);
    expect(result.problems).toEqual([]);
    expect(result.plugins.map((p) => p.manifest.name)).toEqual(['single']);
    expect(result.plugins[0]!.directory).toBe(dir);
  });

  it('takes each plugin folder inside a folder of plugins, in name order', async () => {
    await pluginFolder('all/zeta', 'zeta');
    await pluginFolder('all/alpha', 'alpha');
    await pluginFolder('all/mid', 'mid');
    await mkdir(join(root, 'all/not-a-plugin'));
    await writeFile(join(root, 'all/README.txt'), 'just a file');
    const result = await discoverPlugins([join(root, 'all')]);
    expect(result.problems).toEqual([]);
    expect(result.plugins.map((p) => p.manifest.name)).toEqual(['alpha', 'mid', 'zeta']);
    expect(result.plugins.map((p) => p.directory)).toEqual([join(root, 'all/alpha'), join(root, 'all/mid'), join(root, 'all/zeta')]);
  });

  it('reports a broken manifest in problems and keeps the other plugins', async () => {
    await pluginFolder('all/a-good', 'good');
    await pluginFolder('all/b-bad-json', 'x', '{ not json');
    await pluginFolder('all/c-invalid', 'x', { name: 'invalid', version: '1', command: [], connectors: [] });
    await pluginFolder('all/d-good', 'also-good');
    const result = await discoverPlugins([join(root, 'all')]);
    expect(result.plugins.map((p) => p.manifest.name)).toEqual(['good', 'also-good']);
    expect(result.problems).toHaveLength(2);
    expect(result.problems[0]).toMatch(new RegExp(`^${join(root, 'all/b-bad-json/plugin.json')}: cannot read the plugin manifest: `));
    expect(result.problems[1]).toBe(`${join(root, 'all/c-invalid/plugin.json')}: "command" must be a non-empty array of strings, e.g. ["node", "dist/main.js"]`);
  });

  it('reports entries that are files or do not exist, and goes on with the others', async () => {
    const file = join(root, 'plugin.jar');
    await writeFile(file, 'not a folder');
    const missing = join(root, 'missing');
    const good = await pluginFolder('good', 'good');
    const result = await discoverPlugins([file, missing, good]);
    expect(result.plugins.map((p) => p.manifest.name)).toEqual(['good']);
    expect(result.problems).toEqual([`plugin.path entry ${file} is not a directory`, `plugin.path entry ${missing} is not a directory`]);
  });

  it('resolves relative entries to absolute directories', async () => {
    const dir = await pluginFolder('rel', 'rel');
    const result = await discoverPlugins([relative(process.cwd(), dir)]);
    expect(result.plugins[0]!.directory).toBe(dir);
  });

  it('keeps plugin.path order across entries, and finds nothing in an empty path or folder', async () => {
    const second = await pluginFolder('b/second', 'second');
    const first = await pluginFolder('a/first', 'first');
    await mkdir(join(root, 'empty'));
    const result = await discoverPlugins([second, join(root, 'empty'), first]);
    expect(result.plugins.map((p) => p.manifest.name)).toEqual(['second', 'first']);
    expect(result.problems).toEqual([]);
    expect(await discoverPlugins([])).toEqual({ plugins: [], problems: [] });
  });
});
