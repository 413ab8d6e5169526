#!/usr/bin/env node
// Whole-pipeline throughput of the Go datagen source: a standalone worker runs it into a real
// broker (DatagenSource -> worker -> JsonConverter with schemas -> kafkajs producer -> Kafka) and
// this script times the topic's end offset from the first record to the last. Starts a broker
// (scripts/kafka) unless KAFKA_BOOTSTRAP_SERVERS is set. Run `npm run build` and build.sh first.
//
//   [SCHEMAS_ENABLE=false] node plugins/connectors/datagen-go/bench/pipeline.mjs [schema] [records]

import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import kafkajs from 'kafkajs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../../..');
const schema = process.argv[2] ?? 'orders';
const records = Number(process.argv[3] ?? 500_000);

/** User + system CPU seconds of a process (Linux /proc; USER_HZ 100). */
function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** The worker's child processes (the plugin and the broker's are not its children). */
function childrenOf(pid) {
  const children = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.push(Number(entry));
    } catch {}
  }
  return children;
}

async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

const work = mkdtempSync(join(tmpdir(), 'pc-datagen-bench-'));
let bootstrap = process.env.KAFKA_BOOTSTRAP_SERVERS;
let brokerDir;
if (!bootstrap) {
  brokerDir = join(work, 'kafka');
  const port = await freePort();
  execFileSync('bash', [join(root, 'scripts/kafka/fetch-jars.sh')], { stdio: 'inherit' });
  execFileSync('bash', [join(root, 'scripts/kafka/start.sh'), brokerDir, String(port)], { stdio: 'inherit' });
  bootstrap = `127.0.0.1:${port}`;
}
const topic = `datagen-bench-${Date.now()}`;
const kafka = new kafkajs.Kafka({ clientId: 'datagen-bench', brokers: bootstrap.split(','), logLevel: kafkajs.logLevel.NOTHING });
const admin = kafka.admin();
await admin.connect();
await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
const restPort = await freePort();
writeFileSync(join(work, 'worker.properties'), [
  `bootstrap.servers=${bootstrap}`,
  'key.converter=org.apache.kafka.connect.json.JsonConverter',
  'value.converter=org.apache.kafka.connect.json.JsonConverter',
  `value.converter.schemas.enable=${process.env.SCHEMAS_ENABLE ?? 'true'}`,
  `offset.storage.file.filename=${join(work, 'offsets')}`,
  `plugin.path=${resolve(here, '..')}`,
  `listeners=http://127.0.0.1:${restPort}`,
].join('\n'));
writeFileSync(join(work, 'datagen.json'), JSON.stringify({
  name: 'datagen', 'connector.class': 'DatagenSource', topic, schema, 'max.records': String(records), 'batch.size': '2000',
}));
const worker = spawn(process.execPath, [join(root, 'bin/polyconnect.js'), 'standalone', join(work, 'worker.properties'), join(work, 'datagen.json')], {
  stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, POLYCONNECT_LOG_LEVEL: 'warn' },
});
try {
  let first;
  let end = 0;
  const deadline = Date.now() + 600_000;
  while (end < records && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    end = Number((await admin.fetchTopicOffsets(topic))[0].high);
    if (first === undefined && end > 0) {
      const plugins = childrenOf(worker.pid);
      first = { at: process.hrtime.bigint(), offset: end, plugins, workerCpu: cpuSeconds(worker.pid), pluginCpu: plugins.reduce((n, pid) => n + cpuSeconds(pid), 0) };
    }
  }
  const seconds = Number(process.hrtime.bigint() - first.at) / 1e9;
  const workerCpu = (cpuSeconds(worker.pid) - first.workerCpu) / seconds;
  const pluginCpu = (first.plugins.reduce((n, pid) => n + cpuSeconds(pid), 0) - first.pluginCpu) / seconds;
  console.log(JSON.stringify({
    schema, schemasEnable: process.env.SCHEMAS_ENABLE ?? 'true', records: end, seconds: Number(seconds.toFixed(2)),
    recordsPerSecond: Math.round((end - first.offset) / seconds),
    // CPU seconds per second of wall time (1.0 = one core busy); the broker is not counted.
    workerCpu: Number(workerCpu.toFixed(2)), pluginCpu: Number(pluginCpu.toFixed(2)),
  }));
} finally {
  worker.kill('SIGTERM');
  await new Promise((r) => worker.once('exit', r));
  await admin.disconnect();
  if (brokerDir) execFileSync('bash', [join(root, 'scripts/kafka/stop.sh'), brokerDir], { stdio: 'inherit' });
  rmSync(work, { recursive: true, force: true });
}
