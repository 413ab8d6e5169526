// The sink's pure parts: configuration, which columns a record becomes (pk.mode), what records
// must carry, PostgreSQL types and statements, parameters, and which errors are worth a retry.

import { BigDecimal, DateSchema, DecimalSchema, INT32_SCHEMA, INT64_SCHEMA, OPTIONAL_STRING_SCHEMA, STRING_SCHEMA, SchemaBuilder, type SinkRecord, Struct, TimestampSchema, RetriableException } from '@polyconnect/sdk';
import { describe, expect, it } from 'vitest';
import { isTransient } from '../src/connection.js';
import { JdbcSinkConnector } from '../src/sink/jdbc-sink-connector.js';
import { missingFields } from '../src/sink/db-structure.js';
import { extractFieldsMetadata, validateRecord } from '../src/sink/fields-metadata.js';
import { JdbcWriter } from '../src/sink/jdbc-writer.js';
import { DbStructure } from '../src/sink/db-structure.js';
import { parseSinkConfig } from '../src/sink/sink-config.js';
import { alterTableSql, createTableSql, deleteSql, insertSql, sqlType, toParameter, updateSql, upsertSql } from '../src/sink/sql.js';

const base = { name: 'sink', 'connection.url': 'jdbc:postgresql://h/db' };
const zones = { zone: 'UTC', dateZone: 'UTC' };
const keySchema = SchemaBuilder.struct().field('id', INT32_SCHEMA).build();
const valueSchema = SchemaBuilder.struct().name('customer').field('id', INT32_SCHEMA).field('name', STRING_SCHEMA).field('note', OPTIONAL_STRING_SCHEMA).build();

function record(overrides: Partial<SinkRecord>): SinkRecord {
  return {
    topic: 'customers', kafkaPartition: 0, kafkaOffset: 7, timestamp: 1000, timestampType: 'CREATE_TIME', keySchema: null, key: null, valueSchema: null, value: null, headers: [],
    originalTopic: 'customers', originalKafkaPartition: 0, originalKafkaOffset: 7, ...overrides,
  };
}

describe('sink configuration', () => {
  it('has Confluent\'s defaults and accepts upper-case enumerators', () => {
    expect(parseSinkConfig(base)).toMatchObject({ insertMode: 'insert', batchSize: 3000, deleteEnabled: false, pkMode: 'none', tableNameFormat: '${topic}', autoCreate: false, autoEvolve: false, maxRetries: 10, retryBackoffMs: 3000, zone: 'UTC', dateZone: 'UTC', tolerateErrors: false });
    expect(parseSinkConfig({ ...base, 'insert.mode': 'UPSERT', 'pk.mode': 'RECORD_KEY', 'errors.tolerance': 'all' })).toMatchObject({ insertMode: 'upsert', pkMode: 'record_key', tolerateErrors: true });
  });

  it('requires pk.mode=record_key for deletes, at start and at validation', async () => {
    expect(() => parseSinkConfig({ ...base, 'delete.enabled': 'true' })).toThrow("Primary key mode must be 'record_key' when delete support is enabled");
    const results = await new JdbcSinkConnector().validate({ ...base, 'delete.enabled': 'true', 'pk.mode': 'kafka' });
    expect(Object.fromEntries(results.filter((r) => r.errors.length > 0).map((r) => [r.name, r.errors]))).toEqual({
      'delete.enabled': ['Deletes are only supported for pk.mode record_key'],
      'pk.mode': ['Deletes are only supported for pk.mode record_key'],
    });
    expect((await new JdbcSinkConnector().validate({ ...base, 'insert.mode': 'merge' })).find((r) => r.name === 'insert.mode')?.errors).toEqual(['Invalid value merge for configuration insert.mode: Invalid enumerator']);
  });

  it('makes the table name from table.name.format, schema-qualified when it has a dot', () => {
    const writer = (format: string): JdbcWriter => {
      const config = parseSinkConfig({ ...base, 'table.name.format': format });
      return new JdbcWriter(config, new DbStructure(config));
    };
    expect(writer('${topic}').destinationTable('orders')).toEqual({ schema: null, table: 'orders' });
    expect(writer('kafka_${topic}').destinationTable('orders')).toEqual({ schema: null, table: 'kafka_orders' });
    expect(writer('${topic}').destinationTable('postgres.orders')).toEqual({ schema: 'postgres', table: 'orders' });
    expect(writer('archive.${topic}').destinationTable('orders')).toEqual({ schema: 'archive', table: 'orders' });
  });
});

