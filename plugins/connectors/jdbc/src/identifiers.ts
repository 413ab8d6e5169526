// Table identifiers as Confluent's TableId / IdentifierRules / ExpressionBuilder treat them for
// PostgreSQL: "." separates schema and table, '"' quotes, and the catalog (database) is dropped
// because a PostgreSQL connection sees exactly one database (PostgreSqlDatabaseDialect
// .createTableId). `quote.sql.identifiers` = always (default) | never decides whether SQL quotes
// names; with `never` PostgreSQL folds them to lower case, and so does parseTableId (as the
// dialect's parseTableIdentifier does).

export type QuoteMethod = 'always' | 'never';

export interface TableId {
  /** null when not given (the session's search_path decides). */
  readonly schema: string | null;
  readonly table: string;
}

/** Splits `a.b`, `"a.b"."c"` and the like into parts, as IdentifierRules.parseQualifiedIdentifier. */
export function parseQualifiedIdentifier(fqn: string): string[] {
  const parts: string[] = [];
  let rest = fqn;
  do {
    let segment: string;
    if (rest.startsWith('"')) {
      // A quoted part; "" inside stands for one quote (SQL's rule; Confluent stops at the first quote).
      let end = 1;
      segment = '';
      for (;;) {
        const next = rest.indexOf('"', end);
        if (next < 0) throw new Error(`Failure parsing fully qualified identifier; missing trailing quote in ${fqn}`);
        segment += rest.slice(end, next);
        if (rest[next + 1] === '"') {
          segment += '"';
          end = next + 2;
          continue;
        }
        rest = rest.slice(next + 1);
        break;
      }
      if (rest.startsWith('.')) {
        rest = rest.slice(1);
        if (rest === '') throw new Error(`Failure parsing fully qualified identifier; ends in delimiter ${fqn}`);
      }
    } else {
      const dot = rest.indexOf('.');
      if (dot < 0) {
        segment = rest;
        rest = '';
      } else {
        segment = rest.slice(0, dot);
        rest = rest.slice(dot + 1);
        if (rest === '') throw new Error(`Failure parsing fully qualified identifier; ends in delimiter ${fqn}`);
      }
    }
    parts.push(segment);
  } while (rest.length > 0);
  return parts;
}

/** `table`, `schema.table` or `db.schema.table` (the database part is dropped). */
export function parseTableId(fqn: string, quote: QuoteMethod = 'always'): TableId {
  const parts = parseQualifiedIdentifier(fqn.trim());
  const table = parts[parts.length - 1]!;
  const schema = parts.length >= 2 ? parts[parts.length - 2]! : null;
  if (quote === 'never') return { schema: schema?.toLowerCase() ?? null, table: table.toLowerCase() };
  return { schema: schema === '' ? null : schema, table };
}

export function quoteIdentifier(name: string, quote: QuoteMethod = 'always'): string {
  return quote === 'never' ? name : `"${name.replaceAll('"', '""')}"`;
}

/** The table as SQL: `"schema"."table"` (or unquoted with quote.sql.identifiers=never). */
export function tableSql(id: TableId, quote: QuoteMethod = 'always'): string {
  return id.schema === null ? quoteIdentifier(id.table, quote) : `${quoteIdentifier(id.schema, quote)}.${quoteIdentifier(id.table, quote)}`;
}

/** `schema.table` without quotes: the fully qualified name offsets and include lists use. */
export function unquotedName(id: TableId): string {
  return id.schema === null ? id.table : `${id.schema}.${id.table}`;
}

/** TableId.compareTo: by table name, then schema (null first). */
export function compareTableIds(a: TableId, b: TableId): number {
  if (a.table !== b.table) return a.table < b.table ? -1 : 1;
  if (a.schema === b.schema) return 0;
  if (a.schema === null) return -1;
  if (b.schema === null) return 1;
  return a.schema < b.schema ? -1 : 1;
}

export function sameTable(a: TableId, b: TableId): boolean {
  return a.schema === b.schema && a.table === b.table;
}
