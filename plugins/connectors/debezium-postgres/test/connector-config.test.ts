// The connector's configuration (Debezium's keys and defaults, clear refusals of what is not
// supported), its identity against plugin.json, and the offset format and resume rules.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, validateConfig } from '../src/connector-config.js';
import { confirmableLsn, readOffset, resumePoint, snapshotOffset, sourcePartition, streamingOffset } from '../src/offsets.js';
import { PostgresConnector } from '../src/postgres-connector.js';
import { PostgresConnectorTask } from '../src/postgres-connector-task.js';
import { TableFilter } from '../src/table-filter.js';

/** The issue's config, verbatim. */
const ISSUE_CONFIG = {
  'connector.class': 'io.debezium.connector.postgresql.PostgresConnector',
  'database.hostname': 'localhost',
  'database.port': '5432',
  'database.user': 'debezium',
  'database.password': 'secret',
  'database.dbname': 'mydb',
  'topic.prefix': 'cdc',
  'plugin.name': 'pgoutput',
};

function errorsOf(config: Record<string, string>): Record<string, string[]> {
  return Object.fromEntries(validateConfig(config).filter((result) => result.errors.length > 0).map((result) => [result.name, result.errors]));
}

describe('configuration', () => {
  it("parses the issue's config with Debezium's defaults", () => {
    const settings = parseConfig(ISSUE_CONFIG);
    expect(settings).toMatchObject({
      hostname: 'localhost',
      port: 5432,
      user: 'debezium',
      password: 'secret',
      database: 'mydb',
      topicPrefix: 'cdc',
      slotName: 'debezium',
      publicationName: 'dbz_publication',
      publicationAutocreateMode: 'all_tables',
      snapshotMode: 'initial',
      tombstonesOnDelete: true,
      maxBatchSize: 2048,
      maxQueueSize: 8192,
      pollIntervalMs: 500,
      statusUpdateIntervalMs: 10_000,
    });
    expect([...settings.skippedOperations]).toEqual(['t']);
    expect(settings.converters).toMatchObject({ decimalHandlingMode: 'precise', timePrecisionMode: 'adaptive', binaryHandlingMode: 'bytes', intervalHandlingMode: 'numeric', moneyFractionDigits: 2 });
    expect(errorsOf(ISSUE_CONFIG)).toEqual({});
  });

  it('refuses plugin.name values other than pgoutput, saying what to do', () => {
    expect(errorsOf({ ...ISSUE_CONFIG, 'plugin.name': 'decoderbufs' })['plugin.name']?.[0]).toMatch(/decoderbufs plugin is not supported.*Set plugin\.name=pgoutput/);
    expect(errorsOf({ ...ISSUE_CONFIG, 'plugin.name': 'wal2json' })['plugin.name']?.[0]).toMatch(/The only supported logical decoding plugin is pgoutput/);
    expect(() => parseConfig({ ...ISSUE_CONFIG, 'plugin.name': 'decoderbufs' })).toThrow(/plugin\.name/);
  });

  it('reports missing required keys', () => {
    const { 'topic.prefix': _prefix, 'database.dbname': _db, ...rest } = ISSUE_CONFIG;
    const errors = errorsOf(rest);
    expect(errors['topic.prefix']?.[0]).toBe('Missing required configuration "topic.prefix" which has no default value.');
    expect(errors['database.dbname']).toBeDefined();
  });

  it('checks slot names, topic prefixes and enumerations as Debezium does', () => {
    expect(errorsOf({ ...ISSUE_CONFIG, 'slot.name': 'Bad-Slot' })['slot.name']?.[0]).toMatch(/lowercase characters and underscores/);
    expect(errorsOf({ ...ISSUE_CONFIG, 'topic.prefix': 'a b' })['topic.prefix']?.[0]).toMatch(/alphanumeric/);
    expect(errorsOf({ ...ISSUE_CONFIG, 'publication.autocreate.mode': 'some' })['publication.autocreate.mode']).toBeDefined();
    expect(errorsOf({ ...ISSUE_CONFIG, 'snapshot.mode': 'custom' })['snapshot.mode']?.[0]).toMatch(/not supported/);
    expect(errorsOf({ ...ISSUE_CONFIG, 'snapshot.mode': 'sometimes' })['snapshot.mode']?.[0]).toMatch(/must be one of/);
    expect(errorsOf({ ...ISSUE_CONFIG, 'skipped.operations': 'x' })['skipped.operations']).toBeDefined();
  });

  it("accepts snapshot.mode 'never' as the old name of no_data, and skipped.operations=none", () => {
    expect(parseConfig({ ...ISSUE_CONFIG, 'snapshot.mode': 'never' }).snapshotMode).toBe('no_data');
    expect([...parseConfig({ ...ISSUE_CONFIG, 'skipped.operations': 'none' }).skippedOperations]).toEqual([]);
  });

  it('refuses an include list and an exclude list of the same kind together, and bad regular expressions', () => {
    expect(errorsOf({ ...ISSUE_CONFIG, 'table.include.list': 'public.a', 'table.exclude.list': 'public.b' })['table.exclude.list']).toEqual(['"table.include.list" is already specified']);
    expect(errorsOf({ ...ISSUE_CONFIG, 'table.include.list': 'public.(' })['table.include.list']?.[0]).toMatch(/Invalid regular expression/);
    expect(() => parseConfig({ ...ISSUE_CONFIG, 'max.queue.size': '10', 'max.batch.size': '20' })).toThrow(/max\.queue\.size/);
  });
});

