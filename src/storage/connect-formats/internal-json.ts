// The converter Kafka Connect's worker uses for its internal topics: JsonConverter with
// schemas.enable=false (Worker's internal key and value converters). Values written from a Struct
// become a JSON object in field order. Values read back are schemaless: Kafka sees objects as
// Maps, integers as Long and other numbers as Double, and its stores cast fields to the Java type
// they expect. Decoders here work on the JSON tree (which keeps "integer" apart from "1.0") so
// that a value Kafka's casts would refuse is refused here too.

import { DataException, type Schema } from '../../data/index.js';
import { JsonConverter } from '../../converters/json-converter.js';
import { parseJson } from '../../converters/java-json.js';
import { convertToConnect } from '../../converters/json-data.js';
import { JsonNumber, MISSING_NODE, type JsonNode, type JsonObject } from '../../converters/json-node.js';

const keyConverter = new JsonConverter();
keyConverter.configure({ 'schemas.enable': 'false' }, true);
const valueConverter = new JsonConverter();
valueConverter.configure({ 'schemas.enable': 'false' }, false);

/** Bytes Kafka's internal key converter writes for a schemaless value (offset keys). */
export function encodeKey(value: unknown): Buffer {
  const bytes = keyConverter.fromConnectData('', null, value);
  if (bytes === null) throw new DataException('Internal topic keys cannot be null');
  return bytes;
}

/** Bytes Kafka's internal value converter writes; null (a tombstone) for a null schema and value. */
export function encodeValue(schema: Schema | null, value: unknown): Buffer | null {
  return valueConverter.fromConnectData('', schema, value);
}

/**
 * Record bytes as the JSON tree Kafka's internal converter reads: null bytes and an empty
 * document are null. Throws DataException (Kafka's message) for bytes that are not JSON.
 */
export function decodeTree(bytes: Buffer | null): JsonNode {
  if (bytes === null) return null;
  let document;
  try {
    document = parseJson(bytes);
  } catch (error) {
    throw new DataException('Converting byte[] to Kafka Connect data failed due to serialization error: ', { cause: error });
  }
  return document === MISSING_NODE ? null : document;
}

/** A JSON tree as the schemaless Connect value Kafka reads (objects become Maps, integers Long). */
export function toConnectValue(node: JsonNode): unknown {
  return convertToConnect({ decimalFormat: 'BASE64', replaceNullWithDefault: true }, null, node);
}

export function asObject(node: JsonNode | undefined): JsonObject | undefined {
  return node instanceof Map ? node : undefined;
}

/** Java's `(String) value`: the text, null for null or absent, undefined where the cast would throw. */
export function castString(node: JsonNode | undefined): string | null | undefined {
  if (node === undefined || node === null) return null;
  return typeof node === 'string' ? node : undefined;
}

/** `(Long) value` of a schemaless field: the integer, or undefined when absent, null or not integral. */
export function castLong(node: JsonNode | undefined): bigint | undefined {
  return node instanceof JsonNumber && node.isIntegral() ? BigInt.asIntN(64, node.integer) : undefined;
}

/** Kafka's `(int) (long)` narrowing of a Long. */
export function longToInt(value: bigint): number {
  return Number(BigInt.asIntN(32, value));
}

/** Java's Integer.parseInt for ASCII digits: optional sign, digits, int range; undefined when it would throw. */
export function parseJavaInt(text: string): number | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= -(2 ** 31) && value < 2 ** 31 ? value : undefined;
}

/** Java's String.split("-"): trailing empty strings are dropped. */
export function splitOnDash(text: string): string[] {
  const parts = text.split('-');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** A short description of what a node is, for log lines ("a String", "an Array"). */
export function describeNode(node: JsonNode | undefined): string {
  if (node === undefined || node === null) return 'null';
  if (typeof node === 'string') return 'a String';
  if (typeof node === 'boolean') return 'a Boolean';
  if (node instanceof JsonNumber) return node.isIntegral() ? 'a Long' : 'a Double';
  if (Array.isArray(node)) return 'a List';
  if (node instanceof Map) return 'a Map';
  return 'bytes';
}
