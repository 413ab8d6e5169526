// PluginProcess: one running plugin child process. It launches the manifest's command with
// execa and the go-plugin launch environment, reads the handshake line within the handshake
// timeout, dials the unix socket, waits for grpc.health.v1 to report "plugin" SERVING, then
// watches the process (exit, periodic health checks, its memory limit) and forwards its stderr into
// the worker log, with the secrets it was given hidden (output-redaction.ts). Stopping is
// go-plugin's order: controller Shutdown, then SIGTERM, then SIGKILL. Every kill the worker
// decides on carries a reason, and the exit description says it.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import * as grpc from '@grpc/grpc-js';
import { execa, type ResultPromise } from 'execa';
import { service as healthServiceDefinition } from 'grpc-health-check';
import type { Logger } from 'pino';
import {
  GRPC_CONTROLLER_SERVICE,
  HEALTH_SERVICE_NAME,
  MAGIC_COOKIE_KEY,
  MAGIC_COOKIE_VALUE,
  SUPPORTED_APP_PROTOCOL_VERSIONS,
  parseHandshakeLine,
} from '@polyconnect/sdk/wire';
import type { DiscoveredPlugin } from './plugin-manifest.js';
import { MemoryWatch, isNodeHeapExhaustionLine, nodeHeapLimitMb, withMaxOldSpaceSize, type MemoryLimit } from './plugin-memory-limit.js';
import { OutputRedactor } from './output-redaction.js';
import { RecentLines, forwardPluginLogLine } from './plugin-output.js';

export interface PluginProcessOptions {
  readonly plugin: DiscoveredPlugin;
  /** Who this process is for, e.g. "file-source" or "file-source-0"; used in logs and traces. */
  readonly label: string;
  readonly logger: Logger;
  readonly handshakeTimeoutMs: number;
  readonly healthCheckIntervalMs: number;
  readonly healthCheckFailures: number;
  readonly shutdownTimeoutMs: number;
  /** Kill the process when it uses more memory than this (see plugin-memory-limit.ts). */
  readonly memoryLimit?: MemoryLimit | undefined;
}

/** How and why a plugin process ended. */
export interface PluginExit {
  readonly exitCode: number | undefined;
  readonly signal: string | undefined;
  /** True when the worker asked it to stop. */
  readonly requested: boolean;
  /** One sentence: "Plugin process file (pid 123, for file-source-0) was killed by signal SIGKILL". */
  readonly description: string;
  readonly lastStderrLines: readonly string[];
}

export class PluginLaunchError extends Error {
  override name = 'PluginLaunchError';
}

const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;

export class PluginProcess {
  readonly plugin: DiscoveredPlugin;
  readonly label: string;
  readonly pid: number;
  readonly channel: grpc.Channel;
  /** Settles once the process has exited and its socket directory is gone. */
  readonly exited: Promise<PluginExit>;
  readonly #subprocess: ResultPromise;
  readonly #options: PluginProcessOptions;
  #exit: PluginExit | undefined;
  #stopRequested = false;
  #killReason: string | undefined;
  #healthTimer: NodeJS.Timeout | undefined;
  readonly #redactor: OutputRedactor;

  private constructor(options: PluginProcessOptions, subprocess: ResultPromise, channel: grpc.Channel, exited: Promise<PluginExit>, redactor: OutputRedactor) {
    this.plugin = options.plugin;
    this.label = options.label;
    this.pid = subprocess.pid ?? -1;
    this.channel = channel;
    this.exited = exited;
    this.#subprocess = subprocess;
    this.#options = options;
    this.#redactor = redactor;
    void exited.then((exit) => {
      this.#exit = exit;
      this.#stopHealthChecks();
      channel.close();
    });
  }

