// The SQL the sink writes, as Confluent's PostgreSqlDatabaseDialect writes it:
//   column types (getSqlType): Decimal -> DECIMAL, Date -> DATE, Time -> TIME, Timestamp ->
//   TIMESTAMP, INT8/INT16 -> SMALLINT, INT32 -> INT, INT64 -> BIGINT, FLOAT32 -> REAL, FLOAT64 ->
//   DOUBLE PRECISION, BOOLEAN -> BOOLEAN, STRING -> TEXT, BYTES -> BYTEA, ARRAY -> <element>[];
//   MAP and STRUCT have no mapping.
//   CREATE TABLE with NOT NULL / NULL / DEFAULT per field and PRIMARY KEY of the key fields,
//   ALTER TABLE ... ADD for missing fields,
//   INSERT, INSERT ... ON CONFLICT (keys) DO UPDATE SET c=EXCLUDED.c (DO NOTHING without non-key
//   columns), UPDATE ... SET ... WHERE keys, DELETE ... WHERE keys.
// One difference in shape: INSERT and upsert write many rows per statement (a multi-row VALUES
// list) where JDBC sends a batch of one-row statements; the effect is the same.
// Values become pg parameters: logical types as text in db.timezone (dates in date.timezone),
// the way pgjdbc's setTimestamp/setDate/setTime with a calendar send them.

import {
  BigDecimal,
  ConnectException,
  DATE_LOGICAL_NAME,
  DECIMAL_LOGICAL_NAME,
  type Schema,
  TIME_LOGICAL_NAME,
  TIMESTAMP_LOGICAL_NAME,
} from '@polyconnect/sdk';
import { type QuoteMethod, type TableId, quoteIdentifier, tableSql } from '../identifiers.js';
import { Instant, formatDate, formatTime, formatTimestamp } from '../time.js';
import { type SinkRecordField, isOptionalField } from './fields-metadata.js';

export interface Zones {
  /** db.timezone: times and timestamps. */
  readonly zone: string;
  /** date.timezone resolved: dates. */
  readonly dateZone: string;
}

/** PostgreSqlDatabaseDialect.getSqlType */
export function sqlType(schema: Schema, fieldName: string): string {
  switch (schema.name) {
    case DECIMAL_LOGICAL_NAME:
      return 'DECIMAL';
    case DATE_LOGICAL_NAME:
      return 'DATE';
    case TIME_LOGICAL_NAME:
      return 'TIME';
    case TIMESTAMP_LOGICAL_NAME:
      return 'TIMESTAMP';
    default:
      break;
  }
  switch (schema.type) {
    case 'INT8':
    case 'INT16':
      return 'SMALLINT';
    case 'INT32':
      return 'INT';
    case 'INT64':
      return 'BIGINT';
    case 'FLOAT32':
      return 'REAL';
    case 'FLOAT64':
      return 'DOUBLE PRECISION';
    case 'BOOLEAN':
      return 'BOOLEAN';
    case 'STRING':
      return 'TEXT';
    case 'BYTES':
      return 'BYTEA';
    case 'ARRAY':
      return `${sqlType(schema.valueSchema!, fieldName)}[]`;
    default:
      throw new ConnectException(`${schema.name ?? 'null'} (${schema.type}) type doesn't have a mapping to the SQL database column type (field ${fieldName})`);
  }
}

/** A literal for a column DEFAULT (formatColumnValue). */
export function sqlLiteral(schema: Schema, value: unknown, zones: Zones): string {
  const quoted = (text: string): string => `'${text.replaceAll("'", "''")}'`;
  switch (schema.name) {
    case DECIMAL_LOGICAL_NAME:
      return (value as BigDecimal).toString();
    case DATE_LOGICAL_NAME:
      return quoted(formatDate(value as Date, zones.dateZone));
    case TIME_LOGICAL_NAME:
      return quoted(formatTime(value as Date, zones.zone));
    case TIMESTAMP_LOGICAL_NAME:
      return quoted(formatTimestamp(Instant.fromMillis((value as Date).getTime()), zones.zone).slice(0, 23));
    default:
      break;
  }
  switch (schema.type) {
    case 'INT8':
    case 'INT16':
    case 'INT32':
    case 'INT64':
    case 'FLOAT32':
    case 'FLOAT64':
      return String(value);
    case 'BOOLEAN':
      return value === true ? 'TRUE' : 'FALSE';
    case 'STRING':
      return quoted(String(value));
    case 'BYTES':
      return `'\\x${Buffer.from(value as Uint8Array).toString('hex')}'::bytea`;
    case 'ARRAY':
      return `ARRAY[${(value as unknown[]).map((item) => (item === null ? 'NULL' : sqlLiteral(schema.valueSchema!, item, zones))).join(',')}]`;
    default:
      throw new ConnectException(`Unsupported type for column value: ${schema.type}`);
  }
}

