// JdbcSinkConnector's configuration: Confluent's keys, defaults and groups (JdbcSinkConfig),
// parsed into a typed SinkConfig. Enumerated values are accepted in lower or upper case, as
// Confluent's EnumValidator does. Keys for other databases or for Java-only features (credential
// providers, mssql.*, timestamp.fields.list, date.calendar.system) are ignored like unknown keys.

import { ConfigDef, ConfigException, type ConfigValidator, type ConnectorConfig, type Password, nonEmptyString, range } from '@polyconnect/sdk';
import type { ConnectionSettings } from '../connection-url.js';
import type { QuoteMethod } from '../identifiers.js';
import { dialectValidator, zoneValidator } from '../source/source-config.js';

export const CONNECTION_URL = 'connection.url';
export const INSERT_MODE = 'insert.mode';
export const BATCH_SIZE = 'batch.size';
export const DELETE_ENABLED = 'delete.enabled';
export const TABLE_TYPES = 'table.types';
export const REPLACE_NULL_WITH_DEFAULT = 'replace.null.with.default';
export const TABLE_NAME_FORMAT = 'table.name.format';
export const PK_MODE = 'pk.mode';
export const PK_FIELDS = 'pk.fields';
export const FIELDS_WHITELIST = 'fields.whitelist';
export const DB_TIMEZONE = 'db.timezone';
export const DATE_TIMEZONE = 'date.timezone';
export const STRING_OUTPUT_VALUE_COLUMN_NAME = 'string.output.value.column.name';
export const AUTO_CREATE = 'auto.create';
export const AUTO_EVOLVE = 'auto.evolve';
export const QUOTE_SQL_IDENTIFIERS = 'quote.sql.identifiers';
export const MAX_RETRIES = 'max.retries';
export const RETRY_BACKOFF_MS = 'retry.backoff.ms';

export type InsertMode = 'insert' | 'upsert' | 'update';
export type PrimaryKeyMode = 'none' | 'kafka' | 'record_key' | 'record_value';
export const DEFAULT_KAFKA_PK_NAMES = ['__connect_topic', '__connect_partition', '__connect_offset'] as const;

/** Confluent's EnumValidator: the canonical lower-case name or its upper-case form. */
function enumValidator(values: readonly string[]): ConfigValidator {
  const valid = new Set(values.flatMap((v) => [v.toLowerCase(), v.toUpperCase()]));
  return Object.assign(
    (name: string, value: unknown) => {
      if (!valid.has(String(value))) throw ConfigException.invalidValue(name, value, 'Invalid enumerator');
    },
    { describe: `[${values.join(', ')}]` },
  );
}

const CONNECTION = 'Connection';
const WRITES = 'Writes';
const DATA_MAPPING = 'Data Mapping';
const DDL = 'DDL Support';
const RETRIES = 'Retries';

