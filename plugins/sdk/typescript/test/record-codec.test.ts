// Records on the wire: source and sink batches survive encoding, protobuf and decoding with every
// attribute, and the text fields hold what docs/plugin-protocol.md says they hold.

import { describe, expect, it } from 'vitest';
import type { SinkRecord, SourceRecord } from '../src/data/records.js';
import { INT32_SCHEMA, OPTIONAL_STRING_SCHEMA, STRING_SCHEMA } from '../src/data/schema.js';
import { SchemaBuilder } from '../src/data/schema-builder.js';
import { Struct } from '../src/data/struct.js';
import { decodeSinkRecords, decodeSourceRecords, encodeSinkRecords, encodeSourceRecords } from '../src/wire/record-codec.js';
import { sinkBatchOverWire, sourceBatchOverWire } from './wire-support.js';

const valueSchema = SchemaBuilder.struct().name('Row').field('id', INT32_SCHEMA).field('name', OPTIONAL_STRING_SCHEMA).build();

describe('source records', () => {
  const record: SourceRecord = {
    topic: 'rows',
    kafkaPartition: 0,
    keySchema: STRING_SCHEMA,
    key: 'k1',
    valueSchema,
    value: new Struct(valueSchema).put('id', 1).put('name', 'one'),
    timestamp: 1_700_000_000_000,
    headers: [
      { key: 'trace', schema: STRING_SCHEMA, value: 'abc' },
      { key: 'schemaless', schema: null, value: 5 },
      { key: 'empty', schema: OPTIONAL_STRING_SCHEMA, value: null },
    ],
    sourcePartition: { filename: '/data/in.txt' },
    sourceOffset: { position: 4096 },
  };

  it('encode to the documented text fields', () => {
    const [proto] = encodeSourceRecords([record]).records!;
    expect(proto).toMatchObject({
      topic: 'rows',
      kafkaPartition: 0,
      key: '"k1"',
      value: '{"id":1,"name":"one"}',
      timestamp: 1_700_000_000_000,
      sourcePartition: '{"filename":"/data/in.txt"}',
      sourceOffset: '{"position":4096}',
    });
    expect(proto?.headers?.map((header) => [header.key, header.schemaRef, header.value])).toEqual([
      ['trace', 1, '"abc"'],
      ['schemaless', 0, '5'],
      ['empty', 3, ''],
    ]);
  });

  it('round-trip through protobuf with every attribute', () => {
    const [decoded] = decodeSourceRecords(sourceBatchOverWire(encodeSourceRecords([record])));
    expect(decoded?.topic).toBe('rows');
    expect(decoded?.kafkaPartition).toBe(0);
    expect(decoded?.keySchema?.equals(STRING_SCHEMA)).toBe(true);
    expect(decoded?.key).toBe('k1');
    expect(decoded?.valueSchema?.equals(valueSchema)).toBe(true);
    expect((decoded?.value as Struct).equals(record.value)).toBe(true);
    expect(decoded?.timestamp).toBe(1_700_000_000_000);
    expect(decoded?.headers?.map((header) => [header.key, header.value])).toEqual([
      ['trace', 'abc'],
      ['schemaless', 5],
      ['empty', null],
    ]);
    expect(decoded?.sourcePartition).toEqual({ filename: '/data/in.txt' });
    expect(decoded?.sourceOffset).toEqual({ position: 4096 });
  });

  it('leave partition and timestamp absent when not given, and say null for missing maps', () => {
    const batch = sourceBatchOverWire(encodeSourceRecords([{ topic: 't', value: 'v' }]));
    expect(batch.records[0]?.kafkaPartition).toBeUndefined();
    expect(batch.records[0]?.timestamp).toBeUndefined();
    expect(batch.records[0]?.sourcePartition).toBe('');
    expect(batch.records[0]?.keySchemaRef).toBe(0);
    const [decoded] = decodeSourceRecords(batch);
    expect(decoded).toMatchObject({ kafkaPartition: null, timestamp: null, key: null, keySchema: null, value: 'v', valueSchema: null });
    expect(decoded?.sourcePartition).toBeNull();
    expect(decoded?.sourceOffset).toBeNull();
  });

  it('keep a timestamp of 0 (present, not absent)', () => {
    const [decoded] = decodeSourceRecords(sourceBatchOverWire(encodeSourceRecords([{ topic: 't', timestamp: 0 }])));
    expect(decoded?.timestamp).toBe(0);
  });

  it('keep a null key that has a schema apart from a missing schema', () => {
    const batch = encodeSourceRecords([{ topic: 't', keySchema: OPTIONAL_STRING_SCHEMA, key: null }]);
    expect(batch.records?.[0]).toMatchObject({ keySchemaRef: 1, key: '' });
    const [decoded] = decodeSourceRecords(sourceBatchOverWire(batch));
    expect(decoded?.keySchema?.equals(OPTIONAL_STRING_SCHEMA)).toBe(true);
    expect(decoded?.key).toBeNull();
  });

  it('share one frozen object for repeated partitions in a batch', () => {
    const records: SourceRecord[] = [1, 2].map((position) => ({ topic: 't', sourcePartition: { filename: 'f' }, sourceOffset: { position } }));
    const decoded = decodeSourceRecords(sourceBatchOverWire(encodeSourceRecords(records)));
    expect(decoded[0]?.sourcePartition).toBe(decoded[1]?.sourcePartition);
    expect(Object.isFrozen(decoded[0]?.sourcePartition)).toBe(true);
    expect(decoded.map((record) => record.sourceOffset)).toEqual([{ position: 1 }, { position: 2 }]);
  });

  it('refuse a source partition that is not a JSON object', () => {
    const batch = sourceBatchOverWire({ schemas: [], records: [{ topic: 't', sourcePartition: '["a"]' }] });
    expect(() => decodeSourceRecords(batch)).toThrow('A source partition or offset must be a JSON object');
  });

  it('refuse a schema reference outside the table', () => {
    const batch = sourceBatchOverWire({ schemas: [], records: [{ topic: 't', valueSchemaRef: 1, value: '1' }] });
    expect(() => decodeSourceRecords(batch)).toThrow('outside the batch');
  });

  it('decode a missing or empty batch as no records', () => {
    expect(decodeSourceRecords(null)).toEqual([]);
    expect(decodeSourceRecords(undefined)).toEqual([]);
    expect(decodeSourceRecords(sourceBatchOverWire({}))).toEqual([]);
  });
});

