// Schemaless "Map" values for the SMTs of builtins-b.ts. Kafka's SMTs take any java.util.Map; here a
// schemaless map is either a JS Map with string keys (what JsonConverter reads) or a plain object
// (what TypeScript connectors tend to return). Copies keep the kind they were given.

import { isPlainObject } from '../data/index.js';
import { requireMap } from './smt-support.js';

export type SchemalessMap = Map<string, unknown> | Record<string, unknown>;

export function isSchemalessMap(value: unknown): value is SchemalessMap {
  return value instanceof Map || isPlainObject(value);
}

/** Kafka's Requirements.requireMap, for both kinds of map. */
export function requireSchemalessMap(value: unknown, purpose: string): SchemalessMap {
  if (value instanceof Map) return value as Map<string, unknown>;
  return requireMap(value, purpose);
}

export function mapGet(map: SchemalessMap, key: string): unknown {
  if (map instanceof Map) return map.get(key) ?? null;
  return Object.hasOwn(map, key) ? (map[key] ?? null) : null;
}

export function mapEntriesOf(map: SchemalessMap): [string, unknown][] {
  return map instanceof Map ? [...map.entries()] : Object.entries(map);
}

/**
 * A new map of the same kind as `like`, holding `entries` in order. Maps made from nothing
 * ('object') are plain objects, the kind smt-support's requireMap accepts.
 */
export function mapOf(like: SchemalessMap | 'object', entries: Iterable<[string, unknown]>): SchemalessMap {
  if (like instanceof Map) return new Map(entries);
  const result: Record<string, unknown> = {};
  // defineProperty, so that a key such as "__proto__" becomes an ordinary entry.
  for (const [key, value] of entries) Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
  return result;
}

/** A copy of `map` with the updates put (new keys at the end), as HashMap.put on a copy. */
export function mapWith(map: SchemalessMap, updates: Iterable<[string, unknown]>): SchemalessMap {
  const entries = new Map(mapEntriesOf(map));
  for (const [key, value] of updates) entries.set(key, value);
  return mapOf(map, entries);
}
