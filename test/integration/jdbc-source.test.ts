// The JDBC source connector against a real PostgreSQL cluster, a real worker and a real broker:
// - the config users bring from Confluent's docs (issue 7), posted verbatim but for host, port
//   and user, copies `clients` and `orders` into `postgres.clients` / `postgres.orders`; inserts
//   and updates made afterwards arrive; after a restart of the worker (its config now from a file)
//   it resumes from its offsets: new rows arrive, none arrives twice;
// - incrementing, timestamp+incrementing and custom-query modes, with Confluent's offset
//   partitions and values in the worker's offset file.

import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kafkaBootstrapServers } from '../support/kafka.js';
import { type PostgresServer, startPostgres } from '../support/postgres.js';
import { StandaloneWorker } from '../support/standalone-worker.js';
import { JDBC_PLUGIN_DIR, closeReaders, ensureJdbcPluginBuilt, payloadOf, readTopic, request, sql, waitRunning } from '../../plugins/connectors/jdbc/test/support/integration.js';

const JSON_CONVERTERS = {
  'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
  'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
  'value.converter.schemas.enable': 'true',
  'plugin.path': JDBC_PLUGIN_DIR,
};

let server: PostgresServer;
const workers: StandaloneWorker[] = [];

beforeAll(async () => {
  await ensureJdbcPluginBuilt();
  server = await startPostgres();
  await sql(server, server.database, 'CREATE DATABASE db');
  // now() into `timestamp` columns then means UTC wall-clock time, as db.timezone (UTC) reads it,
  // whatever zone the machine's cluster was initialised with.
  await sql(server, server.database, "ALTER DATABASE db SET timezone TO 'UTC'");
}, 180_000);

afterAll(async () => {
  await closeReaders();
  for (const worker of workers.splice(0)) await worker.stop('SIGKILL').catch(() => undefined);
  await server?.stop();
});

async function startWorker(directory: string, connectors: Array<Record<string, string>> = []): Promise<StandaloneWorker> {
  const worker = await StandaloneWorker.start({ bootstrapServers: kafkaBootstrapServers(), directory, connectors, properties: JSON_CONVERTERS });
  workers.push(worker);
  return worker;
}

async function stopWorker(worker: StandaloneWorker): Promise<void> {
  expect(await worker.stop('SIGTERM')).toBe(0);
  workers.splice(workers.indexOf(worker), 1);
}

