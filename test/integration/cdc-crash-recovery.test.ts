// Crash safety of the Debezium-compatible PostgreSQL CDC source: while a writer commits a steady
// stream of transactions (small ones, and large ones spanning many polls), the task's plugin
// process is killed with SIGKILL and the task restarted over REST. Every change must arrive, in
// commit order; the only duplicates allowed are changes after the last committed offset; and the
// replication slot's confirmed_flush_lsn, sampled throughout, must never pass the offset the
// worker has durably committed (a slot confirmed too early loses those changes on a crash).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import kafkajs from 'kafkajs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kafkaBootstrapServers, kafkaBrokers } from '../support/kafka.js';
import { type PostgresServer, startPostgres } from '../support/postgres.js';
import { REPO_ROOT, StandaloneWorker } from '../support/standalone-worker.js';

const PLUGIN_DIR = join(REPO_ROOT, 'plugins/connectors/debezium-postgres');

interface Change {
  readonly op: 'c' | 'u' | 'd';
  readonly id: number;
  readonly version: number;
  readonly txId: number;
}

interface Consumed {
  readonly op: string;
  readonly id: number;
  readonly version: number | null;
  readonly txId: number | null;
  readonly lsn: number | null;
  readonly tombstone: boolean;
  /** The record's offset in the topic's only partition. */
  readonly offset: number;
}

/** The writer's large transactions (by number) and their size: each spans several polls. */
const BIG_TRANSACTIONS = [30, 200, 400];
const BIG_TRANSACTION_ROWS = 8_000;

const changeKey = (change: { op: string; id: number; version: number | null }): string => (change.op === 'd' ? `d:${change.id}` : `${change.op}:${change.id}:${change.version}`);

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A small seeded generator, so that a failing run can be repeated. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface StoredOffset {
  readonly lsn?: number;
  readonly lsn_commit?: number;
  readonly lsn_proc?: number;
  readonly txId?: number;
  readonly messageType?: string;
  readonly snapshot?: string;
}

function readStoredOffset(file: string): StoredOffset | undefined {
  if (!existsSync(file)) return undefined;
  const line = readFileSync(file, 'utf8').trim().split('\n').find((entry) => entry.includes('"postgres-cdc"'));
  return line === undefined ? undefined : (JSON.parse(line) as { value: StoredOffset }).value;
}

/** What a committed offset allows the slot to be confirmed to (lsn_commit, else lsn_proc, else the snapshot's lsn). */
function confirmable(offset: StoredOffset): number | undefined {
  return offset.lsn_commit ?? offset.lsn_proc ?? offset.lsn;
}

