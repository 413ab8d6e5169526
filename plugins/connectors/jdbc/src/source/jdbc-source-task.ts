// JdbcSourceTask: polls its tables (or the custom query) as Confluent's JdbcSourceTask and
// TableQuerierProcessor do, on one connection.
//
// start(): reads the committed offsets (protocol 1 partition first, then protocol 0), checks that
// the offset columns exist and (validate.non.null) are NOT NULL, and makes one querier per table.
// poll(): takes the querier that ran least recently (ties by table name); when it is not due yet
// (poll.interval.ms after its last run) waits up to a second and answers empty; otherwise starts
// or continues its query and returns up to batch.max.rows records. A querier whose cursor is
// exhausted commits its read transaction and goes to the back of the queue.
// Failures: a lost connection or another transient error rolls the querier back to the offset its
// run started from and throws RetriableException (the worker polls again), up to
// query.retry.attempts in a row (-1: forever); any other error fails the task.

import {
  ConfigException,
  ConnectException,
  type ConnectorConfig,
  RetriableException,
  type SourceRecord,
  SourceTask,
  log,
} from '@polyconnect/sdk';
import { describeTable, TypeCache } from '../catalog.js';
import { pgConnectionOptions } from '../connection-url.js';
import { ConnectionProvider, describeError, isTransient } from '../connection.js';
import { compareTableIds, parseTableId, type TableId, unquotedName } from '../identifiers.js';
import { PLUGIN_VERSION } from '../version.js';
import { Instant } from '../time.js';
import { possiblePartitions, partitionV0, partitionV1, QUERY_PARTITION, TimestampIncrementingOffset } from './offsets.js';
import {
  MODE_BULK,
  SOURCE_TASK_CONFIG_DEF,
  type SourceConfig,
  TABLES,
  TABLES_FETCHED,
  TIMESTAMP_INITIAL,
  fullMatch,
  parseSourceConfig,
  parseTableColumnMapping,
  parseTableColumnsMapping,
  usesIncrementingColumn,
  usesTimestampColumn,
  INCREMENTING_COLUMN_MAPPING,
  TIMESTAMP_COLUMNS_MAPPING,
} from './source-config.js';
import { TableQuerier } from './table-querier.js';

/** The longest a poll waits for the next querier to become due. */
const MAX_IDLE_WAIT_MS = 1000;

export class JdbcSourceTask extends SourceTask {
  static readonly className = 'io.confluent.connect.jdbc.source.JdbcSourceTask';
  #config: SourceConfig | undefined;
  #connection: ConnectionProvider | undefined;
  readonly #types = new TypeCache();
  #queriers: TableQuerier[] = [];
  #stopped = false;
  #polling: Promise<unknown> | undefined;
  #wake: (() => void) | undefined;

  version(): string {
    return PLUGIN_VERSION;
  }

  async start(properties: ConnectorConfig): Promise<void> {
    log.info('Starting JDBC source task');
    let config: SourceConfig;
    let tableNames: string[];
    let tablesFetched: boolean;
    try {
      const parsed = SOURCE_TASK_CONFIG_DEF.parse(properties);
      config = parseSourceConfig(properties);
      tableNames = (parsed[TABLES] as string[]).filter((t) => t.trim() !== '');
      tablesFetched = parsed[TABLES_FETCHED] as boolean;
    } catch (error) {
      throw new ConfigException(`Couldn't start JdbcSourceTask due to configuration error: ${(error as Error).message}`);
    }
    this.#config = config;
    this.#stopped = false;
    if (tableNames.length === 0 && config.query === null) {
      if (!tablesFetched) {
        log.info('Started JDBC source task. Waiting for DB tables to be fetched.');
        return;
      }
      throw new ConfigException(
        'Task is being killed because it was not assigned a table nor a query to execute. If run in table mode please make sure that the tables exist on the database. If the table does exist on the database, we recommend using the fully qualified table name.',
      );
    }
    if (tableNames.length > 0 && config.query !== null) throw new ConfigException('Invalid configuration: a JdbcSourceTask cannot have both a table and a query assigned to it');
    if (config.mode === '') throw new ConfigException('Query mode must be specified');
    this.#connection = new ConnectionProvider({ connection: pgConnectionOptions(config.connection), attempts: config.connectionAttempts, backoffMs: config.connectionBackoffMs });
    const tables = tableNames.map((name) => parseTableId(name, config.quote));
    const initial = await this.#initialTimestamp(config);
    if (config.query !== null) {
      this.#queriers = [this.#querier(config, null, this.#storedOffset([QUERY_PARTITION]), initial)];
    } else {
      for (const table of tables) await this.#checkColumns(config, table);
      this.#queriers = tables.map((table) => this.#querier(config, table, this.#storedOffset(possiblePartitions(table)), initial));
    }
    log.info('Started JDBC source task', { tables: tables.map(unquotedName), mode: config.mode });
  }

