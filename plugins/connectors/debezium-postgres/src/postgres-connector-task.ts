// PostgresConnectorTask: the one task of a PostgresConnector. On start it makes sure the
// publication and the replication slot exist and decides, from snapshot.mode and the committed
// offset, whether to snapshot. poll() then returns the snapshot's op=r records (read in a
// transaction on the slot's exported snapshot, so snapshot and stream meet exactly at the slot's
// consistent point), and after that the changes streamed over logical replication. commit()
// receives the offsets the worker has durably stored and only then confirms the slot up to them
// (Debezium: PostgresConnectorTask.commit -> PostgresStreamingChangeEventSource.commitOffset).

import { ConnectException, type ConnectorConfig, type Logger, type SourceMap, type SourceRecord, SourceTask, log as rootLog } from '@polyconnect/sdk';
import { type PostgresConnectorSettings, parseConfig } from './connector-config.js';
import { formatLsn, lsnToNumber } from './lsn.js';
import { type CommittedOffset, confirmableLsn, type ResumePoint, readOffset, resumePoint, sourcePartition } from './offsets.js';
import { clientConfig, TextConnection } from './postgres-connection.js';
import { ReplicationStream } from './replication/replication-stream.js';
import { checkSlot, type CreatedSlot, createSlot, dropSlot, ensurePublication, readSlot, type SlotState } from './replication/slot-manager.js';
import { type CatalogTable, listTables } from './schema/catalog.js';
import { TypeRegistry } from './schema/type-registry.js';
import { SnapshotReader } from './snapshot/snapshot-reader.js';
import { ChangeProducer } from './streaming/change-producer.js';
import { RelationCache } from './streaming/relation-cache.js';
import { TableFilter } from './table-filter.js';
import { PLUGIN_VERSION } from './version.js';

/** How long START_REPLICATION is retried while the slot is still held by a walsender of a dead predecessor. */
const SLOT_BUSY_RETRY_MS = 500;
const SLOT_BUSY_TIMEOUT_MS = 60_000;

export class PostgresConnectorTask extends SourceTask {
  static readonly className = 'io.debezium.connector.postgresql.PostgresConnectorTask';

  #settings: PostgresConnectorSettings | undefined;
  #log: Logger = rootLog;
  #partition: SourceMap = {};
  #sql: TextConnection | undefined;
  #types: TypeRegistry | undefined;
  #filter: TableFilter | undefined;
  #snapshotConnection: TextConnection | undefined;
  #snapshot: SnapshotReader | undefined;
  #streamAfterSnapshot = true;
  /** Where streaming starts, and which already committed events it skips. */
  #streamStart: { startLsn: bigint; resume: ResumePoint | undefined } | undefined;
  #stream: ReplicationStream | undefined;
  #producer: ChangeProducer | undefined;
  /** The highest LSN a committed offset allows the slot to be confirmed to. */
  #committedLsn = 0n;
  #failure: Error | undefined;
  #stopped = false;

  version(): string {
    return PLUGIN_VERSION;
  }

