// Connections to the database, all with the same session settings so that every value arrives
// in one text form: ISO dates, UTC time zone, postgres-style intervals, shortest exact floats,
// hex bytea. The walsender applies these settings to pgoutput's output too. Query results come
// back as text (no pg type parsing); the value converters do the typing.

import pg from 'pg';
import type { PostgresConnectorSettings } from './connector-config.js';
import type { SnapshotConnection } from './snapshot/snapshot-reader.js';

const SESSION_OPTIONS = ['TimeZone=UTC', 'DateStyle=ISO', 'IntervalStyle=postgres', 'extra_float_digits=3', 'bytea_output=hex'].map((setting) => `-c ${setting}`).join(' ');

const TEXT_TYPES = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;

/** The pg client config for the connector's settings. */
export function clientConfig(settings: PostgresConnectorSettings): pg.ClientConfig {
  const ssl = settings.sslMode === 'require' ? { rejectUnauthorized: false } : settings.sslMode.startsWith('verify') ? { rejectUnauthorized: true } : false;
  return {
    host: settings.hostname,
    port: settings.port,
    user: settings.user,
    ...(settings.password === null ? {} : { password: settings.password }),
    database: settings.database,
    ssl,
    options: SESSION_OPTIONS,
    application_name: 'polyconnect-debezium-postgres',
    types: TEXT_TYPES,
    keepAlive: true,
  };
}

/** A connected client whose results are text, usable as SqlRunner and SnapshotConnection. */
export class TextConnection implements SnapshotConnection {
  readonly #client: pg.Client;

  private constructor(client: pg.Client) {
    this.#client = client;
  }

  static async open(config: pg.ClientConfig, onError: (error: Error) => void): Promise<TextConnection> {
    const client = new pg.Client(config);
    client.on('error', onError);
    await client.connect();
    return new TextConnection(client);
  }

  async query(text: string, values?: unknown[]): Promise<{ rows: Array<Record<string, string | null>> }> {
    const result = await this.#client.query<Record<string, string | null>>(text, values);
    return { rows: result.rows };
  }

  async queryRows(text: string): Promise<Array<Array<string | null>>> {
    const result = await this.#client.query<Array<string | null>>({ text, rowMode: 'array' });
    return result.rows;
  }

  async close(): Promise<void> {
    await this.#client.end().catch(() => undefined);
  }
}
