// The connector's configuration: Debezium's PostgreSQL keys with Debezium's defaults
// (PostgresConnectorConfig, RelationalDatabaseConnectorConfig, CommonConnectorConfig), restricted
// to what this implementation does. Values outside that set are refused with a message that says
// what is supported, rather than accepted and ignored.

import {
  ConfigDef,
  ConfigException,
  type ConfigValueResult,
  type ConnectorConfig,
  Password,
  nonEmptyString,
  range,
  validString,
} from '@polyconnect/sdk';
import type { ConverterSettings } from './schema/value-converters.js';

export const Keys = {
  HOSTNAME: 'database.hostname',
  PORT: 'database.port',
  USER: 'database.user',
  PASSWORD: 'database.password',
  DBNAME: 'database.dbname',
  SSLMODE: 'database.sslmode',
  TOPIC_PREFIX: 'topic.prefix',
  PLUGIN_NAME: 'plugin.name',
  SLOT_NAME: 'slot.name',
  SLOT_DROP_ON_STOP: 'slot.drop.on.stop',
  PUBLICATION_NAME: 'publication.name',
  PUBLICATION_AUTOCREATE_MODE: 'publication.autocreate.mode',
  SCHEMA_INCLUDE_LIST: 'schema.include.list',
  SCHEMA_EXCLUDE_LIST: 'schema.exclude.list',
  TABLE_INCLUDE_LIST: 'table.include.list',
  TABLE_EXCLUDE_LIST: 'table.exclude.list',
  SNAPSHOT_MODE: 'snapshot.mode',
  SNAPSHOT_FETCH_SIZE: 'snapshot.fetch.size',
  TOMBSTONES_ON_DELETE: 'tombstones.on.delete',
  SKIPPED_OPERATIONS: 'skipped.operations',
  DECIMAL_HANDLING_MODE: 'decimal.handling.mode',
  TIME_PRECISION_MODE: 'time.precision.mode',
  BINARY_HANDLING_MODE: 'binary.handling.mode',
  INTERVAL_HANDLING_MODE: 'interval.handling.mode',
  MONEY_FRACTION_DIGITS: 'money.fraction.digits',
  INCLUDE_UNKNOWN_DATATYPES: 'include.unknown.datatypes',
  UNAVAILABLE_VALUE_PLACEHOLDER: 'unavailable.value.placeholder',
  MAX_BATCH_SIZE: 'max.batch.size',
  MAX_QUEUE_SIZE: 'max.queue.size',
  POLL_INTERVAL_MS: 'poll.interval.ms',
  STATUS_UPDATE_INTERVAL_MS: 'status.update.interval.ms',
} as const;

export type SnapshotMode = 'initial' | 'always' | 'no_data' | 'initial_only' | 'when_needed';
export type PublicationAutocreateMode = 'disabled' | 'all_tables' | 'filtered' | 'no_tables';

const SNAPSHOT_MODES = ['always', 'initial', 'no_data', 'never', 'initial_only', 'when_needed', 'configuration_based', 'custom'];
const SUPPORTED_SNAPSHOT_MODES = ['always', 'initial', 'no_data', 'never', 'initial_only', 'when_needed'];

/** Debezium's slot name rule (PostgresConnectorConfig.validateReplicationSlotName). */
const SLOT_NAME = /^[a-z0-9_]{1,63}$/;
/** A plain identifier; the server folds it to lower case, as it does Debezium's unquoted names. */
const PUBLICATION_NAME = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;
/** Topic name characters (CommonConnectorConfig.validateTopicName). */
const TOPIC_PREFIX = /^[a-zA-Z0-9._-]+$/;

const GROUP_CONNECTION = 'Postgres';
const GROUP_REPLICATION = 'Replication';
const GROUP_CONNECTOR = 'Connector';

