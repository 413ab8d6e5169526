// Decodes the messages of PostgreSQL's built-in logical decoding plugin, pgoutput, protocol
// version 1 (the version Debezium asks for: PgOutputMessageDecoder sets proto_version 1). The
// layouts are PostgreSQL's "Logical Replication Message Formats" (protocol docs, chapter 55.9);
// each message is the payload of one XLogData ('w') message of the replication stream.

export type ReplicaIdentity = 'default' | 'nothing' | 'full' | 'index';

export interface RelationColumn {
  /** Bit 1: the column is part of the replica identity key. */
  readonly flags: number;
  readonly name: string;
  readonly typeOid: number;
  /** atttypmod: -1 when the type has no modifier. */
  readonly typmod: number;
}

/** One column of a tuple: null, an unchanged TOASTed value (not sent), text or binary data. */
export type TupleValue =
  | { readonly kind: 'null' }
  | { readonly kind: 'unchanged-toast' }
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'binary'; readonly value: Buffer };

export type PgOutputMessage =
  | { readonly type: 'begin'; readonly finalLsn: bigint; readonly commitTime: bigint; readonly xid: number }
  | { readonly type: 'commit'; readonly flags: number; readonly commitLsn: bigint; readonly endLsn: bigint; readonly commitTime: bigint }
  | { readonly type: 'origin'; readonly originLsn: bigint; readonly name: string }
  | {
      readonly type: 'relation';
      readonly relationId: number;
      readonly namespace: string;
      readonly name: string;
      readonly replicaIdentity: ReplicaIdentity;
      readonly columns: readonly RelationColumn[];
    }
  | { readonly type: 'type'; readonly typeOid: number; readonly namespace: string; readonly name: string }
  | { readonly type: 'insert'; readonly relationId: number; readonly newTuple: readonly TupleValue[] }
  | {
      readonly type: 'update';
      readonly relationId: number;
      /** 'key' (K: the old key, when it changed) or 'old' (O: the whole old row, REPLICA IDENTITY FULL); absent otherwise. */
      readonly oldKind: 'key' | 'old' | undefined;
      readonly oldTuple: readonly TupleValue[] | undefined;
      readonly newTuple: readonly TupleValue[];
    }
  | { readonly type: 'delete'; readonly relationId: number; readonly oldKind: 'key' | 'old'; readonly oldTuple: readonly TupleValue[] }
  | { readonly type: 'truncate'; readonly relationIds: readonly number[]; readonly cascade: boolean; readonly restartIdentity: boolean }
  | { readonly type: 'message'; readonly transactional: boolean; readonly lsn: bigint; readonly prefix: string; readonly content: Buffer };

const NULL_VALUE: TupleValue = Object.freeze({ kind: 'null' });
const UNCHANGED_TOAST: TupleValue = Object.freeze({ kind: 'unchanged-toast' });

const REPLICA_IDENTITIES: Record<string, ReplicaIdentity> = { d: 'default', n: 'nothing', f: 'full', i: 'index' };

/** A cursor over one message's bytes. */
class Reader {
  #offset = 0;
  constructor(private readonly buffer: Buffer) {}

