#!/usr/bin/env node
// Distributed-mode benchmark: rebalance and failover times of real `polyconnect distributed`
// workers (bin/polyconnect.js) in one group on a real broker (scripts/kafka, started here unless
// KAFKA_BOOTSTRAP_SERVERS is set). Load: BENCH_DISTRIBUTED_PAIRS FileStreamSource -> topic ->
// FileStreamSink pairs (plugins/connectors/file, one task each; 8 tasks by default, because with 6
// a 4th worker gets nothing: the assignor leaves 2/2/2/0 alone, where Kafka would move to 2/2/1/1),
// fed numbered lines appended to every input file throughout. Three workers run everything; each
// run then measures, polling GET /connectors?expand=status on a worker that stays (every 100 ms):
//   join:     a 4th worker starts; ms from its spawn, from its REST answering and from its
//             "Distributed worker started" log line until every connector and task is RUNNING
//             with some tasks on the 4th worker;
//   leave:    that worker gets SIGTERM; ms until all is RUNNING on the other 3;
//   failover: a worker running tasks gets SIGKILL; ms until every connector and task is owned by a
//             survivor (about session.timeout.ms plus the rebalance), and until all are RUNNING:
//             a moved sink task reports RUNNING once its consumer joined the connector's consumer
//             group, which waits until the dead consumer's consumer.session.timeout.ms expires
//             (distributed workers default it to session.timeout.ms; Kafka's consumer: 45000).
//             The killed worker is then started again (same port) for the next run.
// At the end every sink file must hold every line of its input (missing lines fail the bench);
// duplicates are counted. A table is printed and the results go to bench/results/distributed-*.json.
//
// Knobs (environment): BENCH_DISTRIBUTED_RUNS (default 2), BENCH_DISTRIBUTED_PAIRS (default 4),
// BENCH_DISTRIBUTED_SESSION_TIMEOUT_MS (session.timeout.ms, default 10000; heartbeat.interval.ms is
// a third, at most 3000), BENCH_DISTRIBUTED_CONSUMER_SESSION_TIMEOUT_MS (the sink tasks'
// consumer.session.timeout.ms; unset: the worker's default, session.timeout.ms), BENCH_DISTRIBUTED_LINES_PER_SECOND (per
// input file, default 200), BENCH_DISTRIBUTED_LOG_DIR (keep worker logs there).

