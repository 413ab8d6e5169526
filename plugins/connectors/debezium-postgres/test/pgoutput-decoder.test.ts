// pgoutput messages and the replication stream's framing, decoded from bytes captured from a
// real PostgreSQL 15 session (test/fixtures/pgoutput-session.json lists the SQL that made them).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatLsn, parseLsn, pgMicrosToUnixMicros } from '../src/lsn.js';
import { decodePgOutput, type PgOutputMessage } from '../src/pgoutput/pgoutput-decoder.js';
import { encodeStandbyStatus, parseServerMessage } from '../src/replication/replication-messages.js';

const session = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/pgoutput-session.json'), 'utf8')) as { messages: string[] };
const frames = session.messages.map((hex) => parseServerMessage(Buffer.from(hex, 'hex')));
const messages: PgOutputMessage[] = frames.map((frame) => {
  if (frame.type !== 'xlog-data') throw new Error('expected XLogData');
  return decodePgOutput(frame.payload);
});

describe('replication stream framing', () => {
  it('reads XLogData headers: the change LSN as dataStart, 0 for Relation messages', () => {
    const first = frames[0]!;
    expect(first.type).toBe('xlog-data');
    if (first.type !== 'xlog-data') return;
    expect(formatLsn(first.dataStart)).toBe('0/15B2028');
    expect(first.walEnd).toBe(first.dataStart);
    const relation = frames[1]!;
    expect(relation.type === 'xlog-data' && relation.dataStart).toBe(0n);
  });

  it('reads a primary keepalive', () => {
    const keepalive = parseServerMessage(Buffer.from('6b000000000152663000030425a5f7612001', 'hex'));
    expect(keepalive).toEqual({ type: 'keepalive', walEnd: parseLsn('0/1526630'), sendTime: 0x030425a5f76120n, replyRequested: true });
  });

  it('encodes a standby status update: write, flush and apply positions, the clock in µs since 2000, reply flag', () => {
    const now = Date.UTC(2000, 0, 1, 0, 0, 1); // one second after PostgreSQL's epoch
    const bytes = encodeStandbyStatus({ written: parseLsn('0/3000'), flushed: parseLsn('0/2000'), applied: parseLsn('0/2000') }, now);
    expect(bytes.toString('hex')).toBe(`72${'0000000000003000'}${'0000000000002000'}${'0000000000002000'}${'00000000000f4240'}00`);
    expect(encodeStandbyStatus({ written: 1n, flushed: 1n, applied: 1n, replyRequested: true }, now)[33]).toBe(1);
  });

  it('rejects unknown message types', () => {
    expect(() => parseServerMessage(Buffer.from('7a00', 'hex'))).toThrow(/Unknown replication message type 0x7a/);
  });
});

