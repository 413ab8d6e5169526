// Runs `polyconnect distributed` workers as child processes for end-to-end tests: each with its
// own REST port and directory, all in one group with the test's own internal topics. A worker can
// be stopped with a signal and started again with the same port (so the same worker id).

import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { execa, type ResultPromise } from 'execa';
import { checkNoneLost } from './file-data.js';
import { FILE_PLUGIN_DIR, REPO_ROOT, freePort, type ConnectorStatus, type LogLine } from './standalone-worker.js';

export interface ClusterOptions {
  bootstrapServers: string;
  /** Extra worker properties for every worker. */
  properties?: Record<string, string>;
}

export class DistributedWorker {
  readonly restUrl: string;
  readonly logs: LogLine[] = [];
  readonly #process: ResultPromise;

  constructor(restUrl: string, child: ResultPromise) {
    this.restUrl = restUrl;
    this.#process = child;
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        this.logs.push(JSON.parse(line) as LogLine);
      } catch {
        this.logs.push({ level: 30, msg: line });
      }
    });
    createInterface({ input: child.stderr! }).on('line', (line) => this.logs.push({ level: 50, msg: line }));
  }

  /** The gRPC admin listener's address (host:port) once it listens, from the worker's log. */
  get adminAddress(): string | undefined {
    const line = this.logs.find((l) => l.msg === 'gRPC admin API listening');
    return typeof line?.listener === 'string' ? line.listener : undefined;
  }

  /** The worker id (host:port) of the group's leader as of this worker's latest assignment. */
  get leaderId(): string | undefined {
    const line = this.logs.findLast((l) => l.msg === 'Received an assignment');
    return typeof line?.leader === 'string' ? line.leader : undefined;
  }

  async requestWithHeaders(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; text: string }> {
    const response = await fetch(`${this.restUrl}${path}`, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, text: await response.text() };
  }

  get exited(): boolean {
    return this.#process.exitCode !== null;
  }

  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.restUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
  }

  async status(connector: string): Promise<ConnectorStatus | undefined> {
    const { status, body } = await this.request<ConnectorStatus>('GET', `/connectors/${encodeURIComponent(connector)}/status`).catch(() => ({ status: 0, body: undefined }));
    return status === 200 ? body : undefined;
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | undefined> {
    this.#process.kill(signal);
    const result = await this.#process;
    return result.exitCode;
  }

  logText(last = 200): string {
    return this.logs.slice(-last).map((entry) => JSON.stringify(entry)).join('\n');
  }
}

/** N workers of one group; worker i keeps its port (and so its worker id) across restarts. */
export class DistributedCluster {
  readonly groupId: string;
  readonly workers: Array<DistributedWorker | undefined> = [];
  readonly #options: ClusterOptions;
  readonly #ports: number[] = [];
  readonly #directory: string;
  readonly #suffix = randomUUID().slice(0, 8);

  constructor(options: ClusterOptions) {
    this.#options = options;
    this.groupId = `pc-distributed-${this.#suffix}`;
    this.#directory = mkdtempSync(join(tmpdir(), 'polyconnect-distributed-'));
  }

  /** Starts worker i (a new one when i is the next index); resolves once it has joined the group. */
  async start(index: number): Promise<DistributedWorker> {
    this.#ports[index] ??= await freePort();
    const port = this.#ports[index]!;
    const properties: Record<string, string> = {
      'bootstrap.servers': this.#options.bootstrapServers,
      'group.id': this.groupId,
      'config.storage.topic': `${this.groupId}-configs`,
      'offset.storage.topic': `${this.groupId}-offsets`,
      'status.storage.topic': `${this.groupId}-status`,
      'config.storage.replication.factor': '1',
      'offset.storage.replication.factor': '1',
      'status.storage.replication.factor': '1',
      'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'offset.flush.interval.ms': '1000',
      'plugin.path': FILE_PLUGIN_DIR,
      'admin.grpc.listener': '',
      listeners: `http://127.0.0.1:${port}`,
      ...this.#options.properties,
    };
    const file = join(this.#directory, `worker-${index}.properties`);
    writeFileSync(file, Object.entries(properties).map(([k, v]) => `${k}=${v}`).join('\n'));
    const child = execa(process.execPath, [join(REPO_ROOT, 'bin/polyconnect.js'), 'distributed', file], {
      cwd: this.#directory,
      buffer: false,
      reject: false,
      stdin: 'ignore',
      env: { POLYCONNECT_LOG_LEVEL: 'info' },
    });
    const worker = new DistributedWorker(`http://127.0.0.1:${port}`, child);
    this.workers[index] = worker;
    await waitFor(async () => {
      if (worker.exited) throw new Error(`Worker ${index} exited while starting. Log:\n${worker.logText()}`);
      return worker.logs.some((line) => line.msg === 'Distributed worker started');
    }, 120_000, `worker ${index} to join the group`);
    return worker;
  }

  /** Workers running now. */
  get running(): DistributedWorker[] {
    return this.workers.filter((w): w is DistributedWorker => w !== undefined && !w.exited);
  }

  async stop(index: number, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | undefined> {
    const worker = this.workers[index];
    this.workers[index] = undefined;
    return worker?.stop(signal);
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.workers.map((_, i) => this.stop(i, 'SIGTERM')));
  }

  logText(last = 60): string {
    return this.workers.map((w, i) => `--- worker ${i} ---\n${w?.logText(last) ?? '(stopped)'}`).join('\n');
  }
}

export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string, onTimeout?: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${onTimeout ? `\n${onTimeout()}` : ''}`);
}

/** The connector and exactly `tasks` tasks are RUNNING. */
export function allRunning(status: ConnectorStatus | undefined, tasks: number): boolean {
  return status !== undefined && status.connector.state === 'RUNNING' && status.tasks.length === tasks && status.tasks.every((t) => t.state === 'RUNNING');
}

/** Every numbered input line is in the output (duplicates allowed). */
export function noneLost(output: string, count: number): boolean {
  try {
    checkNoneLost(output, count);
    return true;
  } catch {
    return false;
  }
}