import { spawn } from 'node:child_process';
import { appendFileSync, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import kafkajs from 'kafkajs';
import { freePort, ROOT, startBenchBroker } from './bench-support.js';

const { Kafka, logLevel } = kafkajs;
const RUNS = Number(process.env.BENCH_DISTRIBUTED_RUNS ?? 2);
const PAIRS = Number(process.env.BENCH_DISTRIBUTED_PAIRS ?? 4);
const SESSION_TIMEOUT_MS = Number(process.env.BENCH_DISTRIBUTED_SESSION_TIMEOUT_MS ?? 10_000);
const HEARTBEAT_MS = Math.min(3_000, Math.floor(SESSION_TIMEOUT_MS / 3));
const CONSUMER_SESSION_TIMEOUT_MS = Number(process.env.BENCH_DISTRIBUTED_CONSUMER_SESSION_TIMEOUT_MS ?? 0) || SESSION_TIMEOUT_MS;
const LINES_PER_SECOND = Number(process.env.BENCH_DISTRIBUTED_LINES_PER_SECOND ?? 200);
const LOG_DIR = process.env.BENCH_DISTRIBUTED_LOG_DIR;
const POLL_MS = 100;
const TIMEOUT_MS = 120_000;

const workers = []; // every worker process started, for the cleanup
const cleanups = [];

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'polyconnect-bench-distributed-'));
  cleanups.push(() => rmSync(work, { recursive: true, force: true }));
  const broker = await startBenchBroker(work);
  cleanups.push(() => broker.stop());
  const bootstrap = broker.bootstrap;
  const stamp = Date.now();
  const group = `bench-distributed-${stamp}`;
  const pairs = Array.from({ length: PAIRS }, (_, i) => ({
    source: `bench-source-${i}`,
    sink: `bench-sink-${i}`,
    topic: `${group}-${i}`,
    input: join(work, `input-${i}.txt`),
    output: join(work, `output-${i}.txt`),
    written: 0,
  }));
  const kafka = new Kafka({ clientId: 'bench-distributed', brokers: bootstrap.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: pairs.map((p) => ({ topic: p.topic, numPartitions: 1 })), waitForLeaders: true });
  await admin.disconnect();

  const properties = (port) => ({
    'bootstrap.servers': bootstrap,
    'group.id': group,
    'config.storage.topic': `${group}-configs`,
    'offset.storage.topic': `${group}-offsets`,
    'status.storage.topic': `${group}-status`,
    'config.storage.replication.factor': '1',
    'offset.storage.replication.factor': '1',
    'status.storage.replication.factor': '1',
    'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
    'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
    'offset.flush.interval.ms': '1000',
    'session.timeout.ms': String(SESSION_TIMEOUT_MS),
    'heartbeat.interval.ms': String(HEARTBEAT_MS),
    ...(process.env.BENCH_DISTRIBUTED_CONSUMER_SESSION_TIMEOUT_MS ? { 'consumer.session.timeout.ms': String(CONSUMER_SESSION_TIMEOUT_MS) } : {}),
    'plugin.path': join(ROOT, 'plugins/connectors/file'),
    'admin.grpc.listener': '',
    listeners: `http://127.0.0.1:${port}`,
  });
  const ports = [];
  const cluster = []; // index -> worker (undefined when stopped)
  const start = async (index) => {
    ports[index] ??= await freePort();
    const file = join(work, `worker-${index}.properties`);
    writeFileSync(file, Object.entries(properties(ports[index])).map(([k, v]) => `${k}=${v}`).join('\n'));
    const worker = startWorker(file, ports[index]);
    cluster[index] = worker;
    return worker;
  };

  console.log(`Starting 3 distributed workers (session.timeout.ms=${SESSION_TIMEOUT_MS}, heartbeat.interval.ms=${HEARTBEAT_MS}, consumer.session.timeout.ms=${CONSUMER_SESSION_TIMEOUT_MS}) ...`);
  for (let i = 0; i < 3; i++) await waitForLog(await start(i), 'Distributed worker started');
  const observer = cluster[0];
  for (const p of pairs) {
    await post(observer, { name: p.source, config: { 'connector.class': 'FileStreamSource', 'tasks.max': '1', file: p.input, topic: p.topic } });
    await post(observer, { name: p.sink, config: { 'connector.class': 'FileStreamSink', 'tasks.max': '1', file: p.output, topics: p.topic } });
  }
  const expected = pairs.flatMap((p) => [p.source, p.sink]);
  const feed = setInterval(() => {
    const n = Math.max(1, Math.round(LINES_PER_SECOND / 10));
    for (const p of pairs) {
      let text = '';
      for (let k = 0; k < n; k++) text += `${String(p.written++).padStart(9, '0')} ${p.topic}\n`;
      appendFileSync(p.input, text);
    }
  }, 100);
  cleanups.push(() => clearInterval(feed));
  await waitPlacement(observer, expected, () => true, 'every task RUNNING on 3 workers');
  await sleep(2_000); // data flowing, offsets flushed once

  const runs = [];
  for (let run = 1; run <= RUNS; run++) {
    console.log(`run ${run}/${RUNS}: join ...`);
    const spawnedAt = Date.now();
    const fourth = await start(3);
    const restAt = await waitRest(fourth);
    let joinedAt;
    const joined = await waitPlacement(observer, expected, (p) => {
      joinedAt ??= fourth.loggedAt('Distributed worker started');
      return p.tasks.has(fourth.id);
    }, 'tasks RUNNING on the 4th worker');
    joinedAt ??= fourth.loggedAt('Distributed worker started');
    const join = {
      fromSpawnMs: joined.at - spawnedAt,
      fromRestMs: joined.at - restAt,
      fromJoinedMs: joinedAt === undefined ? null : joined.at - joinedAt,
      tasksOnNewWorker: joined.tasks.get(fourth.id),
    };

    console.log(`run ${run}/${RUNS}: leave (SIGTERM) ...`);
    const termAt = Date.now();
    fourth.kill('SIGTERM');
    cluster[3] = undefined;
    const left = await waitPlacement(observer, expected, (p) => !p.workers.has(fourth.id), 'every task RUNNING on the other 3');
    const exitMs = (await fourth.exit) - termAt;
    const leave = { sigtermMs: left.at - termAt, processExitMs: exitMs };

    console.log(`run ${run}/${RUNS}: failover (SIGKILL) ...`);
    const current = await waitPlacement(observer, expected, () => true, 'every task RUNNING');
    const candidates = [1, 2].map((i) => ({ i, tasks: current.tasks.get(cluster[i].id) ?? [] }));
    const victim = candidates.sort((a, b) => b.tasks.length - a.tasks.length)[0];
    const victimId = cluster[victim.i].id;
    const killedAt = Date.now();
    cluster[victim.i].kill('SIGKILL');
    cluster[victim.i] = undefined;
    let reassignedAt;
    const gone = (p) => !p.workers.has(victimId);
    const failed = await waitPlacement(observer, expected, gone, 'every task RUNNING on the survivors', (p) => {
      if (gone(p)) reassignedAt ??= p.at;
    });
    const failover = { reassignedMs: reassignedAt - killedAt, sigkillMs: failed.at - killedAt, tasksOnKilledWorker: victim.tasks };
    runs.push({ join, leave, failover });
    console.log(`run ${run}/${RUNS}: ${JSON.stringify(runs.at(-1))}`);

    // Back to 3 workers (the killed one's port, so its worker id) for the next run.
    const restarted = await start(victim.i);
    await waitPlacement(observer, expected, (p) => p.tasks.has(restarted.id), 'the restarted worker running tasks');
  }

  clearInterval(feed);
  console.log('Checking the sink files ...');
  const completeness = [];
  const deadline = Date.now() + TIMEOUT_MS;
  for (const p of pairs) {
    let check;
    for (;;) {
      check = checkOutput(p);
      if (check.missing === 0 || Date.now() > deadline) break;
      await sleep(500);
    }
    completeness.push({ pair: p.topic, input: p.written, ...check });
  }
  const result = {
    date: new Date().toISOString(),
    workers: 3,
    pairs: PAIRS,
    tasks: PAIRS * 2,
    sessionTimeoutMs: SESSION_TIMEOUT_MS,
    heartbeatIntervalMs: HEARTBEAT_MS,
    consumerSessionTimeoutMs: CONSUMER_SESSION_TIMEOUT_MS,
    linesPerSecondPerInput: LINES_PER_SECOND,
    pollMs: POLL_MS,
    runs,
    summary: summarize(runs),
    completeness,
  };
  const table = formatTable(result);
  console.log(table);
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  const path = join(ROOT, 'bench/results', `distributed-${stamp}.json`);
  writeFileSync(path, `${JSON.stringify({ ...result, table: table.split('\n') }, null, 2)}\n`);
  console.log(`written to ${path}`);
  const lost = completeness.filter((c) => c.missing > 0);
  if (lost.length > 0) throw new Error(`Lines missing from sink files: ${lost.map((c) => `${c.pair}: ${c.missing}`).join(', ')}`);
}

