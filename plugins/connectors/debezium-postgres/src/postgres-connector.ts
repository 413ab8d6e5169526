// PostgresConnector: Debezium's PostgreSQL source connector, under its class name
// io.debezium.connector.postgresql.PostgresConnector (alias PostgresConnector) and its keys. One
// replication slot has one reader, so there is always exactly one task (as in Debezium).
// validate() also checks, as Debezium's PostgresConnector.validateConnection does, that the
// database can be reached, that wal_level is logical and that the user may replicate.

import { type ConfigValueResult, type ConnectorConfig, SourceConnector } from '@polyconnect/sdk';
import pg from 'pg';
import { CONFIG_DEF, Keys, parseConfig, validateConfig } from './connector-config.js';
import { clientConfig } from './postgres-connection.js';
import { PostgresConnectorTask } from './postgres-connector-task.js';
import { PLUGIN_VERSION } from './version.js';

export class PostgresConnector extends SourceConnector {
  static readonly className = 'io.debezium.connector.postgresql.PostgresConnector';
  /** As declared in plugin.json, so that Describe and the manifest agree. */
  static readonly aliases = ['PostgresConnector'];
  #config: Record<string, string> = {};

  version(): string {
    return PLUGIN_VERSION;
  }

  config(): typeof CONFIG_DEF {
    return CONFIG_DEF;
  }

  override async validate(config: ConnectorConfig): Promise<ConfigValueResult[]> {
    const results = validateConfig(config);
    if (results.some((result) => result.errors.length > 0)) return results;
    const problem = await checkDatabase(config);
    if (problem === undefined) return results;
    return results.map((result) => (result.name === Keys.HOSTNAME ? { ...result, errors: [problem] } : result));
  }

  start(config: ConnectorConfig): void {
    parseConfig(config); // throws ConfigException for a missing or bad key
    this.#config = { ...config };
  }

  taskClass(): typeof PostgresConnectorTask {
    return PostgresConnectorTask;
  }

  taskConfigs(): ConnectorConfig[] {
    return [{ ...this.#config }];
  }

  stop(): void {}
}

/** Connects once and reports what would stop the task from streaming, in Debezium's words where it has them. */
async function checkDatabase(config: ConnectorConfig): Promise<string | undefined> {
  const settings = parseConfig(config);
  const client = new pg.Client({ ...clientConfig(settings), connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ wal_level: string; replication: string; superuser: string }>(
      `SELECT current_setting('wal_level') AS wal_level, r.rolreplication::text AS replication, r.rolsuper::text AS superuser
         FROM pg_catalog.pg_roles r WHERE r.rolname = current_user`,
    );
    const row = rows[0];
    if (row?.wal_level !== 'logical') return `Postgres server wal_level property must be 'logical' but is: '${row?.wal_level ?? 'unknown'}'`;
    if (row.replication !== 'true' && row.superuser !== 'true') return `Postgres roles LOGIN and REPLICATION are not assigned to user: ${settings.user}`;
    return undefined;
  } catch (error) {
    return `Error while validating connector config: ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}
