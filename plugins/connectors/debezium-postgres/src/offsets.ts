// Source partition and offsets in Debezium's PostgreSQL format (PostgresPartition,
// PostgresOffsetContext.getOffset, Debezium 3.6; lsn_events_processed is from Debezium 3.7):
//   partition {"server": <topic.prefix>}
//   snapshot  {"ts_usec", "txId", "lsn", "snapshot": "INITIAL", "last_snapshot_record", "snapshot_completed"}
//   streaming {"ts_usec", "txId", "lsn", "lsn_proc", "lsn_commit", "messageType", ["lsn_events_processed"]}
// LSNs are numbers. What the slot may be confirmed up to is read as Debezium's commitOffset reads
// it: lsn_commit, else lsn_proc.
//
// One refinement over Debezium: Debezium's lsn_commit is the last COMMIT it has seen before the
// event, so the slot trails one transaction behind. Here the last event of each transaction is
// held back until its COMMIT arrives and carries the offset Debezium would have after that COMMIT
// (lsn = lsn_proc = lsn_commit = the transaction's end LSN, messageType COMMIT); once that
// record is committed, the whole transaction is confirmed.

import type { SourceMap } from '@polyconnect/sdk';
import { lsnFromOffset, lsnToNumber } from './lsn.js';
import { int64Value } from './schema/pg-text.js';

/** PostgresPartition's key: {"server": <topic.prefix>}. */
export function sourcePartition(topicPrefix: string): SourceMap {
  return Object.freeze({ server: topicPrefix });
}

/** Debezium's ReplicationMessage.Operation names, as "messageType" stores them. */
export type MessageType = 'INSERT' | 'UPDATE' | 'DELETE' | 'TRUNCATE' | 'COMMIT';

export interface SnapshotPosition {
  /** Where streaming continues after the snapshot (the slot's consistent point). */
  readonly lsn: bigint;
  readonly txId: number | null;
  readonly timestampMicros: bigint;
  readonly lastRecord: boolean;
}

export function snapshotOffset(position: SnapshotPosition): SourceMap {
  const offset: Record<string, unknown> = { ts_usec: int64Value(position.timestampMicros) };
  if (position.txId !== null) offset['txId'] = position.txId;
  offset['lsn'] = lsnToNumber(position.lsn);
  offset['snapshot'] = 'INITIAL';
  offset['last_snapshot_record'] = position.lastRecord;
  offset['snapshot_completed'] = position.lastRecord;
  return offset;
}

export interface StreamingPosition {
  /** The event's LSN (the transaction's end LSN for a COMMIT position). */
  readonly lsn: bigint;
  /** The last completely processed LSN. */
  readonly lsnProc: bigint;
  /** The end LSN of the last completely processed transaction (where streaming restarts). */
  readonly lsnCommit: bigint;
  readonly txId: number;
  readonly timestampMicros: bigint;
  readonly messageType: MessageType;
  /** How many events at `lsn` this one is (1 for the first); COPY writes several rows under one LSN. */
  readonly eventsAtLsn: number;
}

export function streamingOffset(position: StreamingPosition): SourceMap {
  const offset: Record<string, unknown> = {
    ts_usec: int64Value(position.timestampMicros),
    txId: position.txId,
    lsn: lsnToNumber(position.lsn),
    lsn_proc: lsnToNumber(position.lsnProc),
    lsn_commit: lsnToNumber(position.lsnCommit),
    messageType: position.messageType,
  };
  if (position.messageType !== 'COMMIT' && position.eventsAtLsn > 0) offset['lsn_events_processed'] = position.eventsAtLsn;
  return offset;
}

/** A committed offset, read back. */
export interface CommittedOffset {
  /** Snapshot records were committed, but not the last one: the snapshot must run again. */
  readonly snapshotIncomplete: boolean;
  readonly lsn: bigint | undefined;
  readonly lsnProc: bigint | undefined;
  readonly lsnCommit: bigint | undefined;
  readonly txId: number | undefined;
  readonly messageType: string | undefined;
  readonly eventsAtLsn: number;
}

/** Reads an offset written by this connector (or by Debezium). */
export function readOffset(offset: SourceMap | null | undefined): CommittedOffset | undefined {
  if (offset === null || offset === undefined) return undefined;
  const snapshot = offset['snapshot'];
  const inSnapshot = snapshot !== undefined && snapshot !== null && snapshot !== false && snapshot !== 'false';
  const completed = offset['snapshot_completed'] === true || offset['last_snapshot_record'] === true;
  const txId = offset['txId'];
  const events = offset['lsn_events_processed'];
  return {
    snapshotIncomplete: inSnapshot && !completed,
    lsn: lsnFromOffset(offset['lsn']),
    lsnProc: lsnFromOffset(offset['lsn_proc']),
    lsnCommit: lsnFromOffset(offset['lsn_commit']) ?? lsnFromOffset(offset['lsn_proc']),
    txId: typeof txId === 'number' ? txId : undefined,
    messageType: typeof offset['messageType'] === 'string' ? offset['messageType'] : undefined,
    eventsAtLsn: typeof events === 'number' ? events : 0,
  };
}

/** The LSN a committed offset lets the slot be confirmed up to (PostgresStreamingChangeEventSource.commitOffset). */
export function confirmableLsn(offset: SourceMap | null | undefined): bigint | undefined {
  if (offset === null || offset === undefined) return undefined;
  return lsnFromOffset(offset['lsn_commit']) ?? lsnFromOffset(offset['lsn_proc']);
}

/** Where streaming resumes from a committed offset, and which already committed events to skip. */
export interface ResumePoint {
  readonly startLsn: bigint;
  /** Events of transaction txId up to (lsn, eventsAtLsn) were committed: the replayed transaction skips them. */
  readonly skip: { readonly txId: number; readonly lsn: bigint; readonly eventsAtLsn: number } | undefined;
}

export function resumePoint(committed: CommittedOffset): ResumePoint | undefined {
  const startLsn = committed.lsnCommit ?? committed.lsn;
  if (startLsn === undefined) return undefined;
  const midTransaction =
    committed.lsnCommit !== undefined &&
    committed.messageType !== undefined &&
    committed.messageType !== 'COMMIT' &&
    committed.txId !== undefined &&
    committed.lsn !== undefined;
  return {
    startLsn,
    skip: midTransaction ? { txId: committed.txId!, lsn: committed.lsn!, eventsAtLsn: Math.max(committed.eventsAtLsn, 1) } : undefined,
  };
}
