// JdbcSinkConnector: writes topics into PostgreSQL tables (Confluent's
// io.confluent.connect.jdbc.JdbcSinkConnector): tasks.max identical tasks; validation checks the
// keys, that delete.enabled goes with pk.mode=record_key, and that the database answers
// (JdbcSinkConnectorValidation).

import { ConfigException, type ConfigValueResult, type ConnectorConfig, SinkConnector } from '@polyconnect/sdk';
import { pgConnectionOptions } from '../connection-url.js';
import { connect, describeError } from '../connection.js';
import { PLUGIN_VERSION } from '../version.js';
import { JdbcSinkTask } from './jdbc-sink-task.js';
import { CONNECTION_URL, DELETE_ENABLED, PK_MODE, SINK_CONFIG_DEF, parseSinkConfig } from './sink-config.js';

const VALIDATION_CONNECT_TIMEOUT_MS = 10_000;

export class JdbcSinkConnector extends SinkConnector {
  static readonly className = 'io.confluent.connect.jdbc.JdbcSinkConnector';
  static readonly aliases = ['JdbcSink'];
  #config: ConnectorConfig = {};

  version(): string {
    return PLUGIN_VERSION;
  }

  config(): typeof SINK_CONFIG_DEF {
    return SINK_CONFIG_DEF;
  }

  override async validate(config: ConnectorConfig): Promise<ConfigValueResult[]> {
    const results = SINK_CONFIG_DEF.validate(config);
    const deleteEnabled = results.find((r) => r.name === DELETE_ENABLED)!;
    const pkMode = results.find((r) => r.name === PK_MODE)!;
    if (deleteEnabled.errors.length === 0 && pkMode.errors.length === 0 && deleteEnabled.value === true && String(pkMode.value).toLowerCase() !== 'record_key') {
      const message = 'Deletes are only supported for pk.mode record_key';
      deleteEnabled.errors.push(message);
      pkMode.errors.push(message);
    }
    if (results.some((r) => r.errors.length > 0)) return results;
    try {
      const options = pgConnectionOptions(parseSinkConfig(config).connection);
      const client = await connect({ ...options, client: { ...options.client, connectionTimeoutMillis: Math.min(options.client.connectionTimeoutMillis ?? VALIDATION_CONNECT_TIMEOUT_MS, VALIDATION_CONNECT_TIMEOUT_MS) } });
      await client.end().catch(() => undefined);
    } catch (error) {
      results.find((r) => r.name === CONNECTION_URL)!.errors.push(error instanceof ConfigException ? error.message : `Could not connect to database. ${describeError(error)}`);
    }
    return results;
  }

  start(config: ConnectorConfig): void {
    parseSinkConfig(config); // throws ConfigException for bad keys, as JdbcSinkConfig's constructor
    this.#config = config;
  }

  taskClass(): typeof JdbcSinkTask {
    return JdbcSinkTask;
  }

  taskConfigs(maxTasks: number): ConnectorConfig[] {
    return Array.from({ length: maxTasks }, () => ({ ...this.#config }));
  }

  stop(): void {}
}
