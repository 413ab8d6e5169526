// The envelope's "source" block: Debezium's io.debezium.connector.postgresql.Source schema
// (SchemaFactory.sourceInfoSchemaBuilder + PostgresSourceInfoStructMaker, Debezium 3.6) and its
// values (AbstractSourceInfoStructMaker.commonStruct, SourceInfo.sequence).

import { SchemaBuilder, Struct } from '@polyconnect/sdk';
import { int64Value } from './schema/pg-text.js';

/** SnapshotRecord values as the source's "snapshot" field writes them. */
export type SnapshotMarker = 'true' | 'first' | 'first_in_data_collection' | 'last_in_data_collection' | 'last' | 'false' | 'incremental';

const SNAPSHOT_VALUES: readonly SnapshotMarker[] = ['true', 'first', 'first_in_data_collection', 'last_in_data_collection', 'last', 'false', 'incremental'];

/** The "snapshot" field: io.debezium.data.Enum of SnapshotRecord's names, optional, default "false". */
const SNAPSHOT_SCHEMA = SchemaBuilder.string()
  .name('io.debezium.data.Enum')
  .version(1)
  .parameter('allowed', SNAPSHOT_VALUES.join(','))
  .defaultValue('false')
  .optional()
  .build();

export const SOURCE_SCHEMA = SchemaBuilder.struct()
  .name('io.debezium.connector.postgresql.Source')
  .version(1)
  .field('version', SchemaBuilder.string().build())
  .field('connector', SchemaBuilder.string().build())
  .field('name', SchemaBuilder.string().build())
  .field('ts_ms', SchemaBuilder.int64().build())
  .field('snapshot', SNAPSHOT_SCHEMA)
  .field('db', SchemaBuilder.string().build())
  .field('sequence', SchemaBuilder.string().optional().build())
  .field('ts_us', SchemaBuilder.int64().optional().build())
  .field('ts_ns', SchemaBuilder.int64().optional().build())
  .field('schema', SchemaBuilder.string().build())
  .field('table', SchemaBuilder.string().build())
  .field('txId', SchemaBuilder.int64().optional().build())
  .field('lsn', SchemaBuilder.int64().optional().build())
  .field('xmin', SchemaBuilder.int64().optional().build())
  .field('origin', SchemaBuilder.string().optional().build())
  .field('origin_lsn', SchemaBuilder.int64().optional().build())
  .build();

export interface SourceInfo {
  /** The connector's version (Debezium puts its own release here). */
  readonly version: string;
  /** topic.prefix. */
  readonly serverName: string;
  /** database.dbname. */
  readonly database: string;
  /** The event's time in microseconds since the epoch: the commit time, or the read time in a snapshot. */
  readonly timestampMicros: bigint;
  /** null outside snapshots (the field's default "false" then applies). */
  readonly snapshot: SnapshotMarker | null;
  readonly schema: string;
  readonly table: string;
  readonly txId: number | null;
  readonly lsn: bigint | null;
  /** The last completely processed commit's LSN, for "sequence". */
  readonly lastCommitLsn: bigint | null;
  readonly originName?: string | null;
  readonly originLsn?: bigint | null;
}

/** The source struct of one event. */
export function sourceStruct(info: SourceInfo): Struct {
  const micros = info.timestampMicros;
  const struct = new Struct(SOURCE_SCHEMA)
    .put('version', info.version)
    .put('connector', 'postgresql')
    .put('name', info.serverName)
    .put('ts_ms', int64Value(floorDiv(micros, 1000n)))
    .put('db', info.database)
    .put('ts_us', int64Value(micros))
    .put('ts_ns', int64Value(micros * 1000n))
    .put('schema', info.schema)
    .put('table', info.table)
    // SourceInfo.sequence: a JSON array of the last commit LSN and this event's LSN, as strings.
    .put('sequence', JSON.stringify([info.lastCommitLsn === null ? null : info.lastCommitLsn.toString(), info.lsn === null ? null : info.lsn.toString()]));
  if (info.snapshot !== null && info.snapshot !== 'false') struct.put('snapshot', info.snapshot);
  if (info.txId !== null) struct.put('txId', info.txId);
  if (info.lsn !== null) struct.put('lsn', int64Value(info.lsn));
  if (info.originName !== undefined && info.originName !== null) struct.put('origin', info.originName);
  if (info.originLsn !== undefined && info.originLsn !== null) struct.put('origin_lsn', int64Value(info.originLsn));
  return struct;
}

function floorDiv(value: bigint, divisor: bigint): bigint {
  const quotient = value / divisor;
  return value % divisor < 0n ? quotient - 1n : quotient;
}
