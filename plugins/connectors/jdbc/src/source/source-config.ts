// JdbcSourceConnector's configuration: Confluent's keys, defaults and groups
// (JdbcSourceConnectorConfig), parsed into a typed SourceConfig, and the cross-key checks of its
// JdbcSourceConnectorValidation (query vs table filters, legacy vs new filter keys, columns each
// mode needs) with Confluent's messages. Keys Confluent has that make no sense for PostgreSQL
// through pg (credentials providers, SQL Server isolation, date.calendar.system, max.buffer.size,
// poll.linger.ms) are accepted and ignored, like any unknown key.

import { ConfigDef, ConfigException, Password, type ConfigValidator, type ConnectorConfig, range, validString } from '@polyconnect/sdk';
import type { ConnectionSettings } from '../connection-url.js';
import type { QuoteMethod } from '../identifiers.js';
import { checkZone } from '../time.js';

export const CONNECTION_URL = 'connection.url';
export const CONNECTION_USER = 'connection.user';
export const CONNECTION_PASSWORD = 'connection.password';
export const CONNECTION_ATTEMPTS = 'connection.attempts';
export const CONNECTION_BACKOFF = 'connection.backoff.ms';
export const TABLE_WHITELIST = 'table.whitelist';
export const TABLE_BLACKLIST = 'table.blacklist';
export const TABLE_INCLUDE_LIST = 'table.include.list';
export const TABLE_EXCLUDE_LIST = 'table.exclude.list';
export const SCHEMA_PATTERN = 'schema.pattern';
export const CATALOG_PATTERN = 'catalog.pattern';
export const NUMERIC_PRECISION_MAPPING = 'numeric.precision.mapping';
export const NUMERIC_MAPPING = 'numeric.mapping';
export const DIALECT_NAME = 'dialect.name';
export const MODE = 'mode';
export const INCREMENTING_COLUMN_NAME = 'incrementing.column.name';
export const TIMESTAMP_COLUMN_NAME = 'timestamp.column.name';
export const TIMESTAMP_COLUMNS_MAPPING = 'timestamp.columns.mapping';
export const INCREMENTING_COLUMN_MAPPING = 'incrementing.column.mapping';
export const TIMESTAMP_INITIAL = 'timestamp.initial';
export const VALIDATE_NON_NULL = 'validate.non.null';
export const QUERY = 'query';
export const QUERY_MASKED = 'query.masked';
export const QUOTE_SQL_IDENTIFIERS = 'quote.sql.identifiers';
export const QUERY_SUFFIX = 'query.suffix';
export const TRANSACTION_ISOLATION_MODE = 'transaction.isolation.mode';
export const QUERY_RETRY_ATTEMPTS = 'query.retry.attempts';
export const TABLE_TYPES = 'table.types';
export const POLL_INTERVAL_MS = 'poll.interval.ms';
export const BATCH_MAX_ROWS = 'batch.max.rows';
export const TABLE_POLL_INTERVAL_MS = 'table.poll.interval.ms';
export const TOPIC_PREFIX = 'topic.prefix';
export const TIMESTAMP_DELAY_INTERVAL_MS = 'timestamp.delay.interval.ms';
export const DB_TIMEZONE = 'db.timezone';
export const TIMESTAMP_GRANULARITY = 'timestamp.granularity';
/** Task-only keys the connector adds (JdbcSourceTaskConfig). */
export const TABLES = 'tables';
export const TABLES_FETCHED = 'tables.fetched';

export const MODE_BULK = 'bulk';
export const MODE_TIMESTAMP = 'timestamp';
export const MODE_INCREMENTING = 'incrementing';
export const MODE_TIMESTAMP_INCREMENTING = 'timestamp+incrementing';
export type Mode = typeof MODE_BULK | typeof MODE_TIMESTAMP | typeof MODE_INCREMENTING | typeof MODE_TIMESTAMP_INCREMENTING;

export type NumericMapping = 'none' | 'precision_only' | 'best_fit' | 'best_fit_eager_double';
export const TIMESTAMP_GRANULARITIES = [
  'connect_logical',
  'micros_long',
  'micros_string',
  'micros_iso_datetime_string',
  'nanos_long',
  'nanos_string',
  'nanos_iso_datetime_string',
] as const;
export type TimestampGranularity = (typeof TIMESTAMP_GRANULARITIES)[number];
export const ISOLATION_MODES = ['DEFAULT', 'READ_UNCOMMITTED', 'READ_COMMITTED', 'REPEATABLE_READ', 'SERIALIZABLE'] as const;

