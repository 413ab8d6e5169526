// PostgreSQL log sequence numbers (LSNs) and the protocol's timestamps. An LSN is a 64-bit WAL
// position, written "X/Y" (two hex halves) by PostgreSQL and kept as a plain number in
// Debezium's offsets and source struct (its Lsn.asLong()); here it is a bigint on the wire and a
// number in records. Replication timestamps count microseconds since 2000-01-01 UTC.

/** Microseconds between 1970-01-01 and 2000-01-01 (PostgreSQL's epoch). */
export const PG_EPOCH_OFFSET_MICROS = 946_684_800_000_000n;

/** Parses "16/B374D848" into a bigint. */
export function parseLsn(text: string): bigint {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text.trim());
  if (match === null) throw new Error(`Not an LSN: "${text}"`);
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

/** Formats a bigint as PostgreSQL writes an LSN, e.g. "16/B374D848". */
export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

/** An LSN as the number Debezium stores (LSNs beyond 2^53 would need 8 PiB of WAL). */
export function lsnToNumber(lsn: bigint): number {
  if (lsn > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`LSN ${formatLsn(lsn)} is beyond 2^53`);
  return Number(lsn);
}

/** An LSN read back from an offset: a number (as written) or a numeric string; undefined when absent. */
export function lsnFromOffset(value: unknown): bigint | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  if (typeof value === 'bigint' && value >= 0n) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return BigInt(value);
  return undefined;
}

/** Microseconds since 2000-01-01 (a replication timestamp) to microseconds since 1970-01-01. */
export function pgMicrosToUnixMicros(pgMicros: bigint): bigint {
  return pgMicros + PG_EPOCH_OFFSET_MICROS;
}

/** The current time as a replication timestamp (microseconds since 2000-01-01). */
export function nowAsPgMicros(nowMillis: number = Date.now()): bigint {
  return BigInt(nowMillis) * 1000n - PG_EPOCH_OFFSET_MICROS;
}
