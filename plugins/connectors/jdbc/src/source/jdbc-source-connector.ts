// JdbcSourceConnector: finds the tables to copy and hands them to up to tasks.max tasks, or runs
// one task for a custom query (Confluent's io.confluent.connect.jdbc.JdbcSourceConnector).
//
// start() connects (connection.attempts tries), reads the table list once, then re-reads it every
// table.poll.interval.ms and asks for new task configs when it changed (TableMonitorThread). A
// failed re-read is logged and tried again next time; duplicate table names fail the connector.

import {
  ConfigException,
  type ConfigValueResult,
  ConnectException,
  type ConnectorConfig,
  SourceConnector,
  log,
} from '@polyconnect/sdk';
import { listTables } from '../catalog.js';
import { pgConnectionOptions } from '../connection-url.js';
import { ConnectionProvider, connect, describeError } from '../connection.js';
import type { TableId } from '../identifiers.js';
import { PLUGIN_VERSION } from '../version.js';
import { JdbcSourceTask } from './jdbc-source-task.js';
import {
  CONNECTION_URL,
  SOURCE_CONFIG_DEF,
  type SourceConfig,
  TABLES,
  TABLES_FETCHED,
  crossConfigProblems,
  parseSourceConfig,
} from './source-config.js';
import { checkDuplicateNames, encodeTables, filterTables, groupPartitions, sameTableList } from './table-discovery.js';

/** How long validation waits for a connection before reporting it failed. */
const VALIDATION_CONNECT_TIMEOUT_MS = 10_000;

export class JdbcSourceConnector extends SourceConnector {
  static readonly className = 'io.confluent.connect.jdbc.JdbcSourceConnector';
  static readonly aliases = ['JdbcSource'];
  #properties: Record<string, string> = {};
  #config: SourceConfig | undefined;
  #connection: ConnectionProvider | undefined;
  #tables: TableId[] | undefined;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;

  version(): string {
    return PLUGIN_VERSION;
  }

  config(): typeof SOURCE_CONFIG_DEF {
    return SOURCE_CONFIG_DEF;
  }

  /** ConfigDef checks, then Confluent's cross-key checks, then a test connection (JdbcSourceConnectorValidation). */
  override async validate(config: ConnectorConfig): Promise<ConfigValueResult[]> {
    const results = SOURCE_CONFIG_DEF.validate(config);
    if (results.some((r) => r.errors.length > 0)) return results;
    const parsed = parseSourceConfig(config);
    const problems = crossConfigProblems(parsed, config);
    for (const problem of problems) for (const key of problem.keys) results.find((r) => r.name === key)?.errors.push(problem.message);
    if (problems.length > 0) return results;
    const urlResult = results.find((r) => r.name === CONNECTION_URL)!;
    try {
      const options = pgConnectionOptions(parsed.connection);
      const client = await connect({ ...options, client: { ...options.client, connectionTimeoutMillis: Math.min(options.client.connectionTimeoutMillis ?? VALIDATION_CONNECT_TIMEOUT_MS, VALIDATION_CONNECT_TIMEOUT_MS) } });
      await client.end().catch(() => undefined);
    } catch (error) {
      urlResult.errors.push(error instanceof ConfigException ? error.message : `Could not connect to database. ${describeError(error)}`);
    }
    return results;
  }

  async start(config: ConnectorConfig): Promise<void> {
    log.info('Starting JDBC Source Connector');
    let parsed: SourceConfig;
    try {
      parsed = parseSourceConfig(config);
    } catch (error) {
      throw new ConnectException(`Couldn't start JdbcSourceConnector due to configuration error: ${(error as Error).message}`, { cause: error });
    }
    const problem = crossConfigProblems(parsed, config)[0];
    if (problem !== undefined) throw new ConfigException(problem.message);
    this.#properties = { ...config };
    this.#config = parsed;
    this.#stopped = false;
    if (parsed.query !== null) return; // one task for the query; no tables to watch
    this.#connection = new ConnectionProvider({ connection: pgConnectionOptions(parsed.connection), attempts: parsed.connectionAttempts, backoffMs: parsed.connectionBackoffMs });
    this.#tables = await this.#readTables();
    this.#schedule();
  }

  taskClass(): typeof JdbcSourceTask {
    return JdbcSourceTask;
  }

  taskConfigs(maxTasks: number): ConnectorConfig[] {
    const config = this.#requireConfig();
    if (config.query !== null) return [{ ...this.#properties, [TABLES]: '', [TABLES_FETCHED]: 'true' }];
    const tables = this.#tables ?? [];
    if (tables.length === 0) {
      log.warn('No tables were found so there\'s no work to be done.');
      return [{ ...this.#properties, [TABLES]: '', [TABLES_FETCHED]: 'true' }];
    }
    return groupPartitions(tables, Math.min(tables.length, maxTasks)).map((group) => ({ ...this.#properties, [TABLES]: encodeTables(group), [TABLES_FETCHED]: 'true' }));
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#connection?.close();
    this.#connection = undefined;
  }

  async #readTables(): Promise<TableId[]> {
    const config = this.#requireConfig();
    const client = await this.#connection!.get();
    const all = await listTables(client, config.tableTypes, config.schemaPattern);
    const tables = filterTables(all, config).map((t) => ({ schema: t.schema, table: t.table }));
    checkDuplicateNames(tables, config);
    if (tables.length === 0) log.info('Based on the supplied filtering rules, there are no matching tables to read data.');
    return tables;
  }

  #schedule(): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => void this.#monitor(), this.#requireConfig().tablePollIntervalMs);
    this.#timer.unref();
  }

  async #monitor(): Promise<void> {
    try {
      const tables = await this.#readTables();
      if (this.#stopped) return;
      if (!sameTableList(this.#tables, tables)) {
        log.info('The set of tables changed; requesting task reconfiguration', { tables: tables.length });
        this.#tables = tables;
        this.context.requestTaskReconfiguration();
      }
    } catch (error) {
      if (this.#stopped) return;
      if (error instanceof ConnectException && !error.retriable && error.message.includes('duplicate unqualified table names')) {
        this.context.raiseError(error);
        return;
      }
      log.error('Error while trying to get updated table list, ignoring and waiting for next table poll interval', { error: describeError(error) });
      this.#connection?.invalidate();
    }
    this.#schedule();
  }

  #requireConfig(): SourceConfig {
    if (this.#config === undefined) throw new Error('The connector has not been started');
    return this.#config;
  }
}