  /** Starts the plugin and resolves once it has shaken hands and reports healthy. */
  static async launch(options: PluginProcessOptions): Promise<PluginProcess> {
    const { plugin, logger } = options;
    const [command, ...args] = plugin.manifest.command as [string, ...string[]];
    const socketDirectory = mkdtempSync(join(tmpdir(), 'pc-'));
    const { memoryLimit } = options;
    // A Node plugin's JavaScript heap is capped a little under the limit, so V8 reports its exhaustion first.
    const heapLimitMb = memoryLimit !== undefined && command === 'node' ? nodeHeapLimitMb(memoryLimit.mb) : undefined;
    const subprocess = execa(command === 'node' ? process.execPath : command, args, {
      cwd: plugin.directory,
      env: {
        ...plugin.manifest.env,
        ...(heapLimitMb !== undefined ? { NODE_OPTIONS: withMaxOldSpaceSize(plugin.manifest.env['NODE_OPTIONS'] ?? process.env['NODE_OPTIONS'], heapLimitMb) } : {}),
        [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
        PLUGIN_PROTOCOL_VERSIONS: SUPPORTED_APP_PROTOCOL_VERSIONS.join(','),
        PLUGIN_UNIX_SOCKET_DIR: socketDirectory,
        PLUGIN_MIN_PORT: '0',
        PLUGIN_MAX_PORT: '0',
      },
      stdin: 'ignore',
      buffer: false,
      reject: false,
      // Not execa's cleanup: it would SIGTERM plugins the moment the worker gets SIGTERM, before
      // their tasks could flush. The worker stops them in order; see killLeftoversOnExit.
      cleanup: false,
      forceKillAfterDelay: false,
    });
    const pid = subprocess.pid;
    trackUntilExit(subprocess);
    const log = logger.child({ plugin: plugin.manifest.name, pluginPid: pid });
    const stderr = new RecentLines();
    const redactor = new OutputRedactor();
    let heapExhausted = false;
    createInterface({ input: subprocess.stderr! }).on('line', (line) => {
      stderr.add(redactor.redact(line));
      if (isNodeHeapExhaustionLine(line)) heapExhausted = true;
      forwardPluginLogLine(log, line, redactor);
    });

    let stopRequested = (): boolean => false;
    // Why the worker killed the process, if it did: set here until the PluginProcess exists, then by it.
    let launchKillReason: string | undefined;
    let killReason = (): string | undefined => launchKillReason;
    const memoryWatch =
      memoryLimit === undefined || pid === undefined
        ? undefined
        : new MemoryWatch({
            pid,
            limit: memoryLimit,
            onExceeded: (reason) => {
              launchKillReason ??= reason;
              log.error({ label: options.label }, `Plugin process ${reason}; killed it`);
            },
            onUnsupported: () => log.warn(`${memoryLimit.key} is enforced on Linux only; on ${process.platform} only Node plugins' heap is limited`),
          });
    const exited: Promise<PluginExit> = subprocess.then((result) => {
      memoryWatch?.stop();
      rmSync(socketDirectory, { recursive: true, force: true });
      const exitCode = typeof result.exitCode === 'number' ? result.exitCode : undefined;
      const signal = result.signal ?? undefined;
      const failedToStart = result.failed && exitCode === undefined && signal === undefined;
      const how = failedToStart
        ? `could not be started: ${result.originalMessage ?? result.shortMessage}`
        : signal !== undefined
          ? `was killed by signal ${signal}`
          : `exited with code ${exitCode}`;
      // Let the last stderr lines drain before the exit is described and reported.
      return new Promise<PluginExit>((resolve) =>
        setImmediate(() => {
          const heapReason =
            heapLimitMb === undefined
              ? 'it ran out of JavaScript heap'
              : `it ran out of JavaScript heap (--max-old-space-size=${heapLimitMb}, set from the memory limit of ${memoryLimit!.mb} MiB (${memoryLimit!.key}))`;
          // A kill reason explains a SIGKILL; a process that exited by itself meanwhile keeps its own story.
          const why = (signal === 'SIGKILL' ? killReason() : undefined) ?? (heapExhausted ? heapReason : undefined);
          const description = `Plugin process ${plugin.manifest.name} (pid ${pid ?? 'none'}, for ${options.label}) ${how}${why ? ` after ${why}` : ''}`;
          resolve({ exitCode, signal, requested: stopRequested(), description, lastStderrLines: stderr.lines() });
        }),
      );
    });

    let handshake: string;
    try {
      handshake = await readHandshake(subprocess, exited, options.handshakeTimeoutMs, log, redactor);
    } catch (error) {
      launchKillReason ??= 'its handshake did not come';
      subprocess.kill('SIGKILL');
      const exit = await exited;
      throw new PluginLaunchError(withStderr(`${(error as Error).message}. ${exit.description}`, exit.lastStderrLines));
    }

    let parsed;
    try {
      parsed = parseHandshakeLine(handshake);
    } catch (error) {
      launchKillReason ??= 'its bad handshake';
      subprocess.kill('SIGKILL');
      const exit = await exited;
      throw new PluginLaunchError(withStderr(`Plugin ${plugin.manifest.name} sent a bad handshake: ${(error as Error).message}. ${exit.description}`, exit.lastStderrLines));
    }
    const target = parsed.network === 'unix' ? `unix:${parsed.address}` : parsed.address;
    const channel = new grpc.Channel(target, grpc.credentials.createInsecure(), {
      'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
      'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
    });
    const pluginProcess = new PluginProcess(options, subprocess, channel, exited, redactor);
    stopRequested = () => pluginProcess.#stopRequested;
    killReason = () => launchKillReason ?? pluginProcess.#killReason;
    try {
      await pluginProcess.#waitUntilServing(options.handshakeTimeoutMs);
    } catch (error) {
      pluginProcess.#killReason ??= 'it never reported healthy';
      subprocess.kill('SIGKILL');
      const exit = await exited;
      throw new PluginLaunchError(withStderr(`Plugin ${plugin.manifest.name} did not become healthy: ${(error as Error).message}. ${exit.description}`, exit.lastStderrLines));
    }
    pluginProcess.#startHealthChecks();
    log.info({ label: options.label, socket: parsed.address }, 'Plugin process started');
    return pluginProcess;
  }

  /** Hides these secret values (see output-redaction.ts) in what the worker passes on from this process's output. */
  hideInOutput(secrets: Iterable<string>): void {
    this.#redactor.add(secrets);
  }

  get hasExited(): boolean {
    return this.#exit !== undefined;
  }

  /** The exit, once the process has ended. */
  get exit(): PluginExit | undefined {
    return this.#exit;
  }

  /** A client of one of the plugin's services over this process's channel. */
  client<T extends grpc.Client>(constructor: new (address: string, credentials: grpc.ChannelCredentials, options: grpc.ClientOptions) => T): T {
    return new constructor('unused', grpc.credentials.createInsecure(), { channelOverride: this.channel });
  }

  /** Asks the process to exit: Shutdown, then SIGTERM, then SIGKILL, each after the grace period. */
  async stop(): Promise<PluginExit> {
    if (this.#exit !== undefined) return this.#exit;
    this.#stopRequested = true;
    this.#stopHealthChecks();
    const grace = this.#options.shutdownTimeoutMs;
    const controller = new (grpc.makeGenericClientConstructor(GRPC_CONTROLLER_SERVICE, 'GRPCController'))('unused', grpc.credentials.createInsecure(), {
      channelOverride: this.channel,
    });
    await new Promise<void>((resolve) => {
      controller.makeUnaryRequest(
        GRPC_CONTROLLER_SERVICE.Shutdown!.path,
        () => Buffer.alloc(0),
        () => ({}),
        {},
        { deadline: Date.now() + Math.max(grace, 100) },
        () => resolve(),
      );
    });
    if (!(await this.#exitedWithin(grace))) {
      this.#options.logger.warn({ plugin: this.plugin.manifest.name, pluginPid: this.pid }, `Plugin process did not exit within ${grace} ms of Shutdown; sending SIGTERM`);
      this.#subprocess.kill('SIGTERM');
      if (!(await this.#exitedWithin(grace))) {
        this.#options.logger.warn({ plugin: this.plugin.manifest.name, pluginPid: this.pid }, `Plugin process ignored SIGTERM for ${grace} ms; sending SIGKILL`);
        this.#killReason ??= `it ignored Shutdown and SIGTERM for ${grace} ms each (plugin.shutdown.timeout.ms)`;
        this.#subprocess.kill('SIGKILL');
      }
    }
    return this.exited;
  }

  /** Kills the process at once, recording why (e.g. failed health checks). */
  kill(reason: string): void {
    this.#killReason ??= reason;
    this.#subprocess.kill('SIGKILL');
  }

  async #exitedWithin(ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
    const result = await Promise.race([this.exited.then(() => true as const), timeout]);
    clearTimeout(timer);
    return result;
  }

  async #waitUntilServing(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let lastProblem = 'no answer';
    while (Date.now() < deadline) {
      if (this.#exit !== undefined) throw new Error('the process exited');
      const status = await this.#checkHealth(Math.max(1, Math.min(1_000, deadline - Date.now()))).catch((error: Error) => error.message);
      if (status === 'SERVING') return;
      lastProblem = status;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`health check of service "${HEALTH_SERVICE_NAME}" gave ${lastProblem} for ${timeoutMs} ms`);
  }

  #checkHealth(timeoutMs: number): Promise<string> {
    const health = this.client(healthClientConstructor());
    return new Promise((resolve, reject) => {
      (health as unknown as HealthClient).check({ service: HEALTH_SERVICE_NAME }, { deadline: Date.now() + timeoutMs }, (error, response) => {
        if (error) reject(error);
        else resolve(String(response?.status ?? 'UNKNOWN'));
      });
    });
  }

  #startHealthChecks(): void {
    let failures = 0;
    const { healthCheckIntervalMs, healthCheckFailures } = this.#options;
    const check = (): void => {
      this.#checkHealth(healthCheckIntervalMs)
        .then((status) => (status === 'SERVING' ? 0 : failures + 1), () => failures + 1)
        .then((count) => {
          if (this.#exit !== undefined || this.#stopRequested) return;
          failures = count;
          if (failures >= healthCheckFailures) {
            this.#options.logger.error({ plugin: this.plugin.manifest.name, pluginPid: this.pid }, `Plugin process failed ${failures} health checks in a row; killing it`);
            this.kill(`${failures} failed health checks`);
            return;
          }
          this.#healthTimer = setTimeout(check, healthCheckIntervalMs);
        });
    };
    this.#healthTimer = setTimeout(check, healthCheckIntervalMs);
  }

  #stopHealthChecks(): void {
    clearTimeout(this.#healthTimer);
    this.#healthTimer = undefined;
  }
}

const liveSubprocesses = new Set<ResultPromise>();
let exitHookInstalled = false;

/** Plugin processes still running when the worker exits (say, after a crash) are killed with it. */
function trackUntilExit(subprocess: ResultPromise): void {
  liveSubprocesses.add(subprocess);
  void subprocess.finally(() => liveSubprocesses.delete(subprocess));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const child of liveSubprocesses) child.kill('SIGKILL');
    });
  }
}