  async start(config: ConnectorConfig): Promise<void> {
    const settings = parseConfig(config);
    this.#settings = settings;
    this.#log = rootLog.child({ slot: settings.slotName, server: settings.topicPrefix });
    this.#partition = sourcePartition(settings.topicPrefix);
    this.#filter = new TableFilter({
      schemaInclude: settings.schemaIncludeList,
      schemaExclude: settings.schemaExcludeList,
      tableInclude: settings.tableIncludeList,
      tableExclude: settings.tableExcludeList,
    });
    const committed = readOffset(this.context.offsetStorageReader.offset(this.#partition));
    try {
      await this.#prepare(settings, committed);
    } catch (error) {
      await this.#closeAll();
      throw error;
    }
  }

  async #prepare(settings: PostgresConnectorSettings, committed: CommittedOffset | undefined): Promise<void> {
    const sql = await TextConnection.open(clientConfig(settings), (error) => this.#fail(error));
    this.#sql = sql;
    const types = new TypeRegistry(sql);
    await types.load();
    this.#types = types;
    await ensurePublication(sql, settings, () => this.#capturedTables(), this.#log);

    let slot = await readSlot(sql, settings.slotName);
    if (slot !== undefined) checkSlot(slot, settings);
    const snapshot = this.#snapshotNeeded(settings.snapshotMode, committed, slot);
    this.#streamAfterSnapshot = settings.snapshotMode !== 'initial_only';
    this.#log.info('Starting the PostgreSQL connector task', {
      snapshotMode: settings.snapshotMode,
      snapshot,
      slotExists: slot !== undefined,
      committedOffset: committed === undefined ? null : { lsn: committed.lsn?.toString(), lsnCommit: committed.lsnCommit?.toString(), snapshotIncomplete: committed.snapshotIncomplete },
    });

    let created: CreatedSlot | undefined;
    if (slot === undefined) {
      if (committed !== undefined && !snapshot) {
        this.#log.warn('The replication slot does not exist although offsets were committed: changes made while it was missing are not captured', { slot: settings.slotName });
      }
      created = await createSlot(clientConfig(settings), settings.slotName, snapshot, this.#log);
      slot = await readSlot(sql, settings.slotName);
      if (slot === undefined) throw new ConnectException(`Replication slot "${settings.slotName}" vanished right after it was created`);
    }
    try {
      if (snapshot) {
        await this.#openSnapshot(settings, slot, created);
      } else {
        const resume = committed === undefined ? undefined : resumePoint(committed);
        const startLsn = resume?.startLsn ?? created?.consistentPoint ?? slot.confirmedFlushLsn;
        this.#streamStart = { startLsn, resume };
      }
    } finally {
      // The exported snapshot has been imported (or was not needed): the creating connection may go.
      await created?.release();
    }
  }

  /** snapshot.mode decides (Debezium's Snapshotter implementations for each mode). */
  #snapshotNeeded(mode: PostgresConnectorSettings['snapshotMode'], committed: CommittedOffset | undefined, slot: SlotState | undefined): boolean {
    const noCompleteSnapshot = committed === undefined || committed.snapshotIncomplete;
    switch (mode) {
      case 'always':
        return true;
      case 'no_data':
        return false;
      case 'when_needed':
        return noCompleteSnapshot || slot === undefined;
      case 'initial':
      case 'initial_only':
        return noCompleteSnapshot;
    }
  }

  async #openSnapshot(settings: PostgresConnectorSettings, slot: SlotState, created: CreatedSlot | undefined): Promise<void> {
    const connection = await TextConnection.open(clientConfig(settings), (error) => this.#fail(error));
    this.#snapshotConnection = connection;
    await connection.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    let lsn: bigint;
    if (created?.snapshotName !== undefined) {
      // The slot was just created: read exactly the data as of its consistent point.
      await connection.query(`SET TRANSACTION SNAPSHOT '${created.snapshotName.replaceAll("'", "''")}'`);
      lsn = created.consistentPoint;
    } else {
      // The slot already existed: streaming replays everything after what it has confirmed, so a
      // change is seen at least once (the snapshot may already contain some of them).
      lsn = slot.confirmedFlushLsn;
    }
    const { rows } = await connection.query('SELECT txid_current()::text AS xid');
    const txId = Number(rows[0]?.['xid'] ?? 0);
    const tables = await this.#capturedTables();
    this.#log.info('Snapshot starts', { lsn: formatLsn(lsn), exportedSnapshot: created?.snapshotName ?? null, tables: tables.map((table) => `${table.id.schema}.${table.id.table}`) });
    this.#snapshot = new SnapshotReader({
      connection,
      tables,
      types: this.#types!,
      settings: settings.converters,
      topicPrefix: settings.topicPrefix,
      database: settings.database,
      version: PLUGIN_VERSION,
      partition: this.#partition,
      lsn,
      txId: Number.isSafeInteger(txId) ? txId : null,
      fetchSize: settings.snapshotFetchSize,
      log: this.#log,
    });
    this.#streamStart = { startLsn: lsn, resume: undefined };
  }

  async #capturedTables(): Promise<CatalogTable[]> {
    return (await listTables(this.#sql!)).filter((table) => this.#filter!.includes(table.id));
  }

  async poll(): Promise<SourceRecord[] | null> {
    if (this.#failure !== undefined) throw this.#failure;
    if (this.#stopped) return null;
    const settings = this.#settings!;
    const snapshot = this.#snapshot;
    if (snapshot !== undefined) {
      const records = await snapshot.next(settings.maxBatchSize);
      if (snapshot.done) await this.#finishSnapshot();
      return records;
    }
    if (!this.#streamAfterSnapshot) {
      await sleep(settings.pollIntervalMs);
      return null;
    }
    const stream = this.#stream ?? (await this.#startStreaming());
    const producer = this.#producer!;
    const records: SourceRecord[] = [];
    const deadline = Date.now() + settings.pollIntervalMs;
    while (records.length < settings.maxBatchSize && !this.#stopped) {
      const messages = stream.take(settings.maxBatchSize - records.length);
      if (messages.length === 0) {
        const remaining = deadline - Date.now();
        if (records.length > 0 || remaining <= 0) break;
        await stream.waitForData(remaining);
        continue;
      }
      for (const message of messages) records.push(...(await producer.process(message)));
    }
    if (this.#failure !== undefined && records.length === 0) throw this.#failure;
    return records;
  }

  async #finishSnapshot(): Promise<void> {
    const snapshot = this.#snapshot!;
    this.#snapshot = undefined;
    this.#log.info('Snapshot completed', { records: snapshot.recordsEmitted });
    const connection = this.#snapshotConnection;
    this.#snapshotConnection = undefined;
    await connection?.query('COMMIT').catch(() => undefined);
    await connection?.close();
  }

  async #startStreaming(): Promise<ReplicationStream> {
    const settings = this.#settings!;
    const { startLsn, resume } = this.#streamStart!;
    const deadline = Date.now() + SLOT_BUSY_TIMEOUT_MS;
    for (;;) {
      const slot = await readSlot(this.#sql!, settings.slotName);
      if (slot === undefined) throw new ConnectException(`Replication slot "${settings.slotName}" does not exist any more`);
      try {
        const stream = await ReplicationStream.start({
          connection: clientConfig(settings),
          slotName: settings.slotName,
          publicationName: settings.publicationName,
          startLsn,
          confirmedLsn: slot.confirmedFlushLsn,
          statusIntervalMs: settings.statusUpdateIntervalMs,
          maxQueueSize: settings.maxQueueSize,
          log: this.#log,
        });
        // The server starts at the later of startLsn and the slot's confirmed position.
        const effectiveStart = startLsn > slot.confirmedFlushLsn ? startLsn : slot.confirmedFlushLsn;
        this.#producer = new ChangeProducer({
          relations: new RelationCache({ topicPrefix: settings.topicPrefix, sql: this.#sql!, types: this.#types!, settings: settings.converters, filter: this.#filter!, log: this.#log }),
          partition: this.#partition,
          version: PLUGIN_VERSION,
          topicPrefix: settings.topicPrefix,
          database: settings.database,
          tombstonesOnDelete: settings.tombstonesOnDelete,
          skippedOperations: settings.skippedOperations,
          startLsn: effectiveStart,
          resume,
          log: this.#log,
        });
        this.#stream = stream;
        stream.confirm(this.#committedLsn);
        this.#log.info('Streaming changes', { from: formatLsn(effectiveStart), confirmed: formatLsn(stream.confirmedLsn), skipUpTo: resume?.skip === undefined ? null : { txId: resume.skip.txId, lsn: formatLsn(resume.skip.lsn) } });
        return stream;
      } catch (error) {
        // 55006 object_in_use: "replication slot ... is active for PID ..." (a predecessor's walsender still exits).
        const busy = (error as { code?: string }).code === '55006';
        if (!busy || Date.now() >= deadline || this.#stopped) throw error;
        this.#log.info('Replication slot is still in use, retrying', { error: (error as Error).message });
        await sleep(SLOT_BUSY_RETRY_MS);
      }
    }
  }

  /**
   * The worker has durably stored these offsets: confirm the slot up to them (never further).
   * Snapshot offsets carry no confirmable position; they leave the slot where it is.
   */
  override commit(offsets: ReadonlyArray<{ partition: SourceMap; offset: SourceMap | null }>): void {
    for (const { partition, offset } of offsets) {
      if (partition['server'] !== this.#partition['server']) continue;
      const lsn = confirmableLsn(offset);
      if (lsn === undefined || lsn <= this.#committedLsn) continue;
      this.#committedLsn = lsn;
      this.#log.debug('Offsets committed; confirming the slot', { lsn: lsnToNumber(lsn), position: formatLsn(lsn) });
      this.#stream?.confirm(lsn);
    }
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#closeAll();
  }

  async #closeAll(): Promise<void> {
    const stream = this.#stream;
    this.#stream = undefined;
    await stream?.close();
    const snapshotConnection = this.#snapshotConnection;
    this.#snapshotConnection = undefined;
    await snapshotConnection?.query('ROLLBACK').catch(() => undefined);
    await snapshotConnection?.close();
    const sql = this.#sql;
    this.#sql = undefined;
    if (sql !== undefined && this.#settings?.dropSlotOnStop === true && this.#stopped) {
      await this.#dropSlot(sql, this.#settings.slotName);
    }
    await sql?.close();
  }

  async #dropSlot(sql: TextConnection, slotName: string): Promise<void> {
    // The walsender may need a moment to release the slot after the stream closed.
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        await dropSlot(sql, slotName);
        this.#log.info('Dropped the replication slot (slot.drop.on.stop=true)', { slot: slotName });
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006') {
          this.#log.warn('Could not drop the replication slot', { slot: slotName, error: (error as Error).message });
          return;
        }
        await sleep(250);
      }
    }
  }

  #fail(error: Error): void {
    if (this.#stopped) return;
    this.#failure ??= new ConnectException(`Database connection failed: ${error.message}`, { cause: error });
    this.#log.error('Database connection failed', { error: error.message });
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
