// The converter contracts (Kafka's Converter and HeaderConverter): turning Connect data into the
// bytes stored in Kafka and back. The worker configures each converter with its prefix-stripped
// settings (e.g. `value.converter.schemas.enable` arrives as `schemas.enable`) plus
// `converter.type` = key | value | header.

import type { Schema } from '../data/index.js';

export interface SchemaAndValue {
  readonly schema: Schema | null;
  readonly value: unknown;
}

export type ConverterType = 'key' | 'value' | 'header';

export interface Converter {
  /** Called once before use; `isKey` says whether it converts record keys or values. */
  configure(config: Readonly<Record<string, string>>, isKey: boolean): void;
  /** Connect data to bytes; null means a null Kafka key or value (a tombstone for values). */
  fromConnectData(topic: string, schema: Schema | null, value: unknown): Buffer | null;
  /** Bytes (null for a null key or value) to Connect data. */
  toConnectData(topic: string, bytes: Buffer | null): SchemaAndValue;
}

export interface HeaderConverter {
  configure(config: Readonly<Record<string, string>>): void;
  fromConnectHeader(topic: string, headerKey: string, schema: Schema | null, value: unknown): Buffer | null;
  toConnectHeader(topic: string, headerKey: string, bytes: Buffer | null): SchemaAndValue;
}
