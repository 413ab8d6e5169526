// Files the admin subcommands read: connector configs (.properties, or .json as the REST body
// {"name":..,"config":{..}} or a flat map, like the standalone command's files) and offsets
// (.json as the REST body {"offsets":[{"partition":{..},"offset":{..}|null}]} or the bare list).
// Anything unreadable or malformed is a UsageError.

import { readFile } from 'node:fs/promises';
import type { ConnectorOffset } from '../api/grpc/admin-messages.js';
import { toStruct } from '../api/grpc/proto-json.js';
import { parseProperties } from '../config/properties.js';
import { UsageError } from './cli-args.js';

export interface ConfigFile {
  /** The connector name the file gives, if any. */
  readonly name?: string;
  readonly config: Record<string, string>;
}

export async function readConfigFile(path: string): Promise<ConfigFile> {
  const text = await readText(path);
  try {
    if (!path.endsWith('.json')) {
      const config = parseProperties(text, path);
      return config.name?.trim() ? { name: config.name.trim(), config } : { config };
    }
    const object = asObject(JSON.parse(text), path);
    const wrapped = typeof object.config === 'object' && object.config !== null && !Array.isArray(object.config);
    const config = stringMap(wrapped ? asObject(object.config, path) : object, path);
    const name = wrapped && typeof object.name === 'string' ? object.name : config.name;
    if (wrapped && typeof object.name === 'string' && config.name !== undefined && config.name !== object.name) {
      throw new UsageError(`${path}: the config's name (${config.name}) differs from "name" (${object.name})`);
    }
    return name?.trim() ? { name: name.trim(), config } : { config };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${path}: ${(error as Error).message}`);
  }
}

export async function readOffsetsFile(path: string): Promise<ConnectorOffset[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readText(path));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${path}: not valid JSON: ${(error as Error).message}`);
  }
  const entries = Array.isArray(parsed) ? parsed : (parsed as { offsets?: unknown } | null)?.offsets;
  if (!Array.isArray(entries)) throw new UsageError(`${path}: expected {"offsets": [{"partition": {...}, "offset": {...}}, ...]}`);
  return entries.map((entry, index) => {
    const { partition, offset } = (entry ?? {}) as { partition?: unknown; offset?: unknown };
    if (typeof partition !== 'object' || partition === null || Array.isArray(partition)) throw new UsageError(`${path}: offsets[${index}].partition must be an object`);
    if (offset !== null && (typeof offset !== 'object' || Array.isArray(offset))) throw new UsageError(`${path}: offsets[${index}].offset must be an object or null`);
    return { partition: toStruct(partition as Record<string, unknown>), offset: offset === null ? null : toStruct(offset as Record<string, unknown>) };
  });
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${path}: ${(error as Error).message}`);
  }
}

function asObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`${path}: expected a JSON object`);
  return value as Record<string, unknown>;
}

function stringMap(object: Record<string, unknown>, path: string): Record<string, string> {
  const config: Record<string, string> = {};
  for (const [key, value] of Object.entries(object)) {
    if (value === null || typeof value === 'object') throw new UsageError(`${path}: the value of "${key}" must be a string, number or boolean`);
    config[key] = String(value);
  }
  return config;
}