interface HealthClient {
  check(request: { service: string }, options: grpc.CallOptions, callback: (error: grpc.ServiceError | null, response?: { status: string }) => void): void;
}

let healthClient: (new (address: string, credentials: grpc.ChannelCredentials, options: grpc.ClientOptions) => grpc.Client) | undefined;

function healthClientConstructor(): new (address: string, credentials: grpc.ChannelCredentials, options: grpc.ClientOptions) => grpc.Client {
  healthClient ??= grpc.makeGenericClientConstructor(healthServiceDefinition as unknown as grpc.ServiceDefinition, 'Health');
  return healthClient;
}

/** Resolves with the first non-empty stdout line; later lines are logged (go-plugin does the same). */
function readHandshake(subprocess: ResultPromise, exited: Promise<PluginExit>, timeoutMs: number, log: Logger, redactor: OutputRedactor): Promise<string> {
  return new Promise((resolve, reject) => {
    let handshake: string | undefined;
    const timer = setTimeout(() => reject(new Error(`No handshake line from the plugin within ${timeoutMs} ms (plugin.handshake.timeout.ms)`)), timeoutMs);
    createInterface({ input: subprocess.stdout! }).on('line', (line) => {
      if (handshake !== undefined) {
        if (line.trim() !== '') log.info({ source: 'plugin-stdout' }, redactor.redact(line));
        return;
      }
      if (line.trim() === '') return;
      handshake = line;
      clearTimeout(timer);
      resolve(line);
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error('The plugin process exited before its handshake'));
    });
  });
}

function withStderr(message: string, lines: readonly string[]): string {
  return lines.length === 0 ? `${message}; it wrote nothing on stderr` : `${message}. Last lines on stderr:\n${lines.join('\n')}`;
}

/** The text a task's trace shows for a plugin process that ended under it. */
export function describeExit(exit: PluginExit): string {
  return withStderr(exit.description, exit.lastStderrLines);
}
