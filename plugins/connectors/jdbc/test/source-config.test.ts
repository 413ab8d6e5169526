// JdbcSourceConnector's keys and defaults, Confluent's cross-key checks and messages, the task
// configs, and class names that match plugin.json.

import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { JdbcSinkConnector } from '../src/sink/jdbc-sink-connector.js';
import { JdbcSinkTask } from '../src/sink/jdbc-sink-task.js';
import { JdbcSourceConnector } from '../src/source/jdbc-source-connector.js';
import { JdbcSourceTask } from '../src/source/jdbc-source-task.js';
import { SOURCE_CONFIG_DEF, crossConfigProblems, parseSourceConfig } from '../src/source/source-config.js';

const issueConfig = {
  'connector.class': 'io.confluent.connect.jdbc.JdbcSourceConnector',
  'connection.url': 'jdbc:postgresql://localhost:5432/db',
  'table.whitelist': 'clients,orders',
  mode: 'timestamp',
  'timestamp.column.name': 'modified_date',
  'topic.prefix': 'postgres.',
};

function problems(config: Record<string, string>): Array<[readonly string[], string]> {
  return crossConfigProblems(parseSourceConfig(config), config).map((p) => [p.keys, p.message]);
}

describe('source configuration', () => {
  it('has Confluent\'s defaults', () => {
    const parsed = parseSourceConfig(issueConfig);
    expect(parsed).toMatchObject({
      connectionAttempts: 3,
      connectionBackoffMs: 10000,
      whitelist: ['clients', 'orders'],
      mode: 'timestamp',
      timestampColumns: ['modified_date'],
      incrementingColumn: '',
      validateNonNull: true,
      query: null,
      quote: 'always',
      tableTypes: ['TABLE'],
      pollIntervalMs: 5000,
      batchMaxRows: 1000,
      tablePollIntervalMs: 60000,
      topicPrefix: 'postgres.',
      timestampDelayMs: 0,
      zone: 'UTC',
      numericMapping: 'none',
      granularity: 'connect_logical',
    });
    expect(SOURCE_CONFIG_DEF.key('connection.password')?.type).toBe('PASSWORD');
    expect(problems(issueConfig)).toEqual([]);
  });

  it('takes numeric.mapping, or the deprecated numeric.precision.mapping', () => {
    expect(parseSourceConfig({ ...issueConfig, 'numeric.mapping': 'BEST_FIT' }).numericMapping).toBe('best_fit');
    expect(parseSourceConfig({ ...issueConfig, 'numeric.precision.mapping': 'true' }).numericMapping).toBe('precision_only');
  });

  it('checks keys against each other with Confluent\'s messages', () => {
    expect(problems({ ...issueConfig, mode: '' })).toEqual([[['mode'], 'Query mode must be specified']]);
    expect(problems({ ...issueConfig, 'table.include.list': 'public\\..*' })[0]![1]).toMatch(/^Cannot mix legacy and new configuration approaches/);
    expect(problems({ ...issueConfig, query: 'SELECT 1' })[0]).toEqual([
      ['query', 'query.masked', 'table.whitelist'],
      "Do not specify table filtering configs with 'query'. Remove table.whitelist / table.blacklist / table.include.list / table.exclude.list when using query mode or 'query' when using table filtering mode.",
    ]);
    const queryOnly = { 'connection.url': 'jdbc:postgresql://h/db', mode: 'incrementing', 'topic.prefix': 't' };
    expect(problems({ ...queryOnly, query: 'DELETE FROM t' })[0]![1]).toBe("Only SELECT statements are supported for 'query'. Please provide a statement that starts with SELECT.");
    expect(problems({ ...queryOnly, query: 'SELECT * FROM t' })[0]![0]).toEqual(['incrementing.column.name']);
    expect(problems({ ...queryOnly, 'table.include.list': '.*', 'incrementing.column.mapping': '.*:id' })).toEqual([]);
    expect(problems({ ...queryOnly, 'table.include.list': '.*' })[0]![1]).toBe("Incrementing column configuration must be provided when using mode 'incrementing' or 'timestamp+incrementing'. Provide 'incrementing.column.mapping'.");
    expect(problems({ ...queryOnly, 'table.exclude.list': 'x' })[0]![1]).toBe('table.exclude.list cannot be used without table.include.list. Exclude list only applies to tables that match the include list.');
    expect(problems({ ...issueConfig, 'timestamp.column.name': '' })[0]![0]).toEqual(['timestamp.column.name']);
  });

  it('validates values: modes, topic prefixes, time zones, mappings', async () => {
    const errors = async (config: Record<string, string>): Promise<Record<string, string[]>> =>
      Object.fromEntries((await new JdbcSourceConnector().validate(config)).filter((r) => r.errors.length > 0).map((r) => [r.name, r.errors]));
    expect(await errors({ ...issueConfig, mode: 'sometimes' })).toEqual({ mode: ['Invalid value sometimes for configuration mode: String must be one of: , bulk, timestamp, incrementing, timestamp+incrementing'] });
    expect((await errors({ ...issueConfig, 'topic.prefix': 'a b' }))['topic.prefix']).toEqual([
      "Invalid value a b for configuration topic.prefix: Topic prefix must not contain any character other than ASCII alphanumerics, '.', '_' and '-'.",
    ]);
    expect((await errors({ ...issueConfig, 'db.timezone': 'Mars/Olympus' }))['db.timezone']).toEqual(['Invalid value Mars/Olympus for configuration db.timezone: Invalid time zone identifier']);
    expect((await errors({ ...issueConfig, 'timestamp.columns.mapping': 'x:y' }))['timestamp.columns.mapping']).toEqual(['Invalid value y for configuration timestamp.columns.mapping: Columns list must be enclosed in square brackets']);
    expect((await errors({ ...issueConfig, 'connection.url': 'jdbc:mysql://h/db' }))['connection.url']![0]).toMatch(/PostgreSQL only/);
  });

  it('reports a database it cannot reach on connection.url', async () => {
    const results = await new JdbcSourceConnector().validate({ ...issueConfig, 'connection.url': 'jdbc:postgresql://127.0.0.1:1/db?connectTimeout=2' });
    expect(results.find((r) => r.name === 'connection.url')?.errors[0]).toMatch(/^Could not connect to database\. .*ECONNREFUSED/);
  });

  it('gives one task for a custom query', async () => {
    const connector = new JdbcSourceConnector();
    const config = { name: 'q', 'connection.url': 'jdbc:postgresql://h/db', query: 'SELECT id FROM t', mode: 'incrementing', 'incrementing.column.name': 'id', 'topic.prefix': 'out' };
    await connector.start(config);
    expect(connector.taskConfigs(5)).toEqual([{ ...config, tables: '', 'tables.fetched': 'true' }]);
    await connector.stop();
  });
});

describe('class names and aliases', () => {
  it('are Confluent\'s, and the same in the code as in plugin.json', async () => {
    const manifest = JSON.parse(await readFile(new URL('../plugin.json', import.meta.url), 'utf8')) as { name: string; command: string[]; connectors: Array<{ class: string; aliases: string[]; type: string }> };
    expect(manifest.name).toBe('jdbc');
    expect(manifest.command).toEqual(['node', 'dist/main.js']);
    const fromCode = [JdbcSourceConnector, JdbcSinkConnector].map((type) => ({ class: type.className, aliases: [...type.aliases], type: new type().type }));
    expect(fromCode).toEqual(manifest.connectors);
    expect(fromCode.map((c) => c.class)).toEqual(['io.confluent.connect.jdbc.JdbcSourceConnector', 'io.confluent.connect.jdbc.JdbcSinkConnector']);
    expect(JdbcSourceTask.className).toBe('io.confluent.connect.jdbc.source.JdbcSourceTask');
    expect(JdbcSinkTask.className).toBe('io.confluent.connect.jdbc.sink.JdbcSinkTask');
  });
});
