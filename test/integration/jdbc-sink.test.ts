// The JDBC sink connector against a real PostgreSQL cluster, a real worker and a real broker
// (JsonConverter with schemas): a topic becomes an auto-created table, upserts by record key keep
// the latest row, tombstones delete it; a batch is one transaction, so a record the database
// rejects rolls the whole batch back and fails the task with a message naming that record; with
// errors.tolerance=all the bad record goes to the dead letter queue and the others are written.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kafkaBootstrapServers } from '../support/kafka.js';
import { type PostgresServer, startPostgres } from '../support/postgres.js';
import { StandaloneWorker } from '../support/standalone-worker.js';
import { JDBC_PLUGIN_DIR, closeReaders, ensureJdbcPluginBuilt, produce, readTopic, sql, waitRunning } from '../../plugins/connectors/jdbc/test/support/integration.js';

const stamp = Date.now();
const KEY_SCHEMA = { type: 'struct', optional: false, fields: [{ field: 'id', type: 'int32', optional: false }] };
const VALUE_SCHEMA = {
  type: 'struct',
  optional: false,
  name: 'customer',
  fields: [
    { field: 'id', type: 'int32', optional: false },
    { field: 'name', type: 'string', optional: false },
    { field: 'score', type: 'double', optional: true },
    { field: 'active', type: 'boolean', optional: true },
    { field: 'seen', type: 'int64', optional: true, name: 'org.apache.kafka.connect.data.Timestamp', version: 1 },
  ],
};
const key = (id: number) => ({ schema: KEY_SCHEMA, payload: { id } });
const value = (id: number, name: string, score: number | null = null) => ({ schema: VALUE_SCHEMA, payload: { id, name, score, active: true, seen: 1_700_000_000_123 } });

let server: PostgresServer;
let worker: StandaloneWorker;

beforeAll(async () => {
  await ensureJdbcPluginBuilt();
  server = await startPostgres();
  await sql(server, server.database, `CREATE TABLE "strict_${stamp}" (id int PRIMARY KEY, name text NOT NULL, score double precision CHECK (score >= 0), active boolean, seen timestamp)`);
  await sql(server, server.database, `CREATE TABLE "tolerant_${stamp}" (id int PRIMARY KEY, name text NOT NULL, score double precision CHECK (score >= 0), active boolean, seen timestamp)`);
  const url = `jdbc:postgresql://${server.host}:${server.port}/${server.database}`;
  const common = { 'connection.url': url, 'connection.user': server.user, 'insert.mode': 'upsert', 'pk.mode': 'record_key', 'pk.fields': 'id' };
  worker = await StandaloneWorker.start({
    bootstrapServers: kafkaBootstrapServers(),
    directory: mkdtempSync(join(tmpdir(), 'pc-jdbc-sink-')),
    properties: {
      'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'plugin.path': JDBC_PLUGIN_DIR,
      'consumer.auto.offset.reset': 'earliest',
    },
    connectors: [
      { name: 'replica', 'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector', topics: `customers_${stamp}`, ...common, 'auto.create': 'true', 'auto.evolve': 'true', 'delete.enabled': 'true' },
      { name: 'strict', 'connector.class': 'JdbcSink', topics: `strict_${stamp}`, ...common },
      {
        name: 'tolerant',
        'connector.class': 'JdbcSinkConnector',
        topics: `tolerant_${stamp}`,
        ...common,
        'errors.tolerance': 'all',
        'errors.deadletterqueue.topic.name': `dlq_${stamp}`,
        'errors.deadletterqueue.topic.replication.factor': '1',
        'errors.deadletterqueue.context.headers.enable': 'true',
      },
    ],
  });
  for (const name of ['replica', 'strict', 'tolerant']) await waitRunning(worker, name);
}, 180_000);

afterAll(async () => {
  await closeReaders();
  await worker?.stop('SIGKILL').catch(() => undefined);
  await server?.stop();
});

async function rows(table: string): Promise<Array<Record<string, unknown>>> {
  const [result] = await sql(server, server.database, `SELECT * FROM "${table}" ORDER BY id`);
  return result!.rows as Array<Record<string, unknown>>;
}

