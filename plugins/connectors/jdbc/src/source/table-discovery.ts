// Which tables a JdbcSourceConnector copies and how they are spread over tasks, as Confluent's
// TableMonitorThread, TableCollectionUtils and JdbcSourceConnector.taskConfigs decide:
// - legacy filters: a table is in table.whitelist (or not in table.blacklist) when the list names
//   it as schema.table, "schema"."table" or just table;
// - new filters: table.include.list / table.exclude.list are regular expressions that must match
//   the whole unquoted schema.table;
// - two tables with the same name in different schemas would write to the same topic: an error;
// - tables, in the order pgjdbc's getTables lists them (type, schema, name), are cut into
//   min(tables, tasks.max) contiguous groups (Kafka's ConnectorUtils.groupPartitions).

import { ConnectException } from '@polyconnect/sdk';
import type { TableInfo } from '../catalog.js';
import { type TableId, quoteIdentifier, unquotedName } from '../identifiers.js';
import { fullMatch } from './source-config.js';

export interface TableFilters {
  readonly whitelist: readonly string[];
  readonly blacklist: readonly string[];
  readonly includeList: readonly string[];
  readonly excludeList: readonly string[];
}

export function filterTables(tables: readonly TableInfo[], filters: TableFilters): TableInfo[] {
  if (filters.includeList.length > 0 || filters.excludeList.length > 0) {
    const seen = new Set<string>();
    return tables.filter((table) => {
      const name = unquotedName(table);
      const keep = filters.includeList.some((regex) => fullMatch(regex, name)) && !filters.excludeList.some((regex) => fullMatch(regex, name));
      if (!keep || seen.has(name)) return false;
      seen.add(name);
      return true;
    });
  }
  const names = (table: TableInfo): string[] => [unquotedName(table), `${quoteIdentifier(table.schema)}.${quoteIdentifier(table.table)}`, table.table];
  if (filters.whitelist.length > 0) {
    const list = new Set(filters.whitelist);
    return tables.filter((table) => names(table).some((name) => list.has(name)));
  }
  if (filters.blacklist.length > 0) {
    const list = new Set(filters.blacklist);
    return tables.filter((table) => !names(table).some((name) => list.has(name)));
  }
  return [...tables];
}

/** Fails when two tables share a name (TableMonitorThread.tables()). */
export function checkDuplicateNames(tables: readonly TableId[], filters: TableFilters): void {
  const byName = new Map<string, TableId[]>();
  for (const table of tables) byName.set(table.table, [...(byName.get(table.table) ?? []), table]);
  const duplicates = [...byName.values()].filter((group) => group.length > 1);
  if (duplicates.length === 0) return;
  const configText = filters.whitelist.length > 0 ? "'table.whitelist'" : filters.blacklist.length > 0 ? "'table.blacklist'" : "'table.whitelist' or 'table.blacklist'";
  throw new ConnectException(
    'The connector uses the unqualified table name as the topic name and has detected duplicate unqualified table names. This could lead to mixed data types in the topic and downstream processing errors. To prevent such processing errors, the JDBC Source connector fails to start when it detects duplicate table name configurations. ' +
      `Update the connector's ${configText} config to include exactly one table in each of the tables listed below.\n\t` +
      duplicates.map((group) => `[${group.map(unquotedName).join(', ')}]`).join(', '),
  );
}

/** Kafka's ConnectorUtils.groupPartitions: numGroups contiguous groups, the first ones one longer. */
export function groupPartitions<T>(elements: readonly T[], numGroups: number): T[][] {
  if (numGroups <= 0) throw new Error(`Number of groups must be positive, was ${numGroups}`);
  const perGroup = Math.floor(elements.length / numGroups);
  const leftover = elements.length - numGroups * perGroup;
  const groups: T[][] = [];
  let assigned = 0;
  for (let group = 0; group < numGroups; group++) {
    const size = group < leftover ? perGroup + 1 : perGroup;
    groups.push(elements.slice(assigned, assigned + size));
    assigned += size;
  }
  return groups;
}

/** The `tables` value of a task config: quoted, comma-separated (as the ExpressionBuilder writes it). */
export function encodeTables(tables: readonly TableId[]): string {
  return tables.map((t) => (t.schema === null ? quoteIdentifier(t.table) : `${quoteIdentifier(t.schema)}.${quoteIdentifier(t.table)}`)).join(',');
}

export function sameTableList(a: readonly TableId[] | undefined, b: readonly TableId[]): boolean {
  return a !== undefined && a.length === b.length && a.every((t, i) => t.schema === b[i]!.schema && t.table === b[i]!.table);
}
