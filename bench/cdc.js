#!/usr/bin/env node
// CDC benchmark (issue 7): end-to-end throughput of the Debezium-style PostgreSQL source
// (plugins/connectors/debezium-postgres) through a standalone worker into Kafka.
//   snapshot:  BENCH_CDC_ROWS rows pre-loaded; rows/s from POST /connectors until every op=r
//              record is in the topic (also: seconds until the first record, i.e. task start).
//   streaming: then BENCH_CDC_CHANGES changes (inserts, updates, deletes: half, a quarter, a
//              quarter) committed in transactions of BENCH_CDC_TX changes; changes/s from the
//              first commit until every change record (and each delete's tombstone) is in the topic.
// Records are counted by the topic's high watermark (one partition, topic created up front).
// Starts its own throwaway PostgreSQL (initdb, wal_level=logical, as test/support/postgres.ts) and
// a broker (scripts/kafka) unless KAFKA_BOOTSTRAP_SERVERS is set. Results are printed and written
// to bench/results/cdc-<stamp>.json. Needs the plugins built (npm run build).
//
// Knobs (environment): BENCH_CDC_ROWS (default 100000), BENCH_CDC_CHANGES (default 50000),
// BENCH_CDC_TX (default 500), PG_BIN_DIR (default: newest /usr/lib/postgresql/<n>/bin).

import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import kafkajs from 'kafkajs';
import pg from 'pg';
import { fmt, freePort, ROOT, rssMiB, startBenchBroker } from './bench-support.js';

const { Kafka, logLevel } = kafkajs;
const ROWS = Number(process.env.BENCH_CDC_ROWS ?? 100_000);
const CHANGES = Number(process.env.BENCH_CDC_CHANGES ?? 50_000);
const TX = Number(process.env.BENCH_CDC_TX ?? 500);
const TIMEOUT_MS = 600_000;
const PLUGIN_DIR = join(ROOT, 'plugins/connectors/debezium-postgres');