function pattern(regex: RegExp, description: string): (name: string, value: unknown) => void {
  return Object.assign(
    (name: string, value: unknown) => {
      if (typeof value === 'string' && !regex.test(value)) throw ConfigException.invalidValue(name, value, description);
    },
    { describe: description },
  );
}

function supportedPluginName(name: string, value: unknown): void {
  if (value === null || value === undefined || value === 'pgoutput') return;
  if (value === 'decoderbufs') {
    throw ConfigException.invalidValue(
      name,
      value,
      "the decoderbufs plugin is not supported; this connector streams with pgoutput, PostgreSQL's built-in logical decoding plugin. Set plugin.name=pgoutput",
    );
  }
  throw ConfigException.invalidValue(name, value, 'The only supported logical decoding plugin is pgoutput');
}

function supportedSnapshotMode(name: string, value: unknown): void {
  if (value === null || value === undefined) return;
  const mode = String(value).toLowerCase();
  if (!SNAPSHOT_MODES.includes(mode)) throw ConfigException.invalidValue(name, value, `String must be one of: ${SNAPSHOT_MODES.join(', ')}`);
  if (!SUPPORTED_SNAPSHOT_MODES.includes(mode)) {
    throw ConfigException.invalidValue(name, value, `snapshot.mode=${mode} is not supported; use one of ${SUPPORTED_SNAPSHOT_MODES.join(', ')}`);
  }
}

function operations(name: string, value: unknown): void {
  if (!Array.isArray(value)) return;
  for (const operation of value as string[]) {
    if (!['c', 'u', 'd', 't', 'none'].includes(operation)) {
      throw ConfigException.invalidValue(name, value.join(','), `The operation "${operation}" is not one of c, u, d, t, none`);
    }
  }
}

