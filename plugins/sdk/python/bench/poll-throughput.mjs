// Records/s through Poll for a Python plugin, seen from the worker's side: this driver uses what
// the worker uses (grpc-js with the protocol's proto-loader definitions, and @polyconnect/sdk/wire's
// decodeSourceRecords, which parses every value back into Connect's data model) against
// bench_plugin.py launched with the go-plugin launch environment. One Poll in flight at a time.
//
//   node plugins/sdk/python/bench/poll-throughput.mjs [seconds=10] [batch=1000] [shapes=struct,dict,schemaless,string]
//
// Needs `npm run build` (for @polyconnect/sdk's dist) and the venv (plugins/sdk/python/setup-venv.sh).

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE, decodeSourceRecords, parseHandshakeLine, serviceDefinition } from '@polyconnect/sdk/wire';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '../../../..');
const python = join(repo, '.cache/python-venv/bin/python');
const [seconds = '10', batch = '1000', shapes = 'struct,dict,schemaless,string'] = process.argv.slice(2);

async function measure(shape) {
  const child = spawn(python, [join(here, 'bench_plugin.py')], {
    env: { ...process.env, [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '1', PLUGIN_UNIX_SOCKET_DIR: mkdtempSync(join(tmpdir(), 'pc-')) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
  const { address } = parseHandshakeLine(line);
  const Client = grpc.makeGenericClientConstructor(serviceDefinition('SourceTaskService'), 'SourceTaskService');
  const client = new Client(`unix:${address}`, grpc.credentials.createInsecure(), { 'grpc.max_receive_message_length': 256 * 1024 * 1024 });
  const call = (method, request) => new Promise((resolve, reject) => client[method](request, (error, response) => (error ? reject(error) : resolve(response))));
  await new Promise((resolve, reject) => client.waitForReady(Date.now() + 10_000, (error) => (error ? reject(error) : resolve())));
  await call('StartSourceTask', { instanceId: 'bench#1', taskClass: 'bench.BenchSourceTask', config: { 'batch.size': batch, shape } });
  const poll = { instanceId: 'bench#1', maxWaitMs: 1000 };
  for (let i = 0; i < 20; i++) decodeSourceRecords((await call('Poll', poll)).batch);
  let records = 0;
  const cpuBefore = cpuSeconds(child.pid);
  const began = performance.now();
  while (performance.now() - began < Number(seconds) * 1000) records += decodeSourceRecords((await call('Poll', poll)).batch).length;
  const rate = records / ((performance.now() - began) / 1000);
  const cpuMicros = ((cpuSeconds(child.pid) - cpuBefore) / records) * 1e6;
  client.close();
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  return { rate, cpuMicros };
}

/** User + system CPU seconds of a process (Linux /proc; clock ticks assumed 100/s). */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

for (const shape of shapes.split(',')) {
  const { rate, cpuMicros } = await measure(shape);
  console.log(
    `${shape.padStart(10)}: ${Math.round(rate).toLocaleString('en-US').padStart(10)} records/s (grpc-js driver, values decoded, batches of ${batch}); ` +
      `plugin CPU ${cpuMicros.toFixed(1)} us/record`,
  );
}