describe('Debezium PostgreSQL CDC source: SIGKILL of the plugin mid-stream', () => {
  let server: PostgresServer;
  let admin: pg.Client;
  let worker: StandaloneWorker;
  const stamp = Date.now();
  const table = `events_${stamp}`;
  const topic = `cdc.public.${table}`;

  beforeAll(async () => {
    server = await startPostgres();
    const bootstrap = new pg.Client({ connectionString: server.connectionString });
    await bootstrap.connect();
    await bootstrap.query(`CREATE ROLE debezium WITH LOGIN REPLICATION PASSWORD 'secret'`);
    await bootstrap.query('CREATE DATABASE mydb OWNER debezium');
    await bootstrap.end();
    admin = new pg.Client({ host: server.host, port: server.port, user: server.user, database: 'mydb' });
    await admin.connect();
    await admin.query(`CREATE TABLE ${table} (id int PRIMARY KEY, version int NOT NULL, payload text)`);
    await admin.query(`ALTER TABLE ${table} OWNER TO debezium`);
    await admin.query(`INSERT INTO ${table} SELECT g, 0, 'initial ' || g FROM generate_series(1, 50) g`);
    await admin.query('CREATE PUBLICATION dbz_publication FOR ALL TABLES');
    worker = await StandaloneWorker.start({
      bootstrapServers: kafkaBootstrapServers(),
      properties: {
        'plugin.path': PLUGIN_DIR,
        'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
        'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
        'key.converter.schemas.enable': 'false',
        'value.converter.schemas.enable': 'false',
        'offset.flush.interval.ms': '300',
      },
    });
  }, 180_000);

  afterAll(async () => {
    await worker?.stop('SIGTERM').catch(() => undefined);
    await admin?.end().catch(() => undefined);
    await server?.stop();
  });

  it('loses no change and repeats only changes after the committed offset; the slot is never confirmed past it', async () => {
    const offsetsFile = join(worker.directory, 'connect.offsets');

    // Sample the slot against the committed offset for the whole test: slot first, then the file
    // (the file only grows, and the task confirms only after the worker wrote it).
    const monitor = new pg.Client({ host: server.host, port: server.port, user: server.user, database: 'mydb' });
    monitor.on('error', () => undefined);
    await monitor.connect();
    const writer = new pg.Client({ host: server.host, port: server.port, user: 'debezium', password: 'secret', database: 'mydb' });
    writer.on('error', () => undefined);
    await writer.connect();
    const kafka = new kafkajs.Kafka({ clientId: 'cdc-crash-test', brokers: kafkaBrokers(), logLevel: kafkajs.logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `cdc-crash-${stamp}` });
    let writing = true;
    let write: Promise<void> = Promise.resolve();
    const violations: string[] = [];
    let samples = 0;
    let firstConfirmed: number | undefined;
    let maxConfirmed = 0;
    let monitoring = true;
    const monitorLoop = (async (): Promise<void> => {
      while (monitoring) {
        const { rows } = await monitor.query<{ lsn: string | null }>(`SELECT (confirmed_flush_lsn - '0/0')::text AS lsn FROM pg_replication_slots WHERE slot_name = 'debezium'`);
        const stored = readStoredOffset(offsetsFile);
        if (rows[0]?.lsn !== undefined && rows[0].lsn !== null) {
          const confirmed = Number(rows[0].lsn);
          firstConfirmed ??= confirmed;
          maxConfirmed = Math.max(maxConfirmed, confirmed);
          const limit = stored === undefined ? firstConfirmed : confirmable(stored);
          samples++;
          if (limit === undefined || confirmed > limit) violations.push(`confirmed ${confirmed} > committed ${String(limit)} (${JSON.stringify(stored)})`);
        }
        await sleep(25);
      }
    })().catch((error: Error) => {
      violations.push(`slot monitor failed: ${error.message}`);
    });

    try {
      // The topic exists before the connector writes: a batch to a topic still being auto-created
      // may be written twice by the producer's retry, which would blur the exact sequence check.
      const topicAdmin = kafka.admin();
      await topicAdmin.connect();
      await topicAdmin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
      await topicAdmin.disconnect();
      const response = await fetch(`${worker.restUrl}/connectors`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'postgres-cdc',
          config: {
            'connector.class': 'io.debezium.connector.postgresql.PostgresConnector',
            'database.hostname': server.host,
            'database.port': String(server.port),
            'database.user': 'debezium',
            'database.password': 'secret',
            'database.dbname': 'mydb',
            'topic.prefix': 'cdc',
            'plugin.name': 'pgoutput',
          },
        }),
      });
      expect(response.status).toBe(201);

      // Consume the topic from the beginning.
      const consumed: Consumed[] = [];
      const seenOffsets = new Set<number>();
      const kafkaAdmin = kafka.admin();
      await kafkaAdmin.connect();
      await worker.waitFor(async () => (await kafkaAdmin.listTopics()).includes(topic), 60_000, 'the topic');
      await kafkaAdmin.disconnect();
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      void consumer.run({
        eachMessage: async ({ message }) => {
          const key = JSON.parse(message.key!.toString()) as { id: number };
          const offset = Number(message.offset);
          // A consumer group rebalance may deliver a record again; Kafka's offset tells.
          if (seenOffsets.has(offset)) return;
          seenOffsets.add(offset);
          if (message.value === null) {
            consumed.push({ op: 'tombstone', id: key.id, version: null, txId: null, lsn: null, tombstone: true, offset });
            return;
          }
          const value = JSON.parse(message.value.toString()) as { op: string; before: { version: number } | null; after: { version: number } | null; source: { txId: number; lsn: number } };
          consumed.push({ op: value.op, id: key.id, version: (value.after ?? value.before)?.version ?? null, txId: value.source.txId, lsn: value.source.lsn, tombstone: false, offset });
        },
      });
      await worker.waitFor(() => consumed.filter((record) => record.op === 'r').length >= 50, 60_000, 'the snapshot');

      // The writer: small transactions of inserts, updates and deletes, and a few large ones.
      const expected: Change[] = [];
      const bigTxIds: number[] = [];
      const live = new Map<number, number>(Array.from({ length: 50 }, (_, i) => [i + 1, 0]));
      let nextId = 51;
      const next = random(stamp % 100_000);
      write = (async () => {
        for (let transaction = 0; transaction < 600 && writing; transaction++) {
          await writer.query('BEGIN');
          const { rows } = await writer.query<{ xid: string }>('SELECT txid_current()::text AS xid');
          const txId = Number(rows[0]!.xid);
          if (BIG_TRANSACTIONS.includes(transaction)) {
            bigTxIds.push(txId);
            const first = nextId;
            nextId += BIG_TRANSACTION_ROWS;
            await writer.query(`INSERT INTO ${table} SELECT g, 0, repeat('x', 50) FROM generate_series($1::int, $2::int) g`, [first, nextId - 1]);
            for (let id = first; id < nextId; id++) {
              live.set(id, 0);
              expected.push({ op: 'c', id, version: 0, txId });
            }
          } else {
            const statements = 1 + Math.floor(next() * 4);
            for (let s = 0; s < statements; s++) {
              const ids = [...live.keys()];
              const roll = next();
              if (roll < 0.45 || ids.length < 10) {
                const id = nextId++;
                await writer.query(`INSERT INTO ${table} VALUES ($1, 0, $2)`, [id, `row ${id}`]);
                live.set(id, 0);
                expected.push({ op: 'c', id, version: 0, txId });
              } else if (roll < 0.8) {
                const id = ids[Math.floor(next() * ids.length)]!;
                const version = live.get(id)! + 1;
                await writer.query(`UPDATE ${table} SET version = $2, payload = $3 WHERE id = $1`, [id, version, `v${version}`]);
                live.set(id, version);
                expected.push({ op: 'u', id, version, txId });
              } else {
                const id = ids[Math.floor(next() * ids.length)]!;
                await writer.query(`DELETE FROM ${table} WHERE id = $1`, [id]);
                expected.push({ op: 'd', id, version: live.get(id)!, txId });
                live.delete(id);
              }
            }
          }
          await writer.query('COMMIT');
          await sleep(8);
        }
      })();

      // Kill the task's plugin process mid-stream, while the first large transaction flows.
      await worker.waitFor(() => bigTxIds.length > 0 && consumed.filter((record) => record.txId === bigTxIds[0]).length >= 1_500, 120_000, 'changes to flow');
      const pid = worker.pluginPid('postgres-cdc-0');
      expect(pid).toBeGreaterThan(0);
      process.kill(pid!, 'SIGKILL');
      await worker.waitFor(async () => (await worker.status('postgres-cdc'))?.tasks[0]?.state === 'FAILED', 15_000, 'the task to be FAILED');
      const trace = (await worker.status('postgres-cdc'))?.tasks[0]?.trace ?? '';
      expect(trace).toContain('SIGKILL');
      await sleep(1_000);
      const committedAtCrash = readStoredOffset(offsetsFile)!;
      // Everything the first run produced is in the topic below this offset.
      const kafkaAdmin2 = kafka.admin();
      await kafkaAdmin2.connect();
      const endOfFirstRun = Number((await kafkaAdmin2.fetchTopicOffsets(topic))[0]!.high);
      await kafkaAdmin2.disconnect();

      const restart = await worker.post('/connectors/postgres-cdc/tasks/0/restart');
      expect(restart.status).toBe(204);
      await worker.waitFor(async () => (await worker.status('postgres-cdc'))?.tasks[0]?.state === 'RUNNING', 60_000, 'the task to run again');
      expect(worker.pluginPid('postgres-cdc-0')).not.toBe(pid);

      await write;
      const expectedKeys = new Set(expected.map(changeKey));
      await worker.waitFor(
        () => {
          const seen = new Set(consumed.filter((record) => !record.tombstone && record.op !== 'r').map(changeKey));
          return [...expectedKeys].every((key) => seen.has(key));
        },
        180_000,
        'every change to arrive',
      );
      await sleep(2_000); // nothing more may arrive

      // The stream as consumed: the first run's changes, exactly the expected ones in commit order,
      // then the second run's, which may begin earlier than where the first stopped (duplicates)
      // but never later (loss), and go on in commit order to the end.
      const stream = consumed.filter((record) => !record.tombstone && record.op !== 'r');
      const wanted = expected.map(changeKey);
      const firstRun = stream.filter((record) => record.offset < endOfFirstRun).map(changeKey);
      const secondRun = stream.filter((record) => record.offset >= endOfFirstRun).map(changeKey);
      expect(firstRun).toEqual(wanted.slice(0, firstRun.length));
      const resumedAt = secondRun.length === 0 ? wanted.length : wanted.indexOf(secondRun[0]!);
      expect(resumedAt).toBeGreaterThanOrEqual(0);
      expect(resumedAt).toBeLessThanOrEqual(firstRun.length); // no gap: nothing missing
      expect(secondRun).toEqual(wanted.slice(resumedAt)); // everything after, once, in commit order

      // Where the committed offset was at the crash, in the expected sequence.
      let committedIndex: number;
      if (committedAtCrash.messageType === 'COMMIT') {
        committedIndex = expected.findLastIndex((change) => change.txId === committedAtCrash.txId) + 1;
      } else if (committedAtCrash.snapshot !== undefined) {
        committedIndex = 0;
      } else {
        const event = stream.find((record) => record.lsn === committedAtCrash.lsn && record.txId === committedAtCrash.txId)!;
        committedIndex = wanted.indexOf(changeKey(event)) + 1;
      }
      // Duplicates only after the last committed offset: the second run starts exactly there.
      expect(resumedAt).toBe(committedIndex);

      // Every delete is followed by its tombstone.
      consumed.forEach((record, index) => {
        if (record.op === 'd') expect(consumed[index + 1]).toMatchObject({ tombstone: true, id: record.id });
      });

      // The slot: never confirmed past the committed offset, and confirmed up to it at the end.
      const finalOffset = readStoredOffset(offsetsFile)!;
      await worker.waitFor(async () => {
        const { rows } = await admin.query<{ lsn: string }>(`SELECT (confirmed_flush_lsn - '0/0')::text AS lsn FROM pg_replication_slots WHERE slot_name = 'debezium'`);
        return Number(rows[0]?.lsn) === confirmable(readStoredOffset(offsetsFile)!);
      }, 30_000, 'the slot to be confirmed up to the last committed offset');
      monitoring = false;
      await monitorLoop;
      expect(violations).toEqual([]);
      expect(samples).toBeGreaterThan(100);
      expect(maxConfirmed).toBeGreaterThan(firstConfirmed!);
      console.log(
        `CDC SIGKILL: ${expected.length} changes in 600 transactions; the first run delivered ${firstRun.length}, ` +
          `its committed offset covered ${committedIndex} (${committedAtCrash.messageType ?? 'snapshot'}); the second run re-sent ${firstRun.length - resumedAt} and delivered ${secondRun.length}; ` +
          `${samples} slot samples, none past the committed offset (final offset ${JSON.stringify(finalOffset)})`,
      );
    } finally {
      writing = false;
      monitoring = false;
      await write.catch(() => undefined);
      await monitorLoop.catch(() => undefined);
      await writer.end().catch(() => undefined);
      await monitor.end().catch(() => undefined);
      await consumer.disconnect().catch(() => undefined);
    }
  }, 420_000);
});