export const CONFIG_DEF: ConfigDef = new ConfigDef()
  .define({ name: Keys.HOSTNAME, type: 'STRING', importance: 'HIGH', group: GROUP_CONNECTION, validator: nonEmptyString, documentation: 'Resolvable hostname or IP address of the database server.' })
  .define({ name: Keys.PORT, type: 'INT', defaultValue: 5432, validator: range(1, 65535), importance: 'HIGH', group: GROUP_CONNECTION, documentation: 'Port of the database server.' })
  .define({ name: Keys.USER, type: 'STRING', importance: 'HIGH', group: GROUP_CONNECTION, validator: nonEmptyString, documentation: 'Name of the database user to be used when connecting to the database.' })
  .define({ name: Keys.PASSWORD, type: 'PASSWORD', defaultValue: null, importance: 'HIGH', group: GROUP_CONNECTION, documentation: 'Password of the database user to be used when connecting to the database.' })
  .define({ name: Keys.DBNAME, type: 'STRING', importance: 'HIGH', group: GROUP_CONNECTION, validator: nonEmptyString, documentation: 'The name of the database from which the connector should capture changes' })
  .define({
    name: Keys.SSLMODE,
    type: 'STRING',
    defaultValue: 'prefer',
    validator: validString(['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'], { caseInsensitive: true }),
    importance: 'MEDIUM',
    group: GROUP_CONNECTION,
    documentation: "Whether to use an encrypted connection: 'disable', 'allow' and 'prefer' connect without TLS here; 'require' uses TLS without checking the certificate; 'verify-ca' and 'verify-full' check it.",
  })
  .define({
    name: Keys.TOPIC_PREFIX,
    type: 'STRING',
    importance: 'HIGH',
    group: GROUP_CONNECTOR,
    validator: pattern(TOPIC_PREFIX, 'Topic prefix may only contain alphanumeric characters, underscores, hyphens and dots'),
    documentation: 'Topic prefix that identifies and provides a namespace for the particular database server/cluster is capturing changes. The topic prefix should be unique across all other connectors, since it is used as a prefix for all Kafka topic names that receive events emitted by this connector.',
  })
  .define({ name: Keys.PLUGIN_NAME, type: 'STRING', defaultValue: 'pgoutput', validator: Object.assign(supportedPluginName, { describe: '[pgoutput]' }), importance: 'MEDIUM', group: GROUP_REPLICATION, documentation: "The name of the Postgres logical decoding plugin installed on the server. Only 'pgoutput' is supported (Debezium's default, 'decoderbufs', needs a server extension this connector does not read)." })
  .define({ name: Keys.SLOT_NAME, type: 'STRING', defaultValue: 'debezium', validator: pattern(SLOT_NAME, 'Valid replication slot name must contain only digits, lowercase characters and underscores with length <= 63'), importance: 'MEDIUM', group: GROUP_REPLICATION, documentation: 'The name of the Postgres logical decoding slot created for streaming changes from a plugin. Defaults to \'debezium\'' })
  .define({ name: Keys.SLOT_DROP_ON_STOP, type: 'BOOLEAN', defaultValue: false, importance: 'MEDIUM', group: GROUP_REPLICATION, documentation: 'Whether or not to drop the logical replication slot when the connector finishes orderly. By default the replication is kept so that on restart progress can resume from the last recorded location' })
  .define({ name: Keys.PUBLICATION_NAME, type: 'STRING', defaultValue: 'dbz_publication', validator: pattern(PUBLICATION_NAME, 'Publication name must be a plain identifier (letters, digits, underscores)'), importance: 'MEDIUM', group: GROUP_REPLICATION, documentation: 'The name of the Postgres 10+ publication used for streaming changes from a plugin. Defaults to \'dbz_publication\'' })
  .define({
    name: Keys.PUBLICATION_AUTOCREATE_MODE,
    type: 'STRING',
    defaultValue: 'all_tables',
    validator: validString(['disabled', 'all_tables', 'filtered', 'no_tables'], { caseInsensitive: true }),
    importance: 'MEDIUM',
    group: GROUP_REPLICATION,
    documentation: 'How to create the publication when it does not exist: disabled (never; the connector fails), all_tables (CREATE PUBLICATION ... FOR ALL TABLES), filtered (FOR TABLE the captured tables; an existing publication is updated to them), no_tables (an empty publication).',
  })
  .define({ name: Keys.SCHEMA_INCLUDE_LIST, type: 'LIST', defaultValue: '', importance: 'HIGH', group: GROUP_CONNECTOR, documentation: 'The schemas for which events should be captured (regular expressions)' })
  .define({ name: Keys.SCHEMA_EXCLUDE_LIST, type: 'LIST', defaultValue: '', importance: 'MEDIUM', group: GROUP_CONNECTOR, documentation: 'The schemas for which events must not be captured (regular expressions)' })
  .define({ name: Keys.TABLE_INCLUDE_LIST, type: 'LIST', defaultValue: '', importance: 'HIGH', group: GROUP_CONNECTOR, documentation: 'The tables for which changes are to be captured (regular expressions matched against schema.table)' })
  .define({ name: Keys.TABLE_EXCLUDE_LIST, type: 'LIST', defaultValue: '', importance: 'MEDIUM', group: GROUP_CONNECTOR, documentation: 'A comma-separated list of regular expressions that match the fully-qualified names of tables to be excluded from monitoring' })
  .define({
    name: Keys.SNAPSHOT_MODE,
    type: 'STRING',
    defaultValue: 'initial',
    validator: Object.assign(supportedSnapshotMode, { describe: `[${SUPPORTED_SNAPSHOT_MODES.join(', ')}]` }),
    importance: 'MEDIUM',
    group: GROUP_CONNECTOR,
    documentation: "The criteria for running a snapshot upon startup of the connector: 'initial' (default: when there are no offsets), 'always', 'no_data' (never; 'never' is its old name), 'initial_only' (snapshot, then no streaming), 'when_needed' (when there are no offsets or the slot is gone).",
  })
  .define({ name: Keys.SNAPSHOT_FETCH_SIZE, type: 'INT', defaultValue: 10240, validator: range(1), importance: 'MEDIUM', group: GROUP_CONNECTOR, documentation: 'The maximum number of records that should be loaded into memory while performing a snapshot.' })
  .define({ name: Keys.TOMBSTONES_ON_DELETE, type: 'BOOLEAN', defaultValue: true, importance: 'MEDIUM', group: GROUP_CONNECTOR, documentation: 'Whether delete operations should be represented by a delete event and a subsequent tombstone event (true) or only by a delete event (false).' })
  .define({ name: Keys.SKIPPED_OPERATIONS, type: 'LIST', defaultValue: 't', validator: Object.assign(operations, { describe: 'c, u, d, t or none' }), importance: 'LOW', group: GROUP_CONNECTOR, documentation: "The comma-separated list of operations to skip during streaming: 'c' inserts, 'u' updates, 'd' deletes, 't' truncates, 'none' none. By default truncates are skipped." })
  .define({ name: Keys.DECIMAL_HANDLING_MODE, type: 'STRING', defaultValue: 'precise', validator: validString(['precise', 'double', 'string'], { caseInsensitive: true }), importance: 'MEDIUM', group: GROUP_CONNECTOR, documentation: "How DECIMAL and NUMERIC columns are represented: 'precise' (Decimal), 'double' or 'string'." })
  .define({ name: Keys.TIME_PRECISION_MODE, type: 'STRING', defaultValue: 'adaptive', validator: validString(['adaptive', 'adaptive_time_microseconds', 'connect'], { caseInsensitive: true }), importance: 'MEDIUM', group: GROUP_CONNECTOR, documentation: "How time, date and timestamp values are represented: 'adaptive' (default, by the column's precision), 'adaptive_time_microseconds' or 'connect' (Kafka Connect's logical types, millisecond precision)." })
  .define({ name: Keys.BINARY_HANDLING_MODE, type: 'STRING', defaultValue: 'bytes', validator: validString(['bytes', 'base64', 'base64-url-safe', 'hex'], { caseInsensitive: true }), importance: 'LOW', group: GROUP_CONNECTOR, documentation: "How binary columns are represented: 'bytes', 'base64', 'base64-url-safe' or 'hex'." })
  .define({ name: Keys.INTERVAL_HANDLING_MODE, type: 'STRING', defaultValue: 'numeric', validator: validString(['numeric', 'string'], { caseInsensitive: true }), importance: 'MEDIUM', group: GROUP_CONNECTOR, documentation: "How interval columns are represented: 'numeric' (microseconds) or 'string' (ISO 8601 duration)." })
  .define({ name: Keys.MONEY_FRACTION_DIGITS, type: 'SHORT', defaultValue: 2, validator: range(0), importance: 'LOW', group: GROUP_CONNECTOR, documentation: 'Number of fractional digits when money type is converted to \'precise\' decimal number.' })
  .define({ name: Keys.INCLUDE_UNKNOWN_DATATYPES, type: 'BOOLEAN', defaultValue: false, importance: 'LOW', group: GROUP_CONNECTOR, documentation: 'Specify whether the fields of data type not supported by Debezium should be processed: false (the default) omits them, true passes their text as binary.handling.mode says.' })
  .define({ name: Keys.UNAVAILABLE_VALUE_PLACEHOLDER, type: 'STRING', defaultValue: '__debezium_unavailable_value', importance: 'MEDIUM', group: GROUP_CONNECTOR, documentation: 'Specify the constant that will be provided by Debezium to indicate that the original value is unavailable and not provided by the database (an unchanged TOASTed value).' })
  .define({ name: Keys.MAX_BATCH_SIZE, type: 'INT', defaultValue: 2048, validator: range(1), importance: 'MEDIUM', group: GROUP_CONNECTOR, documentation: 'Maximum size of each batch of source records.' })
  .define({ name: Keys.MAX_QUEUE_SIZE, type: 'INT', defaultValue: 8192, validator: range(1), importance: 'MEDIUM', group: GROUP_CONNECTOR, documentation: 'Maximum number of replication messages held in memory before the connection is paused.' })
  .define({ name: Keys.POLL_INTERVAL_MS, type: 'LONG', defaultValue: 500, validator: range(1), importance: 'MEDIUM', group: GROUP_CONNECTOR, documentation: 'Time to wait for new change events to appear after receiving no events, given in milliseconds.' })
  .define({ name: Keys.STATUS_UPDATE_INTERVAL_MS, type: 'INT', defaultValue: 10000, validator: range(1), importance: 'MEDIUM', group: GROUP_REPLICATION, documentation: 'Frequency for sending replication connection status updates to the server, given in milliseconds.' });

