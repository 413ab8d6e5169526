// plugin.json: what a plugin folder declares, read and checked without launching anything, so
// the worker can list connector classes and know how to start the plugin process.
//
//   { "name": "file", "version": "0.1.0", "language": "typescript", "protocolVersions": [1],
//     "command": ["node", "dist/main.js"],
//     "connectors": [{ "class": "org.apache.kafka.connect.file.FileStreamSourceConnector",
//                      "aliases": ["FileStreamSource"], "type": "source" }] }

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const MANIFEST_FILE = 'plugin.json';

export interface ConnectorDeclaration {
  readonly className: string;
  readonly aliases: readonly string[];
  readonly type: 'source' | 'sink';
}

export interface PluginManifest {
  readonly name: string;
  readonly version: string;
  readonly description: string;
  readonly language: string;
  readonly protocolVersions: readonly number[];
  /** argv of the plugin process, relative to the plugin folder; "node" means the worker's own Node.js. */
  readonly command: readonly string[];
  /** Extra environment variables for the plugin process. */
  readonly env: Readonly<Record<string, string>>;
  readonly connectors: readonly ConnectorDeclaration[];
}

export interface DiscoveredPlugin {
  readonly manifest: PluginManifest;
  /** Absolute path of the plugin folder; the command runs there. */
  readonly directory: string;
}

export class PluginManifestError extends Error {
  override name = 'PluginManifestError';
}

export async function readPluginManifest(directory: string): Promise<DiscoveredPlugin> {
  const path = join(directory, MANIFEST_FILE);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new PluginManifestError(`${path}: cannot read the plugin manifest: ${(error as Error).message}`);
  }
  return { manifest: validateManifest(parsed, path), directory };
}

export function validateManifest(value: unknown, path: string): PluginManifest {
  const fail = (message: string): never => {
    throw new PluginManifestError(`${path}: ${message}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('expected a JSON object');
  const object = value as Record<string, unknown>;
  const string = (key: string, required: boolean): string => {
    const field = object[key];
    if (field === undefined && !required) return '';
    if (typeof field !== 'string' || field.trim() === '') return fail(`"${key}" must be a non-empty string`);
    return field;
  };
  const command = object.command;
  if (!Array.isArray(command) || command.length === 0 || !command.every((part) => typeof part === 'string' && part !== '')) {
    fail('"command" must be a non-empty array of strings, e.g. ["node", "dist/main.js"]');
  }
  const protocolVersions = object.protocolVersions ?? [1];
  if (!Array.isArray(protocolVersions) || !protocolVersions.every((v) => Number.isInteger(v))) fail('"protocolVersions" must be an array of integers');
  const env = object.env ?? {};
  if (typeof env !== 'object' || env === null || Array.isArray(env) || Object.values(env).some((v) => typeof v !== 'string')) fail('"env" must map names to strings');
  const connectors = object.connectors;
  if (!Array.isArray(connectors) || connectors.length === 0) fail('"connectors" must list at least one connector class');
  return {
    name: string('name', true),
    version: string('version', true),
    description: string('description', false),
    language: string('language', false) || 'unknown',
    protocolVersions: protocolVersions as number[],
    command: command as string[],
    env: env as Record<string, string>,
    connectors: (connectors as unknown[]).map((entry, i) => validateConnector(entry, `${path}: connectors[${i}]`)),
  };
}

function validateConnector(value: unknown, where: string): ConnectorDeclaration {
  const object = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (typeof object.class !== 'string' || object.class === '') throw new PluginManifestError(`${where}: "class" must be the connector's class name`);
  if (object.type !== 'source' && object.type !== 'sink') throw new PluginManifestError(`${where}: "type" must be "source" or "sink"`);
  const aliases = object.aliases ?? [];
  if (!Array.isArray(aliases) || !aliases.every((alias) => typeof alias === 'string')) throw new PluginManifestError(`${where}: "aliases" must be an array of strings`);
  return { className: object.class, aliases: aliases as string[], type: object.type };
}
