// Turns the pgoutput messages of the replication stream into change records, transaction by
// transaction (PostgresStreamingChangeEventSource.processReplicationMessages with
// PgOutputMessageDecoder and PostgresChangeRecordEmitter):
// - INSERT -> op c (after), UPDATE -> op u (before when the stream carries an old row: REPLICA
//   IDENTITY FULL), DELETE -> op d (before: the whole old row with FULL, else the key) followed
//   by a tombstone, an UPDATE of the primary key -> d + tombstone + c, TRUNCATE -> op t when not
//   skipped.
// - Offsets as offsets.ts describes; the last event of a transaction is held back until its
//   COMMIT so that it carries the transaction's end LSN.
// - After a restart in the middle of a transaction, the replayed transaction's events up to the
//   committed one are dropped (Debezium's WalPositionLocator does the same search).

import type { Header, Logger, SourceMap, SourceRecord, Struct } from '@polyconnect/sdk';
import { type Operation, changeRecords } from '../envelope.js';
import { pgMicrosToUnixMicros } from '../lsn.js';
import { type MessageType, type ResumePoint, streamingOffset } from '../offsets.js';
import { decodePgOutput, type PgOutputMessage, type TupleValue } from '../pgoutput/pgoutput-decoder.js';
import type { WalMessage } from '../replication/replication-stream.js';
import type { TableSchema } from '../schema/table-schema.js';
import { sourceStruct } from '../source-info.js';
import type { RelationCache } from './relation-cache.js';

export interface ChangeProducerOptions {
  readonly relations: RelationCache;
  readonly partition: SourceMap;
  readonly version: string;
  readonly topicPrefix: string;
  readonly database: string;
  readonly tombstonesOnDelete: boolean;
  /** skipped.operations: c, u, d, t (Debezium's default skips truncates). */
  readonly skippedOperations: ReadonlySet<string>;
  /** The position streaming started from: the end of the last completely processed transaction. */
  readonly startLsn: bigint;
  readonly resume: ResumePoint | undefined;
  readonly log: Logger;
}

/** Header names of a primary key change (RelationalChangeRecordEmitter.PK_UPDATE_*_FIELD). */
export const PK_UPDATE_OLDKEY_HEADER = '__debezium.oldkey';
export const PK_UPDATE_NEWKEY_HEADER = '__debezium.newkey';

interface Transaction {
  readonly xid: number;
  /** Commit time, microseconds since the epoch. */
  readonly commitMicros: bigint;
  originName: string | null;
  originLsn: bigint | null;
}

/** An event's records with the data to finish its offset at COMMIT. */
interface HeldEvent {
  readonly records: SourceRecord[];
}

export class ChangeProducer {
  readonly #options: ChangeProducerOptions;
  #lastCommitLsn: bigint;
  #transaction: Transaction | undefined;
  #held: HeldEvent | undefined;
  #lsnOfCount = -1n;
  #eventsAtLsn = 0;
  #skip: ResumePoint['skip'];
  #skipped = 0;

  constructor(options: ChangeProducerOptions) {
    this.#options = options;
    this.#lastCommitLsn = options.startLsn;
    this.#skip = options.resume?.skip;
  }

  /** The end LSN of the last transaction whose COMMIT was processed. */
  get lastCommitLsn(): bigint {
    return this.#lastCommitLsn;
  }

  /** Events dropped because an earlier run had them committed. */
  get skippedEvents(): number {
    return this.#skipped;
  }

  /** Processes one message of the stream; returns the records that are now complete. */
  async process(message: WalMessage): Promise<SourceRecord[]> {
    const decoded = decodePgOutput(message.payload);
    switch (decoded.type) {
      case 'relation':
        await this.#options.relations.define(decoded.relationId, { schema: decoded.namespace, table: decoded.name }, decoded.columns);
        return [];
      case 'begin':
        return this.#begin(decoded);
      case 'commit':
        return this.#commit(decoded);
      case 'origin':
        if (this.#transaction !== undefined) {
          this.#transaction.originName = decoded.name;
          this.#transaction.originLsn = decoded.originLsn;
        }
        return [];
      case 'insert':
      case 'update':
      case 'delete':
        return this.#change(decoded, message.lsn);
      case 'truncate':
        return this.#truncate(decoded.relationIds, message.lsn);
      case 'type':
      case 'message':
        return [];
    }
  }

  #begin(message: Extract<PgOutputMessage, { type: 'begin' }>): SourceRecord[] {
    this.#transaction = { xid: message.xid, commitMicros: pgMicrosToUnixMicros(message.commitTime), originName: null, originLsn: null };
    this.#lsnOfCount = -1n;
    this.#eventsAtLsn = 0;
    if (this.#skip !== undefined && this.#skip.txId !== message.xid) this.#skip = undefined;
    return [];
  }

