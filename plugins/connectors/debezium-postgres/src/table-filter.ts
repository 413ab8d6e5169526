// Which tables the connector captures: Debezium's schema.include.list / schema.exclude.list and
// table.include.list / table.exclude.list (RelationalTableFilters). Each list holds regular
// expressions matched case-insensitively against the whole schema name or the whole
// "schema.table" identifier; PostgreSQL's system schemas are never captured.

import type { TableId } from './schema/table-schema.js';

export interface TableFilterLists {
  readonly schemaInclude: readonly string[];
  readonly schemaExclude: readonly string[];
  readonly tableInclude: readonly string[];
  readonly tableExclude: readonly string[];
}

/** PostgresConnectorConfig's system schemas, plus the toast and temporary schemas PostgreSQL keeps. */
const SYSTEM_SCHEMA = /^(pg_catalog|information_schema|pg_toast.*|pg_temp_\d+)$/;

export class TableFilter {
  readonly #schemaInclude: RegExp[];
  readonly #schemaExclude: RegExp[];
  readonly #tableInclude: RegExp[];
  readonly #tableExclude: RegExp[];

  constructor(lists: TableFilterLists) {
    this.#schemaInclude = lists.schemaInclude.map(wholeMatch);
    this.#schemaExclude = lists.schemaExclude.map(wholeMatch);
    this.#tableInclude = lists.tableInclude.map(wholeMatch);
    this.#tableExclude = lists.tableExclude.map(wholeMatch);
  }

  includes(id: TableId): boolean {
    if (SYSTEM_SCHEMA.test(id.schema)) return false;
    const identifier = `${id.schema}.${id.table}`;
    if (this.#schemaInclude.length > 0 && !this.#schemaInclude.some((pattern) => pattern.test(id.schema))) return false;
    if (this.#schemaExclude.some((pattern) => pattern.test(id.schema))) return false;
    if (this.#tableInclude.length > 0 && !this.#tableInclude.some((pattern) => pattern.test(identifier))) return false;
    if (this.#tableExclude.some((pattern) => pattern.test(identifier))) return false;
    return true;
  }
}

function wholeMatch(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`, 'i');
}
