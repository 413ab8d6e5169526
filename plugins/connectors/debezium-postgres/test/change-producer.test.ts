// Streaming: the captured pgoutput session (test/fixtures/pgoutput-session.json) through the
// change producer, with the catalog answered by a fake: ops and images per replica identity,
// offsets (the last event of a transaction carries its end LSN), the resume search after a crash
// in the middle of a transaction, TOAST placeholders, skipped truncates and excluded tables.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger, type SourceRecord, type Struct } from '@polyconnect/sdk';
import { describe, expect, it } from 'vitest';
import { parseLsn } from '../src/lsn.js';
import { confirmableLsn, type ResumePoint } from '../src/offsets.js';
import { parseServerMessage } from '../src/replication/replication-messages.js';
import type { WalMessage } from '../src/replication/replication-stream.js';
import { type SqlRunner, TypeRegistry } from '../src/schema/type-registry.js';
import { DEFAULT_CONVERTER_SETTINGS } from '../src/schema/value-converters.js';
import { ChangeProducer } from '../src/streaming/change-producer.js';
import { RelationCache } from '../src/streaming/relation-cache.js';
import { TableFilter } from '../src/table-filter.js';

const session = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/pgoutput-session.json'), 'utf8')) as { messages: string[] };
const wal: WalMessage[] = session.messages.map((hex) => {
  const frame = parseServerMessage(Buffer.from(hex, 'hex'));
  if (frame.type !== 'xlog-data') throw new Error('expected XLogData');
  return { lsn: frame.dataStart, payload: frame.payload };
});

/** Answers RelationCache's catalog queries for public.orders (id int PK, item text NOT NULL, qty, price, doc). */
const catalog: SqlRunner = {
  query(text: string) {
    if (text.includes('indisprimary')) return Promise.resolve({ rows: [{ name: 'id' }] });
    if (text.includes('pg_attribute')) {
      return Promise.resolve({ rows: ['id', 'item', 'qty', 'price', 'doc'].map((name) => ({ name, notnull: name === 'id' || name === 'item' ? 'true' : 'false' })) });
    }
    return Promise.resolve({ rows: [] });
  },
};

const START = parseLsn('0/15B1000');
const log = createLogger({ test: 'change-producer' });

function producer(options: { resume?: ResumePoint; tableExclude?: string[]; skipped?: string[] } = {}): ChangeProducer {
  const filter = new TableFilter({ schemaInclude: [], schemaExclude: [], tableInclude: [], tableExclude: options.tableExclude ?? [] });
  return new ChangeProducer({
    relations: new RelationCache({ topicPrefix: 'cdc', sql: catalog, types: TypeRegistry.of([]), settings: DEFAULT_CONVERTER_SETTINGS, filter, log }),
    partition: { server: 'cdc' },
    version: '0.1.0',
    topicPrefix: 'cdc',
    database: 'mydb',
    tombstonesOnDelete: true,
    skippedOperations: new Set(options.skipped ?? ['t']),
    startLsn: START,
    resume: options.resume,
    log,
  });
}

async function run(target: ChangeProducer, messages: readonly WalMessage[] = wal): Promise<SourceRecord[][]> {
  const outputs: SourceRecord[][] = [];
  for (const message of messages) outputs.push(await target.process(message));
  return outputs;
}

const value = (record: SourceRecord): Struct | null => record.value as Struct | null;
const op = (record: SourceRecord): string => value(record)?.get('op') as string ?? 'tombstone';
const image = (record: SourceRecord, which: 'before' | 'after'): Record<string, unknown> | null => {
  const struct = value(record)?.get(which) as Struct | null;
  return struct === null ? null : Object.fromEntries(struct.schema.fields.map((field) => [field.name, field.name === 'price' ? String(struct.get(field)) : struct.get(field)]));
};