export const SINK_CONFIG_DEF = new ConfigDef()
  .define({ name: CONNECTION_URL, type: 'STRING', importance: 'HIGH', group: CONNECTION, orderInGroup: 1, width: 'LONG', displayName: 'JDBC URL', documentation: 'JDBC connection URL, for example jdbc:postgresql://localhost:5432/db (PostgreSQL only).' })
  .define({ name: 'connection.user', type: 'STRING', defaultValue: null, importance: 'HIGH', group: CONNECTION, orderInGroup: 2, width: 'MEDIUM', displayName: 'JDBC User', documentation: 'JDBC connection user.' })
  .define({ name: 'connection.password', type: 'PASSWORD', defaultValue: null, importance: 'HIGH', group: CONNECTION, orderInGroup: 3, width: 'MEDIUM', displayName: 'JDBC Password', documentation: 'JDBC connection password.' })
  .define({ name: 'dialect.name', type: 'STRING', defaultValue: '', validator: dialectValidator, importance: 'LOW', group: CONNECTION, orderInGroup: 5, width: 'LONG', displayName: 'Database Dialect', documentation: 'The name of the database dialect; empty or PostgreSqlDatabaseDialect.' })
  .define({ name: 'connection.attempts', type: 'INT', defaultValue: 3, validator: range(1), importance: 'LOW', group: CONNECTION, orderInGroup: 6, width: 'SHORT', displayName: 'JDBC connection attempts', documentation: 'Maximum number of attempts to retrieve a valid JDBC connection. Must be a positive integer.' })
  .define({ name: 'connection.backoff.ms', type: 'LONG', defaultValue: 10000, importance: 'LOW', group: CONNECTION, orderInGroup: 7, width: 'SHORT', displayName: 'JDBC connection backoff in milliseconds', documentation: 'Backoff time in milliseconds between connection attempts.' })
  .define({ name: INSERT_MODE, type: 'STRING', defaultValue: 'insert', validator: enumValidator(['insert', 'upsert', 'update']), importance: 'HIGH', group: WRITES, orderInGroup: 1, width: 'MEDIUM', displayName: 'Insert Mode', documentation: 'The insertion mode to use: insert (INSERT), upsert (INSERT ... ON CONFLICT ... DO UPDATE) or update (UPDATE).' })
  .define({ name: BATCH_SIZE, type: 'INT', defaultValue: 3000, validator: range(0), importance: 'MEDIUM', group: WRITES, orderInGroup: 2, width: 'SHORT', displayName: 'Batch Size', documentation: 'Specifies how many records to attempt to batch together for insertion into the destination table, when possible.' })
  .define({ name: DELETE_ENABLED, type: 'BOOLEAN', defaultValue: false, importance: 'MEDIUM', group: WRITES, orderInGroup: 3, width: 'SHORT', displayName: 'Enable deletes', documentation: 'Whether to treat null record values as deletes. Requires pk.mode to be record_key.' })
  .define({ name: TABLE_TYPES, type: 'LIST', defaultValue: 'TABLE', importance: 'LOW', group: WRITES, orderInGroup: 4, width: 'MEDIUM', displayName: 'Table Types', documentation: 'The comma-separated types of database tables to which the sink connector can write: TABLE (default) and/or VIEW.' })
  .define({ name: REPLACE_NULL_WITH_DEFAULT, type: 'BOOLEAN', defaultValue: true, importance: 'LOW', group: WRITES, orderInGroup: 5, width: 'MEDIUM', displayName: 'Replace null value with default value', documentation: 'Whether to replace null value with default value' })
  .define({ name: TABLE_NAME_FORMAT, type: 'STRING', defaultValue: '${topic}', validator: nonEmptyString, importance: 'MEDIUM', group: DATA_MAPPING, orderInGroup: 1, width: 'LONG', displayName: 'Table Name Format', documentation: "A format string for the destination table name, which may contain '${topic}' as a placeholder for the originating topic name." })
  .define({ name: PK_MODE, type: 'STRING', defaultValue: 'none', validator: enumValidator(['none', 'kafka', 'record_key', 'record_value']), importance: 'HIGH', group: DATA_MAPPING, orderInGroup: 2, width: 'MEDIUM', displayName: 'Primary Key Mode', documentation: 'The primary key mode: none, kafka, record_key or record_value.' })
  .define({ name: PK_FIELDS, type: 'LIST', defaultValue: '', importance: 'MEDIUM', group: DATA_MAPPING, orderInGroup: 3, width: 'LONG', displayName: 'Primary Key Fields', documentation: 'List of comma-separated primary key field names; its meaning depends on pk.mode.' })
  .define({ name: FIELDS_WHITELIST, type: 'LIST', defaultValue: '', importance: 'MEDIUM', group: DATA_MAPPING, orderInGroup: 4, width: 'LONG', displayName: 'Fields Whitelist', documentation: 'List of comma-separated record value field names. If empty, all fields from the record value are utilized.' })
  .define({ name: DB_TIMEZONE, type: 'STRING', defaultValue: 'UTC', validator: zoneValidator, importance: 'MEDIUM', group: DATA_MAPPING, orderInGroup: 5, width: 'MEDIUM', displayName: 'DB Time Zone', documentation: 'Name of the timezone that should be used in the connector when inserting time-based values. Defaults to UTC.' })
  .define({ name: DATE_TIMEZONE, type: 'STRING', defaultValue: 'DB_TIMEZONE', validator: enumValidator(['db_timezone', 'utc']), importance: 'LOW', group: DATA_MAPPING, orderInGroup: 6, width: 'MEDIUM', displayName: 'Time Zone used for Date', documentation: 'The time zone used when inserting DATE values: DB_TIMEZONE (the db.timezone setting, default) or UTC.' })
  .define({ name: STRING_OUTPUT_VALUE_COLUMN_NAME, type: 'STRING', defaultValue: 'record_value', validator: nonEmptyString, importance: 'LOW', group: DATA_MAPPING, orderInGroup: 10, width: 'MEDIUM', displayName: 'String Value Column Name', documentation: 'When the record value is a plain STRING, the column it is written to.' })
  .define({ name: AUTO_CREATE, type: 'BOOLEAN', defaultValue: false, importance: 'MEDIUM', group: DDL, orderInGroup: 1, width: 'SHORT', displayName: 'Auto-Create', documentation: 'Whether to automatically create the destination table based on record schema if it is found to be missing by issuing CREATE.' })
  .define({ name: AUTO_EVOLVE, type: 'BOOLEAN', defaultValue: false, importance: 'MEDIUM', group: DDL, orderInGroup: 2, width: 'SHORT', displayName: 'Auto-Evolve', documentation: 'Whether to automatically add columns in the table schema when found to be missing relative to the record schema by issuing ALTER.' })
  .define({ name: QUOTE_SQL_IDENTIFIERS, type: 'STRING', defaultValue: 'always', validator: enumValidator(['always', 'never']), importance: 'MEDIUM', group: DDL, orderInGroup: 3, width: 'MEDIUM', displayName: 'Quote Identifiers', documentation: 'When to quote table names, column names, and other identifiers in SQL statements.' })
  .define({ name: MAX_RETRIES, type: 'INT', defaultValue: 10, validator: range(0), importance: 'MEDIUM', group: RETRIES, orderInGroup: 1, width: 'SHORT', displayName: 'Maximum Retries', documentation: 'The maximum number of times to retry on transient errors (lost connections and the like) before failing the task.' })
  .define({ name: RETRY_BACKOFF_MS, type: 'INT', defaultValue: 3000, validator: range(0), importance: 'MEDIUM', group: RETRIES, orderInGroup: 2, width: 'SHORT', displayName: 'Retry Backoff (millis)', documentation: 'The time in milliseconds to wait following an error before a retry attempt is made.' });

