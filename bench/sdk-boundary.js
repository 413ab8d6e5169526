#!/usr/bin/env node
// Records per second across the plugin process boundary, for each SDK: the worker's own PluginHost
// (launch, handshake, health) and PluginClient (Poll, with the worker's decoding of every record
// into Connect's data model) drive the conformance source of each language
// (test/fixtures/plugins/conformance-{ts,python,go}, test/conformance/README.md) as WorkerSourceTask
// does, without Kafka: one Poll at a time, the next sent as soon as the previous batch is decoded.
// Two record shapes: `small` (a 5-field struct) and `string` (a 100-character string), in batches
// of BENCH_SDK_BATCH. Reports records/s, CPU microseconds per record on each side (which a loaded
// machine distorts less than records/s), and each plugin process's peak RSS (VmHWM from /proc).
// The floors (issue 6) are checked on the `small` shape: PASS or BELOW, printed, never an exit
// code (a shared, loaded machine may be slow; the load average is printed with the results).
//
//   node bench/sdk-boundary.js        (after `npm run build`; `npm run bench` runs it too)
//
// Knobs (environment): BENCH_SDK_SECONDS (measured seconds per run, default 8), BENCH_SDK_BATCH
// (records per Poll, default 2000), BENCH_SDK_SHAPES (default small,string), BENCH_SDK_LANGUAGES
// (default ts,python,go). Needs the Python venv (plugins/sdk/python/setup-venv.sh) and Go (the
// Go fixture is built here when its binary is older than its sources).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pino from 'pino';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(ROOT, 'test/fixtures/plugins');

/** records/s floors of issue 6, on the small-struct shape. */
export const SDK_FLOORS = { ts: 100_000, python: 30_000, go: 100_000 };

const LANGUAGES = {
  ts: { name: 'TypeScript', dir: join(FIXTURES, 'conformance-ts'), taskClass: 'polyconnect.conformance.TypeScriptSourceTask' },
  python: { name: 'Python', dir: join(FIXTURES, 'conformance-python'), taskClass: 'polyconnect.conformance.PythonSourceTask' },
  go: { name: 'Go', dir: join(FIXTURES, 'conformance-go'), taskClass: 'polyconnect.conformance.GoSourceTask' },
};

/**
 * Measures every language and shape; returns the results (also printed as a table when `print`).
 * Never throws for one language: a language that cannot run is reported with its reason.
 */
export async function runSdkBoundaryBench({
  seconds = Number(process.env.BENCH_SDK_SECONDS ?? 8),
  batch = Number(process.env.BENCH_SDK_BATCH ?? 2000),
  shapes = (process.env.BENCH_SDK_SHAPES ?? 'small,string').split(','),
  languages = (process.env.BENCH_SDK_LANGUAGES ?? 'ts,python,go').split(','),
  print = true,
} = {}) {
  const { readPluginManifest } = await import(pathToFileURL(join(ROOT, 'dist/plugin/plugin-manifest.js')).href);
  const { PluginHost } = await import(pathToFileURL(join(ROOT, 'dist/plugin/plugin-host.js')).href);
  const host = new PluginHost({
    isolation: 'task',
    logger: pino({ level: 'warn' }, process.stderr),
    handshakeTimeoutMs: 60_000,
    healthCheckIntervalMs: 5_000,
    healthCheckFailures: 3,
    shutdownTimeoutMs: 5_000,
    callTimeoutMs: 60_000,
  });
  const loadBefore = loadavg();
  const runs = [];
  try {
    for (const id of languages) {
      const language = LANGUAGES[id];
      if (language === undefined) throw new Error(`Unknown language ${id}: one of ${Object.keys(LANGUAGES).join(', ')}`);
      const problem = prepare(id);
      for (const shape of shapes) {
        if (problem !== undefined) {
          runs.push({ language: id, shape, batch, error: problem });
          continue;
        }
        try {
          runs.push(await measure(host, await readPluginManifest(language.dir), id, language.taskClass, shape, batch, seconds));
        } catch (error) {
          runs.push({ language: id, shape, batch, error: error instanceof Error ? error.message.split('\n')[0] : String(error) });
        }
      }
    }
  } finally {
    await host.close();
  }
  const result = {
    date: new Date().toISOString(),
    loadAverage: { before: loadBefore.map(round2), after: loadavg().map(round2) },
    cpus: cpus().length,
    secondsPerRun: seconds,
    floorShape: 'small',
    runs: runs.map((run) => ({ ...run, ...(run.shape === 'small' && run.error === undefined ? verdict(run) : {}) })),
  };
  if (print) printTable(result);
  return result;
}

function verdict(run) {
  const floor = SDK_FLOORS[run.language];
  return { floor, verdict: run.recordsPerSecond >= floor ? 'PASS' : 'BELOW' };
}