const DATABASE = 'Database';
const MODE_GROUP = 'Mode';
const CONNECTOR = 'Connector';

const regexList: ConfigValidator = Object.assign(
  (name: string, value: unknown) => {
    for (const regex of (value as string[] | null) ?? []) {
      try {
        new RegExp(regex.trim(), 'u');
      } catch (error) {
        throw ConfigException.invalidValue(name, (value as string[]).join(','), `Must be a valid comma-separated list of regular expression patterns: ${(error as Error).message}`);
      }
    }
  },
  { describe: 'a valid comma-separated list of regular expressions' },
);

const tableToColumnsMapping: ConfigValidator = Object.assign(
  (name: string, value: unknown) => {
    for (const mapping of (value as string[] | null) ?? []) parseTableColumnsMapping(name, mapping);
  },
  { describe: "a list of mappings in the format 'regex:[col1|col2|...]'" },
);

const tableToColumnMapping: ConfigValidator = Object.assign(
  (name: string, value: unknown) => {
    for (const mapping of (value as string[] | null) ?? []) parseTableColumnMapping(name, mapping);
  },
  { describe: "a list of mappings in the format 'regex:columnName'" },
);

const topicPrefixValidator: ConfigValidator = Object.assign(
  (name: string, value: unknown) => {
    if (value === null || value === undefined) throw ConfigException.invalidValue(name, value, 'Topic prefix must not be null.');
    const trimmed = String(value).trim();
    if (trimmed.length > 249) throw ConfigException.invalidValue(name, value, 'Topic prefix length must not exceed max topic name length, 249 chars');
    if (/[^a-zA-Z0-9._-]/.test(trimmed)) {
      throw ConfigException.invalidValue(name, value, "Topic prefix must not contain any character other than ASCII alphanumerics, '.', '_' and '-'.");
    }
  },
  { describe: 'a valid topic prefix' },
);

export const zoneValidator: ConfigValidator = Object.assign(
  (name: string, value: unknown) => {
    try {
      checkZone(String(value));
    } catch {
      throw ConfigException.invalidValue(name, value, 'Invalid time zone identifier');
    }
  },
  { describe: 'any valid JDK time zone' },
);

export const dialectValidator: ConfigValidator = Object.assign(
  (name: string, value: unknown) => {
    if (value !== null && value !== '' && value !== 'PostgreSqlDatabaseDialect') {
      throw ConfigException.invalidValue(name, value, 'Polyconnect provides only PostgreSqlDatabaseDialect');
    }
  },
  { describe: '[, PostgreSqlDatabaseDialect]' },
);

