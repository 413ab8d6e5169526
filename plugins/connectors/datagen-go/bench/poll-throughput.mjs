#!/usr/bin/env node
// Records per second across the process boundary for the Go SDK: the worker's own PluginProcess
// (launch, handshake, health) and PluginClient (Poll with the worker's decoding into Connect
// records) drive the datagen plugin's source task, as WorkerSourceTask does, without Kafka.
// Run `npm run build` at the repo root and build.sh here first.
//
//   node plugins/connectors/datagen-go/bench/poll-throughput.mjs [schema] [records] [batch.size]
//
// Prints one JSON line per run: records/s through Poll, and the same with the worker's decoding
// skipped (raw gRPC + protobuf only), to show where the time goes.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../../..');
const { readPluginManifest } = await import(`${root}/dist/plugin/plugin-manifest.js`);
const { PluginProcess } = await import(`${root}/dist/plugin/plugin-process.js`);
const { PluginClient } = await import(`${root}/dist/protocol/plugin-client.js`);

const schema = process.argv[2] ?? 'orders';
const total = Number(process.argv[3] ?? 1_000_000);
const batchSize = process.argv[4] ?? '2000';

const plugin = await readPluginManifest(resolve(here, '..'));
const logger = pino({ level: 'warn' });
const pluginProcess = await PluginProcess.launch({
  plugin, label: 'bench-0', logger, handshakeTimeoutMs: 30_000, healthCheckIntervalMs: 5_000, healthCheckFailures: 3, shutdownTimeoutMs: 5_000,
});
const client = new PluginClient(pluginProcess, 60_000);

async function run(decode) {
  const id = `bench-${schema}-${decode}#${Date.now()}`;
  await client.startSourceTask(id, 'bench', 0, 'io.polyconnect.datagen.DatagenSourceTask',
    { topic: 'bench', schema, 'batch.size': batchSize, 'max.records': String(total) }, []);
  let records = 0;
  let bytes = 0;
  const pluginCpuBefore = pluginCpuSeconds();
  const workerCpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  // Like WorkerSourceTask: the next Poll is in flight while the previous batch is handled.
  let pending = poll(id, decode);
  while (records < total) {
    const batch = await pending;
    if (records + batch.count < total) pending = poll(id, decode);
    records += batch.count;
    bytes += batch.bytes;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const workerCpu = process.cpuUsage(workerCpuBefore);
  const pluginCpu = pluginCpuSeconds() - pluginCpuBefore;
  await client.stopSourceTask(id);
  return {
    schema, decode, records, batchSize: Number(batchSize), seconds: Number(seconds.toFixed(3)),
    recordsPerSecond: Math.round(records / seconds),
    ...(decode ? {} : { valueMiBPerSecond: Number((bytes / seconds / 2 ** 20).toFixed(1)) }),
    // CPU seconds per second of wall time (1.0 = one core busy), and records per CPU second of
    // each side: what each side could do with a core of its own, which a loaded shared machine
    // does not distort as it does records/s.
    workerCpu: Number(((workerCpu.user + workerCpu.system) / 1e6 / seconds).toFixed(2)),
    pluginCpu: Number((pluginCpu / seconds).toFixed(2)),
    recordsPerWorkerCpuSecond: Math.round(records / ((workerCpu.user + workerCpu.system) / 1e6)),
    recordsPerPluginCpuSecond: Math.round(records / pluginCpu),
  };
}

async function poll(id, decode) {
  if (decode) {
    const records = await client.poll(id, 500);
    return { count: records.length, bytes: 0 };
  }
  // The same call without the worker's record decoding: gRPC and protobuf only.
  const raw = await rawPoll(id);
  return { count: raw.batch?.records?.length ?? 0, bytes: raw.batch?.records?.reduce((n, r) => n + r.value.length, 0) ?? 0 };
}

/** User + system CPU seconds the plugin process has used (Linux /proc). */
function pluginCpuSeconds() {
  try {
    const stat = readFileSync(`/proc/${pluginProcess.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return Number.NaN;
  }
}

let rawClient;
function rawPoll(id) {
  if (rawClient === undefined) {
    // PluginClient keeps its gRPC clients private: a client of the same service on the same channel.
    rawClient = rawSourceTaskClient();
  }
  return new Promise((resolvePoll, reject) => {
    rawClient.Poll({ instanceId: id, maxWaitMs: 500 }, { deadline: Date.now() + 60_000 }, (error, response) => (error ? reject(error) : resolvePoll(response)));
  });
}

const grpc = await import('@grpc/grpc-js');
const { pluginProtocolDefinition } = await import('@polyconnect/sdk/wire');
function rawSourceTaskClient() {
  const loaded = grpc.loadPackageDefinition(pluginProtocolDefinition());
  return pluginProcess.client(loaded.polyconnect.plugin.v1.SourceTaskService);
}

try {
  for (const decode of [true, false, true]) console.log(JSON.stringify(await run(decode)));
} finally {
  await pluginProcess.stop();
}