/** Makes sure the language can run: the venv for Python, a fresh binary for Go. A reason when not. */
function prepare(id) {
  if (id === 'python' && !existsSync(join(ROOT, '.cache/python-venv/bin/python'))) {
    return 'no Python venv: run plugins/sdk/python/setup-venv.sh';
  }
  if (id === 'go') {
    const dir = LANGUAGES.go.dir;
    const binary = join(dir, 'bin/conformance');
    const sources = Math.max(newestGoSource(dir), newestGoSource(join(ROOT, 'plugins/sdk/go')));
    if (existsSync(binary) && statSync(binary).mtimeMs >= sources) return undefined;
    try {
      execFileSync('bash', [join(dir, 'build.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
    } catch {
      return 'the Go fixture did not build (is Go installed? see test/fixtures/plugins/conformance-go/build.sh)';
    }
  }
  return undefined;
}

function newestGoSource(directory) {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'bin' && !entry.name.startsWith('.')) newest = Math.max(newest, newestGoSource(path));
    } else if (/\.go$|^go\.(mod|sum)$/.test(entry.name)) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

async function measure(host, plugin, language, taskClass, shape, batch, seconds) {
  const lease = await host.acquire(plugin, { connector: `bench-${language}-${shape}`, taskId: 0 });
  try {
    const { client, instanceId } = lease;
    const pid = lease.process.pid;
    await client.startSourceTask(instanceId, `bench-${language}`, 0, taskClass, {
      topic: 'bench',
      'conformance.mode': shape,
      'conformance.records': '0',
      'conformance.batch.size': String(batch),
    }, []);
    const poll = () => client.poll(instanceId, 1_000);
    // Warm up (JITs, caches, the schema table), then measure; like WorkerSourceTask, the next Poll
    // goes out as soon as the previous batch is decoded.
    const warmUntil = performance.now() + 1_500;
    while (performance.now() < warmUntil) await poll();
    let records = 0;
    let polls = 0;
    const pluginCpuBefore = cpuSeconds(pid);
    const driverCpuBefore = process.cpuUsage();
    const started = performance.now();
    const until = started + seconds * 1_000;
    let previousN = -1;
    while (performance.now() < until) {
      const batchRecords = await poll();
      records += batchRecords.length;
      polls++;
      const last = batchRecords.at(-1);
      if (last !== undefined) {
        const n = last.sourceOffset?.n;
        if (typeof n !== 'number' || n <= previousN) throw new Error(`${language}: offsets out of order (${n} after ${previousN})`);
        previousN = n;
      }
    }
    const elapsed = (performance.now() - started) / 1_000;
    const driverCpu = process.cpuUsage(driverCpuBefore);
    const pluginCpu = cpuSeconds(pid) - pluginCpuBefore;
    const memory = memoryMiB(pid);
    await client.stopSourceTask(instanceId);
    return {
      language,
      shape,
      batch,
      records,
      polls,
      seconds: round2(elapsed),
      recordsPerSecond: Math.round(records / elapsed),
      pluginCpuMicrosPerRecord: round2((pluginCpu / records) * 1e6),
      workerCpuMicrosPerRecord: round2(((driverCpu.user + driverCpu.system) / 1e6 / records) * 1e6),
      pluginPeakRssMiB: memory.peak,
      pluginRssMiB: memory.current,
    };
  } finally {
    await lease.release();
  }
}

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

/** Peak (VmHWM) and current (VmRSS) resident memory of a process, in MiB. */
function memoryMiB(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (key) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
    return { peak: Math.round(kib('VmHWM') / 1024), current: Math.round(kib('VmRSS') / 1024) };
  } catch {
    return { peak: Number.NaN, current: Number.NaN };
  }
}

function round2(n) {
  return Math.round(n * 100) / 100;
}

/** The results as a table, one line per language and shape. */
export function formatTable(result) {
  const header = ['SDK', 'shape', 'batch', 'records/s', 'plugin µs/rec', 'worker µs/rec', 'peak RSS MiB', 'floor', ''];
  const rows = result.runs.map((run) =>
    run.error !== undefined
      ? [LANGUAGES[run.language]?.name ?? run.language, run.shape, String(run.batch), 'not measured', '', '', '', '', run.error]
      : [
          LANGUAGES[run.language].name,
          run.shape,
          String(run.batch),
          run.recordsPerSecond.toLocaleString('en-US'),
          run.pluginCpuMicrosPerRecord.toFixed(2),
          run.workerCpuMicrosPerRecord.toFixed(2),
          String(run.pluginPeakRssMiB),
          run.floor === undefined ? '' : run.floor.toLocaleString('en-US'),
          run.verdict ?? '',
        ],
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((cell, i) => (i >= 3 && i <= 7 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
  return [
    `SDK boundary (Poll through the worker's PluginClient, values decoded; ${result.secondsPerRun} s per run; ${result.cpus} CPUs; load average ${result.loadAverage.before.join(' ')} before, ${result.loadAverage.after.join(' ')} after)`,
    line(header),
    ...rows.map(line),
  ].join('\n');
}

function printTable(result) {
  console.log(formatTable(result));
}

/** Writes the results next to the other bench results; returns the path. */
export function saveResult(result, stamp = Date.now()) {
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  const path = join(ROOT, 'bench/results', `sdk-boundary-${stamp}.json`);
  writeFileSync(path, `${JSON.stringify({ ...result, table: formatTable(result).split('\n') }, null, 2)}\n`);
  return path;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await runSdkBoundaryBench();
  console.log(`results: ${saveResult(result)}`);
}