  async poll(): Promise<SourceRecord[] | null> {
    if (this.#queriers.length === 0 || this.#stopped) {
      await this.#sleep(MAX_IDLE_WAIT_MS);
      return null;
    }
    const work = this.#pollOnce();
    this.#polling = work.catch(() => undefined);
    try {
      return await work;
    } finally {
      this.#polling = undefined;
      if (this.#stopped) await this.#close();
    }
  }

  async stop(): Promise<void> {
    log.info('Stopping JDBC source task');
    this.#stopped = true;
    this.#wake?.();
    if (this.#polling === undefined) await this.#close();
  }

  async #pollOnce(): Promise<SourceRecord[] | null> {
    const config = this.#config!;
    const started = Date.now();
    while (!this.#stopped) {
      const querier = this.#head();
      if (!querier.querying) {
        const wait = querier.lastUpdate + config.pollIntervalMs - Date.now();
        if (wait > 0) {
          // Nothing is due: wait a little (a stop wakes us) and let the worker call again.
          await this.#sleep(Math.min(wait, Math.max(10, MAX_IDLE_WAIT_MS - (Date.now() - started))));
          if (querier.lastUpdate + config.pollIntervalMs > Date.now()) return null;
          continue;
        }
      }
      const records = await this.#run(querier, config);
      if (records.length > 0) return records;
      if (Date.now() - started >= MAX_IDLE_WAIT_MS) return null;
    }
    return null;
  }

  /** One step of a querier: start it if needed, fetch a batch, finish it when exhausted. */
  async #run(querier: TableQuerier, config: SourceConfig): Promise<SourceRecord[]> {
    let client;
    try {
      client = await this.#connection!.get();
      if (!querier.querying) await querier.start(client);
      const { records, exhausted } = await querier.fetch(client, this.#types);
      if (exhausted) await querier.reset(client, Date.now(), false);
      querier.attemptedRetries = 0;
      return records;
    } catch (error) {
      const transient = isTransient(error);
      if (transient) this.#connection!.invalidate();
      await querier.reset(transient ? undefined : client, Date.now(), true).catch(() => this.#connection!.invalidate());
      const message = `${transient ? 'SQL exception' : 'Failed'} while running query for ${querier.name}: ${describeError(error)}`;
      if (!transient) throw error instanceof ConnectException ? error : new ConnectException(message, { cause: error });
      querier.attemptedRetries++;
      if (config.queryRetryAttempts > 0 && querier.attemptedRetries >= config.queryRetryAttempts) {
        throw new ConnectException(`Failed to query table after retries: ${message}`, { cause: error });
      }
      log.warn(`${message}. Attempting retry ${querier.attemptedRetries} of ${config.queryRetryAttempts} attempts.`);
      throw new RetriableException(message, { cause: error });
    }
  }

  /** The querier to run next: the one in the middle of a query, else the least recently run. */
  #head(): TableQuerier {
    const running = this.#queriers.find((q) => q.querying);
    if (running !== undefined) return running;
    return this.#queriers.reduce((best, q) => {
      if (q.lastUpdate !== best.lastUpdate) return q.lastUpdate < best.lastUpdate ? q : best;
      const a = q.options.table;
      const b = best.options.table;
      return a !== null && b !== null && compareTableIds(a, b) < 0 ? q : best;
    });
  }

  #querier(config: SourceConfig, table: TableId | null, stored: TimestampIncrementingOffset | null, initial: Instant | null): TableQuerier {
    const mode = config.mode as Exclude<SourceConfig['mode'], ''>;
    let offset = stored ?? TimestampIncrementingOffset.EMPTY;
    if (stored === null && initial !== null && mode !== MODE_BULK) offset = new TimestampIncrementingOffset(initial, null);
    const columns = this.#columnsFor(config, table);
    return new TableQuerier({
      mode,
      table,
      query: config.query,
      topic: table === null ? config.topicPrefix : `${config.topicPrefix}${table.table}`,
      partition: table === null ? QUERY_PARTITION : mode === MODE_BULK ? partitionV0(table) : partitionV1(table),
      incrementingColumn: usesIncrementingColumn(mode) ? columns.incrementing : null,
      timestampColumns: usesTimestampColumn(mode) ? columns.timestamps : [],
      offset,
      config,
    });
  }

  /** The offset columns for a table: from the mappings with table.include.list, else the plain keys. */
  #columnsFor(config: SourceConfig, table: TableId | null): { incrementing: string; timestamps: string[] } {
    if (table === null || config.includeList.length === 0) return { incrementing: config.incrementingColumn, timestamps: [...config.timestampColumns] };
    const name = unquotedName(table);
    let incrementing = '';
    let timestamps: string[] = [];
    if (usesIncrementingColumn(config.mode)) {
      const matches = config.incrementingColumnMapping.map((m) => parseTableColumnMapping(INCREMENTING_COLUMN_MAPPING, m)).filter(([regex]) => fullMatch(regex, name));
      if (matches.length !== 1) throw new ConnectException(`Error while validating incrementing column mappings: Included table '${name}' ${matches.length === 0 ? 'does not match any of the provided regexes' : 'matches more than one of the provided regexes'}`);
      incrementing = matches[0]![1];
    }
    if (usesTimestampColumn(config.mode)) {
      const matches = config.timestampColumnsMapping.map((m) => parseTableColumnsMapping(TIMESTAMP_COLUMNS_MAPPING, m)).filter(([regex]) => fullMatch(regex, name));
      if (matches.length !== 1) throw new ConnectException(`Error while validating timestamp column mappings: Included table '${name}' ${matches.length === 0 ? 'does not match any of the provided regexes' : 'matches more than one of the provided regexes'}`);
      timestamps = matches[0]![1];
    }
    return { incrementing, timestamps };
  }

  /** The first stored offset among the candidate partitions (null when none, or in bulk mode). */
  #storedOffset(partitions: readonly Record<string, unknown>[]): TimestampIncrementingOffset | null {
    if (this.#config!.mode === MODE_BULK) return null;
    for (const partition of partitions) {
      const offset = this.context.offsetStorageReader.offset(partition);
      if (offset !== null && offset !== undefined) {
        log.info('Found offset for partition', { partition, offset });
        return TimestampIncrementingOffset.fromMap(offset);
      }
    }
    return null;
  }

  /** timestamp.initial: a start for tables without offsets; -1 means the database's current time. */
  async #initialTimestamp(config: SourceConfig): Promise<Instant | null> {
    if (config.timestampInitial === null) return null;
    if (config.timestampInitial !== -1) return Instant.fromMillis(config.timestampInitial);
    try {
      const client = await this.#connection!.get();
      const result = await client.query<{ now: Date }>('SELECT CURRENT_TIMESTAMP AS now');
      return Instant.fromMillis(result.rows[0]!.now.getTime());
    } catch (error) {
      throw new ConnectException(`Error while getting initial timestamp from database (${TIMESTAMP_INITIAL}=-1): ${describeError(error)}`, { cause: error });
    }
  }

  /** validateColumnsExist and validateNonNullable of Confluent's task. */
  async #checkColumns(config: SourceConfig, table: TableId): Promise<void> {
    if (config.mode === MODE_BULK) return;
    const { incrementing, timestamps } = this.#columnsFor(config, table);
    let description;
    try {
      description = await describeTable(await this.#connection!.get(), table);
    } catch (error) {
      throw new ConnectException(`Failed trying to validate that columns used for offsets exist: ${describeError(error)}`, { cause: error });
    }
    const name = unquotedName(table);
    if (description === undefined) throw new ConnectException(`Table ${name} does not exist`);
    const byLowerName = new Map(description.columns.map((c) => [c.name.toLowerCase(), c] as const));
    if (usesIncrementingColumn(config.mode) && incrementing !== '' && !byLowerName.has(incrementing.toLowerCase())) {
      throw new ConfigException(`Incrementing column: ${incrementing} does not exist in table '${name}'`);
    }
    if (usesTimestampColumn(config.mode)) {
      const missing = timestamps.filter((c) => !byLowerName.has(c.toLowerCase()));
      if (missing.length > 0) throw new ConfigException(`Timestamp columns: ${missing.join(', ')} do not exist in table '${name}'`);
    }
    if (!config.validateNonNull) return;
    if (usesIncrementingColumn(config.mode) && incrementing !== '' && byLowerName.get(incrementing.toLowerCase())?.notNull === false) {
      throw new ConnectException(`Cannot make incremental queries using incrementing column ${incrementing} on ${name} because this column is nullable.`);
    }
    if (usesTimestampColumn(config.mode) && !timestamps.some((c) => byLowerName.get(c.toLowerCase())?.notNull === true)) {
      throw new ConnectException(`Cannot make incremental queries using timestamp columns ${timestamps.join(',')} on ${name} because all of these columns are nullable.`);
    }
  }

  #sleep(ms: number): Promise<void> {
    if (ms <= 0 || this.#stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  async #close(): Promise<void> {
    const connection = this.#connection;
    this.#connection = undefined;
    if (connection === undefined) return;
    for (const querier of this.#queriers) if (querier.querying) await querier.reset(undefined, Date.now(), true);
    await connection.close();
  }
}
