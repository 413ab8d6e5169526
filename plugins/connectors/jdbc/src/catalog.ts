// What the connectors read from PostgreSQL's catalogs, in place of JDBC's DatabaseMetaData:
// tables and their types (named as pgjdbc's getTables names them: TABLE, VIEW, MATERIALIZED VIEW,
// PARTITIONED TABLE, FOREIGN TABLE, SYSTEM TABLE, ...), a table's columns (name, type,
// NOT NULL, auto-increment), the nullability of result columns and types that are not built in.

import type pg from 'pg';
import type { TableId } from './identifiers.js';
import { tableSql } from './identifiers.js';

export interface TableInfo extends TableId {
  readonly schema: string;
  readonly type: string;
}

/** Text for every type: the catalogs' own parsing is not wanted here. */
export const RAW_TEXT: pg.CustomTypesConfig = { getTypeParser: () => (value: string) => value };

const TABLES_SQL = `
SELECT n.nspname AS schema, c.relname AS table,
  CASE
    WHEN n.nspname IN ('pg_catalog', 'information_schema') THEN
      CASE c.relkind WHEN 'r' THEN 'SYSTEM TABLE' WHEN 'v' THEN 'SYSTEM VIEW' WHEN 'i' THEN 'SYSTEM INDEX' ELSE NULL END
    WHEN n.nspname = 'pg_toast' THEN
      CASE c.relkind WHEN 'r' THEN 'SYSTEM TOAST TABLE' WHEN 'i' THEN 'SYSTEM TOAST INDEX' ELSE NULL END
    WHEN n.nspname LIKE 'pg\\_temp\\_%' OR n.nspname LIKE 'pg\\_toast\\_temp\\_%' THEN
      CASE c.relkind WHEN 'r' THEN 'TEMPORARY TABLE' WHEN 'v' THEN 'TEMPORARY VIEW' WHEN 'S' THEN 'TEMPORARY SEQUENCE' WHEN 'i' THEN 'TEMPORARY INDEX' ELSE NULL END
    ELSE
      CASE c.relkind WHEN 'r' THEN 'TABLE' WHEN 'p' THEN 'PARTITIONED TABLE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
        WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'S' THEN 'SEQUENCE' WHEN 'i' THEN 'INDEX' WHEN 'c' THEN 'TYPE' ELSE NULL END
  END AS type
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE ($1::text IS NULL OR n.nspname LIKE $1)
ORDER BY type, schema, "table"`;

/** Tables whose type is one of `types` (case-insensitive), ordered as getTables orders them. */
export async function listTables(client: pg.Client, types: readonly string[], schemaPattern: string | null): Promise<TableInfo[]> {
  const wanted = new Set(types.map((t) => t.trim().toUpperCase()));
  const result = await client.query<{ schema: string; table: string; type: string | null }>({ text: TABLES_SQL, values: [schemaPattern], types: RAW_TEXT });
  return result.rows.filter((row) => row.type !== null && wanted.has(row.type)).map((row) => ({ schema: row.schema, table: row.table, type: row.type! }));
}

export interface TableColumn {
  readonly name: string;
  /** format_type(): e.g. "integer", "numeric(10,2)", "timestamp without time zone". */
  readonly type: string;
  /** pg_type.typname of the column type (for domains, the domain's), e.g. "int4", "json". */
  readonly typeName: string;
  readonly notNull: boolean;
  /** serial (a nextval default) or identity column. */
  readonly autoIncrement: boolean;
}

export interface TableDescription {
  readonly columns: readonly TableColumn[];
  /** relkind: 'r' table, 'p' partitioned table, 'v' view, 'm' materialized view, 'f' foreign table. */
  readonly kind: string;
}

const COLUMNS_SQL = `
SELECT c.relkind AS kind, a.attname AS name, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type, t.typname AS type_name,
  a.attnotnull AS not_null,
  (a.attidentity <> '' OR COALESCE(pg_catalog.pg_get_expr(d.adbin, d.adrelid) LIKE '%nextval(%', false)) AS auto_increment
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE c.relname = $2 AND n.nspname = COALESCE($1, (SELECT n2.nspname FROM pg_catalog.pg_class c2 JOIN pg_catalog.pg_namespace n2 ON n2.oid = c2.relnamespace
  WHERE c2.oid = pg_catalog.to_regclass($3)))
ORDER BY a.attnum`;

/** A table's columns, or undefined when there is no such table. */
export async function describeTable(client: pg.Client, table: TableId): Promise<TableDescription | undefined> {
  const result = await client.query<{ kind: string; name: string | null; type: string; type_name: string; not_null: boolean; auto_increment: boolean }>(
    COLUMNS_SQL,
    [table.schema, table.table, tableSql(table)],
  );
  const first = result.rows[0];
  if (first === undefined) return undefined;
  const columns = result.rows
    .filter((row) => row.name !== null)
    .map((row) => ({ name: row.name!, type: row.type, typeName: row.type_name, notNull: row.not_null, autoIncrement: row.auto_increment }));
  return { kind: first.kind, columns };
}

export interface TypeInfo {
  readonly oid: number;
  readonly name: string;
  /** typtype: b base, c composite, d domain, e enum, p pseudo, r range, m multirange */
  readonly kind: string;
  readonly category: string;
  /** For a domain: its base type and modifier. */
  readonly baseOid: number;
  readonly baseModifier: number;
}

/** Types by OID, cached for the life of the cache (types do not change under a running task). */
export class TypeCache {
  readonly #types = new Map<number, TypeInfo>();

  async lookup(client: pg.Client, oids: Iterable<number>): Promise<Map<number, TypeInfo>> {
    const missing = [...new Set(oids)].filter((oid) => !this.#types.has(oid));
    if (missing.length > 0) {
      const result = await client.query<{ oid: string; name: string; kind: string; category: string; base: string; base_modifier: string }>({
        text: 'SELECT oid, typname AS name, typtype AS kind, typcategory AS category, typbasetype AS base, typtypmod AS base_modifier FROM pg_catalog.pg_type WHERE oid = ANY($1::oid[])',
        values: [missing],
        types: RAW_TEXT,
      });
      for (const row of result.rows) {
        this.#types.set(Number(row.oid), { oid: Number(row.oid), name: row.name, kind: row.kind, category: row.category, baseOid: Number(row.base), baseModifier: Number(row.base_modifier) });
      }
    }
    const found = new Map<number, TypeInfo>();
    for (const oid of oids) {
      const info = this.#types.get(oid);
      if (info !== undefined) found.set(oid, info);
    }
    return found;
  }
}

/** NOT NULL of table columns, by "tableOid:columnNumber". */
export async function notNullColumns(client: pg.Client, tableOids: Iterable<number>): Promise<Set<string>> {
  const oids = [...new Set(tableOids)].filter((oid) => oid > 0);
  const notNull = new Set<string>();
  if (oids.length === 0) return notNull;
  const result = await client.query<{ rel: string; num: string }>({
    text: 'SELECT attrelid AS rel, attnum AS num FROM pg_catalog.pg_attribute WHERE attrelid = ANY($1::oid[]) AND attnum > 0 AND attnotnull',
    values: [oids],
    types: RAW_TEXT,
  });
  for (const row of result.rows) notNull.add(`${row.rel}:${row.num}`);
  return notNull;
}