describe('ChangeProducer on a captured pgoutput session', () => {
  it('emits c, u, d and a tombstone in commit order, holding the last event of a transaction back until its COMMIT', async () => {
    const outputs = await run(producer());
    // Nothing is released before the next event of the transaction arrives; the COMMIT releases the last.
    expect(outputs.slice(0, 3).flat()).toEqual([]);
    expect(outputs[3]!.map(op)).toEqual(['c']);
    expect(outputs[6]!.map(op)).toEqual(['d', 'tombstone']);
    const records = outputs.flat();
    expect(records.map(op)).toEqual(['c', 'u', 'd', 'tombstone', 'c', 'd', 'tombstone', 'c', 'u', 'd', 'tombstone', 'c', 'c', 'c', 'c', 'u']);
    expect(new Set(records.map((record) => record.topic))).toEqual(new Set(['cdc.public.orders']));
  });

  it('writes a primary key change as delete, tombstone and create with __debezium.newkey / __debezium.oldkey headers', async () => {
    const records = (await run(producer())).flat();
    const [deletion, tombstone, creation] = records.slice(2, 5);
    expect((deletion!.key as Struct).get('id')).toBe(1);
    expect(image(deletion!, 'before')).toMatchObject({ id: 1 });
    expect(deletion!.headers?.map((header) => [header.key, (header.value as Struct).get('id')])).toEqual([['__debezium.newkey', 2]]);
    expect(tombstone!.headers).toEqual(deletion!.headers);
    expect((creation!.key as Struct).get('id')).toBe(2);
    expect(image(creation!, 'after')).toMatchObject({ id: 2, item: 'apple', qty: 4 });
    expect(creation!.headers?.map((header) => [header.key, (header.value as Struct).get('id')])).toEqual([['__debezium.oldkey', 1]]);
    expect(new Set([deletion, tombstone, creation].map((record) => record!.sourceOffset))).toEqual(new Set([deletion!.sourceOffset]));
  });

  it('writes before images as the replica identity allows', async () => {
    const records = (await run(producer())).flat();
    // REPLICA IDENTITY DEFAULT: an update has no before image; a delete's before image holds the
    // key (NOT NULL columns get Debezium's fallback "").
    expect(image(records[0]!, 'after')).toEqual({ id: 1, item: 'apple', qty: 3, price: '1.25', doc: null });
    expect(image(records[1]!, 'before')).toBeNull();
    expect(image(records[1]!, 'after')).toMatchObject({ id: 1, qty: 4 });
    expect(image(records[5]!, 'before')).toEqual({ id: 2, item: '', qty: null, price: 'null', doc: null });
    expect(image(records[5]!, 'after')).toBeNull();
    // REPLICA IDENTITY FULL: whole old rows.
    expect(image(records[8]!, 'before')).toEqual({ id: 5, item: 'pear', qty: 1, price: '0.50', doc: null });
    expect(image(records[8]!, 'after')).toEqual({ id: 5, item: 'pear', qty: 2, price: '0.50', doc: null });
    expect(image(records[9]!, 'before')).toEqual({ id: 5, item: 'pear', qty: 2, price: '0.50', doc: null });
    // Keys are the primary key.
    expect((records[5]!.key as Struct).get('id')).toBe(2);
    expect((records[6]!.key as Struct).get('id')).toBe(2);
  });

  it("writes offsets in Debezium's format; the last event of a transaction confirms the transaction's end", async () => {
    const records = (await run(producer())).flat();
    expect(records[0]!.sourcePartition).toEqual({ server: 'cdc' });
    expect(records[0]!.sourceOffset).toEqual({
      ts_usec: expect.any(Number),
      txId: 747,
      lsn: Number(parseLsn('0/15B2028')),
      lsn_proc: Number(parseLsn('0/15B2028')),
      lsn_commit: Number(START),
      messageType: 'INSERT',
      lsn_events_processed: 1,
    });
    const end = Number(parseLsn('0/15B2290'));
    expect(records[5]!.sourceOffset).toEqual({ ts_usec: records[0]!.sourceOffset!['ts_usec'], txId: 747, lsn: end, lsn_proc: end, lsn_commit: end, messageType: 'COMMIT' });
    expect(records[6]!.sourceOffset).toEqual(records[5]!.sourceOffset);
    // The next transaction's events restart from the previous end.
    expect(records[7]!.sourceOffset!['lsn_commit']).toBe(end);
    // What the slot may be confirmed to: never past a transaction whose last event is not committed.
    expect(confirmableLsn(records[4]!.sourceOffset)).toBe(START);
    expect(confirmableLsn(records[5]!.sourceOffset)).toBe(BigInt(end));
  });

  it('fills the source block with the change LSN, txId, commit time and the sequence', async () => {
    const records = (await run(producer())).flat();
    const source = value(records[1]!)!.get('source') as Struct;
    expect(source.get('lsn')).toBe(Number(parseLsn('0/15B2118')));
    expect(source.get('txId')).toBe(747);
    expect(source.get('schema')).toBe('public');
    expect(source.get('table')).toBe('orders');
    expect(source.get('snapshot')).toBe('false');
    expect(source.get('sequence')).toBe(`["${START}","${parseLsn('0/15B2118')}"]`);
    expect(source.get('ts_ms')).toBe(Math.floor(records[1]!.sourceOffset!['ts_usec'] as number / 1000));
  });

  it('stands in the placeholder for an unchanged TOASTed value and skips truncates by default', async () => {
    const records = (await run(producer())).flat();
    const update = records.at(-1)!;
    expect(image(update, 'after')).toMatchObject({ id: 20, qty: 9, doc: '__debezium_unavailable_value' });
    expect(records.some((record) => op(record) === 't')).toBe(false);
    const withTruncates = (await run(producer({ skipped: [] }))).flat();
    expect(withTruncates.filter((record) => op(record) === 't')).toHaveLength(1);
  });

  it('after a restart in the middle of a transaction, drops the events an earlier run had committed', async () => {
    const all = (await run(producer())).flat();
    const committed = all[1]!.sourceOffset!; // the first update of transaction 747 was committed, not what followed
    const resumed = producer({ resume: { startLsn: START, skip: { txId: committed['txId'] as number, lsn: BigInt(committed['lsn'] as number), eventsAtLsn: committed['lsn_events_processed'] as number } } });
    const records = (await run(resumed)).flat();
    expect(records.map(op).slice(0, 5)).toEqual(['d', 'tombstone', 'c', 'd', 'tombstone']);
    expect(records.slice(0, 5).map((record) => record.sourceOffset)).toEqual(all.slice(2, 7).map((record) => record.sourceOffset));
    expect(records).toHaveLength(all.length - 2);
    expect(resumed.skippedEvents).toBe(2);
  });

  it('does not skip anything in a transaction other than the committed one', async () => {
    const records = (await run(producer({ resume: { startLsn: START, skip: { txId: 1, lsn: parseLsn('FF/0'), eventsAtLsn: 1 } } }))).flat();
    expect(records).toHaveLength(16);
  });

  it('counts events sharing an LSN (COPY) so that a resume inside them drops exactly the committed ones', async () => {
    // Three inserts of transaction 3, re-labelled with one LSN as heap_multi_insert would write them.
    const begin = wal.findIndex((message, index) => index > 12 && message.payload[0] === 0x42);
    const transaction = wal.slice(begin, begin + 6).map((message, index) => (index >= 2 && index <= 4 ? { ...message, lsn: parseLsn('0/15B2780') } : message));
    const first = (await run(producer(), transaction)).flat();
    expect(first.map((record) => record.sourceOffset!['lsn_events_processed'])).toEqual([1, 2, undefined]);
    const xid = first[0]!.sourceOffset!['txId'] as number;
    const resumed = (await run(producer({ resume: { startLsn: START, skip: { txId: xid, lsn: parseLsn('0/15B2780'), eventsAtLsn: 2 } } }), transaction)).flat();
    expect(resumed.map((record) => image(record, 'after')?.['id'])).toEqual([12]);
  });

  it('emits nothing for excluded tables but still moves past their transactions', async () => {
    const excluded = producer({ tableExclude: ['public\\.orders'] });
    expect((await run(excluded)).flat()).toEqual([]);
    expect(excluded.lastCommitLsn).toBe(parseLsn('0/15B7680'));
  });
});
