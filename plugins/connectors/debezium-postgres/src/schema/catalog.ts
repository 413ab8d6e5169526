// Reads table structures from PostgreSQL's catalog: columns (name, type, type modifier, NOT NULL)
// in table order and the primary key in key order. The snapshot builds its schemas from this;
// streaming combines it with pgoutput's Relation messages (which carry names and types but not
// nullability), as Debezium refreshes its table metadata from the database.

import type { ColumnDefinition } from './value-converters.js';
import type { SqlRunner } from './type-registry.js';
import type { TableId, TableStructure } from './table-schema.js';

export interface CatalogTable {
  readonly oid: number;
  readonly id: TableId;
}

/**
 * Ordinary tables (relkind r, which includes the leaves of partitioned tables) outside the
 * system schemas. Generated columns are left out everywhere: pgoutput does not send them.
 */
export async function listTables(sql: SqlRunner): Promise<CatalogTable[]> {
  const { rows } = await sql.query(
    `SELECT c.oid::text AS oid, n.nspname AS schema, c.relname AS name
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'
      ORDER BY n.nspname, c.relname`,
  );
  return rows.map((row) => ({ oid: Number(row['oid']), id: { schema: row['schema'] ?? '', table: row['name'] ?? '' } }));
}

export interface CatalogColumn extends ColumnDefinition {
  readonly position: number;
}

/** The table's columns in order, or [] when the table no longer exists. */
export async function readColumns(sql: SqlRunner, relationOid: number): Promise<CatalogColumn[]> {
  const { rows } = await sql.query(
    `SELECT a.attname AS name, a.atttypid::text AS type, a.atttypmod::text AS typmod, a.attnotnull::text AS notnull, a.attnum::text AS position
       FROM pg_catalog.pg_attribute a
      WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY a.attnum`,
    [relationOid],
  );
  return rows.map((row) => ({
    name: row['name'] ?? '',
    typeOid: Number(row['type']),
    typmod: Number(row['typmod']),
    optional: row['notnull'] !== 'true',
    position: Number(row['position']),
  }));
}

/** The primary key's column names in key order ([] without a primary key). */
export async function readPrimaryKey(sql: SqlRunner, relationOid: number): Promise<string[]> {
  const { rows } = await sql.query(
    `SELECT a.attname AS name
       FROM pg_catalog.pg_index i
       JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
      WHERE i.indrelid = $1 AND i.indisprimary
      ORDER BY array_position(i.indkey::int2[], a.attnum)`,
    [relationOid],
  );
  return rows.map((row) => row['name'] ?? '');
}

/** A table's structure from the catalog. */
export async function readTableStructure(sql: SqlRunner, table: CatalogTable): Promise<TableStructure> {
  const [columns, primaryKey] = await Promise.all([readColumns(sql, table.oid), readPrimaryKey(sql, table.oid)]);
  return { id: table.id, columns, primaryKey };
}

/** Quotes an identifier for SQL ("my""table"). */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
