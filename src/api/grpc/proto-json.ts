// JSON at the edges of the admin API: google.protobuf.Struct/Value to and from plain JSON values
// (connector offsets), Timestamp to and from epoch milliseconds, and toProtoJson, which turns a
// decoded admin message into its proto3 JSON form (what grpcurl prints with defaults emitted):
// Structs as JSON objects, Timestamps as RFC 3339 text, unset message fields left out.

import type { PbStruct, PbTimestamp, PbValue } from './admin-messages.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export class StructConversionError extends Error {
  override name = 'StructConversionError';
}

export function toStruct(object: Readonly<Record<string, unknown>>, path = ''): PbStruct {
  const fields: Record<string, PbValue> = {};
  for (const [key, value] of Object.entries(object)) fields[key] = toValue(value, path === '' ? key : `${path}.${key}`);
  return { fields };
}

export function toValue(value: unknown, path = 'value'): PbValue {
  if (value === null || value === undefined) return { nullValue: 'NULL_VALUE' };
  if (typeof value === 'boolean') return { boolValue: value };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new StructConversionError(`${path}: ${value} is not a JSON number`);
    return { numberValue: value };
  }
  if (typeof value === 'string') return { stringValue: value };
  if (Array.isArray(value)) return { listValue: { values: value.map((item, i) => toValue(item, `${path}[${i}]`)) } };
  if (typeof value === 'object') return { structValue: toStruct(value as Record<string, unknown>, path) };
  throw new StructConversionError(`${path}: a ${typeof value} is not a JSON value`);
}

export function fromStruct(struct: PbStruct | null | undefined): Record<string, JsonValue> {
  const object: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(struct?.fields ?? {})) object[key] = fromValue(value);
  return object;
}

export function fromValue(value: PbValue | null | undefined): JsonValue {
  if (value === null || value === undefined) return null;
  const kind = (['numberValue', 'stringValue', 'boolValue', 'structValue', 'listValue'] as const).find((k) => value[k] !== undefined && value[k] !== null);
  switch (kind) {
    case 'numberValue':
      return value.numberValue ?? 0;
    case 'stringValue':
      return value.stringValue ?? '';
    case 'boolValue':
      return value.boolValue ?? false;
    case 'structValue':
      return fromStruct(value.structValue);
    case 'listValue':
      return (value.listValue?.values ?? []).map(fromValue);
    default:
      return null;
  }
}

export function timestampOf(millis: number): PbTimestamp {
  const seconds = Math.floor(millis / 1000);
  return { seconds, nanos: Math.round((millis - seconds * 1000) * 1e6) };
}

export function millisOf(timestamp: PbTimestamp): number {
  return timestamp.seconds * 1000 + Math.floor(timestamp.nanos / 1e6);
}

/** A decoded admin message in proto3 JSON form (field names stay lowerCamelCase). */
export function toProtoJson(message: unknown): JsonValue {
  if (message === null || message === undefined) return null;
  if (Array.isArray(message)) return message.map(toProtoJson);
  if (typeof message !== 'object') return message as JsonValue;
  const object = message as Record<string, unknown>;
  if (isStruct(object)) return fromStruct(object as unknown as PbStruct);
  if (isTimestamp(object)) return new Date(millisOf(object as unknown as PbTimestamp)).toISOString();
  const json: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(object)) {
    if (value === null || value === undefined) continue;
    json[key] = toProtoJson(value);
  }
  return json;
}

function isStruct(object: Record<string, unknown>): boolean {
  const keys = Object.keys(object);
  return keys.length === 1 && keys[0] === 'fields' && typeof object.fields === 'object' && object.fields !== null && !Array.isArray(object.fields);
}

function isTimestamp(object: Record<string, unknown>): boolean {
  const keys = Object.keys(object).sort();
  return keys.length === 2 && keys[0] === 'nanos' && keys[1] === 'seconds' && typeof object.seconds === 'number' && typeof object.nanos === 'number';
}