export const SOURCE_CONFIG_DEF = new ConfigDef()
  .define({ name: CONNECTION_URL, type: 'STRING', defaultValue: '', importance: 'HIGH', group: DATABASE, orderInGroup: 1, width: 'LONG', displayName: 'JDBC URL', documentation: 'JDBC connection URL, for example jdbc:postgresql://localhost:5432/db (PostgreSQL only).' })
  .define({ name: CONNECTION_USER, type: 'STRING', defaultValue: null, importance: 'HIGH', group: DATABASE, orderInGroup: 2, width: 'LONG', displayName: 'JDBC User', documentation: 'JDBC connection user.' })
  .define({ name: CONNECTION_PASSWORD, type: 'PASSWORD', defaultValue: null, importance: 'HIGH', group: DATABASE, orderInGroup: 3, width: 'SHORT', displayName: 'JDBC Password', documentation: 'JDBC connection password.' })
  .define({ name: CONNECTION_ATTEMPTS, type: 'INT', defaultValue: 3, validator: range(1), importance: 'LOW', group: DATABASE, orderInGroup: 4, width: 'SHORT', displayName: 'JDBC connection attempts', documentation: 'Maximum number of attempts to retrieve a valid JDBC connection. Must be a positive integer.' })
  .define({ name: CONNECTION_BACKOFF, type: 'LONG', defaultValue: 10000, importance: 'LOW', group: DATABASE, orderInGroup: 5, width: 'SHORT', displayName: 'JDBC connection backoff in milliseconds', documentation: 'Backoff time in milliseconds between connection attempts.' })
  .define({ name: TABLE_WHITELIST, type: 'LIST', defaultValue: '', importance: 'MEDIUM', group: DATABASE, orderInGroup: 6, width: 'LONG', displayName: 'Table Whitelist', documentation: 'List of tables to include in copying. If specified, table.blacklist may not be set.' })
  .define({ name: TABLE_BLACKLIST, type: 'LIST', defaultValue: '', importance: 'MEDIUM', group: DATABASE, orderInGroup: 7, width: 'LONG', displayName: 'Table Blacklist', documentation: 'List of tables to exclude from copying. If specified, table.whitelist may not be set.' })
  .define({ name: TABLE_INCLUDE_LIST, type: 'LIST', defaultValue: '', validator: regexList, importance: 'MEDIUM', group: DATABASE, orderInGroup: 8, width: 'LONG', displayName: 'Tables Included (Regex)', documentation: 'A comma-separated list of regular expressions that match the fully-qualified names (schema.table) of tables to be copied. If specified, table.whitelist and table.blacklist cannot be set.' })
  .define({ name: TABLE_EXCLUDE_LIST, type: 'LIST', defaultValue: '', validator: regexList, importance: 'MEDIUM', group: DATABASE, orderInGroup: 9, width: 'LONG', displayName: 'Tables Excluded (Regex)', documentation: 'A comma-separated list of regular expressions that match the fully-qualified names of tables not to be copied. Requires table.include.list.' })
  .define({ name: CATALOG_PATTERN, type: 'STRING', defaultValue: null, importance: 'MEDIUM', group: DATABASE, orderInGroup: 10, width: 'SHORT', displayName: 'Catalog pattern', documentation: 'Catalog pattern to fetch table metadata from the database. A PostgreSQL connection sees one database, so this is ignored.' })
  .define({ name: SCHEMA_PATTERN, type: 'STRING', defaultValue: null, importance: 'HIGH', group: DATABASE, orderInGroup: 11, width: 'SHORT', displayName: 'Schema pattern', documentation: 'Schema pattern (SQL LIKE) to fetch table metadata from the database; null (default) means every schema.' })
  .define({ name: NUMERIC_PRECISION_MAPPING, type: 'BOOLEAN', defaultValue: false, importance: 'LOW', group: DATABASE, orderInGroup: 12, width: 'SHORT', displayName: 'Map Numeric Values By Precision (deprecated)', documentation: 'Whether or not to attempt mapping NUMERIC values by precision to integral types. Deprecated: use numeric.mapping.' })
  .define({ name: NUMERIC_MAPPING, type: 'STRING', defaultValue: null, validator: validString(['none', 'precision_only', 'best_fit', 'best_fit_eager_double'], { caseInsensitive: true }), importance: 'LOW', group: DATABASE, orderInGroup: 13, width: 'SHORT', displayName: 'Map Numeric Values, Integral or Decimal, By Precision and Scale', documentation: 'Map NUMERIC values by precision and optionally scale to integral or decimal types: none, best_fit, best_fit_eager_double or precision_only.' })
  .define({ name: DIALECT_NAME, type: 'STRING', defaultValue: '', validator: dialectValidator, importance: 'LOW', group: DATABASE, orderInGroup: 14, width: 'LONG', displayName: 'Database Dialect', documentation: 'The name of the database dialect; empty or PostgreSqlDatabaseDialect.' })
  .define({ name: MODE, type: 'STRING', defaultValue: '', validator: validString(['', MODE_BULK, MODE_TIMESTAMP, MODE_INCREMENTING, MODE_TIMESTAMP_INCREMENTING]), importance: 'HIGH', group: MODE_GROUP, orderInGroup: 1, width: 'MEDIUM', displayName: 'Table Loading Mode', documentation: 'The mode for updating a table each time it is polled: bulk, incrementing, timestamp or timestamp+incrementing.' })
  .define({ name: INCREMENTING_COLUMN_NAME, type: 'STRING', defaultValue: '', importance: 'MEDIUM', group: MODE_GROUP, orderInGroup: 2, width: 'MEDIUM', displayName: 'Incrementing Column Name', documentation: 'The name of the strictly incrementing column to use to detect new rows. An empty value means: the first auto-incrementing column (serial or identity). This column may not be nullable.' })
  .define({ name: TIMESTAMP_COLUMN_NAME, type: 'LIST', defaultValue: '', importance: 'MEDIUM', group: MODE_GROUP, orderInGroup: 3, width: 'MEDIUM', displayName: 'Timestamp Column Name', documentation: 'Comma separated list of one or more timestamp columns to detect new or modified rows using the COALESCE SQL function. At least one column should not be nullable.' })
  .define({ name: TIMESTAMP_COLUMNS_MAPPING, type: 'LIST', defaultValue: '', validator: tableToColumnsMapping, importance: 'MEDIUM', group: MODE_GROUP, orderInGroup: 4, width: 'LONG', displayName: 'Table to timestamp columns mappings', documentation: 'With table.include.list: table regex to timestamp columns mappings, regex1:[col1|col2],regex2:[col3].' })
  .define({ name: INCREMENTING_COLUMN_MAPPING, type: 'LIST', defaultValue: '', validator: tableToColumnMapping, importance: 'MEDIUM', group: MODE_GROUP, orderInGroup: 5, width: 'LONG', displayName: 'Table to incrementing column mappings', documentation: 'With table.include.list: table regex to incrementing column mappings, regex1:col1,regex2:col2.' })
  .define({ name: TIMESTAMP_INITIAL, type: 'LONG', defaultValue: null, importance: 'LOW', group: MODE_GROUP, orderInGroup: 6, width: 'MEDIUM', displayName: 'Unix time value of initial timestamp', documentation: 'The epoch timestamp used for initial queries that use timestamp criteria. Use -1 to use the current time. If not specified, all data will be retrieved.' })
  .define({ name: VALIDATE_NON_NULL, type: 'BOOLEAN', defaultValue: true, importance: 'LOW', group: MODE_GROUP, orderInGroup: 7, width: 'SHORT', displayName: 'Validate Non Null', documentation: 'Validate that the incrementing column and at least one timestamp column are NOT NULL; tasks fail to start otherwise.' })
  .define({ name: QUERY, type: 'STRING', defaultValue: '', importance: 'MEDIUM', group: MODE_GROUP, orderInGroup: 8, width: 'SHORT', displayName: 'Query', documentation: 'If specified, the query to perform to select new or updated rows; whole-table copying is then disabled. The incremental modes append a WHERE clause.' })
  .define({ name: QUERY_MASKED, type: 'PASSWORD', defaultValue: '', importance: 'MEDIUM', group: MODE_GROUP, orderInGroup: 9, width: 'SHORT', displayName: 'Query (Masked)', documentation: "Same as 'query' but the query string is never logged." })
  .define({ name: QUOTE_SQL_IDENTIFIERS, type: 'STRING', defaultValue: 'always', validator: validString(['always', 'never'], { caseInsensitive: true }), importance: 'MEDIUM', group: MODE_GROUP, orderInGroup: 10, width: 'MEDIUM', displayName: 'Quote Identifiers', documentation: 'When to quote table names, column names, and other identifiers in SQL statements.' })
  .define({ name: QUERY_SUFFIX, type: 'STRING', defaultValue: '', importance: 'LOW', group: MODE_GROUP, orderInGroup: 11, width: 'MEDIUM', displayName: 'Query suffix', documentation: 'Suffix to append at the end of the generated query.' })
  .define({ name: TRANSACTION_ISOLATION_MODE, type: 'STRING', defaultValue: 'DEFAULT', validator: validString(ISOLATION_MODES), importance: 'LOW', group: MODE_GROUP, orderInGroup: 12, width: 'MEDIUM', displayName: 'Transaction Isolation Mode', documentation: 'Isolation level of the transactions the queries run in: DEFAULT, READ_UNCOMMITTED, READ_COMMITTED, REPEATABLE_READ or SERIALIZABLE.' })
  .define({ name: QUERY_RETRY_ATTEMPTS, type: 'INT', defaultValue: -1, importance: 'LOW', group: MODE_GROUP, orderInGroup: 13, width: 'MEDIUM', displayName: 'Query Retry Attempts', documentation: 'Number of times to retry transient SQL errors (lost connections and the like) when executing queries; -1 retries forever.' })
  .define({ name: TABLE_TYPES, type: 'LIST', defaultValue: 'TABLE', importance: 'LOW', group: CONNECTOR, orderInGroup: 1, width: 'MEDIUM', displayName: 'Table Types', documentation: 'Table types to extract: TABLE (default), VIEW, MATERIALIZED VIEW, FOREIGN TABLE, PARTITIONED TABLE, ...' })
  .define({ name: POLL_INTERVAL_MS, type: 'INT', defaultValue: 5000, importance: 'HIGH', group: CONNECTOR, orderInGroup: 2, width: 'SHORT', displayName: 'Poll Interval (ms)', documentation: 'Frequency in ms to poll for new data in each table.' })
  .define({ name: BATCH_MAX_ROWS, type: 'INT', defaultValue: 1000, validator: range(1), importance: 'LOW', group: CONNECTOR, orderInGroup: 3, width: 'SHORT', displayName: 'Max Rows Per Batch', documentation: 'Maximum number of rows to include in a single batch when polling for new data.' })
  .define({ name: TABLE_POLL_INTERVAL_MS, type: 'LONG', defaultValue: 60000, importance: 'LOW', group: CONNECTOR, orderInGroup: 4, width: 'SHORT', displayName: 'Metadata Change Monitoring Interval (ms)', documentation: 'Frequency in ms to poll for new or removed tables, which may result in updated task configurations.' })
  .define({ name: TOPIC_PREFIX, type: 'STRING', defaultValue: '', validator: topicPrefixValidator, importance: 'HIGH', group: CONNECTOR, orderInGroup: 5, width: 'MEDIUM', displayName: 'Topic Prefix', documentation: 'Prefix to prepend to table names to generate the name of the Kafka topic to publish data to, or in the case of a custom query, the full name of the topic to publish to.' })
  .define({ name: TIMESTAMP_DELAY_INTERVAL_MS, type: 'LONG', defaultValue: 0, importance: 'HIGH', group: CONNECTOR, orderInGroup: 6, width: 'MEDIUM', displayName: 'Delay Interval (ms)', documentation: 'How long to wait after a row with certain timestamp appears before we include it in the result.' })
  .define({ name: DB_TIMEZONE, type: 'STRING', defaultValue: 'UTC', validator: zoneValidator, importance: 'MEDIUM', group: CONNECTOR, orderInGroup: 7, width: 'MEDIUM', displayName: 'DB time zone', documentation: 'Name of the time zone used in the connector when querying with time-based criteria and reading timestamp columns without time zone. Defaults to UTC.' })
  .define({ name: TIMESTAMP_GRANULARITY, type: 'STRING', defaultValue: 'connect_logical', validator: validString(TIMESTAMP_GRANULARITIES, { caseInsensitive: true }), importance: 'LOW', group: CONNECTOR, orderInGroup: 8, width: 'MEDIUM', displayName: 'Timestamp granularity for timestamp columns', documentation: 'connect_logical (default), micros_long, micros_string, micros_iso_datetime_string, nanos_long, nanos_string or nanos_iso_datetime_string.' });