describe('table filters', () => {
  it('matches whole identifiers case-insensitively and never captures system schemas', () => {
    const filter = new TableFilter({ schemaInclude: [], schemaExclude: [], tableInclude: ['public\\.ord.*', 'inventory\\.items'], tableExclude: [] });
    expect(filter.includes({ schema: 'public', table: 'orders' })).toBe(true);
    expect(filter.includes({ schema: 'PUBLIC', table: 'Orders' })).toBe(true);
    expect(filter.includes({ schema: 'inventory', table: 'items2' })).toBe(false);
    expect(filter.includes({ schema: 'pg_catalog', table: 'pg_class' })).toBe(false);
    const bySchema = new TableFilter({ schemaInclude: [], schemaExclude: ['audit'], tableInclude: [], tableExclude: [] });
    expect(bySchema.includes({ schema: 'audit', table: 'log' })).toBe(false);
    expect(bySchema.includes({ schema: 'public', table: 'log' })).toBe(true);
  });
});

describe('connector', () => {
  it('has the class name and alias plugin.json declares, and one task whatever tasks.max says', () => {
    const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../plugin.json'), 'utf8')) as { connectors: Array<{ class: string; aliases: string[]; type: string }> };
    expect(manifest.connectors).toEqual([{ class: PostgresConnector.className, aliases: [...PostgresConnector.aliases], type: 'source' }]);
    expect(PostgresConnectorTask.className).toBe('io.debezium.connector.postgresql.PostgresConnectorTask');
    const connector = new PostgresConnector();
    connector.start(ISSUE_CONFIG);
    expect(connector.taskConfigs()).toEqual([ISSUE_CONFIG]);
    expect(connector.taskClass()).toBe(PostgresConnectorTask);
  });

  it('validates the configuration before it tries the database', async () => {
    const results = await new PostgresConnector().validate({ ...ISSUE_CONFIG, 'plugin.name': 'decoderbufs' });
    expect(results.find((result) => result.name === 'plugin.name')?.errors).toHaveLength(1);
    expect(results.find((result) => result.name === 'database.hostname')?.errors).toEqual([]);
  });
});

describe('offsets', () => {
  it('uses {"server": topic.prefix} as source partition', () => {
    expect(sourcePartition('cdc')).toEqual({ server: 'cdc' });
  });

  it("writes snapshot and streaming offsets with Debezium's keys", () => {
    expect(snapshotOffset({ lsn: 100n, txId: 7, timestampMicros: 5n, lastRecord: false })).toEqual({
      ts_usec: 5,
      txId: 7,
      lsn: 100,
      snapshot: 'INITIAL',
      last_snapshot_record: false,
      snapshot_completed: false,
    });
    expect(streamingOffset({ lsn: 300n, lsnProc: 300n, lsnCommit: 200n, txId: 8, timestampMicros: 6n, messageType: 'UPDATE', eventsAtLsn: 2 })).toEqual({
      ts_usec: 6,
      txId: 8,
      lsn: 300,
      lsn_proc: 300,
      lsn_commit: 200,
      messageType: 'UPDATE',
      lsn_events_processed: 2,
    });
  });

  it('confirms the slot only to lsn_commit (else lsn_proc); snapshot offsets confirm nothing', () => {
    expect(confirmableLsn({ lsn: 300, lsn_proc: 300, lsn_commit: 200 })).toBe(200n);
    expect(confirmableLsn({ lsn: 300, lsn_proc: 250 })).toBe(250n);
    expect(confirmableLsn(snapshotOffset({ lsn: 100n, txId: 7, timestampMicros: 5n, lastRecord: true }))).toBeUndefined();
    expect(confirmableLsn(null)).toBeUndefined();
  });

  it('resumes from lsn_commit, skipping the committed part of an unfinished transaction', () => {
    const mid = readOffset({ lsn: 300, lsn_proc: 300, lsn_commit: 200, txId: 8, messageType: 'UPDATE', lsn_events_processed: 2 })!;
    expect(resumePoint(mid)).toEqual({ startLsn: 200n, skip: { txId: 8, lsn: 300n, eventsAtLsn: 2 } });
    const done = readOffset({ lsn: 400, lsn_proc: 400, lsn_commit: 400, txId: 8, messageType: 'COMMIT' })!;
    expect(resumePoint(done)).toEqual({ startLsn: 400n, skip: undefined });
    const afterSnapshot = readOffset(snapshotOffset({ lsn: 100n, txId: 7, timestampMicros: 5n, lastRecord: true }))!;
    expect(afterSnapshot.snapshotIncomplete).toBe(false);
    expect(resumePoint(afterSnapshot)).toEqual({ startLsn: 100n, skip: undefined });
    expect(readOffset(snapshotOffset({ lsn: 100n, txId: 7, timestampMicros: 5n, lastRecord: false }))!.snapshotIncomplete).toBe(true);
    // Debezium 1.x wrote "snapshot": true; still an unfinished snapshot without last_snapshot_record.
    expect(readOffset({ lsn: 1, snapshot: true })!.snapshotIncomplete).toBe(true);
  });
});
