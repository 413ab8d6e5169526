#!/usr/bin/env node
// `npm run bench`: throughput of the FileStream source through a plugin process into Kafka,
// against the raw Kafka client (kafkajs) producing the same lines to the same broker in the same
// run, printed as a ratio, with the RSS of the worker and of the plugin processes. Starts a broker
// (scripts/kafka) unless KAFKA_BOOTSTRAP_SERVERS is set. Then records/s across the plugin process
// boundary for each SDK (bench/sdk-boundary.js: TypeScript, Python, Go; PASS/BELOW against the
// floors, printed but not part of the exit code). Results also go to bench/results/. The exit code
// is 1 only when the file pipeline falls below its floor ratio. `npm run bench` then runs
// bench/cdc.js and bench/distributed.js (rebalance and failover times of distributed workers).
//
// Knobs (environment): BENCH_RECORDS (default 500000), BENCH_LINE_BYTES (default 100), and
// bench/sdk-boundary.js's BENCH_SDK_* (BENCH_SDK_SECONDS=0 skips the SDK boundary runs).

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import kafkajs from 'kafkajs';
import { runSdkBoundaryBench, saveResult } from './sdk-boundary.js';
import { fmt, freePort, ROOT, rssMiB, startBenchBroker } from './bench-support.js';

const { Kafka, logLevel } = kafkajs;
const RECORDS = Number(process.env.BENCH_RECORDS ?? 500_000);
const LINE_BYTES = Number(process.env.BENCH_LINE_BYTES ?? 100);
const BATCH = 2_000;
const FLOOR = 0.5;

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'polyconnect-bench-'));
  const broker = await startBenchBroker(work);
  const bootstrap = broker.bootstrap;
  try {
    const lines = makeLines(RECORDS, LINE_BYTES);
    const kafka = new Kafka({ clientId: 'bench', brokers: bootstrap.split(','), logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    const stamp = Date.now();
    const rawTopic = `bench-raw-${stamp}`;
    const pipelineTopic = `bench-pipeline-${stamp}`;
    await admin.createTopics({ topics: [{ topic: rawTopic, numPartitions: 1 }, { topic: pipelineTopic, numPartitions: 1 }], waitForLeaders: true });

    const raw = await rawProducer(kafka, rawTopic, lines);
    console.log(`raw kafkajs producer: ${fmt(raw.recordsPerSecond)} records/s (${RECORDS} records of ${LINE_BYTES} bytes, batches of ${BATCH})`);
    const pipeline = await filePipeline(admin, bootstrap, pipelineTopic, lines, work);
    console.log(`file source -> plugin -> worker -> Kafka: ${fmt(pipeline.recordsPerSecond)} records/s`);
    const ratio = pipeline.recordsPerSecond / raw.recordsPerSecond;
    const result = {
      date: new Date().toISOString(),
      records: RECORDS,
      lineBytes: LINE_BYTES,
      rawProducerRecordsPerSecond: Math.round(raw.recordsPerSecond),
      pipelineRecordsPerSecond: Math.round(pipeline.recordsPerSecond),
      ratio: Number(ratio.toFixed(3)),
      floor: FLOOR,
      workerPeakRssMiB: pipeline.workerPeakRssMiB,
      pluginPeakRssMiB: pipeline.pluginPeakRssMiB,
    };
    console.log(`ratio pipeline/raw: ${ratio.toFixed(2)} (floor ${FLOOR})`);
    console.log(`peak RSS: worker ${result.workerPeakRssMiB} MiB; plugin processes ${JSON.stringify(result.pluginPeakRssMiB)} MiB`);
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench/results', `file-source-${stamp}.json`), `${JSON.stringify(result, null, 2)}\n`);
    await admin.disconnect();
    if (ratio < FLOOR) {
      console.error(`FAIL: the pipeline reached ${(ratio * 100).toFixed(0)}% of the raw producer's rate; the floor is ${FLOOR * 100}%`);
      process.exitCode = 1;
    }
  } finally {
    broker.stop();
    rmSync(work, { recursive: true, force: true });
  }
  if (Number(process.env.BENCH_SDK_SECONDS ?? 8) > 0) {
    // After the broker is gone: the SDK runs need no Kafka, and a 2-core machine has more to give them.
    console.log('');
    const sdk = await runSdkBoundaryBench();
    console.log(`SDK boundary results: ${saveResult(sdk)}`);
  }
}

function makeLines(count, bytes) {
  const lines = new Array(count);
  for (let i = 0; i < count; i++) {
    const head = `${String(i).padStart(10, '0')} `;
    lines[i] = head + 'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(Math.ceil(bytes / 36)).slice(0, bytes - head.length);
  }
  return lines;
}

/** The baseline: the same lines, produced by kafkajs in batches, acks=all, one batch at a time. */
async function rawProducer(kafka, topic, lines) {
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const started = process.hrtime.bigint();
  for (let i = 0; i < lines.length; i += BATCH) {
    await producer.send({ topic, acks: -1, messages: lines.slice(i, i + BATCH).map((value) => ({ key: null, value })) });
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await producer.disconnect();
  return { recordsPerSecond: lines.length / seconds };
}

/** The same lines from a file, through a standalone worker and the FileStream source plugin. */
async function filePipeline(admin, bootstrap, topic, lines, work) {
  const input = join(work, 'input.txt');
  writeFileSync(input, `${lines.join('\n')}\n`);
  const port = await freePort();
  writeFileSync(
    join(work, 'worker.properties'),
    [
      `bootstrap.servers=${bootstrap}`,
      'key.converter=org.apache.kafka.connect.storage.StringConverter',
      'value.converter=org.apache.kafka.connect.storage.StringConverter',
      `offset.storage.file.filename=${join(work, 'offsets')}`,
      'offset.flush.interval.ms=10000',
      `plugin.path=${join(ROOT, 'plugins/connectors/file')}`,
      `listeners=http://127.0.0.1:${port}`,
    ].join('\n'),
  );
  writeFileSync(join(work, 'source.json'), JSON.stringify({ name: 'bench-source', 'connector.class': 'FileStreamSource', file: input, topic, 'batch.size': String(BATCH) }));
  const worker = spawn(process.execPath, [join(ROOT, 'bin/polyconnect.js'), 'standalone', join(work, 'worker.properties'), join(work, 'source.json')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, POLYCONNECT_LOG_LEVEL: 'info' },
  });
  const pluginPids = new Map();
  let buffered = '';
  worker.stdout.on('data', (chunk) => {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      try {
        const entry = JSON.parse(line);
        if (entry.msg === 'Plugin process started') pluginPids.set(entry.label, entry.pluginPid);
        if (entry.level >= 50) console.error(line);
      } catch {}
    }
  });
  const peaks = { worker: 0, plugins: {} };
  const sampleRss = () => {
    peaks.worker = Math.max(peaks.worker, rssMiB(worker.pid));
    for (const [label, pid] of pluginPids) peaks.plugins[label] = Math.max(peaks.plugins[label] ?? 0, rssMiB(pid));
  };
  try {
    let firstSeenAt;
    let firstSeenCount = 0;
    const deadline = Date.now() + 600_000;
    for (;;) {
      if (Date.now() > deadline) throw new Error('The pipeline did not deliver every record within 10 minutes');
      if (worker.exitCode !== null) throw new Error(`The worker exited with code ${worker.exitCode}`);
      const offsets = await admin.fetchTopicOffsets(topic);
      const count = offsets.reduce((sum, o) => sum + Number(o.high), 0);
      sampleRss();
      if (count > 0 && firstSeenAt === undefined) {
        firstSeenAt = process.hrtime.bigint();
        firstSeenCount = count;
      }
      if (count >= lines.length) {
        const seconds = Number(process.hrtime.bigint() - firstSeenAt) / 1e9;
        return {
          recordsPerSecond: (count - firstSeenCount) / seconds,
          workerPeakRssMiB: peaks.worker,
          pluginPeakRssMiB: peaks.plugins,
        };
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    worker.kill('SIGTERM');
    await new Promise((r) => worker.once('exit', r));
  }
}

await main();