/** The task-only keys, on top of the connector's. */
export const SOURCE_TASK_CONFIG_DEF = SOURCE_CONFIG_DEF.merge(
  new ConfigDef()
    .define({ name: TABLES, type: 'LIST', defaultValue: '', importance: 'HIGH', documentation: 'List of tables for this task to watch for changes.' })
    .define({ name: TABLES_FETCHED, type: 'BOOLEAN', defaultValue: false, importance: 'LOW', documentation: 'Whether the connector had read the list of tables when it made this task config.' }),
);

export interface SourceConfig {
  readonly connection: ConnectionSettings;
  readonly connectionAttempts: number;
  readonly connectionBackoffMs: number;
  readonly whitelist: readonly string[];
  readonly blacklist: readonly string[];
  readonly includeList: readonly string[];
  readonly excludeList: readonly string[];
  readonly schemaPattern: string | null;
  readonly numericMapping: NumericMapping;
  /** '' when not set (start refuses it). */
  readonly mode: Mode | '';
  readonly incrementingColumn: string;
  readonly timestampColumns: readonly string[];
  readonly timestampColumnsMapping: readonly string[];
  readonly incrementingColumnMapping: readonly string[];
  readonly timestampInitial: number | null;
  readonly validateNonNull: boolean;
  /** query or query.masked, null when neither is set. */
  readonly query: string | null;
  readonly queryMasked: boolean;
  readonly quote: QuoteMethod;
  readonly querySuffix: string;
  readonly isolation: (typeof ISOLATION_MODES)[number];
  readonly queryRetryAttempts: number;
  readonly tableTypes: readonly string[];
  readonly pollIntervalMs: number;
  readonly batchMaxRows: number;
  readonly tablePollIntervalMs: number;
  readonly topicPrefix: string;
  readonly timestampDelayMs: number;
  readonly zone: string;
  readonly granularity: TimestampGranularity;
}