describe('sink records', () => {
  const record: SinkRecord = {
    topic: 'renamed',
    kafkaPartition: 3,
    kafkaOffset: 2 ** 40,
    timestamp: 1_600_000_000_000,
    timestampType: 'LOG_APPEND_TIME',
    keySchema: null,
    key: new Map([['id', 1]]),
    valueSchema,
    value: new Struct(valueSchema).put('id', 9),
    headers: [{ key: 'h', schema: INT32_SCHEMA, value: 7 }],
    originalTopic: 'orders',
    originalKafkaPartition: 1,
    originalKafkaOffset: 77,
  };

  it('round-trip through protobuf with every attribute', () => {
    const [decoded] = decodeSinkRecords(sinkBatchOverWire(encodeSinkRecords([record])));
    expect(decoded).toMatchObject({
      topic: 'renamed',
      kafkaPartition: 3,
      kafkaOffset: 2 ** 40,
      timestamp: 1_600_000_000_000,
      timestampType: 'LOG_APPEND_TIME',
      keySchema: null,
      originalTopic: 'orders',
      originalKafkaPartition: 1,
      originalKafkaOffset: 77,
    });
    expect(decoded?.key).toEqual(new Map([['id', 1]]));
    expect((decoded?.value as Struct).get('id')).toBe(9);
    expect(decoded?.headers.map((header) => [header.key, header.value, header.schema?.type])).toEqual([['h', 7, 'INT32']]);
  });

  it('map each timestamp type to its enum name, and no timestamp to null', () => {
    for (const timestampType of ['NO_TIMESTAMP_TYPE', 'CREATE_TIME', 'LOG_APPEND_TIME'] as const) {
      const batch = encodeSinkRecords([{ ...record, timestampType, timestamp: null }]);
      expect(batch.records?.[0]?.timestampType).toBe(`TIMESTAMP_TYPE_${timestampType}`);
      const [decoded] = decodeSinkRecords(sinkBatchOverWire(batch));
      expect(decoded?.timestampType).toBe(timestampType);
      expect(decoded?.timestamp).toBeNull();
    }
  });

  it('read an unspecified timestamp type as NO_TIMESTAMP_TYPE and an empty original topic as the topic', () => {
    const batch = sinkBatchOverWire({ schemas: [], records: [{ topic: 'a', kafkaPartition: 0, kafkaOffset: 5, value: '"v"' }] });
    const [decoded] = decodeSinkRecords(batch);
    expect(decoded).toMatchObject({ timestampType: 'NO_TIMESTAMP_TYPE', originalTopic: 'a', value: 'v', key: null });
  });

  it('share the schema table between keys, values and headers', () => {
    const batch = encodeSinkRecords([
      { ...record, keySchema: INT32_SCHEMA, key: 1 },
      { ...record, keySchema: INT32_SCHEMA, key: 2, kafkaOffset: 2 ** 40 + 1 },
    ]);
    expect(batch.schemas).toHaveLength(2);
    expect(batch.records?.map((r) => [r.keySchemaRef, r.valueSchemaRef, r.headers?.[0]?.schemaRef])).toEqual([
      [1, 2, 1],
      [1, 2, 1],
    ]);
  });
});
