// How FileStreamSinkTask renders a record value as a line: Java's String.valueOf, which Kafka's
// task applies through PrintStream.println (null -> "null", maps as {k=v, ...}, lists as [a, b]).

import { BigDecimal, Struct } from '@polyconnect/sdk';

export function javaString(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : javaDouble(value);
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Struct || value instanceof BigDecimal) return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return `[B@${Buffer.from(value).toString('hex').slice(0, 8)}`;
  if (Array.isArray(value)) return `[${value.map(javaString).join(', ')}]`;
  if (value instanceof Map) return `{${[...value].map(([k, v]) => `${javaString(k)}=${javaString(v)}`).join(', ')}}`;
  if (typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${k}=${javaString(v)}`).join(', ')}}`;
  return String(value);
}

function javaDouble(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  const text = String(value);
  return text.includes('e') ? text.replace('e+', 'E').replace('e', 'E') : text;
}