  #commit(message: Extract<PgOutputMessage, { type: 'commit' }>): SourceRecord[] {
    const transaction = this.#transaction;
    this.#lastCommitLsn = message.endLsn;
    this.#transaction = undefined;
    this.#skip = undefined;
    const held = this.#held;
    this.#held = undefined;
    if (held === undefined || transaction === undefined) return [];
    // Debezium's offset after a COMMIT: lsn = lsn_proc = lsn_commit = the transaction's end LSN.
    const offset = streamingOffset({
      lsn: message.endLsn,
      lsnProc: message.endLsn,
      lsnCommit: message.endLsn,
      txId: transaction.xid,
      timestampMicros: transaction.commitMicros,
      messageType: 'COMMIT',
      eventsAtLsn: 0,
    });
    return held.records.map((record) => ({ ...record, sourceOffset: offset }));
  }

  /** Counts the event at its LSN and says whether an earlier run already had it committed. */
  #count(lsn: bigint): boolean {
    if (lsn === this.#lsnOfCount) this.#eventsAtLsn++;
    else {
      this.#lsnOfCount = lsn;
      this.#eventsAtLsn = 1;
    }
    const skip = this.#skip;
    if (skip === undefined) return false;
    if (lsn < skip.lsn || (lsn === skip.lsn && this.#eventsAtLsn <= skip.eventsAtLsn)) {
      this.#skipped++;
      return true;
    }
    this.#skip = undefined;
    return false;
  }

  #change(message: Extract<PgOutputMessage, { type: 'insert' | 'update' | 'delete' }>, lsn: bigint): SourceRecord[] {
    const alreadyCommitted = this.#count(lsn);
    const relation = this.#options.relations.get(message.relationId);
    if (relation === undefined) throw new Error(`pgoutput sent a change for relation ${message.relationId} before describing it`);
    const table = relation.schema;
    const op: Operation = message.type === 'insert' ? 'c' : message.type === 'update' ? 'u' : 'd';
    if (alreadyCommitted || table === undefined || this.#options.skippedOperations.has(op)) return [];
    let before: Struct | null = null;
    let after: Struct | null = null;
    if (message.type === 'insert') {
      after = table.valueStruct(message.newTuple);
    } else if (message.type === 'update') {
      const old = message.oldTuple;
      if (old !== undefined) before = table.valueStruct(message.oldKind === 'key' ? keyOnly(old, relation.columns) : old);
      after = table.valueStruct(message.newTuple, old);
    } else {
      before = table.valueStruct(message.oldKind === 'key' ? keyOnly(message.oldTuple, relation.columns) : message.oldTuple);
    }
    const messageType: MessageType = message.type === 'insert' ? 'INSERT' : message.type === 'update' ? 'UPDATE' : 'DELETE';
    const oldKey = op === 'u' && before !== null ? table.keyStruct(before) : null;
    const newKey = oldKey === null || after === null ? null : table.keyStruct(after);
    if (oldKey !== null && newKey !== null && !oldKey.equals(newKey)) {
      // A primary key change is a delete of the old key (and its tombstone) and a create of the new
      // one, with headers naming the other key (RelationalChangeRecordEmitter.emitUpdateAsPrimaryKeyChangeRecord).
      return this.#emit(table, lsn, messageType, [
        { op: 'd', before, after: null, headers: [{ key: PK_UPDATE_NEWKEY_HEADER, schema: table.keySchema, value: newKey }] },
        { op: 'c', before: null, after, headers: [{ key: PK_UPDATE_OLDKEY_HEADER, schema: table.keySchema, value: oldKey }] },
      ]);
    }
    return this.#emit(table, lsn, messageType, [{ op, before, after }]);
  }

  #truncate(relationIds: readonly number[], lsn: bigint): SourceRecord[] {
    const records: SourceRecord[] = [];
    for (const relationId of relationIds) {
      const alreadyCommitted = this.#count(lsn);
      const table = this.#options.relations.get(relationId)?.schema;
      if (alreadyCommitted || table === undefined || this.#options.skippedOperations.has('t')) continue;
      records.push(...this.#emit(table, lsn, 'TRUNCATE', [{ op: 't', before: null, after: null }]));
    }
    return records;
  }

  /** Builds the event's records, holds them back as the transaction's latest, and releases the previous ones. */
  #emit(table: TableSchema, lsn: bigint, messageType: MessageType, changes: ReadonlyArray<{ op: Operation; before: Struct | null; after: Struct | null; headers?: Header[] }>): SourceRecord[] {
    const transaction = this.#transaction;
    if (transaction === undefined) throw new Error('pgoutput sent a change outside a transaction');
    const { partition, version, topicPrefix, database, tombstonesOnDelete } = this.#options;
    const source = sourceStruct({
      version,
      serverName: topicPrefix,
      database,
      timestampMicros: transaction.commitMicros,
      snapshot: null,
      schema: table.id.schema,
      table: table.id.table,
      txId: transaction.xid,
      lsn,
      lastCommitLsn: this.#lastCommitLsn,
      originName: transaction.originName,
      originLsn: transaction.originLsn,
    });
    const offset = streamingOffset({
      lsn,
      lsnProc: lsn,
      lsnCommit: this.#lastCommitLsn,
      txId: transaction.xid,
      timestampMicros: transaction.commitMicros,
      messageType,
      eventsAtLsn: this.#eventsAtLsn,
    });
    const records = changes.flatMap((change) => changeRecords({ table, ...change, source, partition, offset }, { tombstonesOnDelete }));
    const released = this.#held?.records ?? [];
    this.#held = { records };
    return released;
  }
}

/** A key-only old tuple ('K'): the key columns' values; the other columns were not sent. */
function keyOnly(tuple: readonly TupleValue[], columns: readonly { flags: number }[]): Array<TupleValue | undefined> {
  return tuple.map((value, index) => ((columns[index]?.flags ?? 0) & 1) !== 0 ? value : undefined);
}
