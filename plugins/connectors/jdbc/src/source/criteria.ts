// The SQL a table querier runs, as Confluent's BulkTableQuerier, TimestampIncrementingTableQuerier
// and TimestampIncrementingCriteria build it (with $n parameters instead of JDBC's ?):
//   bulk:                    SELECT * FROM "s"."t" [suffix]
//   incrementing:            ... WHERE "s"."t"."id" > $1 ORDER BY "s"."t"."id" ASC
//   timestamp:               ... WHERE ts > $1 AND ts < $2 ORDER BY ts ASC
//   timestamp+incrementing:  ... WHERE ts < $1 AND ((ts = $2 AND id > $3) OR ts > $2) ORDER BY ts,id ASC
// where ts is the timestamp column, or COALESCE(c1,c2,...) of several. $1/$2 of the timestamp
// modes are the last offset's timestamp and the database's current time minus
// timestamp.delay.interval.ms. With a custom query the columns are not qualified by a table and
// the clause is appended to the query as given.

import { type QuoteMethod, type TableId, quoteIdentifier, tableSql } from '../identifiers.js';
import { formatTimestamp, type Instant } from '../time.js';

export interface Criteria {
  /** The table, or null for a custom query. */
  readonly table: TableId | null;
  readonly incrementingColumn: string | null;
  readonly timestampColumns: readonly string[];
  readonly quote: QuoteMethod;
}

function column(criteria: Criteria, name: string): string {
  const quoted = quoteIdentifier(name, criteria.quote);
  return criteria.table === null ? quoted : `${tableSql(criteria.table, criteria.quote)}.${quoted}`;
}

function timestampExpression(criteria: Criteria): string {
  const columns = criteria.timestampColumns.map((name) => column(criteria, name));
  return columns.length === 1 ? columns[0]! : `COALESCE(${columns.join(',')})`;
}

/** The clause appended to the base query, starting with a space; '' for bulk. */
export function whereClause(criteria: Criteria): string {
  const hasTimestamp = criteria.timestampColumns.length > 0;
  const incrementing = criteria.incrementingColumn === null ? null : column(criteria, criteria.incrementingColumn);
  if (hasTimestamp && incrementing !== null) {
    const ts = timestampExpression(criteria);
    return ` WHERE ${ts} < $1 AND ((${ts} = $2 AND ${incrementing} > $3) OR ${ts} > $2) ORDER BY ${ts},${incrementing} ASC`;
  }
  if (hasTimestamp) {
    const ts = timestampExpression(criteria);
    return ` WHERE ${ts} > $1 AND ${ts} < $2 ORDER BY ${ts} ASC`;
  }
  if (incrementing !== null) return ` WHERE ${incrementing} > $1 ORDER BY ${incrementing} ASC`;
  return '';
}

export interface CriteriaValues {
  /** The offset's timestamp (the epoch when there is none). */
  readonly begin: Instant;
  /** The database's current time minus the delay. */
  readonly end: Instant;
  /** The offset's incrementing value (-1 when there is none). */
  readonly lastIncrementing: number | bigint;
}

/** The parameters for whereClause's placeholders; timestamps as text in db.timezone. */
export function queryParameters(criteria: Criteria, values: CriteriaValues, zone: string): unknown[] {
  const hasTimestamp = criteria.timestampColumns.length > 0;
  const hasIncrementing = criteria.incrementingColumn !== null;
  const begin = formatTimestamp(values.begin, zone);
  const end = formatTimestamp(values.end, zone);
  const last = values.lastIncrementing.toString();
  if (hasTimestamp && hasIncrementing) return [end, begin, last];
  if (hasTimestamp) return [begin, end];
  if (hasIncrementing) return [last];
  return [];
}

/** The whole statement: base (table or query), criteria, suffix. */
export function buildQuery(criteria: Criteria, query: string | null, suffix: string): string {
  const base = query ?? `SELECT * FROM ${tableSql(criteria.table!, criteria.quote)}`;
  return `${base}${whereClause(criteria)}${suffix === '' ? '' : ` ${suffix}`}`;
}