export interface PostgresConnectorSettings {
  readonly hostname: string;
  readonly port: number;
  readonly user: string;
  readonly password: string | null;
  readonly database: string;
  readonly sslMode: string;
  readonly topicPrefix: string;
  readonly slotName: string;
  readonly dropSlotOnStop: boolean;
  readonly publicationName: string;
  readonly publicationAutocreateMode: PublicationAutocreateMode;
  readonly schemaIncludeList: readonly string[];
  readonly schemaExcludeList: readonly string[];
  readonly tableIncludeList: readonly string[];
  readonly tableExcludeList: readonly string[];
  readonly snapshotMode: SnapshotMode;
  readonly snapshotFetchSize: number;
  readonly tombstonesOnDelete: boolean;
  readonly skippedOperations: ReadonlySet<string>;
  readonly converters: ConverterSettings;
  readonly maxBatchSize: number;
  readonly maxQueueSize: number;
  readonly pollIntervalMs: number;
  readonly statusUpdateIntervalMs: number;
}

/** Errors that involve more than one key, by key (RelationalDatabaseConnectorConfig's include/exclude checks). */
function crossKeyErrors(parsed: Record<string, unknown>): Map<string, string> {
  const errors = new Map<string, string>();
  const nonEmpty = (key: string): boolean => ((parsed[key] as string[] | undefined) ?? []).length > 0;
  if (nonEmpty(Keys.TABLE_INCLUDE_LIST) && nonEmpty(Keys.TABLE_EXCLUDE_LIST)) {
    errors.set(Keys.TABLE_EXCLUDE_LIST, '"table.include.list" is already specified');
  }
  if (nonEmpty(Keys.SCHEMA_INCLUDE_LIST) && nonEmpty(Keys.SCHEMA_EXCLUDE_LIST)) {
    errors.set(Keys.SCHEMA_EXCLUDE_LIST, '"schema.include.list" is already specified');
  }
  for (const key of [Keys.SCHEMA_INCLUDE_LIST, Keys.SCHEMA_EXCLUDE_LIST, Keys.TABLE_INCLUDE_LIST, Keys.TABLE_EXCLUDE_LIST]) {
    for (const expression of (parsed[key] as string[] | undefined) ?? []) {
      try {
        new RegExp(expression);
      } catch (error) {
        errors.set(key, `Invalid regular expression "${expression}": ${(error as Error).message}`);
      }
    }
  }
  const batch = parsed[Keys.MAX_BATCH_SIZE];
  const queue = parsed[Keys.MAX_QUEUE_SIZE];
  if (typeof batch === 'number' && typeof queue === 'number' && queue <= batch) {
    errors.set(Keys.MAX_QUEUE_SIZE, `Must be larger than the maximum batch size (${batch})`);
  }
  return errors;
}

