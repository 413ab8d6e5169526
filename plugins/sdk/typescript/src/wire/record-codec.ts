// Records on the wire: SourceRecord and SinkRecord batches to and from their protocol messages.
// The plugin side encodes source batches and decodes sink batches; the worker does the reverse.

import type { Header, SinkRecord, SourceMap, SourceRecord, TimestampType } from '../data/records.js';
import type { Schema } from '../data/schema.js';
import type { Header as ProtoHeader, Header__Output as ProtoHeaderOutput } from './generated/polyconnect/data/v1/Header.js';
import type { SinkRecord as ProtoSinkRecord } from './generated/polyconnect/data/v1/SinkRecord.js';
import type { SinkRecordBatch, SinkRecordBatch__Output } from './generated/polyconnect/data/v1/SinkRecordBatch.js';
import type { SourceRecord as ProtoSourceRecord } from './generated/polyconnect/data/v1/SourceRecord.js';
import type { SourceRecordBatch, SourceRecordBatch__Output } from './generated/polyconnect/data/v1/SourceRecordBatch.js';
import { SchemaTable, decodeSchemaTable, schemaAt } from './schema-codec.js';
import { decodeValue, encodeValue } from './value-codec.js';

export function encodeSourceRecords(records: readonly SourceRecord[]): SourceRecordBatch {
  const table = new SchemaTable();
  const encoded = records.map((record): ProtoSourceRecord => {
    const proto: ProtoSourceRecord = {
      topic: record.topic,
      keySchemaRef: table.refOf(record.keySchema),
      key: encodeValue(record.keySchema, record.key),
      valueSchemaRef: table.refOf(record.valueSchema),
      value: encodeValue(record.valueSchema, record.value),
      headers: encodeHeaders(record.headers, table),
      sourcePartition: record.sourcePartition ? JSON.stringify(record.sourcePartition) : '',
      sourceOffset: record.sourceOffset ? JSON.stringify(record.sourceOffset) : '',
    };
    if (record.kafkaPartition !== null && record.kafkaPartition !== undefined) proto.kafkaPartition = record.kafkaPartition;
    if (record.timestamp !== null && record.timestamp !== undefined) proto.timestamp = record.timestamp;
    return proto;
  });
  return { schemas: table.schemas, records: encoded };
}

export function decodeSourceRecords(batch: SourceRecordBatch__Output | null | undefined): SourceRecord[] {
  if (!batch) return [];
  const schemas = decodeSchemaTable(batch.schemas);
  // One cache per field: partitions repeat across a batch, offsets change with every record.
  const partitions = new SourceMapCache();
  const offsets = new SourceMapCache();
  return batch.records.map((proto) => {
    const keySchema = schemaAt(schemas, proto.keySchemaRef);
    const valueSchema = schemaAt(schemas, proto.valueSchemaRef);
    return {
      topic: proto.topic,
      kafkaPartition: proto.kafkaPartition ?? null,
      keySchema,
      key: decodeValue(keySchema, proto.key),
      valueSchema,
      value: decodeValue(valueSchema, proto.value),
      timestamp: proto.timestamp ?? null,
      headers: decodeHeaders(proto.headers, schemas),
      sourcePartition: partitions.parse(proto.sourcePartition),
      sourceOffset: offsets.parse(proto.sourceOffset),
    };
  });
}

export function encodeSinkRecords(records: readonly SinkRecord[]): SinkRecordBatch {
  const table = new SchemaTable();
  const encoded = records.map((record) => {
    const proto: ProtoSinkRecord = {
      topic: record.topic,
      kafkaPartition: record.kafkaPartition,
      kafkaOffset: record.kafkaOffset,
      timestampType: `TIMESTAMP_TYPE_${record.timestampType}`,
      keySchemaRef: table.refOf(record.keySchema),
      key: encodeValue(record.keySchema, record.key),
      valueSchemaRef: table.refOf(record.valueSchema),
      value: encodeValue(record.valueSchema, record.value),
      headers: encodeHeaders(record.headers, table),
      originalTopic: record.originalTopic,
      originalKafkaPartition: record.originalKafkaPartition,
      originalKafkaOffset: record.originalKafkaOffset,
    };
    if (record.timestamp !== null) proto.timestamp = record.timestamp;
    return proto;
  });
  return { schemas: table.schemas, records: encoded };
}

export function decodeSinkRecords(batch: SinkRecordBatch__Output | null | undefined): SinkRecord[] {
  if (!batch) return [];
  const schemas = decodeSchemaTable(batch.schemas);
  return batch.records.map((proto) => {
    const keySchema = schemaAt(schemas, proto.keySchemaRef);
    const valueSchema = schemaAt(schemas, proto.valueSchemaRef);
    return {
      topic: proto.topic,
      kafkaPartition: proto.kafkaPartition,
      kafkaOffset: proto.kafkaOffset,
      timestamp: proto.timestamp ?? null,
      timestampType: decodeTimestampType(proto.timestampType),
      keySchema,
      key: decodeValue(keySchema, proto.key),
      valueSchema,
      value: decodeValue(valueSchema, proto.value),
      headers: decodeHeaders(proto.headers, schemas),
      originalTopic: proto.originalTopic || proto.topic,
      originalKafkaPartition: proto.originalKafkaPartition,
      originalKafkaOffset: proto.originalKafkaOffset,
    };
  });
}

function encodeHeaders(headers: readonly Header[] | undefined, table: SchemaTable): ProtoHeader[] {
  if (headers === undefined || headers.length === 0) return [];
  return headers.map((header) => ({ key: header.key, schemaRef: table.refOf(header.schema), value: encodeValue(header.schema, header.value) }));
}

function decodeHeaders(headers: readonly ProtoHeaderOutput[], schemas: readonly Schema[]): Header[] {
  if (headers.length === 0) return [];
  return headers.map((header) => {
    const schema = schemaAt(schemas, header.schemaRef);
    return { key: header.key, schema, value: decodeValue(schema, header.value) };
  });
}

function decodeTimestampType(type: string): TimestampType {
  switch (type) {
    case 'TIMESTAMP_TYPE_CREATE_TIME':
      return 'CREATE_TIME';
    case 'TIMESTAMP_TYPE_LOG_APPEND_TIME':
      return 'LOG_APPEND_TIME';
    default:
      return 'NO_TIMESTAMP_TYPE';
  }
}

/** Parses source partitions and offsets; identical texts in a batch share one frozen object. */
class SourceMapCache {
  #lastText = '';
  #lastMap: SourceMap | null = null;

  parse(text: string): SourceMap | null {
    if (text === '') return null;
    if (text === this.#lastText) return this.#lastMap;
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error(`A source partition or offset must be a JSON object, got ${text.slice(0, 100)}`);
    }
    this.#lastText = text;
    this.#lastMap = Object.freeze(parsed as Record<string, unknown>);
    return this.#lastMap;
  }
}
