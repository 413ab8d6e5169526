// The snapshot reader over a fake connection: op=r records per row, Debezium's snapshot markers
// (first, first_in_data_collection, last_in_data_collection, true, last) across fetches and
// tables (an empty one included), snapshot offsets that mark only the very last record complete.

import { createLogger, type SourceRecord, type Struct } from '@polyconnect/sdk';
import { describe, expect, it } from 'vitest';
import type { CatalogTable } from '../src/schema/catalog.js';
import { TypeRegistry } from '../src/schema/type-registry.js';
import { DEFAULT_CONVERTER_SETTINGS } from '../src/schema/value-converters.js';
import { type SnapshotConnection, SnapshotReader } from '../src/snapshot/snapshot-reader.js';

const TABLES: CatalogTable[] = [
  { oid: 1, id: { schema: 'public', table: 'a' } },
  { oid: 2, id: { schema: 'public', table: 'empty' } },
  { oid: 3, id: { schema: 'public', table: 'b' } },
];
const ROWS: Record<string, Array<Array<string | null>>> = {
  '"public"."a"': [['1', 'x'], ['2', null], ['3', 'z']],
  '"public"."empty"': [],
  '"public"."b"': [['10', 'p'], ['11', 'q']],
};

/** Answers the catalog queries and serves each table's rows through the cursor, fetchSize at a time. */
function fakeConnection(statements: string[]): SnapshotConnection {
  let pending: Array<Array<string | null>> = [];
  return {
    query(text: string, values?: unknown[]) {
      statements.push(text.split('\n')[0]!.trim());
      if (text.includes('indisprimary')) return Promise.resolve({ rows: [{ name: 'id' }] });
      if (text.includes('pg_attribute')) {
        void values;
        return Promise.resolve({
          rows: [
            { name: 'id', type: '23', typmod: '-1', notnull: 'true', position: '1' },
            { name: 'label', type: '25', typmod: '-1', notnull: 'false', position: '2' },
          ],
        });
      }
      const declared = /FROM (\S+)$/.exec(text);
      if (text.startsWith('DECLARE') && declared !== null) pending = [...ROWS[declared[1]!]!];
      return Promise.resolve({ rows: [] });
    },
    queryRows(text: string) {
      statements.push(text);
      const size = Number(/FETCH FORWARD (\d+)/.exec(text)![1]);
      return Promise.resolve(pending.splice(0, size));
    },
  };
}

async function readAll(reader: SnapshotReader, max: number): Promise<SourceRecord[][]> {
  const batches: SourceRecord[][] = [];
  while (!reader.done) batches.push(await reader.next(max));
  return batches;
}

describe('SnapshotReader', () => {
  it("reads every table through a cursor into op=r records with Debezium's snapshot markers and offsets", async () => {
    const statements: string[] = [];
    const reader = new SnapshotReader({
      connection: fakeConnection(statements),
      tables: TABLES,
      types: TypeRegistry.of([]),
      settings: DEFAULT_CONVERTER_SETTINGS,
      topicPrefix: 'cdc',
      database: 'mydb',
      version: '0.1.0',
      partition: { server: 'cdc' },
      lsn: 0x1526630n,
      txId: 742,
      fetchSize: 2,
      log: createLogger({ test: 'snapshot' }),
    });
    const batches = await readAll(reader, 2);
    const records = batches.flat();
    expect(batches.every((batch) => batch.length <= 2)).toBe(true);
    expect(records.map((record) => record.topic)).toEqual(['cdc.public.a', 'cdc.public.a', 'cdc.public.a', 'cdc.public.b', 'cdc.public.b']);
    const values = records.map((record) => record.value as Struct);
    expect(values.map((value) => value.get('op'))).toEqual(['r', 'r', 'r', 'r', 'r']);
    expect(values.map((value) => value.get('before'))).toEqual([null, null, null, null, null]);
    expect(values.map((value) => (value.get('after') as Struct).get('label'))).toEqual(['x', null, 'z', 'p', 'q']);
    expect(records.map((record) => (record.key as Struct).get('id'))).toEqual([1, 2, 3, 10, 11]);
    const sources = values.map((value) => value.get('source') as Struct);
    expect(sources.map((source) => source.get('snapshot'))).toEqual(['first', 'true', 'last_in_data_collection', 'first_in_data_collection', 'last']);
    expect(sources.map((source) => source.get('table'))).toEqual(['a', 'a', 'a', 'b', 'b']);
    expect(new Set(sources.map((source) => source.get('lsn')))).toEqual(new Set([0x1526630]));
    expect(new Set(sources.map((source) => source.get('txId')))).toEqual(new Set([742]));
    expect(sources[0]!.get('sequence')).toBe(`[null,"${0x1526630}"]`);
    // Only the last record's offset says the snapshot is complete.
    expect(records.map((record) => [record.sourceOffset!['last_snapshot_record'], record.sourceOffset!['snapshot_completed']])).toEqual([
      [false, false],
      [false, false],
      [false, false],
      [false, false],
      [true, true],
    ]);
    expect(records[4]!.sourceOffset).toMatchObject({ lsn: 0x1526630, txId: 742, snapshot: 'INITIAL' });
    expect(records.every((record) => record.sourcePartition?.['server'] === 'cdc')).toBe(true);
    // One cursor per table, closed after it; the empty table too.
    expect(statements.filter((statement) => statement.startsWith('DECLARE'))).toEqual([
      'DECLARE polyconnect_snapshot NO SCROLL CURSOR FOR SELECT "id", "label" FROM "public"."a"',
      'DECLARE polyconnect_snapshot NO SCROLL CURSOR FOR SELECT "id", "label" FROM "public"."empty"',
      'DECLARE polyconnect_snapshot NO SCROLL CURSOR FOR SELECT "id", "label" FROM "public"."b"',
    ]);
    expect(statements.filter((statement) => statement.startsWith('CLOSE'))).toHaveLength(3);
    expect(reader.recordsEmitted).toBe(5);
    expect(await reader.next(10)).toEqual([]);
  });

  it('ends at once for a snapshot without tables', async () => {
    const reader = new SnapshotReader({
      connection: fakeConnection([]),
      tables: [],
      types: TypeRegistry.of([]),
      settings: DEFAULT_CONVERTER_SETTINGS,
      topicPrefix: 'cdc',
      database: 'mydb',
      version: '0.1.0',
      partition: { server: 'cdc' },
      lsn: 1n,
      txId: null,
      fetchSize: 10,
      log: createLogger(),
    });
    expect(await reader.next(10)).toEqual([]);
    expect(reader.done).toBe(true);
  });
});