async function main() {
  if (!existsSync(join(PLUGIN_DIR, 'dist/main.js'))) throw new Error('plugins/connectors/debezium-postgres is not built: run npm run build');
  const work = mkdtempSync(join(tmpdir(), 'polyconnect-bench-cdc-'));
  const cleanups = [];
  try {
    const broker = await startBenchBroker(work);
    cleanups.push(() => broker.stop());
    const bootstrap = broker.bootstrap;
    console.log('Starting PostgreSQL ...');
    const server = await startPostgres(work);
    cleanups.push(server.stop);
    const result = await bench(bootstrap, server, work);
    console.log(`snapshot: ${fmt(result.snapshot.rowsPerSecond)} rows/s (${ROWS} rows in ${result.snapshot.seconds.toFixed(2)} s, from POST /connectors to the last record in Kafka; the first record after ${result.snapshot.firstRecordSeconds.toFixed(2)} s)`);
    console.log(
      `streaming: ${fmt(result.streaming.changesPerSecond)} changes/s end to end (${CHANGES} changes, ${result.streaming.records} records, in ${result.streaming.seconds.toFixed(2)} s from the first commit; ` +
        `committing alone took ${result.streaming.commitSeconds.toFixed(2)} s)`,
    );
    console.log(`load average at start ${result.loadAverageAtStart.join(' ')}, at end ${result.loadAverageAtEnd.join(' ')}; peak RSS worker ${result.workerPeakRssMiB} MiB, plugin ${result.pluginPeakRssMiB} MiB`);
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
    const file = join(ROOT, 'bench/results', `cdc-${Date.now()}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`written to ${file}`);
  } finally {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (err) {
        console.error(`cleanup failed: ${err.message}`);
      }
    }
    rmSync(work, { recursive: true, force: true });
  }
}

async function bench(bootstrap, server, work) {
  const loadAverageAtStart = loadavg().map((l) => Number(l.toFixed(2)));
  const stamp = Date.now();
  const table = `bench_${stamp}`;
  const prefix = `benchcdc${stamp}`;
  const topic = `${prefix}.public.${table}`;
  const admin = new pg.Client({ host: server.host, port: server.port, user: 'postgres', database: 'postgres' });
  await admin.connect();
  await admin.query(`CREATE ROLE debezium WITH LOGIN REPLICATION PASSWORD 'secret'`);
  await admin.query('CREATE DATABASE benchdb OWNER debezium');
  await admin.end();
  const db = new pg.Client({ host: server.host, port: server.port, user: 'debezium', password: 'secret', database: 'benchdb' });
  await db.connect();
  await db.query(`CREATE TABLE ${table} (id int PRIMARY KEY, qty int NOT NULL, name text NOT NULL, note text, amount numeric(12,2), happened timestamp(3) NOT NULL, flag boolean)`);
  await db.query(
    `INSERT INTO ${table} SELECT g, g % 1000, 'name ' || g, CASE WHEN g % 5 = 0 THEN NULL ELSE repeat('x', 40) END, (g * 1.25)::numeric(12,2),
       timestamp '2024-01-01' + g * interval '1 second', g % 2 = 0 FROM generate_series(1, $1) g`,
    [ROWS],
  );
  await db.query(`ANALYZE ${table}`);

  const kafka = new Kafka({ clientId: 'bench-cdc', brokers: bootstrap.split(','), logLevel: logLevel.NOTHING });
  const kadmin = kafka.admin();
  await kadmin.connect();
  await kadmin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  const count = async () => (await kadmin.fetchTopicOffsets(topic)).reduce((sum, o) => sum + Number(o.high), 0);

  const restPort = await freePort();
  writeFileSync(
    join(work, 'worker.properties'),
    [
      `bootstrap.servers=${bootstrap}`,
      'key.converter=org.apache.kafka.connect.json.JsonConverter',
      'value.converter=org.apache.kafka.connect.json.JsonConverter',
      `offset.storage.file.filename=${join(work, 'offsets')}`,
      'offset.flush.interval.ms=5000',
      `plugin.path=${PLUGIN_DIR}`,
      `listeners=http://127.0.0.1:${restPort}`,
    ].join('\n'),
  );
  const worker = spawn(process.execPath, [join(ROOT, 'bin/polyconnect.js'), 'standalone', join(work, 'worker.properties')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, POLYCONNECT_LOG_LEVEL: 'info' },
  });
  let pluginPid;
  let buffered = '';
  worker.stdout.on('data', (chunk) => {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      try {
        const entry = JSON.parse(line);
        if (entry.msg === 'Plugin process started') pluginPid = entry.pluginPid;
        if (entry.level >= 50) console.error(line);
      } catch {}
    }
  });
  const peaks = { worker: 0, plugin: 0 };
  const sample = () => {
    peaks.worker = Math.max(peaks.worker, rssMiB(worker.pid));
    if (pluginPid) peaks.plugin = Math.max(peaks.plugin, rssMiB(pluginPid));
  };
  const rest = `http://127.0.0.1:${restPort}`;
  const waitUntil = async (what, condition, interval = 20) => {
    const deadline = Date.now() + TIMEOUT_MS;
    for (;;) {
      if (worker.exitCode !== null) throw new Error(`The worker exited with code ${worker.exitCode} while waiting for ${what}`);
      if (await condition()) return;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      sample();
      await new Promise((r) => setTimeout(r, interval));
    }
  };
  try {
    await waitUntil('the REST API', async () => (await fetch(rest).catch(() => undefined))?.ok === true, 100);

    // Snapshot.
    const config = {
      'connector.class': 'io.debezium.connector.postgresql.PostgresConnector',
      'database.hostname': server.host,
      'database.port': String(server.port),
      'database.user': 'debezium',
      'database.password': 'secret',
      'database.dbname': 'benchdb',
      'topic.prefix': prefix,
      'plugin.name': 'pgoutput',
      'publication.autocreate.mode': 'filtered',
      'table.include.list': `public.${table}`,
    };
    const snapshotStart = process.hrtime.bigint();
    const posted = await fetch(`${rest}/connectors`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'bench-cdc', config }) });
    if (posted.status !== 201) throw new Error(`POST /connectors: ${posted.status} ${await posted.text()}`);
    let firstRecordSeconds;
    await waitUntil('the snapshot', async () => {
      const n = await count();
      if (n > 0 && firstRecordSeconds === undefined) firstRecordSeconds = seconds(snapshotStart);
      return n >= ROWS;
    });
    const snapshotSeconds = seconds(snapshotStart);
    const afterSnapshot = await count();
    if (afterSnapshot !== ROWS) throw new Error(`the topic holds ${afterSnapshot} records after a snapshot of ${ROWS} rows`);

    // Streaming: inserts (new ids), updates, deletes (each delete also writes a tombstone).
    const inserts = Math.floor(CHANGES / 2);
    const updates = Math.floor(CHANGES / 4);
    const deletes = CHANGES - inserts - updates;
    const records = inserts + updates + 2 * deletes;
    const plan = [];
    for (let done = 0; done < inserts; done += TX) plan.push({ op: 'insert', from: ROWS + 1 + done, n: Math.min(TX, inserts - done) });
    for (let done = 0; done < updates; done += TX) plan.push({ op: 'update', from: 1 + done, n: Math.min(TX, updates - done) });
    for (let done = 0; done < deletes; done += TX) plan.push({ op: 'delete', from: ROWS - deletes + 1 + done, n: Math.min(TX, deletes - done) });
    const streamStart = process.hrtime.bigint();
    for (const step of plan) {
      const to = step.from + step.n - 1;
      if (step.op === 'insert') {
        await db.query(
          `INSERT INTO ${table} SELECT g, g % 1000, 'new ' || g, NULL, g * 0.5, timestamp '2025-01-01' + g * interval '1 second', true FROM generate_series($1::int, $2::int) g`,
          [step.from, to],
        );
      } else if (step.op === 'update') {
        await db.query(`UPDATE ${table} SET qty = qty + 1, note = 'updated' WHERE id BETWEEN $1 AND $2`, [step.from, to]);
      } else {
        await db.query(`DELETE FROM ${table} WHERE id BETWEEN $1 AND $2`, [step.from, to]);
      }
    }
    const commitSeconds = seconds(streamStart);
    await waitUntil('the streamed changes', async () => (await count()) >= ROWS + records);
    const streamSeconds = seconds(streamStart);
    sample();
    return {
      date: new Date().toISOString(),
      rows: ROWS,
      changes: CHANGES,
      changesPerTransaction: TX,
      snapshot: {
        seconds: Number(snapshotSeconds.toFixed(3)),
        rowsPerSecond: Math.round(ROWS / snapshotSeconds),
        // Connector and task start, slot creation, first fetch: the part of `seconds` before any record.
        firstRecordSeconds: Number(firstRecordSeconds.toFixed(3)),
      },
      streaming: {
        inserts,
        updates,
        deletes,
        records,
        seconds: Number(streamSeconds.toFixed(3)),
        commitSeconds: Number(commitSeconds.toFixed(3)),
        changesPerSecond: Math.round(CHANGES / streamSeconds),
      },
      converters: 'JsonConverter (schemas.enable=true)',
      workerPeakRssMiB: peaks.worker,
      pluginPeakRssMiB: peaks.plugin,
      cpus: (await import('node:os')).cpus().length,
      loadAverageAtStart,
      loadAverageAtEnd: loadavg().map((l) => Number(l.toFixed(2))),
    };
  } finally {
    await db.end().catch(() => undefined);
    await kadmin.disconnect().catch(() => undefined);
    worker.kill('SIGTERM');
    if (worker.exitCode === null) await new Promise((r) => worker.once('exit', r));
  }
}

