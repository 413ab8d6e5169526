// What the bench scripts share: a Kafka broker of their own (scripts/kafka, unless
// KAFKA_BOOTSTRAP_SERVERS names one), free ports, a process's RSS, and number formatting.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The broker to measure against: KAFKA_BOOTSTRAP_SERVERS when set (stop() does nothing), else a
 * fresh single-node broker in `<work>/kafka` (jars fetched once into .cache/kafka).
 */
export async function startBenchBroker(work) {
  const given = process.env.KAFKA_BOOTSTRAP_SERVERS;
  if (given) return { bootstrap: given, stop: () => undefined };
  const brokerDir = join(work, 'kafka');
  const port = await freePort();
  console.log(`Starting a Kafka broker on 127.0.0.1:${port} ...`);
  execFileSync('bash', [join(ROOT, 'scripts/kafka/fetch-jars.sh')], { stdio: 'inherit' });
  const stop = () => execFileSync('bash', [join(ROOT, 'scripts/kafka/stop.sh'), brokerDir], { stdio: 'inherit' });
  try {
    execFileSync('bash', [join(ROOT, 'scripts/kafka/start.sh'), brokerDir, String(port)], { stdio: 'inherit' });
  } catch (error) {
    stop();
    throw error;
  }
  return { bootstrap: `127.0.0.1:${port}`, stop };
}

export async function freePort() {
  const server = createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

/** A process's resident memory in MiB (0 when it is gone). */
export function rssMiB(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/** A whole number with thousands separators. */
export function fmt(n) {
  return Math.round(n).toLocaleString('en-US');
}
