// Owns one throwaway Kafka broker for a test run: startKafkaBroker() fetches the broker jars if
// needed (scripts/kafka/fetch-jars.sh), starts a single-node KRaft broker on a free 127.0.0.1 port
// with a fresh temp data dir (scripts/kafka/start.sh, which returns once a Metadata request
// succeeds), and hands back its bootstrap address. stop() stops the broker (scripts/kafka/stop.sh)
// and deletes the data dir; it is idempotent, and a process 'exit' hook SIGKILLs a broker that a
// crashed run forgot. Tests normally get the shared broker through kafka.ts; call this directly
// only for a test that needs a broker of its own (e.g. to kill it).
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const scripts = join(repoRoot, 'scripts', 'kafka');

/** A running single-node broker. */
export interface KafkaBroker {
  /** `127.0.0.1:<port>`, for kafkajs `brokers: [..]` or `bootstrap.servers`. */
  readonly bootstrapServers: string;
  /** Holds server.properties, server.log, kafka-data/; removed by stop(). */
  readonly dataDir: string;
  stop(): Promise<void>;
}

/** Fetches the jars when missing, then starts a broker; rejects with the broker's log tail on failure. */
export async function startKafkaBroker(): Promise<KafkaBroker> {
  await script('fetch-jars.sh', [], 15 * 60_000);
  const dataDir = await mkdtemp(join(tmpdir(), 'polyconnect-kafka-'));
  const [port, controllerPort] = await twoFreePorts();
  const onExit = (): void => killFromPidFile(dataDir);
  process.once('exit', onExit);
  try {
    const env = { KAFKA_CONTROLLER_PORT: String(controllerPort) };
    await script('start.sh', [dataDir, String(port)], 120_000, env);
  } catch (err) {
    // start.sh kills a broker that failed to start, but not if it was itself killed by the timeout.
    process.removeListener('exit', onExit);
    killFromPidFile(dataDir);
    throw err;
  }
  let stopped: Promise<void> | undefined;
  return {
    bootstrapServers: `127.0.0.1:${port}`,
    dataDir,
    stop() {
      stopped ??= (async () => {
        await script('stop.sh', [dataDir], 60_000);
        process.removeListener('exit', onExit);
        await rm(dataDir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}

async function script(
  name: string,
  args: string[],
  timeout: number,
  env: Record<string, string> = {},
): Promise<void> {
  try {
    const options = { timeout, env: { ...process.env, ...env }, maxBuffer: 16 << 20 };
    await run('bash', [join(scripts, name), ...args], options);
  } catch (err) {
    const e = err as { code?: unknown; signal?: unknown; stdout?: string; stderr?: string };
    const how = e.signal ? `killed by ${String(e.signal)}` : `exit code ${String(e.code)}`;
    throw new Error(`scripts/kafka/${name} ${args.join(' ')} failed (${how}):\n${e.stderr ?? ''}${e.stdout ?? ''}`, {
      cause: err,
    });
  }
}

// Synchronous last resort for process 'exit' (which cannot await): SIGKILL the broker.
function killFromPidFile(dataDir: string): void {
  try {
    process.kill(Number(readFileSync(join(dataDir, 'kafka.pid'), 'utf8').trim()), 'SIGKILL');
  } catch {
    // no pid file, or the broker is gone already
  }
  rmSync(dataDir, { recursive: true, force: true });
}

/** Two distinct TCP ports that were free on 127.0.0.1 a moment ago (held together, so distinct). */
async function twoFreePorts(): Promise<[number, number]> {
  const listen = (): Promise<Server> =>
    new Promise((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(server));
    });
  const servers = [await listen(), await listen()] as const;
  const [a, b] = servers.map((s) => {
    const address = s.address();
    return typeof address === 'object' && address !== null ? address.port : 0;
  });
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  if (!a || !b) throw new Error('could not get free ports');
  return [a, b];
}
