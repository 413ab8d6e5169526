// Offsets topic records (offset.storage.topic), byte for byte as Kafka Connect's
// OffsetStorageWriter writes them through the worker's internal JsonConverter (schemas.enable=false):
//
//   key    ["<connector>",{<source partition>}]     e.g. ["local-file-source",{"filename":"test.txt"}]
//   value  {<source offset>}                         e.g. {"position":1234}; null = offset removed
//
// Kafka looks offsets up by the exact key bytes, so the key must be Jackson's compact JSON of the
// partition map in the map's own member order; it also lands on the partition Java's murmur2
// partitioner picks for those bytes. Partition and offset maps may only hold primitive values
// (OffsetUtils.validateFormat): strings, numbers, booleans, null, bytes.
//
// A JavaScript number is written as an integer when it is one (Kafka reads it back as a Long) and
// otherwise as a double; integers beyond 2^53 are bigints on both sides.

import { DataException } from '../../data/index.js';
import type { SourceMap } from '../../data/index.js';
import { writeJson } from '../../converters/java-json.js';
import { JsonBinary, JsonNumber, type JsonNode, type JsonObject } from '../../converters/json-node.js';
import { asObject, decodeTree, describeNode, toConnectValue } from './internal-json.js';

/** The key bytes of a connector's source partition. */
export function encodeOffsetKey(connector: string, partition: SourceMap): Buffer {
  validateFormat(partition, 'partition');
  return writeJson([connector, mapNode(partition)]);
}

/** The value bytes of a source offset; null (a tombstone) removes the partition's offset. */
export function encodeOffsetValue(offset: SourceMap | null): Buffer | null {
  if (offset === null) return null;
  validateFormat(offset, 'offset');
  return writeJson(mapNode(offset));
}

/**
 * The JSON tree JsonConverter builds for a schemaless map of primitives. Numbers follow the Java
 * type a value would have: an integer within the long range is a Long, anything else a Double.
 */
function mapNode(map: SourceMap): JsonObject {
  const node: JsonObject = new Map();
  for (const [field, value] of Object.entries(map)) node.set(field, primitiveNode(value));
  return node;
}

function primitiveNode(value: unknown): JsonNode {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return JsonNumber.integer(BigInt.asIntN(64, value));
  if (typeof value === 'number') {
    const isLong = Number.isInteger(value) && !Object.is(value, -0) && value >= -(2 ** 63) && value < 2 ** 63;
    return isLong ? JsonNumber.integer(value) : JsonNumber.double(value);
  }
  return new JsonBinary(value as Uint8Array);
}

/** OffsetUtils.validateFormat: string keys, primitive (or null) values. */
function validateFormat(map: SourceMap, what: string): void {
  if (typeof map !== 'object' || map === null || Array.isArray(map)) throw new DataException(`Offsets must be specified as a Map (the ${what} is not)`);
  for (const [field, value] of Object.entries(map)) {
    if (value === null || value === undefined) continue;
    const type = primitiveType(value);
    if (type === undefined) {
      const kind = Array.isArray(value) ? 'ARRAY' : typeof value === 'object' ? 'MAP' : typeof value;
      throw new DataException(`Offsets may only contain primitive types as values, but field ${field} contains ${kind}`);
    }
  }
}

function primitiveType(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'bigint') return typeof value;
  if (value instanceof Uint8Array) return 'bytes';
  return undefined;
}

export type DecodedOffsetKey =
  | { readonly ok: true; readonly connector: string; readonly partition: SourceMap }
  | { readonly ok: false; readonly reason: string; readonly quiet?: boolean };

/**
 * A key read from the offsets topic, as OffsetUtils.processPartitionKey reads it: a JSON array
 * of the connector name and a map. Anything else is not an offset Kafka would list.
 */
export function decodeOffsetKey(bytes: Buffer | null): DecodedOffsetKey {
  if (bytes === null) return { ok: false, reason: 'Ignoring offset partition key with an unexpected null value' };
  let tree: JsonNode;
  try {
    tree = decodeTree(bytes);
  } catch {
    return { ok: false, reason: 'Ignoring offset partition key with unknown serialization. Expected json.' };
  }
  if (!Array.isArray(tree)) return { ok: false, reason: `Ignoring offset partition key with an unexpected format. Expected type: java.util.List, actual type: ${describeNode(tree)}` };
  if (tree.length !== 2) return { ok: false, reason: `Ignoring offset partition key with an unexpected number of elements. Expected: 2, actual: ${tree.length}` };
  const [connector, partition] = tree as [JsonNode, JsonNode];
  if (typeof connector !== 'string') {
    return { ok: false, reason: `Ignoring offset partition key with an unexpected format for the first element in the partition key list. Expected type: java.lang.String, actual type: ${describeNode(connector)}` };
  }
  const map = asObject(partition);
  if (map === undefined) {
    // Kafka says nothing about a null partition.
    return { ok: false, quiet: partition === null, reason: `Ignoring offset partition key with an unexpected format for the second element in the partition key list. Expected type: java.util.Map, actual type: ${describeNode(partition)}` };
  }
  if (!isPrimitiveMap(map)) return { ok: false, reason: `Ignoring offset partition key of connector ${connector}: the source partition holds a non-primitive value` };
  return { ok: true, connector, partition: toSourceMap(map) };
}

export type DecodedOffsetValue = { readonly ok: true; readonly offset: SourceMap | null } | { readonly ok: false; readonly reason: string };

/** A value read from the offsets topic: a map of primitives, or null for a tombstone. */
export function decodeOffsetValue(bytes: Buffer | null): DecodedOffsetValue {
  let tree: JsonNode;
  try {
    tree = decodeTree(bytes);
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  if (tree === null) return { ok: true, offset: null };
  const map = asObject(tree);
  if (map === undefined) return { ok: false, reason: 'Offsets must be specified as a Map' };
  if (!isPrimitiveMap(map)) return { ok: false, reason: 'Offsets may only contain primitive types as values' };
  return { ok: true, offset: toSourceMap(map) };
}

function isPrimitiveMap(map: Map<string, JsonNode>): boolean {
  for (const value of map.values()) if (Array.isArray(value) || value instanceof Map) return false;
  return true;
}

/** A JSON object as a source map: numbers as Kafka reads them (integers exact, as bigint beyond 2^53). */
function toSourceMap(map: Map<string, JsonNode>): SourceMap {
  const out: Record<string, unknown> = {};
  for (const [field, value] of map) {
    const converted = value instanceof JsonNumber ? toConnectValue(value) : (value as unknown);
    Object.defineProperty(out, field, { value: converted, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * A text that is equal for equal partitions whatever their member order (Java's Map.equals), for
 * finding the key an existing record used for the same partition.
 */
export function canonicalPartition(connector: string, partition: SourceMap): string {
  const entries = Object.entries(partition)
    .map(([field, value]) => [field, typeof value === 'bigint' ? `${value}n` : value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([connector, entries]);
}
