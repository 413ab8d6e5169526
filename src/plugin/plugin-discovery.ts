// Finds plugins on plugin.path: each entry may itself be a plugin folder (holding plugin.json) or
// a folder of plugin folders, as Kafka's plugin.path holds one folder per plugin. Broken manifests
// are reported, not fatal: one bad plugin must not stop the worker.

import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MANIFEST_FILE, type DiscoveredPlugin, readPluginManifest } from './plugin-manifest.js';

export interface DiscoveryResult {
  plugins: DiscoveredPlugin[];
  problems: string[];
}

export async function discoverPlugins(pluginPath: readonly string[]): Promise<DiscoveryResult> {
  const plugins: DiscoveredPlugin[] = [];
  const problems: string[] = [];
  for (const entry of pluginPath) {
    const directory = resolve(entry);
    if (!(await isDirectory(directory))) {
      problems.push(`plugin.path entry ${directory} is not a directory`);
      continue;
    }
    const candidates = (await exists(join(directory, MANIFEST_FILE)))
      ? [directory]
      : (await readdir(directory, { withFileTypes: true })).filter((child) => child.isDirectory()).map((child) => join(directory, child.name)).sort();
    for (const candidate of candidates) {
      if (!(await exists(join(candidate, MANIFEST_FILE)))) continue;
      try {
        plugins.push(await readPluginManifest(candidate));
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
  }
  return { plugins, problems };
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined)) !== undefined;
}
