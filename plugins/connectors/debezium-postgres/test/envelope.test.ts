// Debezium's record shapes: topic and schema names, key/value/envelope schemas and field order,
// the source block, envelope values for each operation, and the tombstone after a delete.

import { BigDecimal, Struct } from '@polyconnect/sdk';
import { describe, expect, it } from 'vitest';
import { changeRecords, envelopeStruct } from '../src/envelope.js';
import { TableSchema, type TableStructure, topicName } from '../src/schema/table-schema.js';
import { PgOid, TypeRegistry } from '../src/schema/type-registry.js';
import { DEFAULT_CONVERTER_SETTINGS } from '../src/schema/value-converters.js';
import { SOURCE_SCHEMA, sourceStruct } from '../src/source-info.js';

const ORDERS: TableStructure = {
  id: { schema: 'public', table: 'orders' },
  columns: [
    { name: 'id', typeOid: PgOid.INT4, typmod: -1, optional: false },
    { name: 'item', typeOid: PgOid.TEXT, typmod: -1, optional: false },
    { name: 'price', typeOid: PgOid.NUMERIC, typmod: ((8 << 16) | 2) + 4, optional: true },
  ],
  primaryKey: ['id'],
};
const table = new TableSchema('cdc', ORDERS, TypeRegistry.of([]), DEFAULT_CONVERTER_SETTINGS);
const partition = { server: 'cdc' };

function source(): Struct {
  return sourceStruct({
    version: '0.1.0',
    serverName: 'cdc',
    database: 'mydb',
    timestampMicros: 1_700_000_000_123_456n,
    snapshot: null,
    schema: 'public',
    table: 'orders',
    txId: 747,
    lsn: 0x15b2028n,
    lastCommitLsn: 0x15b1000n,
  });
}

describe('topic and schema names', () => {
  it('names the topic <prefix>.<schema>.<table> and the schemas after it', () => {
    expect(table.topic).toBe('cdc.public.orders');
    expect(table.keySchema?.name).toBe('cdc.public.orders.Key');
    expect(table.valueSchema.name).toBe('cdc.public.orders.Value');
    expect(table.envelopeSchema.name).toBe('cdc.public.orders.Envelope');
    expect(table.envelopeSchema.version).toBe(2);
  });

  it('replaces characters Kafka does not allow in topic names with "_"', () => {
    expect(topicName('cdc', { schema: 'My Schema', table: 'tbl$1' })).toBe('cdc.My_Schema.tbl_1');
  });

  it('has no key schema for a table without a primary key', () => {
    const keyless = new TableSchema('cdc', { ...ORDERS, primaryKey: [] }, TypeRegistry.of([]), DEFAULT_CONVERTER_SETTINGS);
    expect(keyless.keySchema).toBeNull();
  });
});

describe('schemas', () => {
  it('builds the key of the primary key columns (required) and an optional value of all columns', () => {
    expect(table.keySchema?.fields.map((field) => [field.name, field.schema.type, field.schema.optional])).toEqual([['id', 'INT32', false]]);
    expect(table.valueSchema.optional).toBe(true);
    expect(table.valueSchema.fields.map((field) => [field.name, field.schema.type, field.schema.optional])).toEqual([
      ['id', 'INT32', false],
      ['item', 'STRING', false],
      ['price', 'BYTES', true],
    ]);
  });

  it('orders the envelope fields as Debezium: before, after, source, transaction, op, ts_ms, ts_us, ts_ns', () => {
    expect(table.envelopeSchema.fields.map((field) => field.name)).toEqual(['before', 'after', 'source', 'transaction', 'op', 'ts_ms', 'ts_us', 'ts_ns']);
    const transaction = table.envelopeSchema.field('transaction')!.schema;
    expect([transaction.name, transaction.version, transaction.optional]).toEqual(['event.block', 1, true]);
    expect(transaction.fields.map((field) => field.name)).toEqual(['id', 'total_order', 'data_collection_order']);
    expect(table.envelopeSchema.field('op')!.schema.optional).toBe(false);
  });

  it("uses Debezium's PostgreSQL source schema", () => {
    expect(SOURCE_SCHEMA.name).toBe('io.debezium.connector.postgresql.Source');
    expect(SOURCE_SCHEMA.fields.map((field) => field.name)).toEqual([
      'version', 'connector', 'name', 'ts_ms', 'snapshot', 'db', 'sequence', 'ts_us', 'ts_ns', 'schema', 'table', 'txId', 'lsn', 'xmin', 'origin', 'origin_lsn',
    ]);
    const snapshot = SOURCE_SCHEMA.field('snapshot')!.schema;
    expect([snapshot.name, snapshot.defaultValue, snapshot.optional]).toEqual(['io.debezium.data.Enum', 'false', true]);
    expect(snapshot.parameters).toEqual({ allowed: 'true,first,first_in_data_collection,last_in_data_collection,last,false,incremental' });
  });
});

