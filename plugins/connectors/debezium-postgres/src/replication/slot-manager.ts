// The replication slot and the publication, managed as Debezium's PostgresReplicationConnection
// does (initPublication, createReplicationSlot) and as PostgresConnection.readReplicationSlotInfo
// reads them: the publication first (pgoutput needs it), then the slot, created with an exported
// snapshot when the initial snapshot must be consistent with the slot's starting point.

import pg from 'pg';
import { ConnectException, type Logger } from '@polyconnect/sdk';
import type { PostgresConnectorSettings } from '../connector-config.js';
import { parseLsn } from '../lsn.js';
import { type CatalogTable, quoteIdentifier } from '../schema/catalog.js';
import type { SqlRunner } from '../schema/type-registry.js';

export interface SlotState {
  readonly plugin: string;
  readonly database: string;
  readonly active: boolean;
  readonly activePid: number | null;
  /** Where the slot's consumer has confirmed up to; streaming starts no earlier. */
  readonly confirmedFlushLsn: bigint;
  readonly restartLsn: bigint | undefined;
}

/** The slot's state, or undefined when it does not exist. */
export async function readSlot(sql: SqlRunner, slotName: string): Promise<SlotState | undefined> {
  const { rows } = await sql.query(
    `SELECT plugin, slot_type, database, active::text AS active, active_pid::text AS active_pid,
            confirmed_flush_lsn::text AS confirmed_flush_lsn, restart_lsn::text AS restart_lsn
       FROM pg_catalog.pg_replication_slots WHERE slot_name = $1`,
    [slotName],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  return {
    plugin: row['plugin'] ?? '',
    database: row['database'] ?? '',
    active: row['active'] === 'true',
    activePid: row['active_pid'] === null || row['active_pid'] === undefined ? null : Number(row['active_pid']),
    confirmedFlushLsn: row['confirmed_flush_lsn'] ? parseLsn(row['confirmed_flush_lsn']) : 0n,
    restartLsn: row['restart_lsn'] ? parseLsn(row['restart_lsn']) : undefined,
  };
}

/** Refuses a slot this connector cannot stream from. */
export function checkSlot(slot: SlotState, settings: PostgresConnectorSettings): void {
  if (slot.plugin !== 'pgoutput') {
    throw new ConnectException(`Replication slot "${settings.slotName}" uses the logical decoding plugin "${slot.plugin}", not pgoutput; drop it or choose another slot.name`);
  }
  if (slot.database !== settings.database) {
    throw new ConnectException(`Replication slot "${settings.slotName}" belongs to database "${slot.database}", not "${settings.database}"; choose another slot.name`);
  }
}

export interface CreatedSlot {
  /** The LSN from which the slot's changes start (the exported snapshot shows the data as of this point). */
  readonly consistentPoint: bigint;
  /** The exported snapshot's name; valid until release() is called. */
  readonly snapshotName: string | undefined;
  /** Ends the connection that created the slot, which also ends the exported snapshot. */
  release(): Promise<void>;
}

/**
 * CREATE_REPLICATION_SLOT ... LOGICAL pgoutput, over a replication connection. With
 * exportSnapshot the slot's snapshot is exported, and the connection stays open (in the state the
 * protocol requires for the export to stay valid) until release() — after the snapshot
 * transaction has imported it with SET TRANSACTION SNAPSHOT.
 */
export async function createSlot(connection: pg.ClientConfig, slotName: string, exportSnapshot: boolean, log: Logger): Promise<CreatedSlot> {
  const client = new pg.Client({ ...connection, replication: 'database' } as pg.ClientConfig);
  client.on('error', (error: Error) => log.warn('Slot creation connection failed', { error: error.message }));
  await client.connect();
  try {
    const command = `CREATE_REPLICATION_SLOT ${slotName} LOGICAL pgoutput ${exportSnapshot ? 'EXPORT_SNAPSHOT' : 'NOEXPORT_SNAPSHOT'}`;
    log.info('Creating replication slot', { command });
    const result = await client.query<Record<string, string | null>>(command);
    const row = result.rows[0];
    if (row === undefined || !row['consistent_point']) throw new ConnectException(`CREATE_REPLICATION_SLOT returned no consistent point`);
    return {
      consistentPoint: parseLsn(row['consistent_point']),
      snapshotName: row['snapshot_name'] ?? undefined,
      release: () => client.end().catch(() => undefined),
    };
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
}

export async function dropSlot(sql: SqlRunner, slotName: string): Promise<void> {
  await sql.query('SELECT pg_catalog.pg_drop_replication_slot($1)', [slotName]);
}

/**
 * Makes sure the publication exists (PostgresReplicationConnection.initPublication): disabled
 * fails without it; all_tables creates it FOR ALL TABLES; filtered creates it (or alters an
 * existing one) FOR TABLE the captured tables; no_tables creates it empty.
 */
export async function ensurePublication(sql: SqlRunner, settings: PostgresConnectorSettings, capturedTables: () => Promise<CatalogTable[]>, log: Logger): Promise<void> {
  const name = settings.publicationName;
  const { rows } = await sql.query('SELECT puballtables::text AS all_tables FROM pg_catalog.pg_publication WHERE pubname = $1', [name.toLowerCase()]);
  const existing = rows[0];
  const mode = settings.publicationAutocreateMode;
  const tableList = async (): Promise<string> => {
    const tables = await capturedTables();
    if (tables.length === 0) throw new ConnectException(`No table filters found for filtered publication ${name}`);
    return tables.map((table) => `${quoteIdentifier(table.id.schema)}.${quoteIdentifier(table.id.table)}`).join(', ');
  };
  if (existing === undefined) {
    let statement: string;
    switch (mode) {
      case 'disabled':
        throw new ConnectException('Publication autocreation is disabled, please create one and restart the connector.');
      case 'all_tables':
        statement = `CREATE PUBLICATION ${name} FOR ALL TABLES`;
        break;
      case 'filtered':
        statement = `CREATE PUBLICATION ${name} FOR TABLE ${await tableList()}`;
        break;
      case 'no_tables':
        statement = `CREATE PUBLICATION ${name}`;
        break;
    }
    log.info('Creating publication', { statement });
    await sql.query(statement);
    return;
  }
  if (mode !== 'filtered') return;
  if (existing['all_tables'] === 'true') {
    throw new ConnectException(
      `A logical publication for all tables named '${name}' for plugin 'pgoutput' and database '${settings.database}' is already active on the server and can not be altered. ` +
        "If you need to exclude some tables or include only specific subset, please recreate the publication with necessary configuration or let plugin recreate it by dropping existing publication. Otherwise please change the 'publication.autocreate.mode' property to 'all_tables'.",
    );
  }
  const current = await sql.query('SELECT schemaname AS schema, tablename AS name FROM pg_catalog.pg_publication_tables WHERE pubname = $1 ORDER BY 1, 2', [name.toLowerCase()]);
  const wanted = await capturedTables();
  const key = (schema: string | null | undefined, table: string | null | undefined): string => `${schema}.${table}`;
  const currentKeys = current.rows.map((row) => key(row['schema'], row['name'])).sort();
  const wantedKeys = wanted.map((table) => key(table.id.schema, table.id.table)).sort();
  if (currentKeys.join('\n') === wantedKeys.join('\n')) return;
  const statement = `ALTER PUBLICATION ${name} SET TABLE ${await tableList()}`;
  log.info('Updating publication', { statement });
  await sql.query(statement);
}
