// Round trip of the two PostgreSQL plugins (issue 7): the Debezium-style CDC source captures a
// table into Kafka, and the Confluent-style JDBC sink (insert.mode=upsert, pk.mode=record_key,
// delete.enabled=true, auto.create=true) writes it into a replica table in another database. After
// a snapshot of pre-loaded rows and 10,000 random inserts, updates, deletes and primary-key changes
// committed in transactions, the replica must equal the source, compared in full.
//
// We have no io.debezium.transforms.ExtractNewRecordState; the built-in ExtractField$Value on
// `after` is enough: c/u/r records become their new row, a `d` record becomes a null value (its
// `after` is null), which the sink with delete.enabled treats as a delete of the record key, and the
// tombstone that follows deletes again (a no-op). The key is Debezium's primary-key struct, which
// pk.mode=record_key takes as is. time.precision.mode=connect gives Connect's Timestamp/Date
// logical types, which the sink maps to TIMESTAMP/DATE (Debezium's own io.debezium.time.* types
// would become BIGINT/INT columns, as with Confluent's sink).

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import kafkajs from 'kafkajs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JDBC_PLUGIN_DIR, ensureJdbcPluginBuilt, waitRunning } from '../../plugins/connectors/jdbc/test/support/integration.js';
import { kafkaBootstrapServers, kafkaBrokers } from '../support/kafka.js';
import { type PostgresServer, startPostgres } from '../support/postgres.js';
import { REPO_ROOT, StandaloneWorker } from '../support/standalone-worker.js';

const CDC_PLUGIN_DIR = join(REPO_ROOT, 'plugins/connectors/debezium-postgres');
const stamp = Date.now();
const SOURCE = `orders_${stamp}`;
const REPLICA = `orders_replica_${stamp}`;
const TOPIC = `rt${stamp}.public.${SOURCE}`;
const PRELOADED = 300;
const CHANGES = 10_000;
/** The replica must catch up within this long after the last commit. */
const CATCH_UP_MS = 240_000;
const SEED = Number(process.env['ROUNDTRIP_SEED'] ?? stamp % 2 ** 31);

/** mulberry32: a small seeded PRNG, so a failing run can be repeated with ROUNDTRIP_SEED. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(SEED);
const int = (n: number): number => Math.floor(random() * n);
const maybeNull = <T>(value: T): T | null => (random() < 0.2 ? null : value);
const WORDS = ['alpha', 'beta', "o'brien", 'ünïcödé', 'quote"d', 'back\\slash', 'tab\there', 'new\nline', '€', ''];
const text = (): string => Array.from({ length: 1 + int(4) }, () => WORDS[int(WORDS.length)]).join(' ');
const amount = (): string => `${int(2) === 0 ? '-' : ''}${int(10_000_000)}.${String(int(100)).padStart(2, '0')}`;
const timestamp = (): string => new Date(Date.UTC(2000, 0, 1) + int(30 * 365 * 86_400_000)).toISOString().replace('T', ' ').replace('Z', '');
const date = (): string => new Date(Date.UTC(1970, 0, 1) + int(80 * 365) * 86_400_000).toISOString().slice(0, 10);

/** A random full row for `id` (parameters $1..$8 of INSERT). */
function row(id: number): unknown[] {
  return [id, int(1_000_000) - 500_000, text(), maybeNull(text()), maybeNull(amount()), timestamp(), maybeNull(random() < 0.5), maybeNull(date())];
}

const INSERT = (table: string): string => `INSERT INTO ${table} (id, qty, name, note, amount, happened, flag, day) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`;