export function parseSourceConfig(config: ConnectorConfig): SourceConfig {
  const p = SOURCE_CONFIG_DEF.parse(config);
  const password = p[CONNECTION_PASSWORD] as Password | null;
  const masked = (p[QUERY_MASKED] as Password | null)?.value() ?? '';
  const query = p[QUERY] as string;
  const numericMapping = p[NUMERIC_MAPPING] as string | null;
  return {
    connection: { url: p[CONNECTION_URL] as string, user: p[CONNECTION_USER] as string | null, password: password?.value() ?? null },
    connectionAttempts: p[CONNECTION_ATTEMPTS] as number,
    connectionBackoffMs: p[CONNECTION_BACKOFF] as number,
    whitelist: nonEmpty(p[TABLE_WHITELIST]),
    blacklist: nonEmpty(p[TABLE_BLACKLIST]),
    includeList: nonEmpty(p[TABLE_INCLUDE_LIST]),
    excludeList: nonEmpty(p[TABLE_EXCLUDE_LIST]),
    schemaPattern: p[SCHEMA_PATTERN] as string | null,
    // numeric.mapping wins; else the deprecated numeric.precision.mapping (NumericMapping.get).
    numericMapping: numericMapping !== null ? (numericMapping.toLowerCase() as NumericMapping) : p[NUMERIC_PRECISION_MAPPING] === true ? 'precision_only' : 'none',
    mode: p[MODE] as Mode | '',
    incrementingColumn: (p[INCREMENTING_COLUMN_NAME] as string).trim(),
    timestampColumns: nonEmpty(p[TIMESTAMP_COLUMN_NAME]),
    timestampColumnsMapping: nonEmpty(p[TIMESTAMP_COLUMNS_MAPPING]),
    incrementingColumnMapping: nonEmpty(p[INCREMENTING_COLUMN_MAPPING]),
    timestampInitial: p[TIMESTAMP_INITIAL] as number | null,
    validateNonNull: p[VALIDATE_NON_NULL] as boolean,
    query: masked !== '' ? masked : query !== '' ? query : null,
    queryMasked: masked !== '',
    quote: (p[QUOTE_SQL_IDENTIFIERS] as string).toLowerCase() as QuoteMethod,
    querySuffix: (p[QUERY_SUFFIX] as string).trim(),
    isolation: p[TRANSACTION_ISOLATION_MODE] as SourceConfig['isolation'],
    queryRetryAttempts: p[QUERY_RETRY_ATTEMPTS] as number,
    tableTypes: nonEmpty(p[TABLE_TYPES]),
    pollIntervalMs: p[POLL_INTERVAL_MS] as number,
    batchMaxRows: p[BATCH_MAX_ROWS] as number,
    tablePollIntervalMs: p[TABLE_POLL_INTERVAL_MS] as number,
    topicPrefix: (p[TOPIC_PREFIX] as string).trim(),
    timestampDelayMs: p[TIMESTAMP_DELAY_INTERVAL_MS] as number,
    zone: p[DB_TIMEZONE] as string,
    granularity: (p[TIMESTAMP_GRANULARITY] as string).toLowerCase() as TimestampGranularity,
  };
}