describe('fields metadata', () => {
  const config = (pkMode: string, pkFields: string[] = []) => ({ pkMode: pkMode as 'none', pkFields, fieldsWhitelist: new Set<string>(), stringValueColumn: 'record_value' });

  it('takes keys from the record key, the value or the Kafka coordinates', () => {
    const byKey = extractFieldsMetadata('t', config('record_key'), keySchema, valueSchema);
    expect([byKey.keyFieldNames, byKey.nonKeyFieldNames, [...byKey.allFields.keys()]]).toEqual([['id'], ['name', 'note'], ['id', 'name', 'note']]);
    const primitive = extractFieldsMetadata('t', config('record_key', ['pk']), INT64_SCHEMA, valueSchema);
    expect([primitive.keyFieldNames, [...primitive.allFields.keys()]]).toEqual([['pk'], ['id', 'name', 'note', 'pk']]);
    const kafka = extractFieldsMetadata('t', config('kafka'), null, valueSchema);
    expect([...kafka.allFields.keys()]).toEqual(['__connect_topic', '__connect_partition', '__connect_offset', 'id', 'name', 'note']);
    const byValue = extractFieldsMetadata('t', config('record_value', ['id']), null, valueSchema);
    expect([byValue.keyFieldNames, byValue.nonKeyFieldNames]).toEqual([['id'], ['name', 'note']]);
    const stringValue = extractFieldsMetadata('t', config('kafka'), null, STRING_SCHEMA);
    expect(stringValue.nonKeyFieldNames).toEqual(['record_value']);
  });

  it('explains what is wrong with Confluent\'s messages', () => {
    expect(() => extractFieldsMetadata('t', config('record_key'), null, valueSchema)).toThrow("PK mode for table 't' is RECORD_KEY, but record key schema is missing");
    expect(() => extractFieldsMetadata('t', config('record_key'), INT64_SCHEMA, valueSchema)).toThrow('Need exactly one PK column defined since the key schema for records is a primitive type, defined columns are: []');
    expect(() => extractFieldsMetadata('t', config('record_value', ['nope']), null, valueSchema)).toThrow("record value schema does not contain field: nope");
    expect(() => extractFieldsMetadata('t', config('kafka', ['a']), null, valueSchema)).toThrow(/there should either be no field names defined/);
  });

  it('checks records against pk.mode and delete.enabled', () => {
    const settings = { pkMode: 'record_key' as const, deleteEnabled: true, connectorName: 'sink' };
    expect(() => validateRecord(record({ keySchema, key: new Struct(keySchema).put('id', 1) }), settings)).not.toThrow();
    expect(() => validateRecord(record({ valueSchema, value: new Struct(valueSchema).put('id', 1).put('name', 'n') }), settings)).toThrow(
      "Sink connector 'sink' is configured with 'delete.enabled=true' and 'pk.mode=record_key' and therefore requires records with a non-null key and non-null Struct or primitive key schema, but found record at (topic='customers',partition=0,offset=7,timestamp=1000) with a null key and null key schema.",
    );
    expect(() => validateRecord(record({ keySchema, key: new Struct(keySchema).put('id', 1) }), { ...settings, deleteEnabled: false })).toThrow(/requires records with a non-null Struct or String value/);
  });
});