/** A throwaway cluster as test/support/postgres.ts makes it: initdb, wal_level=logical, trust auth, 127.0.0.1 at a free port. */
async function startPostgres(work) {
  const bin = findBinDir();
  const asRoot = process.getuid?.() === 0;
  const dir = join(work, 'pg');
  mkdirSync(dir);
  const pgData = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');
  const pgRun = (cmd, args) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] : [join(bin, cmd), args];
    try {
      execFileSync(file, argv, { cwd: dir, timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n') : '';
      throw new Error(`${cmd} ${args[0] ?? ''} failed:\n${err.stderr ?? ''}${err.stdout ?? ''}${log}`);
    }
  };
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(work, uid, gid);
    chownSync(dir, uid, gid);
  }
  pgRun('initdb', ['-D', pgData, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
  const port = await freePort();
  appendFileSync(
    join(pgData, 'postgresql.conf'),
    [
      '# appended by bench/cdc.js',
      `port = ${port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${dir}'`,
      'wal_level = logical',
      'max_wal_senders = 10',
      'max_replication_slots = 10',
      'fsync = off',
      'synchronous_commit = off',
      'full_page_writes = off',
      '',
    ].join('\n'),
  );
  let started = true;
  const onExit = () => {
    if (!started) return;
    try {
      pgRun('pg_ctl', ['stop', '-D', pgData, '-m', 'immediate', '-w']);
    } catch {}
  };
  process.once('exit', onExit);
  pgRun('pg_ctl', ['start', '-D', pgData, '-l', logFile, '-w', '-t', '60']);
  return {
    host: '127.0.0.1',
    port,
    stop: () => {
      process.removeListener('exit', onExit);
      if (started) pgRun('pg_ctl', ['stop', '-D', pgData, '-m', 'fast', '-w', '-t', '60']);
      started = false;
    },
  };
}

function findBinDir() {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  versions.sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  if (versions.length === 0) throw new Error(`no PostgreSQL found under ${root}/*/bin, and PG_BIN_DIR is not set`);
  return join(root, versions[0], 'bin');
}

function seconds(since) {
  return Number(process.hrtime.bigint() - since) / 1e9;
}

await main();