function nonEmpty(value: unknown): string[] {
  return ((value as string[] | null) ?? []).map((s) => s.trim()).filter((s) => s !== '');
}

export function usesTimestampColumn(mode: Mode | ''): boolean {
  return mode === MODE_TIMESTAMP || mode === MODE_TIMESTAMP_INCREMENTING;
}

export function usesIncrementingColumn(mode: Mode | ''): boolean {
  return mode === MODE_INCREMENTING || mode === MODE_TIMESTAMP_INCREMENTING;
}

/** "regex:[col1|col2]" -> [regex, [col1, col2]] */
export function parseTableColumnsMapping(name: string, mapping: string): [string, string[]] {
  const parts = mapping.trim().split(':');
  if (parts.length !== 2) throw ConfigException.invalidValue(name, mapping, "Invalid format. Expected 'regex:[col1|col2|...]'");
  const regex = parts[0]!.trim();
  checkRegex(name, regex);
  const list = parts[1]!.trim();
  if (!list.startsWith('[') || !list.endsWith(']')) throw ConfigException.invalidValue(name, list, 'Columns list must be enclosed in square brackets');
  const content = list.slice(1, -1);
  if (content.trim() === '') throw ConfigException.invalidValue(name, list, 'Columns list cannot be empty');
  const columns = content.split('|').map((c) => c.trim());
  if (columns.some((c) => c === '')) throw ConfigException.invalidValue(name, list, 'Every column name should be non-empty string');
  return [regex, columns];
}