/** The table as text, one line per row in id order, every column rendered by PostgreSQL in one way. */
async function contents(client: pg.Client, table: string): Promise<string[]> {
  const result = await client.query<{ line: string }>(
    `SELECT concat_ws('|', id::text, qty::text, quote_nullable(name), quote_nullable(note), quote_nullable(amount::numeric(12,2)::text),
       quote_nullable(happened::timestamp(3)::text), quote_nullable(flag::text), quote_nullable(day::text)) AS line
     FROM ${table} ORDER BY id`,
  );
  return result.rows.map((r) => r.line);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('CDC source -> Kafka -> JDBC sink round trip', () => {
  let server: PostgresServer;
  let app: pg.Client;
  let replica: pg.Client;
  let worker: StandaloneWorker;

  beforeAll(async () => {
    await ensureJdbcPluginBuilt();
    server = await startPostgres();
    const bootstrap = new pg.Client({ connectionString: server.connectionString });
    await bootstrap.connect();
    await bootstrap.query(`CREATE ROLE debezium WITH LOGIN REPLICATION PASSWORD 'secret'`);
    await bootstrap.query('CREATE DATABASE mydb OWNER debezium');
    await bootstrap.query('CREATE DATABASE replica');
    await bootstrap.end();
    app = new pg.Client({ host: server.host, port: server.port, user: 'debezium', password: 'secret', database: 'mydb' });
    await app.connect();
    replica = new pg.Client({ host: server.host, port: server.port, user: server.user, database: 'replica' });
    await replica.connect();
    // Default replica identity: the envelope's `after` and the key are all the sink needs.
    await app.query(`CREATE TABLE ${SOURCE} (
      id int PRIMARY KEY, qty int NOT NULL, name text NOT NULL, note text, amount numeric(12,2),
      happened timestamp(3) NOT NULL, flag boolean, day date)`);
    await app.query('BEGIN');
    for (let id = 1; id <= PRELOADED; id++) await app.query(INSERT(SOURCE), row(id));
    await app.query('COMMIT');

    const kafka = new kafkajs.Kafka({ clientId: 'roundtrip-test', brokers: kafkaBrokers(), logLevel: kafkajs.logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 1 }], waitForLeaders: true });
    await admin.disconnect();

    worker = await StandaloneWorker.start({
      bootstrapServers: kafkaBootstrapServers(),
      directory: mkdtempSync(join(tmpdir(), 'pc-roundtrip-')),
      properties: {
        'plugin.path': `${CDC_PLUGIN_DIR},${JDBC_PLUGIN_DIR}`,
        'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
        'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
        'consumer.auto.offset.reset': 'earliest',
        'offset.flush.interval.ms': '500',
      },
    });
  }, 180_000);

  afterAll(async () => {
    await worker?.stop('SIGTERM').catch(() => undefined);
    await app?.end().catch(() => undefined);
    await replica?.end().catch(() => undefined);
    await server?.stop();
  });

  it(`keeps the replica equal to the source after ${CHANGES} random inserts, updates and deletes (seed ${SEED})`, async () => {
    const post = async (config: Record<string, string>, name: string): Promise<void> => {
      const response = await fetch(`${worker.restUrl}/connectors`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, config }) });
      expect(response.status, await response.text()).toBe(201);
    };
    await post(
      {
        'connector.class': 'io.debezium.connector.postgresql.PostgresConnector',
        'database.hostname': server.host,
        'database.port': String(server.port),
        'database.user': 'debezium',
        'database.password': 'secret',
        'database.dbname': 'mydb',
        'topic.prefix': `rt${stamp}`,
        'plugin.name': 'pgoutput',
        'slot.name': `rt_${stamp}`,
        'publication.name': `rt_${stamp}`,
        'publication.autocreate.mode': 'filtered',
        'table.include.list': `public.${SOURCE}`,
        'time.precision.mode': 'connect',
      },
      'roundtrip-cdc',
    );
    await post(
      {
        'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector',
        topics: TOPIC,
        'connection.url': `jdbc:postgresql://${server.host}:${server.port}/replica`,
        'connection.user': server.user,
        'insert.mode': 'upsert',
        'pk.mode': 'record_key',
        'delete.enabled': 'true',
        'auto.create': 'true',
        'table.name.format': REPLICA,
        transforms: 'unwrap',
        'transforms.unwrap.type': 'org.apache.kafka.connect.transforms.ExtractField$Value',
        'transforms.unwrap.field': 'after',
      },
      'roundtrip-sink',
    );
    await waitRunning(worker, 'roundtrip-cdc');
    await waitRunning(worker, 'roundtrip-sink');

    // 10,000 random changes in transactions of 1..25 statements; a few transactions roll back.
    const live = new Set<number>(Array.from({ length: PRELOADED }, (_, i) => i + 1));
    const liveList = (): number[] => [...live];
    let nextId = PRELOADED + 1;
    const counts = { insert: 0, update: 0, delete: 0, keyChange: 0, rolledBack: 0 };
    let done = 0;
    const started = Date.now();
    while (done < CHANGES) {
      const size = Math.min(CHANGES - done, 1 + int(25));
      const rollback = random() < 0.03;
      const before = new Set(live);
      await app.query('BEGIN');
      for (let i = 0; i < size; i++) {
        const ids = liveList();
        const pick = random();
        if (ids.length < 50 || pick < 0.35) {
          const id = nextId++;
          await app.query(INSERT(SOURCE), row(id));
          live.add(id);
          counts.insert++;
        } else if (pick < 0.75) {
          const id = ids[int(ids.length)]!;
          const [, qty, name, note, amt, happened, flag, day] = row(id);
          // Some columns change, sometimes none of the nullable ones.
          const sets: string[] = ['qty = $2'];
          const params: unknown[] = [id, qty];
          for (const [column, value] of [['name', name], ['note', note], ['amount', amt], ['happened', happened], ['flag', flag], ['day', day]] as const) {
            if (random() < 0.5) {
              params.push(value);
              sets.push(`${column} = $${params.length}`);
            }
          }
          await app.query(`UPDATE ${SOURCE} SET ${sets.join(', ')} WHERE id = $1`, params);
          counts.update++;
        } else if (pick < 0.97) {
          const id = ids[int(ids.length)]!;
          await app.query(`DELETE FROM ${SOURCE} WHERE id = $1`, [id]);
          live.delete(id);
          counts.delete++;
        } else {
          // A primary key change: Debezium's d(old) + tombstone + c(new).
          const id = ids[int(ids.length)]!;
          const to = nextId++;
          await app.query(`UPDATE ${SOURCE} SET id = $2 WHERE id = $1`, [id, to]);
          live.delete(id);
          live.add(to);
          counts.keyChange++;
        }
      }
      if (rollback) {
        await app.query('ROLLBACK');
        live.clear();
        for (const id of before) live.add(id);
        counts.rolledBack++;
      } else {
        await app.query('COMMIT');
        done += size;
      }
    }
    const committedAt = Date.now();
    const expected = await contents(app, SOURCE);
    expect(expected.length).toBe(live.size);

    // Wait (bounded) until the replica equals the source, compared in full.
    let actual: string[] = [];
    const deadline = committedAt + CATCH_UP_MS;
    for (;;) {
      try {
        actual = await contents(replica, REPLICA);
      } catch {
        actual = []; // not created yet
      }
      if (actual.length === expected.length && actual.every((line, i) => line === expected[i])) break;
      const failed = (await worker.status('roundtrip-sink'))?.tasks.find((t) => t.state === 'FAILED') ?? (await worker.status('roundtrip-cdc'))?.tasks.find((t) => t.state === 'FAILED');
      if (failed !== undefined) throw new Error(`a task failed: ${failed.trace ?? ''}`);
      if (Date.now() > deadline) break;
      await sleep(500);
    }
    const caughtUpMs = Date.now() - committedAt;
    console.log(
      `round trip (seed ${SEED}): ${PRELOADED} pre-loaded rows, ${CHANGES} changes committed in ${((committedAt - started) / 1000).toFixed(1)} s ` +
        `(${JSON.stringify(counts)}); ${expected.length} rows; replica caught up ${(caughtUpMs / 1000).toFixed(1)} s after the last commit`,
    );
    if (actual.length !== expected.length || actual.some((line, i) => line !== expected[i])) {
      const want = new Set(expected);
      const have = new Set(actual);
      const missing = expected.filter((line) => !have.has(line)).slice(0, 10);
      const extra = actual.filter((line) => !want.has(line)).slice(0, 10);
      throw new Error(`the replica (${actual.length} rows) differs from the source (${expected.length} rows) ${CATCH_UP_MS / 1000} s after the last commit;\nmissing or different: ${missing.join('\n')}\nextra or different: ${extra.join('\n')}`);
    }
    expect(actual).toEqual(expected);

    // The replica's columns are what auto.create makes of the Connect schemas.
    const columns = await replica.query(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${REPLICA}' ORDER BY ordinal_position`);
    expect(Object.fromEntries(columns.rows.map((r: { column_name: string; data_type: string }) => [r.column_name, r.data_type]))).toEqual({
      id: 'integer',
      qty: 'integer',
      name: 'text',
      note: 'text',
      amount: 'numeric',
      happened: 'timestamp without time zone',
      flag: 'boolean',
      day: 'date',
    });
  }, 600_000);
});
