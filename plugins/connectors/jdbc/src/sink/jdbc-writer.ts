// Writes a batch of sink records into their tables inside the caller's transaction, as
// Confluent's JdbcDbWriter and BufferedRecords do: records are buffered per destination table
// (table.name.format with ${topic}); a buffer is flushed when the key or value schema changes
// (which may create or amend the table first), when it holds batch.size records, and before an
// insert that follows a delete, so that their order is kept. A flush runs the inserts, upserts or
// updates, then the deletes (tombstones, with delete.enabled).

import { ConnectException, type Schema, type SinkRecord, Struct, schemaEquals } from '@polyconnect/sdk';
import type pg from 'pg';
import { type TableId, parseTableId, unquotedName } from '../identifiers.js';
import type { DbStructure } from './db-structure.js';
import { type FieldsMetadata, extractFieldsMetadata } from './fields-metadata.js';
import type { SinkConfig } from './sink-config.js';
import { type Zones, deleteSql, insertSql, toParameter, updateSql, upsertSql } from './sql.js';

/** PostgreSQL's limit on the parameters of one statement. */
const MAX_PARAMETERS = 65535;
const MAX_ROWS_PER_STATEMENT = 1000;

export class JdbcWriter {
  readonly #config: SinkConfig;
  readonly #structure: DbStructure;
  readonly #zones: Zones;

  constructor(config: SinkConfig, structure: DbStructure) {
    this.#config = config;
    this.#structure = structure;
    this.#zones = { zone: config.zone, dateZone: config.dateZone };
  }