/** "regex:column" -> [regex, column] */
export function parseTableColumnMapping(name: string, mapping: string): [string, string] {
  const parts = mapping.trim().split(':');
  if (parts.length !== 2) throw ConfigException.invalidValue(name, mapping, "Invalid format. Expected 'regex:columnName'");
  const regex = parts[0]!.trim();
  checkRegex(name, regex);
  const column = parts[1]!.trim();
  if (column === '') throw ConfigException.invalidValue(name, column, 'Column name cannot be empty');
  return [regex, column];
}

function checkRegex(name: string, regex: string): void {
  try {
    new RegExp(regex, 'u');
  } catch (error) {
    throw ConfigException.invalidValue(name, regex, `Invalid regular expression: ${(error as Error).message}`);
  }
}

/** Java's String.matches: the whole string must match. */
export function fullMatch(regex: string, text: string): boolean {
  return new RegExp(`^(?:${regex})$`, 'u').test(text);
}

/** A problem found by crossConfigProblems: the keys it concerns and the message. */
export interface ConfigProblem {
  readonly keys: readonly string[];
  readonly message: string;
}

const LEGACY_NEW_CONFLICT =
  'Cannot mix legacy and new configuration approaches. Legacy configurations (table.whitelist, table.blacklist, timestamp.column.name, incrementing.column.name) cannot be used together with new configurations (table.include.list, table.exclude.list, timestamp.columns.mapping, incrementing.column.mapping). Please choose one approach: either use all legacy configurations or all new configurations.';

/**
 * The checks of Confluent's JdbcSourceConnectorValidation that need no database, in its order,
 * stopping at the first failing group as it does. One difference: a config with no table filter
 * at all is accepted (every table is copied, as Confluent's connector did before its validation
 * required a filter), so that older configs keep working.
 */