async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 60_000;
  let last: T | undefined;
  while (Date.now() < deadline) {
    try {
      last = await read();
      if (check(last)) return last;
    } catch {
      // the table may not exist yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
}

describe('JdbcSinkConnector', () => {
  it('creates the table, upserts by record key and deletes on tombstones', async () => {
    const topic = `customers_${stamp}`;
    await produce(topic, [
      { key: key(1), value: value(1, 'ada', 1.5) },
      { key: key(2), value: value(2, 'bob') },
      { key: key(3), value: value(3, 'cy') },
      { key: key(1), value: value(1, 'ada lovelace', 2.5) },
      { key: key(2), value: null },
    ]);
    const table = await eventually(() => rows(topic), (r) => r.length === 2 && r[0]!['name'] === 'ada lovelace', 'the upserts and the delete');
    expect(table).toEqual([
      { id: 1, name: 'ada lovelace', score: 2.5, active: true, seen: new Date(1_700_000_000_123) },
      { id: 3, name: 'cy', score: null, active: true, seen: new Date(1_700_000_000_123) },
    ]);
    const [columns] = await sql(server, server.database, `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = '${topic}' ORDER BY ordinal_position`);
    expect(columns!.rows).toEqual([
      { column_name: 'id', data_type: 'integer', is_nullable: 'NO' },
      { column_name: 'name', data_type: 'text', is_nullable: 'NO' },
      { column_name: 'score', data_type: 'double precision', is_nullable: 'YES' },
      { column_name: 'active', data_type: 'boolean', is_nullable: 'YES' },
      { column_name: 'seen', data_type: 'timestamp without time zone', is_nullable: 'YES' },
    ]);
    const [pk] = await sql(server, server.database, `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) WHERE i.indrelid = '"${topic}"'::regclass AND i.indisprimary`);
    expect(pk!.rows).toEqual([{ attname: 'id' }]);
    // A deleted key comes back with a later insert.
    await produce(topic, [{ key: key(2), value: value(2, 'bob again') }]);
    await eventually(() => rows(topic), (r) => r.length === 3 && r[1]!['name'] === 'bob again', 'the re-insert');
    // auto.evolve: a new optional field becomes a new nullable column.
    const evolved = { ...VALUE_SCHEMA, fields: [...VALUE_SCHEMA.fields, { field: 'email', type: 'string', optional: true }] };
    await produce(topic, [{ key: key(4), value: { schema: evolved, payload: { ...value(4, 'dee').payload, email: 'dee@example.com' } } }]);
    const withEmail = await eventually(() => rows(topic), (r) => r.length === 4, 'the evolved record');
    expect(withEmail.map((r) => r['email'])).toEqual([null, null, null, 'dee@example.com']);
  });

  it('survives the loss of its database connection', async () => {
    const topic = `customers_${stamp}`;
    await sql(server, server.database, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'polyconnect-jdbc'");
    await produce(topic, [{ key: key(5), value: value(5, 'after the cut') }]);
    await eventually(() => rows(topic), (r) => r.some((row) => row['name'] === 'after the cut'), 'the record written after the connection was cut');
    expect((await worker.status('replica'))?.tasks[0]?.state).toBe('RUNNING');
  });

  it('writes a batch in one transaction: a rejected record rolls it all back and fails the task, naming the record', async () => {
    const topic = `strict_${stamp}`;
    await produce(topic, [
      { key: key(1), value: value(1, 'ok-1', 1) },
      { key: key(2), value: value(2, 'bad', -1) },
      { key: key(3), value: value(3, 'ok-3', 3) },
    ]);
    let trace = '';
    await worker.waitFor(async () => {
      const task = (await worker.status('strict'))?.tasks[0];
      trace = task?.trace ?? '';
      return task?.state === 'FAILED';
    }, 60_000, 'the strict sink to fail');
    expect(trace).toContain(`Could not write record (topic='${topic}',partition=0,offset=1) to table strict_${stamp}`);
    expect(trace).toContain('violates check constraint');
    expect(trace).toContain('SQLState: 23514');
    expect(trace).toContain('The whole batch of 3 records was rolled back');
    expect(await rows(topic)).toEqual([]);
  });

  it('with errors.tolerance=all writes the good records and sends the rejected one to the dead letter queue', async () => {
    const topic = `tolerant_${stamp}`;
    await produce(topic, [
      { key: key(1), value: value(1, 'ok-1', 1) },
      { key: key(2), value: value(2, 'bad', -1) },
      { key: key(3), value: value(3, 'ok-3', 3) },
    ]);
    const table = await eventually(() => rows(topic), (r) => r.length === 2, 'the good records');
    expect(table.map((r) => r['name'])).toEqual(['ok-1', 'ok-3']);
    const dlq = await readTopic(`dlq_${stamp}`, 1, { settleMs: 500 });
    expect(dlq).toHaveLength(1);
    expect((dlq[0]!.value as { payload: { name: string } }).payload.name).toBe('bad');
    expect((await worker.status('tolerant'))?.tasks[0]?.state).toBe('RUNNING');
  });
});