/** One worker process in its own process group (so its plugin processes can be killed with it). */
function startWorker(file, port) {
  const child = spawn(process.execPath, [join(ROOT, 'bin/polyconnect.js'), 'distributed', file], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, POLYCONNECT_LOG_LEVEL: 'info' },
  });
  const logs = [];
  const firstSeen = new Map();
  if (LOG_DIR) mkdirSync(LOG_DIR, { recursive: true });
  const logFile = LOG_DIR ? createWriteStream(join(LOG_DIR, `worker-${port}-${child.pid}.log`)) : undefined;
  const onLine = (line) => {
    let entry;
    try {
      entry = JSON.parse(line);
    } catch {
      entry = { level: 50, msg: line };
    }
    if (!firstSeen.has(entry.msg)) firstSeen.set(entry.msg, Date.now());
    logs.push(line);
    logFile?.write(`${line}\n`);
    if (logs.length > 300) logs.shift();
  };
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream.on('data', (chunk) => {
      buffered += chunk;
      let newline;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        onLine(buffered.slice(0, newline));
        buffered = buffered.slice(newline + 1);
      }
    });
  }
  const exit = new Promise((r) => child.once('exit', () => r(Date.now())));
  const worker = {
    id: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    exit,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    loggedAt: (msg) => firstSeen.get(msg),
    logTail: (n = 40) => logs.slice(-n).join('\n'),
    kill: (signal) => child.kill(signal),
  };
  workers.push(worker);
  return worker;
}

async function waitForLog(worker, msg) {
  await waitUntil(`"${msg}" from ${worker.id}`, worker, () => worker.loggedAt(msg) !== undefined, 50);
}

/** The time the worker's REST API first answered. */
async function waitRest(worker) {
  let at;
  await waitUntil(`REST on ${worker.id}`, worker, async () => {
    const ok = await fetch(`${worker.url}/`).then((r) => r.ok, () => false);
    if (ok) at = Date.now();
    return ok;
  }, 20);
  return at;
}

/**
 * Polls the observer's statuses until every expected connector and its tasks are RUNNING and
 * `accept` agrees with the placement; returns the placement ({at, workers, tasks: worker -> task ids}).
 * `seen` gets every complete placement, RUNNING or not.
 */
async function waitPlacement(observer, expected, accept, what, seen) {
  let result;
  await waitUntil(what, observer, async () => {
    const at = Date.now();
    const body = await fetch(`${observer.url}/connectors?expand=status`).then((r) => (r.ok ? r.json() : undefined), () => undefined);
    if (!body) return false;
    const placement = { at, workers: new Set(), tasks: new Map(), running: true };
    for (const name of expected) {
      const status = body[name]?.status;
      if (!status?.connector || !Array.isArray(status.tasks) || status.tasks.length === 0) return false;
      placement.running &&= status.connector.state === 'RUNNING';
      placement.workers.add(status.connector.worker_id);
      for (const task of status.tasks) {
        placement.running &&= task.state === 'RUNNING';
        placement.workers.add(task.worker_id);
        placement.tasks.set(task.worker_id, [...(placement.tasks.get(task.worker_id) ?? []), `${name}-${task.id}`]);
      }
    }
    seen?.(placement);
    if (!placement.running || !accept(placement)) return false;
    result = placement;
    return true;
  });
  return result;
}