describe('JdbcSourceConnector, the issue\'s config', () => {
  it('copies clients and orders, picks up inserts and updates, and resumes after a restart without duplicates', async () => {
    await sql(server, 'db', [
      'CREATE TABLE clients (id serial PRIMARY KEY, name text NOT NULL, balance numeric(10,2), modified_date timestamp NOT NULL)',
      'CREATE TABLE orders (id serial PRIMARY KEY, client_id int NOT NULL, amount numeric(12,2) NOT NULL, modified_date timestamp NOT NULL)',
      "INSERT INTO clients (name, balance, modified_date) VALUES ('ada', 10.50, now() - interval '1 hour'), ('bob', NULL, now() - interval '1 hour'), ('cy', 0, now() - interval '30 minutes')",
      "INSERT INTO orders (client_id, amount, modified_date) VALUES (1, 99.95, now() - interval '1 hour'), (2, 5.00, now() - interval '10 minutes')",
    ]);
    // Issue 7's config, host and port adapted; the test cluster's user is "postgres".
    const body = {
      name: 'postgres-source',
      config: {
        'connector.class': 'io.confluent.connect.jdbc.JdbcSourceConnector',
        'connection.url': `jdbc:postgresql://${server.host}:${server.port}/db`,
        'connection.user': server.user,
        'table.whitelist': 'clients,orders',
        mode: 'timestamp',
        'timestamp.column.name': 'modified_date',
        'topic.prefix': 'postgres.',
      },
    };
    const directory = mkdtempSync(join(tmpdir(), 'pc-jdbc-source-'));
    const first = await startWorker(directory);
    const created = await request(first, 'POST', '/connectors', body);
    expect(created.status).toBe(201);
    await waitRunning(first, 'postgres-source');

    const clients = await readTopic('postgres.clients', 3);
    expect(clients.map((m) => payloadOf(m)['name'])).toEqual(['ada', 'bob', 'cy']);
    const schema = (clients[0]!.value as { schema: { name: string; fields: Array<{ field: string; type: string; optional: boolean; name?: string; parameters?: Record<string, string> }> } }).schema;
    expect(schema.name).toBe('clients');
    expect(schema.fields.map((f) => [f.field, f.type, f.optional, f.name ?? null])).toEqual([
      ['id', 'int32', false, null],
      ['name', 'string', false, null],
      ['balance', 'bytes', true, 'org.apache.kafka.connect.data.Decimal'],
      ['modified_date', 'int64', false, 'org.apache.kafka.connect.data.Timestamp'],
    ]);
    expect(schema.fields[2]!.parameters).toEqual({ scale: '2', 'connect.decimal.precision': '10' });
    const orders = await readTopic('postgres.orders', 2);
    expect(orders.map((m) => payloadOf(m)['id'])).toEqual([1, 2]);

    // Timestamp mode sees new rows and updated rows (the update moves modified_date).
    await sql(server, 'db', ["UPDATE clients SET name = 'ada lovelace', modified_date = now() WHERE id = 1", "INSERT INTO clients (name, modified_date) VALUES ('dee', now())"]);
    const afterUpdate = await readTopic('postgres.clients', 5);
    expect(afterUpdate.slice(3).map((m) => payloadOf(m)['name']).sort()).toEqual(['ada lovelace', 'dee']);

    // Restart: the connector comes from a file this time; offsets from the worker's offset file.
    await stopWorker(first);
    await sql(server, 'db', ["INSERT INTO clients (name, modified_date) VALUES ('eve', now())", 'UPDATE orders SET amount = 6.00, modified_date = now() WHERE id = 2']);
    const second = await startWorker(directory, [body as unknown as Record<string, string>]);
    await waitRunning(second, 'postgres-source');
    const finalClients = await readTopic('postgres.clients', 6, { settleMs: 7_000 });
    expect(finalClients.map((m) => payloadOf(m)['name'])).toEqual(['ada', 'bob', 'cy', ...afterUpdate.slice(3).map((m) => payloadOf(m)['name']), 'eve']);
    const finalOrders = await readTopic('postgres.orders', 3, { settleMs: 1_000 });
    expect(finalOrders).toHaveLength(3);
    expect(payloadOf(finalOrders[2]!)['id']).toBe(2);

    // The stored offsets have Confluent's partition and offset shapes.
    const offsets = readFileSync(join(directory, 'connect.offsets'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { key: [string, unknown]; value: Record<string, number> });
    const clientsOffset = offsets.find((o) => JSON.stringify(o.key) === JSON.stringify(['postgres-source', { protocol: '1', table: 'public.clients' }]));
    expect(clientsOffset).toBeDefined();
    expect(Object.keys(clientsOffset!.value)).toEqual(['timestamp_nanos', 'timestamp']);
    await stopWorker(second);
  }, 240_000);
});

describe('JdbcSourceConnector table monitoring', () => {
  it('notices a new matching table and spreads the tables over tasks.max tasks', async () => {
    await sql(server, 'db', ['CREATE TABLE late_a (id serial PRIMARY KEY, v text NOT NULL)', "INSERT INTO late_a (v) VALUES ('a1')"]);
    const stamp = Date.now();
    const connector = {
      name: 'late',
      'connector.class': 'JdbcSource',
      'connection.url': `jdbc:postgresql://${server.host}:${server.port}/db?user=${server.user}`,
      'tasks.max': '2',
      'table.include.list': 'public\\.late_.*',
      mode: 'incrementing',
      'incrementing.column.mapping': '.*:id',
      'topic.prefix': `l${stamp}-`,
      'poll.interval.ms': '300',
      'table.poll.interval.ms': '500',
    };
    const worker = await startWorker(mkdtempSync(join(tmpdir(), 'pc-jdbc-late-')), [connector]);
    await waitRunning(worker, 'late');
    expect((await worker.status('late'))?.tasks).toHaveLength(1);
    expect(payloadOf((await readTopic(`l${stamp}-late_a`, 1))[0]!)['v']).toBe('a1');
    await sql(server, 'db', ['CREATE TABLE late_b (id serial PRIMARY KEY, v text NOT NULL)', "INSERT INTO late_b (v) VALUES ('b1')"]);
    expect(payloadOf((await readTopic(`l${stamp}-late_b`, 1))[0]!)['v']).toBe('b1');
    await worker.waitFor(async () => (await worker.status('late'))?.tasks.length === 2, 30_000, 'a second task');
    await waitRunning(worker, 'late');
    await sql(server, 'db', "INSERT INTO late_a (v) VALUES ('a2')");
    expect((await readTopic(`l${stamp}-late_a`, 2, { settleMs: 1_000 })).map((m) => payloadOf(m)['v'])).toEqual(['a1', 'a2']);
    await stopWorker(worker);
  }, 180_000);
});

describe('JdbcSourceConnector modes', () => {
  it('incrementing, timestamp+incrementing and a custom query copy new and changed rows and resume from their offsets', async () => {
    await sql(server, 'db', [
      'CREATE TABLE items_inc (id bigserial PRIMARY KEY, v text NOT NULL)',
      'CREATE TABLE items_tsi (id serial PRIMARY KEY, v text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())',
      "INSERT INTO items_inc (v) SELECT 'inc-' || g FROM generate_series(1, 25) g",
      // One transaction: all rows share updated_at; the incrementing column orders them.
      "INSERT INTO items_tsi (v) SELECT 'tsi-' || g FROM generate_series(1, 7) g",
    ]);
    const stamp = Date.now();
    const url = `jdbc:postgresql://${server.host}:${server.port}/db?user=${server.user}`;
    const connectors: Array<Record<string, string>> = [
      { name: 'inc', 'connector.class': 'JdbcSource', 'connection.url': url, 'table.whitelist': 'items_inc', mode: 'incrementing', 'incrementing.column.name': 'id', 'topic.prefix': `m${stamp}-`, 'poll.interval.ms': '300', 'batch.max.rows': '10' },
      { name: 'tsi', 'connector.class': 'JdbcSourceConnector', 'connection.url': url, 'table.include.list': 'public\\.items_tsi', mode: 'timestamp+incrementing', 'timestamp.columns.mapping': '.*:[updated_at]', 'incrementing.column.mapping': '.*:id', 'topic.prefix': `m${stamp}-`, 'poll.interval.ms': '300', 'batch.max.rows': '3' },
      { name: 'query', 'connector.class': 'io.confluent.connect.jdbc.JdbcSourceConnector', 'connection.url': url, query: 'SELECT id, upper(v) AS v FROM items_inc', mode: 'incrementing', 'incrementing.column.name': 'id', 'topic.prefix': `m${stamp}-query`, 'poll.interval.ms': '300' },
    ];
    const directory = mkdtempSync(join(tmpdir(), 'pc-jdbc-modes-'));
    const first = await startWorker(directory, connectors);
    for (const name of ['inc', 'tsi', 'query']) await waitRunning(first, name);
    expect((await readTopic(`m${stamp}-items_inc`, 25)).map((m) => payloadOf(m)['id'])).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    const tsi = await readTopic(`m${stamp}-items_tsi`, 7);
    expect(tsi.map((m) => payloadOf(m)['v'])).toEqual(Array.from({ length: 7 }, (_, i) => `tsi-${i + 1}`));
    const query = await readTopic(`m${stamp}-query`, 25);
    expect(payloadOf(query[0]!)).toEqual({ id: 1, v: 'INC-1' });
    expect((query[0]!.value as { schema: { name?: string } }).schema.name).toBeUndefined();

    await sql(server, 'db', ["INSERT INTO items_inc (v) VALUES ('inc-26')", "UPDATE items_tsi SET v = 'tsi-3b', updated_at = now() WHERE id = 3", "INSERT INTO items_tsi (v) VALUES ('tsi-8')"]);
    expect(payloadOf((await readTopic(`m${stamp}-items_inc`, 26))[25]!)['v']).toBe('inc-26');
    expect((await readTopic(`m${stamp}-items_tsi`, 9)).slice(7).map((m) => payloadOf(m)['v'])).toEqual(['tsi-3b', 'tsi-8']);

    // Connections cut under the tasks: they reconnect and go on.
    await sql(server, 'db', "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'polyconnect-jdbc'");
    await sql(server, 'db', "INSERT INTO items_tsi (v) VALUES ('tsi-9')");
    expect((await readTopic(`m${stamp}-items_tsi`, 10)).slice(9).map((m) => payloadOf(m)['v'])).toEqual(['tsi-9']);

    await stopWorker(first);
    await sql(server, 'db', ["INSERT INTO items_inc (v) VALUES ('inc-27')", "UPDATE items_tsi SET v = 'tsi-1b', updated_at = now() WHERE id = 1"]);
    const second = await startWorker(directory, connectors);
    for (const name of ['inc', 'tsi', 'query']) await waitRunning(second, name);
    const inc = await readTopic(`m${stamp}-items_inc`, 27, { settleMs: 2_000 });
    expect(inc.map((m) => payloadOf(m)['id'])).toEqual(Array.from({ length: 27 }, (_, i) => i + 1));
    expect((await readTopic(`m${stamp}-items_tsi`, 11, { settleMs: 1_000 })).map((m) => payloadOf(m)['v']).slice(10)).toEqual(['tsi-1b']);
    expect(await readTopic(`m${stamp}-query`, 27, { settleMs: 500 })).toHaveLength(27);
    await stopWorker(second);

    const offsets = readFileSync(join(directory, 'connect.offsets'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { key: [string, unknown]; value: Record<string, unknown> });
    const byConnector = Object.fromEntries(offsets.map((o) => [o.key[0], o]));
    expect(byConnector['inc']).toEqual({ key: ['inc', { protocol: '1', table: 'public.items_inc' }], value: { incrementing: 27 } });
    expect(byConnector['query']).toEqual({ key: ['query', { query: 'query' }], value: { incrementing: 27 } });
    expect(byConnector['tsi']!.key).toEqual(['tsi', { protocol: '1', table: 'public.items_tsi' }]);
    expect(Object.keys(byConnector['tsi']!.value)).toEqual(['timestamp_nanos', 'incrementing', 'timestamp']);
    expect(byConnector['tsi']!.value['incrementing']).toBe(1);
  }, 240_000);
});
