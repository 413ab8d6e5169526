// The initial snapshot: reads every captured table inside one REPEATABLE READ transaction (which
// the task has opened on the replication slot's exported snapshot, when it created the slot) and
// turns each row into an op=r record, as Debezium's RelationalSnapshotChangeEventSource does.
// Rows are fetched through a cursor, a batch per poll. The source's "snapshot" marker follows
// SnapshotMarkerResolver (first, first_in_data_collection, last_in_data_collection, true, last),
// and, as Debezium's buffering receiver does, the very last record of the snapshot carries the
// offset that marks it complete.

import type { Logger, SourceMap, SourceRecord } from '@polyconnect/sdk';
import { changeRecords } from '../envelope.js';
import { snapshotOffset } from '../offsets.js';
import { type CatalogTable, quoteIdentifier, readTableStructure } from '../schema/catalog.js';
import { type CellValue, TableSchema } from '../schema/table-schema.js';
import type { SqlRunner, TypeRegistry } from '../schema/type-registry.js';
import type { ConverterSettings } from '../schema/value-converters.js';
import { type SnapshotMarker, sourceStruct } from '../source-info.js';

/** A connection inside the snapshot transaction whose rows come back as arrays of text. */
export interface SnapshotConnection extends SqlRunner {
  queryRows(text: string): Promise<Array<Array<string | null>>>;
}

export interface SnapshotReaderOptions {
  readonly connection: SnapshotConnection;
  readonly tables: readonly CatalogTable[];
  readonly types: TypeRegistry;
  readonly settings: ConverterSettings;
  readonly topicPrefix: string;
  readonly database: string;
  readonly version: string;
  readonly partition: SourceMap;
  /** Where streaming continues after the snapshot. */
  readonly lsn: bigint;
  readonly txId: number | null;
  /** snapshot.fetch.size: rows per FETCH. */
  readonly fetchSize: number;
  readonly log: Logger;
}

interface Row {
  readonly table: TableSchema;
  readonly cells: readonly CellValue[];
  readonly firstInTable: boolean;
  readonly lastInTable: boolean;
}

const CURSOR = 'polyconnect_snapshot';

export class SnapshotReader {
  readonly #options: SnapshotReaderOptions;
  #tableIndex = -1;
  #table: TableSchema | undefined;
  #buffer: Array<Array<string | null>> = [];
  #exhausted = true;
  #firstInTable = true;
  #held: Row | undefined;
  #emitted = 0;
  #done = false;
  #rowsInTable = 0;

  constructor(options: SnapshotReaderOptions) {
    this.#options = options;
  }

  get done(): boolean {
    return this.#done;
  }

  get recordsEmitted(): number {
    return this.#emitted;
  }

  /** Up to `max` records; [] once the snapshot is complete. */
  async next(max: number): Promise<SourceRecord[]> {
    const records: SourceRecord[] = [];
    while (!this.#done && records.length < max) {
      const row = await this.#nextRow();
      if (row === undefined) {
        if (this.#held !== undefined) records.push(...this.#record(this.#held, true));
        this.#held = undefined;
        this.#done = true;
        break;
      }
      if (this.#held !== undefined) records.push(...this.#record(this.#held, false));
      this.#held = row;
    }
    return records;
  }

  #record(row: Row, lastOfSnapshot: boolean): SourceRecord[] {
    const { topicPrefix, database, version, partition, lsn, txId } = this.#options;
    const marker: SnapshotMarker = lastOfSnapshot
      ? 'last'
      : this.#emitted === 0
        ? 'first'
        : row.lastInTable
          ? 'last_in_data_collection'
          : row.firstInTable
            ? 'first_in_data_collection'
            : 'true';
    const nowMicros = BigInt(Date.now()) * 1000n;
    const source = sourceStruct({
      version,
      serverName: topicPrefix,
      database,
      timestampMicros: nowMicros,
      snapshot: marker,
      schema: row.table.id.schema,
      table: row.table.id.table,
      txId,
      lsn,
      lastCommitLsn: null,
    });
    const offset = snapshotOffset({ lsn, txId, timestampMicros: nowMicros, lastRecord: lastOfSnapshot });
    this.#emitted++;
    return changeRecords({ table: row.table, op: 'r', before: null, after: row.table.valueStruct(row.cells), source, partition, offset }, { tombstonesOnDelete: false });
  }

  async #nextRow(): Promise<Row | undefined> {
    for (;;) {
      if (this.#table !== undefined) {
        if (this.#buffer.length <= 1 && !this.#exhausted) await this.#fetch();
        const values = this.#buffer.shift();
        if (values !== undefined) {
          const firstInTable = this.#firstInTable;
          this.#firstInTable = false;
          this.#rowsInTable++;
          const cells: CellValue[] = values.map((value) => (value === null ? { kind: 'null' } : { kind: 'text', value }));
          return { table: this.#table, cells, firstInTable, lastInTable: this.#buffer.length === 0 && this.#exhausted };
        }
        await this.#closeTable();
      }
      if (!(await this.#openNextTable())) return undefined;
    }
  }

  async #openNextTable(): Promise<boolean> {
    const { tables, connection, types, settings, topicPrefix, log } = this.#options;
    this.#tableIndex++;
    const table = tables[this.#tableIndex];
    if (table === undefined) return false;
    const structure = await readTableStructure(connection, table);
    await types.ensure(structure.columns.map((column) => column.typeOid));
    const schema = new TableSchema(topicPrefix, structure, types, settings, (column) =>
      log.warn('Column of an unsupported type is left out (include.unknown.datatypes=false)', { table: `${table.id.schema}.${table.id.table}`, column: column.name }),
    );
    const columns = structure.columns.map((column) => quoteIdentifier(column.name)).join(', ');
    const from = `${quoteIdentifier(table.id.schema)}.${quoteIdentifier(table.id.table)}`;
    log.info('Snapshotting table', { table: `${table.id.schema}.${table.id.table}`, step: `${this.#tableIndex + 1} of ${tables.length}` });
    await connection.query(`DECLARE ${CURSOR} NO SCROLL CURSOR FOR SELECT ${columns === '' ? 'NULL' : columns} FROM ${from}`);
    this.#table = schema;
    this.#buffer = [];
    this.#exhausted = false;
    this.#firstInTable = true;
    this.#rowsInTable = 0;
    return true;
  }

  async #fetch(): Promise<void> {
    const rows = await this.#options.connection.queryRows(`FETCH FORWARD ${this.#options.fetchSize} FROM ${CURSOR}`);
    this.#buffer.push(...rows);
    if (rows.length < this.#options.fetchSize) this.#exhausted = true;
  }

  async #closeTable(): Promise<void> {
    const table = this.#table!;
    this.#options.log.info('Snapshot of table done', { table: `${table.id.schema}.${table.id.table}`, rows: this.#rowsInTable });
    await this.#options.connection.query(`CLOSE ${CURSOR}`);
    this.#table = undefined;
  }
}
