// One table (or the custom query) of a source task: Confluent's TableQuerier family
// (BulkTableQuerier, TimestampIncrementingTableQuerier, TimestampTableQuerier) over a pg
// connection.
//
// Lifecycle: idle -> start() (BEGIN, the database's current time for timestamp criteria, DECLARE
// a cursor for the query) -> fetch() as often as needed (FETCH batch.max.rows rows, made into
// records) -> reset() when the cursor is exhausted or failed (CLOSE and COMMIT, or ROLLBACK;
// lastUpdate = now, which schedules the next run poll.interval.ms later). Confluent keeps a JDBC
// result set open across polls in the same way (autocommit off, forward-only).
//
// Offsets: each record carries the offset just after it. In timestamp mode a record's offset
// advances to its timestamp only when the next row has a later one (TimestampTableQuerier), so
// that a restart in the middle of rows sharing a timestamp reads all of them again rather than
// skipping some; the querier holds the last fetched row back until it knows the next. After a
// failure the running offset goes back to the one the current query started from.

import {
  BigDecimal,
  ConnectException,
  DataException,
  DECIMAL_LOGICAL_NAME,
  type Schema,
  type SourceMap,
  type SourceRecord,
  Struct,
  log,
} from '@polyconnect/sdk';
import type pg from 'pg';
import { RAW_TEXT, type TypeCache, notNullColumns } from '../catalog.js';
import { type QuoteMethod, type TableId, tableSql, unquotedName } from '../identifiers.js';
import { Instant, parseTimestamp } from '../time.js';
import { type ColumnDescription, type FieldMapping, type MappingOptions, OID, mapColumn, recordSchema } from './column-types.js';
import { type Criteria, buildQuery, queryParameters } from './criteria.js';
import { TimestampIncrementingOffset } from './offsets.js';
import { MODE_BULK, MODE_TIMESTAMP, type Mode, type SourceConfig } from './source-config.js';

const CURSOR = 'polyconnect_jdbc_source';
const MAPPED_OIDS = new Set<number>(Object.values(OID));

export interface TableQuerierOptions {
  readonly mode: Mode;
  /** The table, or null for the custom query. */
  readonly table: TableId | null;
  readonly query: string | null;
  readonly topic: string;
  readonly partition: SourceMap;
  /** null: none; '': the first auto-incrementing column (table mode only). */
  readonly incrementingColumn: string | null;
  readonly timestampColumns: readonly string[];
  readonly offset: TimestampIncrementingOffset;
  readonly config: Pick<SourceConfig, 'quote' | 'querySuffix' | 'zone' | 'timestampDelayMs' | 'batchMaxRows' | 'isolation' | 'numericMapping' | 'granularity' | 'queryMasked'>;
}

interface ResultMapping {
  readonly schema: Schema;
  /** For each mapped field, the index of its column in the row. */
  readonly fields: ReadonlyArray<{ mapping: FieldMapping; index: number }>;
  readonly timestampFields: ReadonlyArray<{ mapping: FieldMapping; index: number }>;
  readonly incrementing: { mapping: FieldMapping; index: number } | undefined;
}

interface PendingRow {
  readonly value: Struct;
  readonly offset: TimestampIncrementingOffset;
}

export class TableQuerier {
  readonly options: TableQuerierOptions;
  /** When the last run finished (ms); the next starts poll.interval.ms later. */
  lastUpdate = 0;
  /** Consecutive transient failures, against query.retry.attempts. */
  attemptedRetries = 0;
  #offset: TimestampIncrementingOffset;
  #committedOffset: TimestampIncrementingOffset;
  #incrementingColumn: string | null;
  #querying = false;
  #mapping: ResultMapping | undefined;
  #pending: PendingRow | undefined;
  #loggedQuery: string | undefined;
  readonly #warned = new Set<string>();

  constructor(options: TableQuerierOptions) {
    this.options = options;
    this.#offset = this.#committedOffset = options.offset;
    this.#incrementingColumn = options.incrementingColumn;
  }

  get querying(): boolean {
    return this.#querying;
  }

  get offset(): TimestampIncrementingOffset {
    return this.#offset;
  }