describe('SQL', () => {
  const table = { schema: 'public', table: 'customers' };

  it('maps Connect types to PostgreSQL types as PostgreSqlDatabaseDialect', () => {
    expect(sqlType(DecimalSchema.schema(2), 'f')).toBe('DECIMAL');
    expect(sqlType(DateSchema.SCHEMA, 'f')).toBe('DATE');
    expect(sqlType(TimestampSchema.SCHEMA, 'f')).toBe('TIMESTAMP');
    expect(['INT8', 'INT16', 'INT32', 'INT64', 'FLOAT32', 'FLOAT64', 'BOOLEAN', 'STRING', 'BYTES'].map((t) => sqlType(SchemaBuilder.type(t as 'INT8').build(), 'f'))).toEqual([
      'SMALLINT', 'SMALLINT', 'INT', 'BIGINT', 'REAL', 'DOUBLE PRECISION', 'BOOLEAN', 'TEXT', 'BYTEA',
    ]);
    expect(sqlType(SchemaBuilder.array(STRING_SCHEMA).build(), 'f')).toBe('TEXT[]');
    expect(() => sqlType(SchemaBuilder.map(STRING_SCHEMA, STRING_SCHEMA).build(), 'tags')).toThrow("null (MAP) type doesn't have a mapping to the SQL database column type");
  });

  it('creates and alters tables', () => {
    const fields = [
      { name: 'id', schema: INT32_SCHEMA, isPrimaryKey: true },
      { name: 'name', schema: STRING_SCHEMA, isPrimaryKey: false },
      { name: 'note', schema: OPTIONAL_STRING_SCHEMA, isPrimaryKey: false },
      { name: 'qty', schema: SchemaBuilder.int32().defaultValue(5).build(), isPrimaryKey: false },
      { name: 'label', schema: SchemaBuilder.string().optional().defaultValue("it's").build(), isPrimaryKey: false },
    ];
    expect(createTableSql(table, fields, 'always', zones)).toBe(
      'CREATE TABLE "public"."customers" (\n"id" INT NOT NULL,\n"name" TEXT NOT NULL,\n"note" TEXT NULL,\n"qty" INT DEFAULT 5,\n"label" TEXT DEFAULT \'it\'\'s\',\nPRIMARY KEY("id"))',
    );
    expect(alterTableSql(table, fields.slice(2, 3), 'always', zones)).toBe('ALTER TABLE "public"."customers" ADD "note" TEXT NULL');
    expect(alterTableSql(table, fields.slice(2, 4), 'never', zones)).toBe('ALTER TABLE public.customers \nADD note TEXT NULL,\nADD qty INT DEFAULT 5');
    expect(missingFields(fields, ['ID', 'name'])).toEqual(fields.slice(2));
  });

  it('writes rows: insert, upsert with ON CONFLICT, update, delete', () => {
    expect(insertSql(table, ['id'], ['name'], 2, 'always')).toBe('INSERT INTO "public"."customers" ("id","name") VALUES ($1,$2),($3,$4)');
    expect(upsertSql(table, ['id'], ['name', 'note'], 1, 'always')).toBe(
      'INSERT INTO "public"."customers" ("id","name","note") VALUES ($1,$2,$3) ON CONFLICT ("id") DO UPDATE SET "name"=EXCLUDED."name","note"=EXCLUDED."note"',
    );
    expect(upsertSql(table, ['id'], [], 1, 'always')).toBe('INSERT INTO "public"."customers" ("id") VALUES ($1) ON CONFLICT ("id") DO NOTHING');
    expect(updateSql(table, ['id', 'k2'], ['name'], 'always')).toBe('UPDATE "public"."customers" SET "name" = $1 WHERE "id" = $2 AND "k2" = $3');
    expect(deleteSql(table, ['id', 'k2'], 'always')).toBe('DELETE FROM "public"."customers" WHERE "id" = $1 AND "k2" = $2');
  });

  it('turns values into parameters', () => {
    expect(toParameter(DecimalSchema.schema(2), new BigDecimal(-1234n, 2), zones)).toBe('-12.34');
    expect(toParameter(TimestampSchema.SCHEMA, new Date(Date.UTC(2024, 0, 1, 10, 0, 0, 5)), zones)).toBe('2024-01-01 10:00:00.005000+00:00');
    expect(toParameter(DateSchema.SCHEMA, new Date(Date.UTC(2024, 1, 29)), zones)).toBe('2024-02-29');
    expect(toParameter(INT64_SCHEMA, 2n ** 62n, zones)).toBe('4611686018427387904');
    expect(toParameter(SchemaBuilder.array(INT32_SCHEMA).build(), [1, 2], zones)).toEqual([1, 2]);
    expect(() => toParameter(valueSchema, new Struct(valueSchema), zones)).toThrow('Unsupported source data type: STRUCT');
  });
});

describe('transient errors', () => {
  it('are connection failures, shutdowns, serialization failures and deadlocks, not data errors', () => {
    const pgError = (code: string): Error => Object.assign(new Error('x'), { code });
    for (const code of ['08006', '57P01', '53300', '40001', '40P01', 'ECONNREFUSED', 'ECONNRESET']) expect(isTransient(pgError(code))).toBe(true);
    expect(isTransient(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isTransient(new RetriableException('later'))).toBe(true);
    for (const code of ['23505', '23514', '22P02', '42P01', '42703']) expect(isTransient(pgError(code))).toBe(false);
  });
});