function columnSpec(field: SinkRecordField, quote: QuoteMethod, zones: Zones): string {
  const type = sqlType(field.schema, field.name);
  const defaultValue = field.schema.defaultValue;
  let suffix: string;
  if (defaultValue !== undefined && defaultValue !== null) suffix = ` DEFAULT ${sqlLiteral(field.schema, defaultValue, zones)}`;
  else suffix = isOptionalField(field) ? ' NULL' : ' NOT NULL';
  return `${quoteIdentifier(field.name, quote)} ${type}${suffix}`;
}

export function createTableSql(table: TableId, fields: readonly SinkRecordField[], quote: QuoteMethod, zones: Zones): string {
  const keys = fields.filter((f) => f.isPrimaryKey).map((f) => quoteIdentifier(f.name, quote));
  const columns = fields.map((f) => `\n${columnSpec(f, quote, zones)}`).join(',');
  const primaryKey = keys.length === 0 ? '' : `,\nPRIMARY KEY(${keys.join(',')})`;
  return `CREATE TABLE ${tableSql(table, quote)} (${columns}${primaryKey})`;
}

export function alterTableSql(table: TableId, fields: readonly SinkRecordField[], quote: QuoteMethod, zones: Zones): string {
  const newlines = fields.length > 1;
  return `ALTER TABLE ${tableSql(table, quote)} ${fields.map((f) => `${newlines ? '\n' : ''}ADD ${columnSpec(f, quote, zones)}`).join(',')}`;
}

/** Numbers the placeholders of `rows` rows of `width` values: ($1,$2),($3,$4),... */
function valuesList(rows: number, width: number): string {
  const tuples: string[] = [];
  for (let row = 0; row < rows; row++) {
    const start = row * width;
    tuples.push(`(${Array.from({ length: width }, (_, i) => `$${start + i + 1}`).join(',')})`);
  }
  return tuples.join(',');
}

export function insertSql(table: TableId, keys: readonly string[], nonKeys: readonly string[], rows: number, quote: QuoteMethod): string {
  const columns = [...keys, ...nonKeys].map((c) => quoteIdentifier(c, quote));
  return `INSERT INTO ${tableSql(table, quote)} (${columns.join(',')}) VALUES ${valuesList(rows, columns.length)}`;
}

export function upsertSql(table: TableId, keys: readonly string[], nonKeys: readonly string[], rows: number, quote: QuoteMethod): string {
  const conflict = keys.map((c) => quoteIdentifier(c, quote)).join(',');
  const action = nonKeys.length === 0 ? 'DO NOTHING' : `DO UPDATE SET ${nonKeys.map((c) => `${quoteIdentifier(c, quote)}=EXCLUDED.${quoteIdentifier(c, quote)}`).join(',')}`;
  return `${insertSql(table, keys, nonKeys, rows, quote)} ON CONFLICT (${conflict}) ${action}`;
}

/** UPDATE with the non-key columns first, then the keys (PreparedStatementBinder's order). */
export function updateSql(table: TableId, keys: readonly string[], nonKeys: readonly string[], quote: QuoteMethod): string {
  let n = 0;
  const set = nonKeys.map((c) => `${quoteIdentifier(c, quote)} = $${++n}`).join(', ');
  const where = keys.length === 0 ? '' : ` WHERE ${keys.map((c) => `${quoteIdentifier(c, quote)} = $${++n}`).join(' AND ')}`;
  return `UPDATE ${tableSql(table, quote)} SET ${set}${where}`;
}

export function deleteSql(table: TableId, keys: readonly string[], quote: QuoteMethod): string {
  return `DELETE FROM ${tableSql(table, quote)} WHERE ${keys.map((c, i) => `${quoteIdentifier(c, quote)} = $${i + 1}`).join(' AND ')}`;
}

/** A Connect value as a pg parameter (bindField / maybeBindLogical / maybeBindPrimitive). */
export function toParameter(schema: Schema, value: unknown, zones: Zones): unknown {
  if (value === null || value === undefined) return null;
  switch (schema.name) {
    case DECIMAL_LOGICAL_NAME:
      return (value as BigDecimal).toPlainString();
    case DATE_LOGICAL_NAME:
      return formatDate(value as Date, zones.dateZone);
    case TIME_LOGICAL_NAME:
      return formatTime(value as Date, zones.zone);
    case TIMESTAMP_LOGICAL_NAME:
      return formatTimestamp(Instant.fromMillis((value as Date).getTime()), zones.zone);
    default:
      break;
  }
  switch (schema.type) {
    case 'INT8':
    case 'INT16':
    case 'INT32':
    case 'FLOAT32':
    case 'FLOAT64':
    case 'BOOLEAN':
    case 'STRING':
      return value;
    case 'INT64':
      return typeof value === 'bigint' ? value.toString() : value;
    case 'BYTES':
      return Buffer.isBuffer(value) ? value : Buffer.from(value as Uint8Array);
    case 'ARRAY':
      return (value as unknown[]).map((item) => toParameter(schema.valueSchema!, item, zones));
    default:
      throw new ConnectException(`Unsupported source data type: ${schema.type}`);
  }
}