  get name(): string {
    return this.options.table === null ? 'the custom query' : unquotedName(this.options.table);
  }

  /** Opens the transaction and the cursor for the next run. */
  async start(client: pg.Client): Promise<void> {
    const { config } = this.options;
    const isolation = config.isolation === 'DEFAULT' ? '' : ` ISOLATION LEVEL ${config.isolation.replace('_', ' ')}`;
    await client.query(`BEGIN${isolation}`);
    this.#querying = true;
    this.#mapping = undefined;
    this.#pending = undefined;
    // TimestampIncrementingTableQuerier.maybeStartQuery: the previous run succeeded, so its
    // offset becomes the one to go back to after a failure.
    this.#committedOffset = this.#offset;
    if (this.options.mode !== MODE_BULK) await this.#resolveIncrementingColumn(client);
    const criteria = this.#criteria();
    const sql = buildQuery(criteria, this.options.query, config.querySuffix);
    if (sql !== this.#loggedQuery) {
      // Confluent logs the statement at INFO when it changes; a masked query is never logged.
      log.info(`Begin using SQL query: ${config.queryMasked ? '********' : sql}`, { table: this.name });
      this.#loggedQuery = sql;
    }
    let values: unknown[] = [];
    if (this.options.mode !== MODE_BULK) {
      let end = new Instant(0, 0);
      if (criteria.timestampColumns.length > 0) {
        const now = await client.query<[string]>({ text: 'SELECT CURRENT_TIMESTAMP', rowMode: 'array', types: RAW_TEXT });
        end = parseTimestamp(now.rows[0]![0]).minusMillis(config.timestampDelayMs);
      }
      values = queryParameters(criteria, { begin: this.#offset.timestampOrEpoch, end, lastIncrementing: this.#offset.incrementingOrDefault }, config.zone);
    }
    await client.query({ text: `DECLARE ${CURSOR} NO SCROLL CURSOR FOR ${sql}`, values });
  }

  /**
   * The next rows as records (possibly none while rows are held back), and whether the cursor is
   * exhausted (then the caller resets the querier).
   */
  async fetch(client: pg.Client, types: TypeCache): Promise<{ records: SourceRecord[]; exhausted: boolean }> {
    const batch = this.options.config.batchMaxRows;
    const result = await client.query<unknown[]>({ text: `FETCH FORWARD ${batch} FROM ${CURSOR}`, rowMode: 'array', types: RAW_TEXT });
    this.#mapping ??= await this.#createMapping(client, types, result.fields);
    const exhausted = result.rows.length < batch;
    const records: SourceRecord[] = [];
    const mapping = this.#mapping;
    for (const row of result.rows) {
      const value = this.#toStruct(mapping, row as Array<string | null>);
      const extracted = this.#extractOffset(mapping, row as Array<string | null>, value);
      if (this.options.mode === MODE_TIMESTAMP) {
        this.#emitPending(records, extracted.timestamp);
        this.#pending = { value, offset: extracted };
      } else {
        if (this.options.mode !== MODE_BULK) this.#offset = extracted;
        records.push(this.#record(value, this.options.mode === MODE_BULK ? null : extracted));
      }
    }
    if (exhausted && this.#pending !== undefined) this.#emitPending(records, null);
    return { records, exhausted };
  }

  /** Ends the run: commits (or, after a failure, rolls back) and schedules the next. */
  async reset(client: pg.Client | undefined, now: number, failed: boolean): Promise<void> {
    this.#querying = false;
    this.#pending = undefined;
    this.#mapping = undefined;
    this.lastUpdate = now;
    if (failed) this.#offset = this.#committedOffset;
    if (client === undefined) return;
    await client.query(failed ? 'ROLLBACK' : `CLOSE ${CURSOR}; COMMIT`);
  }

  /** TimestampTableQuerier: the held-back row gets its own timestamp as offset only if the next row's is later. */
  #emitPending(records: SourceRecord[], nextTimestamp: Instant | null): void {
    const pending = this.#pending;
    if (pending === undefined) return;
    this.#pending = undefined;
    const current = pending.offset.timestamp;
    if (current === null || nextTimestamp === null || current.compare(nextTimestamp) < 0) {
      this.#offset = new TimestampIncrementingOffset(current, null);
    }
    records.push(this.#record(pending.value, this.#offset));
  }

  #record(value: Struct, offset: TimestampIncrementingOffset | null): SourceRecord {
    return { topic: this.options.topic, sourcePartition: this.options.partition, sourceOffset: offset === null ? null : offset.toMap(), valueSchema: value.schema, value };
  }

  #criteria(): Criteria {
    const { mode, table, timestampColumns, config } = this.options;
    const usesTimestamp = mode === MODE_TIMESTAMP || mode === 'timestamp+incrementing';
    return {
      table,
      incrementingColumn: mode === MODE_BULK || mode === MODE_TIMESTAMP ? null : this.#incrementingColumn,
      timestampColumns: usesTimestamp ? timestampColumns : [],
      quote: config.quote,
    };
  }

  /** An empty incrementing.column.name means the table's first auto-incrementing column. */
  async #resolveIncrementingColumn(client: pg.Client): Promise<void> {
    if (this.#incrementingColumn !== '' || this.options.table === null) return;
    const result = await client.query<{ name: string }>({
      text: `SELECT a.attname AS name FROM pg_catalog.pg_attribute a LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = pg_catalog.to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped
          AND (a.attidentity <> '' OR COALESCE(pg_catalog.pg_get_expr(d.adbin, d.adrelid) LIKE '%nextval(%', false))
        ORDER BY a.attnum LIMIT 1`,
      values: [tableSql(this.options.table)],
    });
    const found = result.rows[0]?.name;
    if (found === undefined) {
      throw new ConnectException(
        `No incrementing column for table ${this.name}: incrementing.column.name is empty and the table has no auto-incrementing (serial or identity) column. Set incrementing.column.name.`,
      );
    }
    log.info(`Using auto-incrementing column ${found} of ${this.name} as the incrementing column`);
    this.#incrementingColumn = found;
  }

  async #createMapping(client: pg.Client, types: TypeCache, fields: readonly pg.FieldDef[]): Promise<ResultMapping> {
    const notNull = await notNullColumns(client, fields.map((f) => f.tableID));
    const unknown = fields.map((f) => f.dataTypeID).filter((oid) => !MAPPED_OIDS.has(oid));
    const typeInfo = await types.lookup(client, unknown);
    // Domains: map as their base type (resolved once more for nested domains).
    const bases = [...typeInfo.values()].filter((t) => t.kind === 'd').map((t) => t.baseOid);
    const baseInfo = await types.lookup(client, bases.filter((oid) => !MAPPED_OIDS.has(oid)));
    const options: MappingOptions = { numericMapping: this.options.config.numericMapping, granularity: this.options.config.granularity, zone: this.options.config.zone };
    const mapped: Array<{ mapping: FieldMapping; index: number }> = [];
    fields.forEach((field, index) => {
      let oid = field.dataTypeID;
      let modifier = field.dataTypeModifier;
      let info = typeInfo.get(oid);
      if (info?.kind === 'd') {
        oid = info.baseOid;
        modifier = info.baseModifier;
        info = baseInfo.get(oid);
      }
      const column: ColumnDescription = {
        name: field.name,
        typeOid: oid,
        typeModifier: modifier,
        typeName: info?.name ?? String(oid),
        nullable: !notNull.has(`${field.tableID}:${field.columnID}`),
        ...(info === undefined ? {} : { typeKind: info.kind, typeCategory: info.category }),
      };
      const mapping = mapColumn(column, options);
      if (mapping === undefined) {
        if (!this.#warned.has(field.name)) {
          this.#warned.add(field.name);
          log.warn(`JDBC type of column ${field.name} (${column.typeName}) not currently supported; the column is left out of the records of ${this.name}`);
        }
        return;
      }
      mapped.push({ mapping, index });
    });
    if (mapped.length === 0) throw new ConnectException(`No column of ${this.name} has a type that can be copied`);
    const schemaName = this.options.table === null ? null : this.options.table.table;
    const schema = recordSchema(schemaName, mapped.map((m) => m.mapping));
    return {
      schema,
      fields: mapped,
      timestampFields: this.#criteria().timestampColumns.map((name) => findField(mapped, name, 'Timestamp')),
      incrementing: this.#criteria().incrementingColumn === null ? undefined : findField(mapped, this.#criteria().incrementingColumn!, 'Incrementing'),
    };
  }

  #toStruct(mapping: ResultMapping, row: ReadonlyArray<string | null>): Struct {
    const struct = new Struct(mapping.schema);
    for (const { mapping: field, index } of mapping.fields) {
      const text = row[index];
      try {
        struct.put(field.field, text === null || text === undefined ? null : field.read(text));
      } catch (error) {
        throw new DataException(`Could not read column ${field.field} of ${this.name} (value ${JSON.stringify(text)}): ${(error as Error).message}`, { cause: error });
      }
    }
    return struct;
  }