export function crossConfigProblems(c: SourceConfig, raw: ConnectorConfig): ConfigProblem[] {
  const rawQuery = (raw[QUERY] ?? '').trim();
  const rawMasked = (raw[QUERY_MASKED] ?? '').trim();
  if (c.mode === '') return [{ keys: [MODE], message: 'Query mode must be specified' }];
  const legacy = c.whitelist.length > 0 || c.blacklist.length > 0 || c.incrementingColumn !== '' || c.timestampColumns.length > 0;
  const modern = c.includeList.length > 0 || c.excludeList.length > 0 || c.incrementingColumnMapping.length > 0 || c.timestampColumnsMapping.length > 0;
  if (c.query === null) {
    if (legacy && modern) {
      const keys: string[] = [];
      if (c.whitelist.length > 0) keys.push(TABLE_WHITELIST);
      if (c.blacklist.length > 0) keys.push(TABLE_BLACKLIST);
      if (c.includeList.length > 0) keys.push(TABLE_INCLUDE_LIST);
      if (c.excludeList.length > 0) keys.push(TABLE_EXCLUDE_LIST);
      if (c.timestampColumns.length > 0) keys.push(TIMESTAMP_COLUMN_NAME);
      if (c.timestampColumnsMapping.length > 0) keys.push(TIMESTAMP_COLUMNS_MAPPING);
      if (c.incrementingColumn !== '') keys.push(INCREMENTING_COLUMN_NAME);
      if (c.incrementingColumnMapping.length > 0) keys.push(INCREMENTING_COLUMN_MAPPING);
      return [{ keys, message: LEGACY_NEW_CONFLICT }];
    }
    if (c.whitelist.length > 0 && c.blacklist.length > 0) {
      return [{ keys: [TABLE_WHITELIST, TABLE_BLACKLIST], message: `${TABLE_WHITELIST} and ${TABLE_BLACKLIST} may not both be set.` }];
    }
  }
  if (rawQuery !== '' && rawMasked !== '') {
    return [{ keys: [QUERY, QUERY_MASKED], message: "Both 'query' and 'query.masked' configs cannot be set at the same time. Please use only one of them." }];
  }
  if (c.query !== null && (c.whitelist.length > 0 || c.blacklist.length > 0 || c.includeList.length > 0 || c.excludeList.length > 0)) {
    const keys = [QUERY, QUERY_MASKED];
    if (c.whitelist.length > 0) keys.push(TABLE_WHITELIST);
    if (c.blacklist.length > 0) keys.push(TABLE_BLACKLIST);
    if (c.includeList.length > 0) keys.push(TABLE_INCLUDE_LIST);
    if (c.excludeList.length > 0) keys.push(TABLE_EXCLUDE_LIST);
    return [
      {
        keys,
        message:
          "Do not specify table filtering configs with 'query'. Remove table.whitelist / table.blacklist / table.include.list / table.exclude.list when using query mode or 'query' when using table filtering mode.",
      },
    ];
  }
  if (c.query !== null && !/^SELECT\b/is.test(c.query.trim())) {
    const key = c.queryMasked ? QUERY_MASKED : QUERY;
    return [{ keys: [key], message: `Only SELECT statements are supported for '${key}'. Please provide a statement that starts with SELECT.` }];
  }
  if (c.query !== null && usesIncrementingColumn(c.mode) && c.incrementingColumn === '') {
    return [
      {
        keys: [INCREMENTING_COLUMN_NAME],
        message: `'${INCREMENTING_COLUMN_NAME}' must be provided when using mode '${MODE_INCREMENTING}' or '${MODE_TIMESTAMP_INCREMENTING}' with a custom query. The incrementing column cannot be auto-discovered in query mode because there is no table to inspect.`,
      },
    ];
  }
  if (modern && c.query === null) {
    if (c.excludeList.length > 0 && c.includeList.length === 0) {
      return [{ keys: [TABLE_EXCLUDE_LIST], message: `${TABLE_EXCLUDE_LIST} cannot be used without ${TABLE_INCLUDE_LIST}. Exclude list only applies to tables that match the include list.` }];
    }
    if (usesTimestampColumn(c.mode) && c.timestampColumnsMapping.length === 0) {
      return [{ keys: [MODE], message: `Timestamp column configuration must be provided when using mode '${MODE_TIMESTAMP}' or '${MODE_TIMESTAMP_INCREMENTING}'. Provide '${TIMESTAMP_COLUMNS_MAPPING}'.` }];
    }
    if (!usesTimestampColumn(c.mode) && c.timestampColumnsMapping.length > 0) {
      return [{ keys: [MODE], message: `Timestamp column configurations should not be provided if mode is not '${MODE_TIMESTAMP}' or '${MODE_TIMESTAMP_INCREMENTING}'. Remove '${TIMESTAMP_COLUMNS_MAPPING}'.` }];
    }
    if (usesIncrementingColumn(c.mode) && c.incrementingColumnMapping.length === 0) {
      return [{ keys: [MODE], message: `Incrementing column configuration must be provided when using mode '${MODE_INCREMENTING}' or '${MODE_TIMESTAMP_INCREMENTING}'. Provide '${INCREMENTING_COLUMN_MAPPING}'.` }];
    }
    if (!usesIncrementingColumn(c.mode) && c.incrementingColumnMapping.length > 0) {
      return [{ keys: [MODE], message: `Incrementing column configurations should not be provided if mode is not '${MODE_INCREMENTING}' or '${MODE_TIMESTAMP_INCREMENTING}'. Remove '${INCREMENTING_COLUMN_MAPPING}'.` }];
    }
  } else if (usesTimestampColumn(c.mode) && c.timestampColumns.length === 0) {
    // Not checked by Confluent (its querier then has no timestamp criteria at all and re-reads
    // everything); a clear error is kinder.
    return [{ keys: [TIMESTAMP_COLUMN_NAME], message: `Timestamp column configuration must be provided when using mode '${MODE_TIMESTAMP}' or '${MODE_TIMESTAMP_INCREMENTING}'. Provide '${TIMESTAMP_COLUMN_NAME}'.` }];
  }
  return [];
}