describe('pgoutput messages', () => {
  it('decodes the message sequence of the session in order', () => {
    expect(messages.map((message) => message.type)).toEqual([
      'begin', 'relation', 'insert', 'update', 'update', 'delete', 'commit',
      'begin', 'relation', 'insert', 'update', 'delete', 'commit',
      'begin', 'relation', 'insert', 'insert', 'insert', 'commit',
      'begin', 'relation', 'insert', 'update', 'relation', 'truncate', 'commit',
    ]);
  });

  it('decodes Begin and Commit with their LSNs, timestamp and xid', () => {
    const begin = messages[0] as Extract<PgOutputMessage, { type: 'begin' }>;
    const commit = messages[6] as Extract<PgOutputMessage, { type: 'commit' }>;
    expect(formatLsn(begin.finalLsn)).toBe('0/15B2260');
    expect(begin.xid).toBe(747);
    expect(commit.flags).toBe(0);
    expect(commit.commitLsn).toBe(begin.finalLsn);
    expect(formatLsn(commit.endLsn)).toBe('0/15B2290');
    expect(commit.commitTime).toBe(begin.commitTime);
    // The commit timestamp is recent wall-clock time once moved to the Unix epoch.
    const unixMillis = Number(pgMicrosToUnixMicros(begin.commitTime) / 1000n);
    expect(unixMillis).toBeGreaterThan(Date.UTC(2020, 0, 1));
    // The Commit message's XLogData starts at the transaction's end LSN.
    const frame = frames[6]!;
    expect(frame.type === 'xlog-data' && frame.dataStart).toBe(commit.endLsn);
  });

  it('decodes a Relation: namespace, name, replica identity and columns with key flags, type OIDs and typmods', () => {
    const relation = messages[1] as Extract<PgOutputMessage, { type: 'relation' }>;
    expect(relation).toMatchObject({ relationId: 16425, namespace: 'public', name: 'orders', replicaIdentity: 'default' });
    expect(relation.columns).toEqual([
      { flags: 1, name: 'id', typeOid: 23, typmod: -1 },
      { flags: 0, name: 'item', typeOid: 25, typmod: -1 },
      { flags: 0, name: 'qty', typeOid: 23, typmod: -1 },
      { flags: 0, name: 'price', typeOid: 1700, typmod: ((8 << 16) | 2) + 4 },
      { flags: 0, name: 'doc', typeOid: 25, typmod: -1 },
    ]);
    const full = messages[8] as Extract<PgOutputMessage, { type: 'relation' }>;
    expect(full.replicaIdentity).toBe('full');
    expect(full.columns.every((column) => column.flags === 1)).toBe(true);
  });

  it('decodes Insert tuples as text and null columns', () => {
    expect(messages[2]).toEqual({
      type: 'insert',
      relationId: 16425,
      newTuple: [
        { kind: 'text', value: '1' },
        { kind: 'text', value: 'apple' },
        { kind: 'text', value: '3' },
        { kind: 'text', value: '1.25' },
        { kind: 'null' },
      ],
    });
  });

  it('decodes Updates without old row, with the old key (K) when the key changed, and with the old row (O) for REPLICA IDENTITY FULL', () => {
    const plain = messages[3] as Extract<PgOutputMessage, { type: 'update' }>;
    expect(plain.oldKind).toBeUndefined();
    expect(plain.oldTuple).toBeUndefined();
    expect(plain.newTuple[2]).toEqual({ kind: 'text', value: '4' });

    const keyChange = messages[4] as Extract<PgOutputMessage, { type: 'update' }>;
    expect(keyChange.oldKind).toBe('key');
    expect(keyChange.oldTuple).toEqual([{ kind: 'text', value: '1' }, { kind: 'null' }, { kind: 'null' }, { kind: 'null' }, { kind: 'null' }]);
    expect(keyChange.newTuple[0]).toEqual({ kind: 'text', value: '2' });

    const full = messages[10] as Extract<PgOutputMessage, { type: 'update' }>;
    expect(full.oldKind).toBe('old');
    expect(full.oldTuple?.map((value) => (value.kind === 'text' ? value.value : null))).toEqual(['5', 'pear', '1', '0.50', null]);
    expect(full.newTuple[2]).toEqual({ kind: 'text', value: '2' });
  });

  it('decodes Deletes with the old key (K) or the whole old row (O)', () => {
    expect(messages[5]).toEqual({
      type: 'delete',
      relationId: 16425,
      oldKind: 'key',
      oldTuple: [{ kind: 'text', value: '2' }, { kind: 'null' }, { kind: 'null' }, { kind: 'null' }, { kind: 'null' }],
    });
    const full = messages[11] as Extract<PgOutputMessage, { type: 'delete' }>;
    expect(full.oldKind).toBe('old');
    expect(full.oldTuple[1]).toEqual({ kind: 'text', value: 'pear' });
  });

  it('marks an unchanged TOASTed value that the stream does not repeat', () => {
    const insert = messages[21] as Extract<PgOutputMessage, { type: 'insert' }>;
    const doc = insert.newTuple[4]!;
    expect(doc.kind === 'text' && doc.value.length).toBe(12_800);
    const update = messages[22] as Extract<PgOutputMessage, { type: 'update' }>;
    expect(update.newTuple[4]).toEqual({ kind: 'unchanged-toast' });
  });

  it('decodes Truncate with its relations and options', () => {
    expect(messages[24]).toEqual({ type: 'truncate', relationIds: [16425], cascade: false, restartIdentity: false });
  });

  it('decodes Type, Origin and logical decoding Message messages', () => {
    const type = Buffer.concat([Buffer.from('59', 'hex'), u32(16500), Buffer.from('public\0mood\0')]);
    expect(decodePgOutput(type)).toEqual({ type: 'type', typeOid: 16500, namespace: 'public', name: 'mood' });
    const origin = Buffer.concat([Buffer.from('4f', 'hex'), u64(0x1234n), Buffer.from('upstream\0')]);
    expect(decodePgOutput(origin)).toEqual({ type: 'origin', originLsn: 0x1234n, name: 'upstream' });
    const message = Buffer.concat([Buffer.from('4d01', 'hex'), u64(0x99n), Buffer.from('pfx\0'), u32(2), Buffer.from('hi')]);
    expect(decodePgOutput(message)).toEqual({ type: 'message', transactional: true, lsn: 0x99n, prefix: 'pfx', content: Buffer.from('hi') });
  });

  it('reads binary tuple columns and rejects truncated or unknown messages', () => {
    const insert = Buffer.concat([Buffer.from('49', 'hex'), u32(7), Buffer.from('4e0001', 'hex'), Buffer.from('62', 'hex'), u32(2), Buffer.from('abcd', 'hex')]);
    expect(decodePgOutput(insert)).toEqual({ type: 'insert', relationId: 7, newTuple: [{ kind: 'binary', value: Buffer.from('abcd', 'hex') }] });
    expect(() => decodePgOutput(insert.subarray(0, insert.length - 1))).toThrow(/truncated/);
    expect(() => decodePgOutput(Buffer.from('5a', 'hex'))).toThrow(/unknown message type 'Z'/);
  });
});

describe('LSN text', () => {
  it('parses and formats PostgreSQL LSNs', () => {
    expect(parseLsn('16/B374D848')).toBe(0x16b374d848n);
    expect(formatLsn(0x16b374d848n)).toBe('16/B374D848');
    expect(formatLsn(0n)).toBe('0/0');
    expect(() => parseLsn('nope')).toThrow(/Not an LSN/);
  });
});

function u32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value);
  return buffer;
}

function u64(value: bigint): Buffer {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64BE(value);
  return buffer;
}