/** Validates every key, adding the checks that involve several keys. */
export function validateConfig(config: ConnectorConfig): ConfigValueResult[] {
  const results = CONFIG_DEF.validate(config);
  const parsed = Object.fromEntries(results.map((result) => [result.name, result.value]));
  const errors = crossKeyErrors(parsed);
  return results.map((result) => {
    const error = errors.get(result.name);
    return error === undefined || result.errors.length > 0 ? result : { ...result, errors: [error] };
  });
}

/** Parses a connector or task config; throws ConfigException for the first problem. */
export function parseConfig(config: ConnectorConfig): PostgresConnectorSettings {
  const parsed = CONFIG_DEF.parse(config);
  const [firstError] = crossKeyErrors(parsed);
  if (firstError !== undefined) throw ConfigException.invalidValue(firstError[0], config[firstError[0]] ?? '', firstError[1]);
  const text = (key: string): string => String(parsed[key]);
  const list = (key: string): string[] => (parsed[key] as string[]).filter((item) => item !== '');
  const password = parsed[Keys.PASSWORD];
  const snapshotMode = text(Keys.SNAPSHOT_MODE).toLowerCase();
  const skipped = list(Keys.SKIPPED_OPERATIONS);
  return {
    hostname: text(Keys.HOSTNAME),
    port: parsed[Keys.PORT] as number,
    user: text(Keys.USER),
    password: password instanceof Password ? password.value() : null,
    database: text(Keys.DBNAME),
    sslMode: text(Keys.SSLMODE).toLowerCase(),
    topicPrefix: text(Keys.TOPIC_PREFIX),
    slotName: text(Keys.SLOT_NAME),
    dropSlotOnStop: parsed[Keys.SLOT_DROP_ON_STOP] as boolean,
    publicationName: text(Keys.PUBLICATION_NAME),
    publicationAutocreateMode: text(Keys.PUBLICATION_AUTOCREATE_MODE).toLowerCase() as PublicationAutocreateMode,
    schemaIncludeList: list(Keys.SCHEMA_INCLUDE_LIST),
    schemaExcludeList: list(Keys.SCHEMA_EXCLUDE_LIST),
    tableIncludeList: list(Keys.TABLE_INCLUDE_LIST),
    tableExcludeList: list(Keys.TABLE_EXCLUDE_LIST),
    // 'never' is the name Debezium used for no_data before 2.6.
    snapshotMode: (snapshotMode === 'never' ? 'no_data' : snapshotMode) as SnapshotMode,
    snapshotFetchSize: parsed[Keys.SNAPSHOT_FETCH_SIZE] as number,
    tombstonesOnDelete: parsed[Keys.TOMBSTONES_ON_DELETE] as boolean,
    skippedOperations: new Set(skipped.includes('none') ? [] : skipped),
    converters: {
      decimalHandlingMode: text(Keys.DECIMAL_HANDLING_MODE).toLowerCase() as ConverterSettings['decimalHandlingMode'],
      timePrecisionMode: text(Keys.TIME_PRECISION_MODE).toLowerCase() as ConverterSettings['timePrecisionMode'],
      binaryHandlingMode: text(Keys.BINARY_HANDLING_MODE).toLowerCase() as ConverterSettings['binaryHandlingMode'],
      intervalHandlingMode: text(Keys.INTERVAL_HANDLING_MODE).toLowerCase() as ConverterSettings['intervalHandlingMode'],
      moneyFractionDigits: parsed[Keys.MONEY_FRACTION_DIGITS] as number,
      includeUnknownDatatypes: parsed[Keys.INCLUDE_UNKNOWN_DATATYPES] as boolean,
      unavailableValuePlaceholder: text(Keys.UNAVAILABLE_VALUE_PLACEHOLDER),
    },
    maxBatchSize: parsed[Keys.MAX_BATCH_SIZE] as number,
    maxQueueSize: parsed[Keys.MAX_QUEUE_SIZE] as number,
    pollIntervalMs: parsed[Keys.POLL_INTERVAL_MS] as number,
    statusUpdateIntervalMs: parsed[Keys.STATUS_UPDATE_INTERVAL_MS] as number,
  };
}