async function waitUntil(what, worker, condition, interval = POLL_MS) {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    if (worker.exited()) throw new Error(`Worker ${worker.id} exited while waiting for ${what}. Log:\n${worker.logTail()}`);
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${TIMEOUT_MS} ms waiting for ${what}. Log of ${worker.id}:\n${worker.logTail()}`);
    await sleep(interval);
  }
}

async function post(worker, body) {
  const response = await fetch(`${worker.url}/connectors`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (response.status !== 201) throw new Error(`POST /connectors ${body.name}: ${response.status} ${await response.text()}`);
}

/** Lines of the sink file against the numbered input lines: missing ones and repeats. */
function checkOutput(pair) {
  let text = '';
  try {
    text = readFileSync(pair.output, 'utf8');
  } catch {}
  const lines = text.split('\n').filter((l) => l !== '');
  const seen = new Set(lines);
  let missing = 0;
  for (let i = 0; i < pair.written; i++) if (!seen.has(`${String(i).padStart(9, '0')} ${pair.topic}`)) missing++;
  return { output: lines.length, missing, duplicates: lines.length - seen.size };
}

const ROWS = [
  ['joinFromSpawnMs', 'join: 4th worker spawned -> all RUNNING, some on it', (r) => r.join.fromSpawnMs],
  ['joinFromRestMs', 'join: 4th worker REST answers -> same', (r) => r.join.fromRestMs],
  ['joinFromJoinedMs', 'join: 4th worker joined the group -> same', (r) => r.join.fromJoinedMs],
  ['leaveMs', 'leave: SIGTERM -> all RUNNING on the other 3', (r) => r.leave.sigtermMs],
  ['failoverReassignedMs', 'failover: SIGKILL -> all owned by survivors', (r) => r.failover.reassignedMs],
  ['failoverRunningMs', 'failover: SIGKILL -> all RUNNING on survivors', (r) => r.failover.sigkillMs],
];

/** Per row: min, median and max over the runs, in ms. */
function summarize(runs) {
  return Object.fromEntries(ROWS.map(([key, , get]) => {
    const v = runs.map(get).filter((x) => typeof x === 'number').sort((a, b) => a - b);
    const mid = Math.floor(v.length / 2);
    const median = v.length % 2 ? v[mid] : Math.round((v[mid - 1] + v[mid]) / 2);
    return [key, v.length === 0 ? null : { min: v[0], median, max: v.at(-1) }];
  }));
}

function formatTable(result) {
  const width = Math.max(...ROWS.map(([, label]) => label.length));
  const sinks = (r) => r.failover.tasksOnKilledWorker.filter((t) => t.startsWith('bench-sink-')).length;
  return [
    `distributed mode: 3 workers, ${result.pairs} FileStream source/sink pairs (${result.tasks} tasks), session.timeout.ms=${result.sessionTimeoutMs}, ` +
      `heartbeat.interval.ms=${result.heartbeatIntervalMs}, consumer.session.timeout.ms=${result.consumerSessionTimeoutMs}; ms per run, then median`,
    ...ROWS.map(([key, label, get]) => `${label.padEnd(width)}  ${result.runs.map((r) => String(get(r) ?? 'n/a').padStart(6)).join(' ')}  | ${result.summary[key]?.median ?? 'n/a'}`),
    `${'  tasks on the killed worker (of them sinks)'.padEnd(width)}  ${result.runs.map((r) => `${r.failover.tasksOnKilledWorker.length} (${sinks(r)})`.padStart(6)).join(' ')}`,
    ...result.completeness.map((c) => `output ${c.pair}: ${c.input} lines in, ${c.output} out, ${c.missing} missing, ${c.duplicates} duplicates`),
  ].join('\n');
}

async function cleanup() {
  for (const worker of workers) {
    try {
      process.kill(-worker.pid, 'SIGKILL'); // the worker and any plugin process it left behind
    } catch {}
  }
  for (const fn of cleanups.reverse()) {
    try {
      await fn();
    } catch (err) {
      console.error(`cleanup failed: ${err.message}`);
    }
  }
  cleanups.length = 0;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`${signal}: stopping the workers and the broker`);
    void cleanup().finally(() => process.exit(130));
  });
}
try {
  await main();
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await cleanup();
}
