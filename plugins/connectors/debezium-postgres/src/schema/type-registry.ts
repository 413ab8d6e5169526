// What the connector knows about PostgreSQL's types, read from pg_type and pg_enum (as Debezium's
// TypeRegistry does): names, kinds, array element types, domain base types and enum labels.
// Values arrive as text; the value converters pick a Connect schema from this.

/** The text query interface the registry needs (a pg client, or a fake in tests). */
export interface SqlRunner {
  query(text: string, values?: unknown[]): Promise<{ rows: Array<Record<string, string | null>> }>;
}

export interface PgType {
  readonly oid: number;
  readonly name: string;
  readonly schema: string;
  /** pg_type.typtype: b base, c composite, d domain, e enum, p pseudo, r range, m multirange. */
  readonly kind: string;
  /** pg_type.typcategory ('A' for arrays). */
  readonly category: string;
  /** The element type of an array type, else 0. */
  readonly elementOid: number;
  /** The base type of a domain, else 0. */
  readonly baseOid: number;
  /** The type modifier a domain applies to its base type (-1 when none). */
  readonly baseTypmod: number;
  /** Enum labels in their sort order (enums only). */
  readonly enumValues: readonly string[];
}

/** OIDs of the built-in types the converters know by number (pg_type.dat). */
export const PgOid = {
  BOOL: 16,
  BYTEA: 17,
  CHAR: 18,
  NAME: 19,
  INT8: 20,
  INT2: 21,
  INT4: 23,
  TEXT: 25,
  OID: 26,
  XID: 28,
  JSON: 114,
  XML: 142,
  POINT: 600,
  CIDR: 650,
  FLOAT4: 700,
  FLOAT8: 701,
  MACADDR8: 774,
  MONEY: 790,
  MACADDR: 829,
  INET: 869,
  BPCHAR: 1042,
  VARCHAR: 1043,
  DATE: 1082,
  TIME: 1083,
  TIMESTAMP: 1114,
  TIMESTAMPTZ: 1184,
  INTERVAL: 1186,
  TIMETZ: 1266,
  BIT: 1560,
  VARBIT: 1562,
  NUMERIC: 1700,
  UUID: 2950,
  TSVECTOR: 3614,
  JSONB: 3802,
  INT4RANGE: 3904,
  NUMRANGE: 3906,
  TSRANGE: 3908,
  TSTZRANGE: 3910,
  DATERANGE: 3912,
  INT8RANGE: 3926,
} as const;

const TYPE_QUERY = `SELECT t.oid::text AS oid, t.typname AS name, n.nspname AS schema, t.typtype AS kind, t.typcategory AS category,
  t.typelem::text AS element, t.typbasetype::text AS base, t.typtypmod::text AS typmod
  FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace`;
const ENUM_QUERY = `SELECT enumtypid::text AS oid, enumlabel AS label FROM pg_catalog.pg_enum ORDER BY enumtypid, enumsortorder`;

export class TypeRegistry {
  readonly #types = new Map<number, PgType>();
  readonly #sql: SqlRunner;

  constructor(sql: SqlRunner) {
    this.#sql = sql;
  }

  /** A registry over a fixed list of types (tests). */
  static of(types: readonly PgType[]): TypeRegistry {
    const registry = new TypeRegistry({ query: () => Promise.resolve({ rows: [] }) });
    for (const type of types) registry.#types.set(type.oid, type);
    return registry;
  }

  /** Reads every type of the database. */
  async load(): Promise<void> {
    const [types, enums] = await Promise.all([this.#sql.query(TYPE_QUERY), this.#sql.query(ENUM_QUERY)]);
    const labels = new Map<number, string[]>();
    for (const row of enums.rows) {
      const oid = Number(row['oid']);
      labels.set(oid, [...(labels.get(oid) ?? []), row['label'] ?? '']);
    }
    this.#types.clear();
    for (const row of types.rows) {
      const oid = Number(row['oid']);
      this.#types.set(oid, {
        oid,
        name: row['name'] ?? '',
        schema: row['schema'] ?? '',
        kind: row['kind'] ?? 'b',
        category: row['category'] ?? '',
        elementOid: Number(row['element'] ?? 0),
        baseOid: Number(row['base'] ?? 0),
        baseTypmod: Number(row['typmod'] ?? -1),
        enumValues: labels.get(oid) ?? [],
      });
    }
  }

  /** The type, reloading the catalog once when it is not known yet (a type created after start). */
  async resolve(oid: number): Promise<PgType | undefined> {
    if (!this.#types.has(oid)) await this.load();
    return this.#types.get(oid);
  }

  /** Reloads the types when any of these OIDs is unknown (new types, new enum labels). */
  async ensure(oids: Iterable<number>): Promise<void> {
    for (const oid of oids) {
      if (!this.#types.has(oid)) {
        await this.load();
        return;
      }
    }
  }

  get(oid: number): PgType | undefined {
    return this.#types.get(oid);
  }
}
