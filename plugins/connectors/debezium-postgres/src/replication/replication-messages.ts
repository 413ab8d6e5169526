// The streaming replication protocol's CopyData messages (PostgreSQL protocol docs, "Streaming
// Replication Protocol", START_REPLICATION): from the server XLogData ('w') and the primary
// keepalive ('k'); to the server the standby status update ('r'), whose flush position is what
// a logical slot records as confirmed_flush_lsn.

import { nowAsPgMicros } from '../lsn.js';

export type ServerMessage =
  | {
      readonly type: 'xlog-data';
      /** The WAL position of the data (for pgoutput: the change's LSN, or the commit's end LSN; 0 for Relation messages). */
      readonly dataStart: bigint;
      readonly walEnd: bigint;
      readonly sendTime: bigint;
      readonly payload: Buffer;
    }
  | { readonly type: 'keepalive'; readonly walEnd: bigint; readonly sendTime: bigint; readonly replyRequested: boolean };

/** Parses one CopyData payload sent during START_REPLICATION. */
export function parseServerMessage(chunk: Buffer): ServerMessage {
  const tag = chunk[0];
  if (tag === 0x77 /* 'w' */) {
    if (chunk.length < 25) throw new Error(`XLogData message too short (${chunk.length} bytes)`);
    return {
      type: 'xlog-data',
      dataStart: chunk.readBigUInt64BE(1),
      walEnd: chunk.readBigUInt64BE(9),
      sendTime: chunk.readBigInt64BE(17),
      payload: chunk.subarray(25),
    };
  }
  if (tag === 0x6b /* 'k' */) {
    if (chunk.length < 18) throw new Error(`Keepalive message too short (${chunk.length} bytes)`);
    return { type: 'keepalive', walEnd: chunk.readBigUInt64BE(1), sendTime: chunk.readBigInt64BE(9), replyRequested: chunk[17] === 1 };
  }
  throw new Error(`Unknown replication message type 0x${tag?.toString(16) ?? '??'}`);
}

export interface StandbyStatus {
  /** Last WAL byte + 1 received. */
  readonly written: bigint;
  /** Last WAL byte + 1 made durable: the slot's confirmed_flush_lsn becomes this. */
  readonly flushed: bigint;
  /** Last WAL byte + 1 applied (we report the flushed position, as pgjdbc does for logical streams). */
  readonly applied: bigint;
  readonly replyRequested?: boolean;
}

/** Encodes a Standby Status Update ('r'): Int64 write, flush, apply, Int64 client time, Byte1 reply. */
export function encodeStandbyStatus(status: StandbyStatus, nowMillis: number = Date.now()): Buffer {
  const buffer = Buffer.alloc(34);
  buffer[0] = 0x72; // 'r'
  buffer.writeBigUInt64BE(status.written, 1);
  buffer.writeBigUInt64BE(status.flushed, 9);
  buffer.writeBigUInt64BE(status.applied, 17);
  buffer.writeBigInt64BE(nowAsPgMicros(nowMillis), 25);
  buffer[33] = status.replyRequested === true ? 1 : 0;
  return buffer;
}