  /** Writes every record; the caller owns the transaction. */
  async write(client: pg.Client, records: readonly SinkRecord[]): Promise<void> {
    const buffers = new Map<string, BufferedRecords>();
    for (const record of records) {
      const table = this.destinationTable(record.topic);
      const key = unquotedName(table);
      let buffer = buffers.get(key);
      if (buffer === undefined) {
        buffer = new BufferedRecords(this.#config, table, this.#structure, this.#zones, client);
        buffers.set(key, buffer);
      }
      await buffer.add(record);
    }
    for (const buffer of buffers.values()) await buffer.flush();
  }

  /** JdbcDbWriter.destinationTable: "${topic}" replaced, then parsed as [schema.]table. */
  destinationTable(topic: string): TableId {
    const name = this.#config.tableNameFormat.replaceAll('${topic}', topic);
    if (name === '') throw new ConnectException(`Destination table name for topic '${topic}' is empty using the format string '${this.#config.tableNameFormat}'`);
    return parseTableId(name, this.#config.quote);
  }
}

class BufferedRecords {
  readonly #config: SinkConfig;
  readonly #table: TableId;
  readonly #structure: DbStructure;
  readonly #zones: Zones;
  readonly #client: pg.Client;
  #records: SinkRecord[] = [];
  #keySchema: Schema | null | undefined;
  #valueSchema: Schema | null | undefined;
  #fields: FieldsMetadata | undefined;
  #deletesInBatch = false;

  constructor(config: SinkConfig, table: TableId, structure: DbStructure, zones: Zones, client: pg.Client) {
    this.#config = config;
    this.#table = table;
    this.#structure = structure;
    this.#zones = zones;
    this.#client = client;
  }

  async add(record: SinkRecord): Promise<void> {
    let schemaChanged = false;
    if (this.#keySchema === undefined || !schemaEquals(this.#keySchema, record.keySchema)) {
      this.#keySchema = record.keySchema;
      schemaChanged = true;
    }
    if (record.valueSchema === null) {
      // A delete does not change the value schema (no flush just for it).
      if (this.#config.deleteEnabled) this.#deletesInBatch = true;
    } else if (this.#valueSchema !== undefined && schemaEquals(this.#valueSchema, record.valueSchema)) {
      // An insert after a delete of the same row must not overtake it.
      if (this.#config.deleteEnabled && this.#deletesInBatch) await this.flush();
    } else {
      this.#valueSchema = record.valueSchema;
      schemaChanged = true;
    }
    if (schemaChanged || this.#fields === undefined) {
      await this.flush();
      this.#fields = extractFieldsMetadata(this.#table.table, this.#config, record.keySchema, record.valueSchema);
      await this.#structure.createOrAmendIfNecessary(this.#client, this.#table, this.#fields);
    }
    if ((record.value === null || record.value === undefined) && this.#config.deleteEnabled) this.#deletesInBatch = true;
    this.#records.push(record);
    if (this.#records.length >= this.#config.batchSize) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.#records.length === 0) return;
    const records = this.#records;
    this.#records = [];
    this.#deletesInBatch = false;
    const fields = this.#fields!;
    const isDelete = (r: SinkRecord): boolean => (r.value === null || r.value === undefined) && this.#config.deleteEnabled;
    const writes = records.filter((r) => !isDelete(r));
    const deletes = records.filter(isDelete);
    if (writes.length > 0) await this.#executeWrites(fields, writes);
    if (deletes.length > 0) await this.#executeDeletes(fields, deletes);
  }

  async #executeWrites(fields: FieldsMetadata, records: readonly SinkRecord[]): Promise<void> {
    const { keyFieldNames: keys, nonKeyFieldNames: nonKeys } = fields;
    const quote = this.#config.quote;
    if (this.#config.insertMode === 'update') {
      const sql = updateSql(this.#table, keys, nonKeys, quote);
      for (const record of records) await this.#client.query(sql, [...this.#nonKeyValues(fields, record), ...this.#keyValues(fields, record)]);
      return;
    }
    if (this.#config.insertMode === 'upsert' && keys.length === 0) {
      throw new ConnectException(`Write to table '${unquotedName(this.#table)}' in UPSERT mode requires key field names to be known, check the primary key configuration`);
    }
    const width = keys.length + nonKeys.length;
    const perStatement = Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / Math.max(width, 1))));
    let rows: unknown[][] = [];
    let keysInStatement = new Set<string>();
    const run = async (): Promise<void> => {
      if (rows.length === 0) return;
      const sql = this.#config.insertMode === 'upsert' ? upsertSql(this.#table, keys, nonKeys, rows.length, quote) : insertSql(this.#table, keys, nonKeys, rows.length, quote);
      await this.#client.query(sql, rows.flat());
      rows = [];
      keysInStatement = new Set();
    };
    for (const record of records) {
      const keyValues = this.#keyValues(fields, record);
      // ON CONFLICT cannot update one row twice in a statement: a repeated key starts a new one.
      const identity = keyValues.length === 0 ? undefined : keyIdentity(keyValues);
      if (identity !== undefined && keysInStatement.has(identity)) await run();
      rows.push([...keyValues, ...this.#nonKeyValues(fields, record)]);
      if (identity !== undefined) keysInStatement.add(identity);
      if (rows.length >= perStatement) await run();
    }
    await run();
  }

  async #executeDeletes(fields: FieldsMetadata, records: readonly SinkRecord[]): Promise<void> {
    if (fields.keyFieldNames.length === 0) throw new ConnectException('Require primary keys to support delete');
    const sql = deleteSql(this.#table, fields.keyFieldNames, this.#config.quote);
    for (const record of records) await this.#client.query(sql, this.#keyValues(fields, record));
  }

  /** PreparedStatementBinder.bindKeyFields */
  #keyValues(fields: FieldsMetadata, record: SinkRecord): unknown[] {
    const zones = this.#zones;
    switch (this.#config.pkMode) {
      case 'none':
        return [];
      case 'kafka':
        return [record.topic, record.kafkaPartition, record.kafkaOffset];
      case 'record_key': {
        const schema = record.keySchema!;
        if (schema.type !== 'STRUCT') return [toParameter(schema, record.key, zones)];
        const key = record.key as Struct;
        return fields.keyFieldNames.map((name) => toParameter(schema.field(name)!.schema, key.get(name), zones));
      }
      case 'record_value': {
        const schema = record.valueSchema!;
        const value = record.value as Struct;
        return fields.keyFieldNames.map((name) => toParameter(schema.field(name)!.schema, value.get(name), zones));
      }
    }
  }

  /** PreparedStatementBinder.bindNonKeyFields */
  #nonKeyValues(fields: FieldsMetadata, record: SinkRecord): unknown[] {
    const schema = record.valueSchema!;
    if (schema.type === 'STRING') return fields.nonKeyFieldNames.map(() => record.value);
    if (!(record.value instanceof Struct)) throw new ConnectException(`Record value at (topic='${record.topic}',partition=${record.kafkaPartition},offset=${record.kafkaOffset}) is not a Struct`);
    const value = record.value;
    return fields.nonKeyFieldNames.map((name) => {
      const field = schema.field(name)!;
      const raw = this.#config.replaceNullWithDefault ? value.get(field) : value.getWithoutDefault(field);
      return toParameter(field.schema, raw, this.#zones);
    });
  }
}

function keyIdentity(values: readonly unknown[]): string {
  return values.map((v) => (v === null ? '\u0001' : Buffer.isBuffer(v) ? `x${v.toString('hex')}` : `${typeof v}:${String(v)}`)).join('\u0000');
}
