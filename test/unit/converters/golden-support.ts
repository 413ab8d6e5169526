// Reading the converter golden files (test/golden/, written by Kafka 4.1.2's own classes through
// tools/golden/) and describing our values the way tools/golden/.../Describe.java describes Kafka's:
// numbers by value ({"int":"1"} for any whole number, IEEE-754 double bits otherwise), and every
// other value tagged with its kind, so that the two can be compared with toEqual.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BigDecimal, Struct, isPlainObject, type Schema } from '../../../src/data/index.js';
import { JsonConverter } from '../../../src/converters/json-converter.js';
import { jsonText } from '../../../src/converters/java-json.js';

export const GOLDEN_ROOT = fileURLToPath(new URL('../../golden/', import.meta.url));

export type Described =
  | null
  | { int: string }
  | { float: string }
  | { boolean: boolean }
  | { string: string }
  | { bytes: string }
  | { decimal: { unscaled: string; scale: number } }
  | { date: string }
  | { array: Described[] }
  | { map: Array<[Described, Described]> }
  | { struct: Array<[string, Described]> };

export interface ReadBack {
  readonly schema?: unknown;
  readonly value?: Described;
  readonly equalsInput?: boolean;
  readonly exception?: string;
  readonly message?: string;
  readonly resultIsNull?: boolean;
}

export interface JsonGoldenCase {
  readonly name: string;
  readonly kind: 'write' | 'read';
  readonly config: Record<string, string>;
  readonly isKey: boolean;
  readonly file: string | null;
  readonly input?: { readonly schema: unknown; readonly value: Described };
  readonly readBack: ReadBack;
}

export interface JsonGoldenError {
  readonly name: string;
  readonly direction: 'toConnectData' | 'fromConnectData' | 'configure';
  readonly config: Record<string, string>;
  readonly file?: string;
  readonly exception: string;
  readonly message: string;
}

export interface JsonManifest {
  readonly kafkaVersion: string;
  readonly javaVersion: string;
  readonly cases: JsonGoldenCase[];
  readonly errors: JsonGoldenError[];
}

export function readGoldenJson<T>(relativePath: string): T {
  return JSON.parse(readFileSync(`${GOLDEN_ROOT}${relativePath}`, 'utf8')) as T;
}

export function readGoldenBytes(relativePath: string): Buffer {
  return readFileSync(`${GOLDEN_ROOT}${relativePath}`);
}

export const jsonManifest = (): JsonManifest => readGoldenJson<JsonManifest>('json-converter/manifest.json');

/** Our value described as Describe.java describes a Kafka value (`schema` says which numbers are floats). */
export function describe(value: unknown, schema?: Schema | null): Described {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return describeNumber(schema?.type === 'FLOAT32' ? Math.fround(value) : value);
  if (typeof value === 'bigint') return { int: value.toString() };
  if (typeof value === 'boolean') return { boolean: value };
  if (typeof value === 'string') return { string: value };
  if (value instanceof Uint8Array) return { bytes: Buffer.from(value).toString('base64') };
  if (value instanceof BigDecimal) return { decimal: { unscaled: value.unscaled.toString(), scale: value.scale } };
  if (value instanceof Date) return { date: String(value.getTime()) };
  if (Array.isArray(value)) return { array: value.map((element: unknown) => describe(element, schema?.valueSchema)) };
  if (value instanceof Struct) {
    return { struct: value.schema.fields.map((field) => [field.name, describe(value.getWithoutDefault(field), field.schema)]) };
  }
  if (value instanceof Map || isPlainObject(value)) {
    const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
    return { map: entries.map(([key, element]) => [describe(key, schema?.keySchema), describe(element, schema?.valueSchema)]) };
  }
  throw new Error(`Cannot describe ${String(value)}`);
}

function describeNumber(value: number): Described {
  if (Number.isFinite(value) && Number.isInteger(value) && !Object.is(value, -0)) return { int: BigInt(value).toString() };
  if (Number.isNaN(value)) return { float: '7ff8000000000000' };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  return { float: view.getBigUint64(0).toString(16).padStart(16, '0') };
}

/** A description with every map's entries in a fixed order (Kafka's HashMaps have none). */
export function sorted(described: Described | undefined): Described | undefined {
  if (described === null || described === undefined || typeof described !== 'object') return described;
  if ('array' in described) return { array: described.array.map((element) => sorted(element) ?? null) };
  if ('struct' in described) return { struct: described.struct.map(([name, element]) => [name, sorted(element) ?? null]) };
  if ('map' in described) {
    const entries = described.map.map(([key, element]): [Described, Described] => [sorted(key) ?? null, sorted(element) ?? null]);
    entries.sort(([a], [b]) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0));
    return { map: entries };
  }
  return described;
}

const schemaWriter = new JsonConverter();
schemaWriter.configure({}, false);

/** Our schema in JsonConverter's JSON form, parsed (null for no schema): comparable with the manifests'. */
export function schemaAsJson(schema: Schema | null, converter: JsonConverter = schemaWriter): unknown {
  const json = converter.asJsonSchema(schema);
  return json === null ? null : JSON.parse(jsonText(json));
}
