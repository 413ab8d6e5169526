#!/usr/bin/env node
// `npm run demo`: Polyconnect's main job on a local default. Starts a local Kafka broker (from
// Maven Central jars, cached under .cache/kafka), then a standalone worker running the FileStream
// source and sink as plugin processes: lines appended to .cache/demo/input.txt travel through the
// topic "demo-lines" into .cache/demo/output.txt, and the demo prints them as they arrive along
// with the connectors' status from the REST API. Stops everything after DEMO_SECONDS (default
// 20; 0 = until Ctrl-C).

import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEMO = join(ROOT, '.cache/demo');
const SECONDS = Number(process.env.DEMO_SECONDS ?? 20);

async function main() {
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  rmSync(DEMO, { recursive: true, force: true });
  mkdirSync(DEMO, { recursive: true });
  const kafkaPort = await freePort(9092);
  const restPort = await freePort(8083);
  const brokerDir = join(DEMO, 'kafka');
  console.log('==> Fetching Kafka jars (cached after the first run) and starting a local broker');
  execFileSync('bash', [join(ROOT, 'scripts/kafka/fetch-jars.sh')], { stdio: 'inherit' });
  execFileSync('bash', [join(ROOT, 'scripts/kafka/start.sh'), brokerDir, String(kafkaPort)], { stdio: 'inherit' });
  let worker;
  const cleanUp = async () => {
    if (worker && worker.exitCode === null) {
      worker.kill('SIGTERM');
      await new Promise((r) => worker.once('exit', r));
    }
    execFileSync('bash', [join(ROOT, 'scripts/kafka/stop.sh'), brokerDir], { stdio: 'inherit' });
  };
  try {
    const input = join(DEMO, 'input.txt');
    const output = join(DEMO, 'output.txt');
    writeFileSync(input, 'hello from Polyconnect\nthese lines go file -> Kafka -> file\n');
    writeFileSync(
      join(DEMO, 'worker.properties'),
      [
        `bootstrap.servers=127.0.0.1:${kafkaPort}`,
        'key.converter=org.apache.kafka.connect.json.JsonConverter',
        'value.converter=org.apache.kafka.connect.json.JsonConverter',
        'key.converter.schemas.enable=true',
        'value.converter.schemas.enable=true',
        `offset.storage.file.filename=${join(DEMO, 'connect.offsets')}`,
        'offset.flush.interval.ms=2000',
        `plugin.path=${join(ROOT, 'plugins/connectors')}`,
        `listeners=http://127.0.0.1:${restPort}`,
      ].join('\n'),
    );
    writeFileSync(join(DEMO, 'file-source.properties'), `name=local-file-source\nconnector.class=FileStreamSource\ntasks.max=1\nfile=${input}\ntopic=demo-lines\n`);
    writeFileSync(join(DEMO, 'file-sink.json'), JSON.stringify({ name: 'local-file-sink', config: { 'connector.class': 'FileStreamSink', 'tasks.max': '1', file: output, topics: 'demo-lines' } }, null, 2));
    console.log(`==> Starting: polyconnect standalone .cache/demo/worker.properties .cache/demo/file-source.properties .cache/demo/file-sink.json`);
    worker = spawn(process.execPath, [join(ROOT, 'bin/polyconnect.js'), 'standalone', 'worker.properties', 'file-source.properties', 'file-sink.json'], {
      cwd: DEMO,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, POLYCONNECT_LOG_LEVEL: process.env.POLYCONNECT_LOG_LEVEL ?? 'info' },
    });
    worker.stdout.pipe(process.env.DEMO_VERBOSE ? process.stdout : createLogFile(join(DEMO, 'worker.log')));
    const rest = `http://127.0.0.1:${restPort}`;
    await waitUntil(async () => (await fetch(`${rest}/connectors/local-file-sink/status`).catch(() => undefined))?.ok, 60_000, worker);
    console.log(`==> REST API on ${rest} (try: curl ${rest}/connectors?expand=status); worker log in .cache/demo/worker.log`);
    let printed = 0;
    let n = 0;
    const started = Date.now();
    const stop = new Promise((r) => {
      process.once('SIGINT', r);
      process.once('SIGTERM', r);
      if (SECONDS > 0) setTimeout(r, SECONDS * 1000);
    });
    let stopped = false;
    void stop.then(() => (stopped = true));
    while (!stopped) {
      appendFileSync(input, `line ${++n} written at ${new Date().toISOString()}\n`);
      if (existsSync(output) && statSync(output).size > printed) {
        const text = readFileSync(output).subarray(printed);
        printed += text.length;
        for (const line of text.toString('utf8').split('\n').filter(Boolean)) console.log(`   output.txt <- ${line}`);
      }
      if (n % 5 === 0) {
        const status = await (await fetch(`${rest}/connectors?expand=status`)).json();
        const summary = Object.values(status).map(({ status: s }) => `${s.name}: ${s.connector.state}, tasks ${s.tasks.map((t) => t.state).join(',')}`);
        console.log(`   status (${Math.round((Date.now() - started) / 1000)} s): ${summary.join(' | ')}`);
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    console.log('==> Stopping the worker (SIGTERM: tasks flush offsets first) and the broker');
  } finally {
    await cleanUp();
  }
}

function createLogFile(path) {
  writeFileSync(path, '');
  return { write: (chunk) => (appendFileSync(path, chunk), true), end() {}, on() { return this; }, once() { return this; }, emit() { return true; } };
}

async function waitUntil(check, timeoutMs, child) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The worker exited with code ${child.exitCode}; see .cache/demo/worker.log`);
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('The worker did not come up in time; see .cache/demo/worker.log');
}

/** `preferred` when it is free, else any free port. */
async function freePort(preferred) {
  const tryListen = (port) =>
    new Promise((res) => {
      const server = createServer();
      server.once('error', () => res(undefined));
      server.listen(port, '127.0.0.1', () => {
        const bound = server.address().port;
        server.close(() => res(bound));
      });
    });
  return (await tryListen(preferred)) ?? (await tryListen(0));
}

main().catch((error) => {
  console.error(`demo failed: ${error.message}`);
  process.exitCode = 1;
});