export interface SinkConfig {
  readonly connectorName: string;
  readonly connection: ConnectionSettings;
  readonly connectionAttempts: number;
  readonly connectionBackoffMs: number;
  readonly insertMode: InsertMode;
  readonly batchSize: number;
  readonly deleteEnabled: boolean;
  readonly tableTypes: readonly string[];
  readonly replaceNullWithDefault: boolean;
  readonly tableNameFormat: string;
  readonly pkMode: PrimaryKeyMode;
  readonly pkFields: readonly string[];
  readonly fieldsWhitelist: ReadonlySet<string>;
  readonly zone: string;
  readonly dateZone: string;
  readonly stringValueColumn: string;
  readonly autoCreate: boolean;
  readonly autoEvolve: boolean;
  readonly quote: QuoteMethod;
  readonly maxRetries: number;
  readonly retryBackoffMs: number;
  /** errors.tolerance=all: records that cannot be written go to the errant record reporter. */
  readonly tolerateErrors: boolean;
}

export const DELETE_REQUIRES_RECORD_KEY = "Primary key mode must be 'record_key' when delete support is enabled";

export function parseSinkConfig(config: ConnectorConfig): SinkConfig {
  const p = SINK_CONFIG_DEF.parse(config);
  const list = (key: string): string[] => ((p[key] as string[] | null) ?? []).map((s) => s.trim()).filter((s) => s !== '');
  const zone = p[DB_TIMEZONE] as string;
  const parsed: SinkConfig = {
    connectorName: config['name'] ?? '',
    connection: { url: p[CONNECTION_URL] as string, user: p['connection.user'] as string | null, password: (p['connection.password'] as Password | null)?.value() ?? null },
    connectionAttempts: p['connection.attempts'] as number,
    connectionBackoffMs: p['connection.backoff.ms'] as number,
    insertMode: (p[INSERT_MODE] as string).toLowerCase() as InsertMode,
    batchSize: p[BATCH_SIZE] as number,
    deleteEnabled: p[DELETE_ENABLED] as boolean,
    tableTypes: list(TABLE_TYPES).map((t) => t.toUpperCase()),
    replaceNullWithDefault: p[REPLACE_NULL_WITH_DEFAULT] as boolean,
    tableNameFormat: (p[TABLE_NAME_FORMAT] as string).trim(),
    pkMode: (p[PK_MODE] as string).toLowerCase() as PrimaryKeyMode,
    pkFields: list(PK_FIELDS),
    fieldsWhitelist: new Set(list(FIELDS_WHITELIST)),
    zone,
    dateZone: (p[DATE_TIMEZONE] as string).toUpperCase() === 'UTC' ? 'UTC' : zone,
    stringValueColumn: p[STRING_OUTPUT_VALUE_COLUMN_NAME] as string,
    autoCreate: p[AUTO_CREATE] as boolean,
    autoEvolve: p[AUTO_EVOLVE] as boolean,
    quote: (p[QUOTE_SQL_IDENTIFIERS] as string).toLowerCase() as QuoteMethod,
    maxRetries: p[MAX_RETRIES] as number,
    retryBackoffMs: p[RETRY_BACKOFF_MS] as number,
    tolerateErrors: (config['errors.tolerance'] ?? 'none').trim().toLowerCase() === 'all',
  };
  if (parsed.deleteEnabled && parsed.pkMode !== 'record_key') throw new ConfigException(DELETE_REQUIRES_RECORD_KEY);
  return parsed;
}
