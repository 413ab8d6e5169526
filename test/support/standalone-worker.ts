// Runs `polyconnect standalone` as a real child process for end-to-end tests: writes the worker
// and connector configs into a temp dir, picks a free REST port, waits until REST answers, keeps
// the worker's JSON log lines for assertions, and stops it with a signal.

import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { execa, type ResultPromise } from 'execa';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const FILE_PLUGIN_DIR = join(REPO_ROOT, 'plugins/connectors/file');
export const FIXTURE_PLUGINS_DIR = join(REPO_ROOT, 'test/fixtures/plugins');

export interface WorkerOptions {
  bootstrapServers: string;
  /** Extra worker properties (plugin.path defaults to the file plugin). */
  properties?: Record<string, string>;
  connectors?: Array<Record<string, string>>;
  /** Reuse a directory (and so the offset file) across restarts. */
  directory?: string;
  /** Extra environment variables of the worker process (on top of this process's). */
  env?: Record<string, string>;
  /** Scheme of the REST listener set up here (https needs TLS keys in `properties`). Default http. */
  scheme?: 'http' | 'https';
  /** When the started worker counts as ready (default: GET / answers 2xx). */
  ready?: (restUrl: string) => Promise<boolean>;
}

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export class StandaloneWorker {
  readonly directory: string;
  readonly restUrl: string;
  readonly logs: LogLine[] = [];
  readonly #process: ResultPromise;

  private constructor(directory: string, restUrl: string, child: ResultPromise) {
    this.directory = directory;
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

  static async start(options: WorkerOptions): Promise<StandaloneWorker> {
    const directory = options.directory ?? mkdtempSync(join(tmpdir(), 'polyconnect-e2e-'));
    const port = await freePort();
    const properties: Record<string, string> = {
      'bootstrap.servers': options.bootstrapServers,
      'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'offset.storage.file.filename': join(directory, 'connect.offsets'),
      'offset.flush.interval.ms': '1000',
      'plugin.path': FILE_PLUGIN_DIR,
      listeners: `${options.scheme ?? 'http'}://127.0.0.1:${port}`,
      ...options.properties,
    };
    const workerFile = join(directory, 'worker.properties');
    writeFileSync(workerFile, Object.entries(properties).map(([k, v]) => `${k}=${v}`).join('\n'));
    const connectorFiles = (options.connectors ?? []).map((config, i) => {
      const file = join(directory, `connector-${i}.json`);
      writeFileSync(file, JSON.stringify(config));
      return file;
    });
    const child = execa(process.execPath, [join(REPO_ROOT, 'bin/polyconnect.js'), 'standalone', workerFile, ...connectorFiles], {
      cwd: directory,
      buffer: false,
      reject: false,
      stdin: 'ignore',
      env: { POLYCONNECT_LOG_LEVEL: 'info', ...options.env },
    });
    const worker = new StandaloneWorker(directory, `${options.scheme ?? 'http'}://127.0.0.1:${port}`, child);
    const ready = options.ready ?? (async (url: string) => (await fetch(url).catch(() => undefined))?.ok === true);
    await worker.waitFor(() => ready(worker.restUrl), 60_000, 'the REST API to answer');
    return worker;
  }

  get pid(): number {
    return this.#process.pid!;
  }

  async get<T = unknown>(path: string): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.restUrl}${path}`);
    const text = await response.text();
    return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
  }

  async post<T = unknown>(path: string): Promise<{ status: number; body: T }> {
    return this.#send<T>('POST', path);
  }

  async put<T = unknown>(path: string): Promise<{ status: number; body: T }> {
    return this.#send<T>('PUT', path);
  }

  async #send<T>(method: string, path: string): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.restUrl}${path}`, { method });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
  }

  /** Status of a connector, or undefined while it has none. */
  async status(connector: string): Promise<ConnectorStatus | undefined> {
    const { status, body } = await this.get<ConnectorStatus>(`/connectors/${encodeURIComponent(connector)}/status`);
    return status === 200 ? body : undefined;
  }

  /** The pid of the plugin process started for `label` (e.g. "file-source-0"), from the worker's log. */
  pluginPid(label: string): number | undefined {
    const line = [...this.logs].reverse().find((entry) => entry.msg === 'Plugin process started' && entry.label === label);
    return line?.pluginPid as number | undefined;
  }

  async waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await condition()) return;
      if (this.#process.exitCode !== null) throw new Error(`The worker exited (code ${this.#process.exitCode}) while waiting for ${what}. Log:\n${this.logText()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}. Log tail:\n${this.logText(40)}`);
  }

  /** Sends the signal and resolves with the exit code once the worker has exited. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | undefined> {
    this.#process.kill(signal);
    const result = await this.#process;
    return result.exitCode;
  }

  logText(last = 200): string {
    return this.logs.slice(-last).map((entry) => JSON.stringify(entry)).join('\n');
  }
}

export interface ConnectorStatus {
  name: string;
  connector: { state: string; worker_id: string; trace?: string };
  tasks: Array<{ id: number; state: string; worker_id: string; trace?: string }>;
  type: string;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

export function writeConfigFile(path: string, config: Record<string, string>): void {
  writeFileSync(path, JSON.stringify(config));
}