  /** TimestampIncrementingCriteria.extractValues */
  #extractOffset(mapping: ResultMapping, row: ReadonlyArray<string | null>, value: Struct): TimestampIncrementingOffset {
    if (this.options.mode === MODE_BULK) return TimestampIncrementingOffset.EMPTY;
    let timestamp: Instant | null = null;
    for (const { mapping: field, index } of mapping.timestampFields) {
      const text = row[index];
      if (text === null || text === undefined) continue;
      if (field.readInstant !== undefined) timestamp = field.readInstant(text);
      else {
        const read = field.read(text);
        if (!(read instanceof Date)) throw new DataException(`Timestamp column ${field.field} of ${this.name} is not a date or timestamp column`);
        timestamp = Instant.fromMillis(read.getTime());
      }
      break;
    }
    let incrementing: number | bigint | null = null;
    if (mapping.incrementing !== undefined) {
      const field = mapping.incrementing.mapping;
      const raw = value.get(field.field);
      if (raw === null || raw === undefined) throw new ConnectException(`Null value for incrementing column of type: ${field.schema.type}`);
      if (typeof raw === 'number' && Number.isInteger(raw) && ['INT8', 'INT16', 'INT32', 'INT64'].includes(field.schema.type)) incrementing = raw;
      else if (typeof raw === 'bigint') incrementing = raw;
      else if (raw instanceof BigDecimal && field.schema.name === DECIMAL_LOGICAL_NAME) incrementing = decimalId(raw);
      else throw new ConnectException(`Invalid type for incrementing column: ${field.schema.type}`);
    }
    return new TimestampIncrementingOffset(timestamp, incrementing);
  }
}