describe('values', () => {
  it('fills the source block', () => {
    const struct = source();
    expect(struct.get('connector')).toBe('postgresql');
    expect(struct.get('name')).toBe('cdc');
    expect(struct.get('db')).toBe('mydb');
    expect(struct.get('ts_ms')).toBe(1_700_000_000_123);
    expect(struct.get('ts_us')).toBe(1_700_000_000_123_456);
    expect(struct.get('ts_ns')).toBe(1_700_000_000_123_456_000n);
    expect(struct.get('snapshot')).toBe('false'); // the default: streaming events do not set it
    expect(struct.get('txId')).toBe(747);
    expect(struct.get('lsn')).toBe(0x15b2028);
    expect(struct.get('sequence')).toBe(`["${0x15b1000}","${0x15b2028}"]`);
    expect(struct.get('xmin')).toBeNull();
  });

  it('builds a row from cells, the key from the row', () => {
    const after = table.valueStruct([{ kind: 'text', value: '1' }, { kind: 'text', value: 'apple' }, { kind: 'text', value: '1.25' }]);
    expect(after.get('price')).toEqual(new BigDecimal(125n, 2));
    expect(table.keyStruct(after)?.get('id')).toBe(1);
  });

  it("gives columns a key-only old row lacks Debezium's fallbacks, and takes unchanged TOASTed values from the old row", () => {
    const before = table.valueStruct([{ kind: 'text', value: '7' }, undefined, undefined]);
    expect([before.get('id'), before.get('item'), before.get('price')]).toEqual([7, '', null]);
    const old = [{ kind: 'text', value: '7' }, { kind: 'text', value: 'long text' }, { kind: 'null' }] as const;
    const toasted = table.valueStruct([{ kind: 'text', value: '7' }, { kind: 'unchanged-toast' }, { kind: 'null' }], old);
    expect(toasted.get('item')).toBe('long text');
    const placeholder = table.valueStruct([{ kind: 'text', value: '7' }, { kind: 'unchanged-toast' }, { kind: 'null' }]);
    expect(placeholder.get('item')).toBe('__debezium_unavailable_value');
  });

  it('builds envelopes for c, u, d with processing time stamps', () => {
    const after = table.valueStruct([{ kind: 'text', value: '1' }, { kind: 'text', value: 'apple' }, { kind: 'null' }]);
    const envelope = envelopeStruct({ table, op: 'c', before: null, after, source: source(), partition, offset: {}, nowMillis: 1_700_000_001_000 });
    expect(envelope.get('op')).toBe('c');
    expect(envelope.get('before')).toBeNull();
    expect(envelope.get('after')).toBe(after);
    expect(envelope.get('ts_ms')).toBe(1_700_000_001_000);
    expect(envelope.get('ts_us')).toBe(1_700_000_001_000_000);
    expect(envelope.get('ts_ns')).toBe(1_700_000_001_000_000_000n);
    expect(envelope.get('transaction')).toBeNull();
    envelope.validate();
  });

  it('follows a delete with a tombstone (same key, null value) unless tombstones.on.delete=false', () => {
    const before = table.valueStruct([{ kind: 'text', value: '9' }, undefined, undefined]);
    const offset = { lsn: 1 };
    const records = changeRecords({ table, op: 'd', before, after: null, source: source(), partition, offset }, { tombstonesOnDelete: true });
    expect(records).toHaveLength(2);
    const [deletion, tombstone] = records;
    expect((deletion!.value as Struct).get('op')).toBe('d');
    expect((deletion!.key as Struct).get('id')).toBe(9);
    expect(tombstone).toMatchObject({ topic: 'cdc.public.orders', keySchema: table.keySchema, value: null, valueSchema: null, sourcePartition: partition, sourceOffset: offset });
    expect((tombstone!.key as Struct).equals(deletion!.key)).toBe(true);
    expect(changeRecords({ table, op: 'd', before, after: null, source: source(), partition, offset }, { tombstonesOnDelete: false })).toHaveLength(1);
  });

  it('writes truncates without key, before or after', () => {
    const [record] = changeRecords({ table, op: 't', before: null, after: null, source: source(), partition, offset: {} }, { tombstonesOnDelete: true });
    expect(record?.key).toBeNull();
    expect(record?.keySchema).toBeNull();
    expect((record?.value as Struct).get('op')).toBe('t');
  });
});