  byte(): number {
    this.#need(1);
    return this.buffer[this.#offset++]!;
  }
  int16(): number {
    this.#need(2);
    const value = this.buffer.readInt16BE(this.#offset);
    this.#offset += 2;
    return value;
  }
  int32(): number {
    this.#need(4);
    const value = this.buffer.readInt32BE(this.#offset);
    this.#offset += 4;
    return value;
  }
  uint32(): number {
    this.#need(4);
    const value = this.buffer.readUInt32BE(this.#offset);
    this.#offset += 4;
    return value;
  }
  int64(): bigint {
    this.#need(8);
    const value = this.buffer.readBigInt64BE(this.#offset);
    this.#offset += 8;
    return value;
  }
  uint64(): bigint {
    this.#need(8);
    const value = this.buffer.readBigUInt64BE(this.#offset);
    this.#offset += 8;
    return value;
  }
  /** A null-terminated UTF-8 string. */
  string(): string {
    const end = this.buffer.indexOf(0, this.#offset);
    if (end < 0) throw new Error('pgoutput: unterminated string');
    const text = this.buffer.toString('utf8', this.#offset, end);
    this.#offset = end + 1;
    return text;
  }
  bytes(length: number): Buffer {
    this.#need(length);
    const bytes = this.buffer.subarray(this.#offset, this.#offset + length);
    this.#offset += length;
    return bytes;
  }
  #need(count: number): void {
    if (this.#offset + count > this.buffer.length) throw new Error(`pgoutput: message truncated at byte ${this.#offset} (needs ${count} more)`);
  }
}

/** Decodes one pgoutput message. Timestamps stay as PostgreSQL sends them (microseconds since 2000-01-01). */
export function decodePgOutput(payload: Buffer): PgOutputMessage {
  const reader = new Reader(payload);
  const tag = String.fromCharCode(reader.byte());
  switch (tag) {
    case 'B':
      return { type: 'begin', finalLsn: reader.uint64(), commitTime: reader.int64(), xid: reader.uint32() };
    case 'C':
      return { type: 'commit', flags: reader.byte(), commitLsn: reader.uint64(), endLsn: reader.uint64(), commitTime: reader.int64() };
    case 'O':
      return { type: 'origin', originLsn: reader.uint64(), name: reader.string() };
    case 'R': {
      const relationId = reader.uint32();
      const namespace = reader.string();
      const name = reader.string();
      const identity = String.fromCharCode(reader.byte());
      const count = reader.int16();
      const columns: RelationColumn[] = [];
      for (let i = 0; i < count; i++) {
        columns.push({ flags: reader.byte(), name: reader.string(), typeOid: reader.uint32(), typmod: reader.int32() });
      }
      return { type: 'relation', relationId, namespace, name, replicaIdentity: REPLICA_IDENTITIES[identity] ?? 'default', columns };
    }
    case 'Y':
      return { type: 'type', typeOid: reader.uint32(), namespace: reader.string(), name: reader.string() };
    case 'I': {
      const relationId = reader.uint32();
      expectTag(reader, 'N', 'Insert');
      return { type: 'insert', relationId, newTuple: readTuple(reader) };
    }
    case 'U': {
      const relationId = reader.uint32();
      let marker = String.fromCharCode(reader.byte());
      let oldKind: 'key' | 'old' | undefined;
      let oldTuple: TupleValue[] | undefined;
      if (marker === 'K' || marker === 'O') {
        oldKind = marker === 'K' ? 'key' : 'old';
        oldTuple = readTuple(reader);
        marker = String.fromCharCode(reader.byte());
      }
      if (marker !== 'N') throw new Error(`pgoutput: Update expects 'N', got '${marker}'`);
      return { type: 'update', relationId, oldKind, oldTuple, newTuple: readTuple(reader) };
    }
    case 'D': {
      const relationId = reader.uint32();
      const marker = String.fromCharCode(reader.byte());
      if (marker !== 'K' && marker !== 'O') throw new Error(`pgoutput: Delete expects 'K' or 'O', got '${marker}'`);
      return { type: 'delete', relationId, oldKind: marker === 'K' ? 'key' : 'old', oldTuple: readTuple(reader) };
    }
    case 'T': {
      const count = reader.int32();
      const options = reader.byte();
      const relationIds: number[] = [];
      for (let i = 0; i < count; i++) relationIds.push(reader.uint32());
      return { type: 'truncate', relationIds, cascade: (options & 1) !== 0, restartIdentity: (options & 2) !== 0 };
    }
    case 'M': {
      const flags = reader.byte();
      const lsn = reader.uint64();
      const prefix = reader.string();
      const length = reader.int32();
      return { type: 'message', transactional: (flags & 1) !== 0, lsn, prefix, content: Buffer.from(reader.bytes(length)) };
    }
    default:
      throw new Error(`pgoutput: unknown message type '${tag}' (0x${payload[0]?.toString(16) ?? '??'})`);
  }
}

function expectTag(reader: Reader, expected: string, message: string): void {
  const tag = String.fromCharCode(reader.byte());
  if (tag !== expected) throw new Error(`pgoutput: ${message} expects '${expected}', got '${tag}'`);
}

/** TupleData: Int16 column count, then per column 'n' (null), 'u' (unchanged TOAST), 't' or 'b' with Int32 length and bytes. */
function readTuple(reader: Reader): TupleValue[] {
  const count = reader.int16();
  const values: TupleValue[] = new Array<TupleValue>(count);
  for (let i = 0; i < count; i++) {
    const kind = String.fromCharCode(reader.byte());
    switch (kind) {
      case 'n':
        values[i] = NULL_VALUE;
        break;
      case 'u':
        values[i] = UNCHANGED_TOAST;
        break;
      case 't':
        values[i] = { kind: 'text', value: reader.bytes(reader.int32()).toString('utf8') };
        break;
      case 'b':
        values[i] = { kind: 'binary', value: Buffer.from(reader.bytes(reader.int32())) };
        break;
      default:
        throw new Error(`pgoutput: unknown tuple column kind '${kind}'`);
    }
  }
  return values;
}