/** The mapped field for a configured column: exact name first, then the one case-insensitive match. */
function findField<T extends { mapping: FieldMapping }>(mapped: readonly T[], name: string, what: string): T {
  const exact = mapped.find((m) => m.mapping.field === name);
  if (exact !== undefined) return exact;
  const matches = mapped.filter((m) => m.mapping.field.toLowerCase() === name.toLowerCase());
  const names = mapped.map((m) => m.mapping.field).join(',');
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new DataException(`${what} column ${name} not found in ${names}`);
  throw new DataException(
    `${what} column ${name} not found in columns read from database: ${names}. Could not fall back to case-insensitively selecting a column because there were multiple columns whose names case-insensitively matched the specified name: ${matches.map((m) => m.mapping.field).join(',')}.`,
  );
}

const LONG_MAX = 2n ** 63n - 1n;

function decimalId(value: BigDecimal): number | bigint {
  if (value.scale !== 0) {
    // A Decimal column of scale 127 (unconstrained numeric) holds whole numbers with trailing zeros.
    const divisor = 10n ** BigInt(Math.max(0, value.scale));
    if (value.scale < 0 || value.unscaled % divisor !== 0n) throw new ConnectException('Scale of Decimal value for incrementing column must be 0');
    value = new BigDecimal(value.unscaled / divisor, 0);
  }
  if (value.unscaled > LONG_MAX) throw new ConnectException('Decimal value for incrementing column exceeded Long.MAX_VALUE');
  const n = Number(value.unscaled);
  return Number.isSafeInteger(n) ? n : value.unscaled;
}

export type { QuoteMethod };
