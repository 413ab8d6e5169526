// PluginHost: decides which plugin process an instance (a connector or a task) lives in, by
// plugin.isolation — "task": every instance in its own process; "connector": a connector and its
// tasks share one; "plugin": one process per plugin — and launches, shares and stops those
// processes. Instances hold leases; a process stops when its last lease is released.
//
// Each lease has its own PluginClient. When one of its calls misses its deadline, the instance is
// taken for hung: the lease makes no more calls, and releasing it kills the process (SIGKILL, with
// the unanswered call as reason) instead of asking it to stop — when no other lease holds it. A
// process shared with other instances is left to its health checks. Each process gets its memory
// limit (plugin-memory-limit.ts) from the worker's plugin.memory.limit.mb or, when it serves one
// connector only, that connector's polyconnect.plugin.memory.limit.mb.

import type { Logger } from 'pino';
import type { PluginIsolation } from '../config/worker-config.js';
import { PluginClient } from '../protocol/plugin-client.js';
import { processMemoryLimit, type MemoryLimit } from './plugin-memory-limit.js';
import type { DiscoveredPlugin } from './plugin-manifest.js';
import { PluginProcess, type PluginExit } from './plugin-process.js';

export interface PluginHostOptions {
  readonly isolation: PluginIsolation;
  readonly logger: Logger;
  readonly handshakeTimeoutMs: number;
  readonly healthCheckIntervalMs: number;
  readonly healthCheckFailures: number;
  readonly shutdownTimeoutMs: number;
  readonly callTimeoutMs: number;
  /** The worker's plugin.memory.limit.mb (0 or unset: none). */
  readonly memoryLimitMb?: number;
  /** A connector's own polyconnect.plugin.memory.limit.mb, when it sets one. */
  readonly connectorMemoryLimitMb?: (connector: string) => number | undefined;
}

/** Who wants an instance: a connector (taskId undefined) or one of its tasks. */
export interface InstanceOwner {
  readonly connector: string;
  readonly taskId?: number;
  /** True for a process that only answers Describe or ValidateConfig (it gets the worker's memory limit). */
  readonly introspection?: boolean;
  /** Values config providers resolved in the configs this instance gets: hidden in the process's output. */
  readonly secrets?: Iterable<string>;
}

/** An instance's hold on a running plugin process. */
export interface PluginLease {
  readonly instanceId: string;
  readonly process: PluginProcess;
  readonly client: PluginClient;
  /** Resolves when the process ends while the lease is held (never after release). */
  readonly processExited: Promise<PluginExit>;
  /**
   * Gives the process up. The last lease stops it — or kills it, with `killReason` (or the call
   * that went unanswered) as the reason, when the instance is hung.
   */
  release(killReason?: string): Promise<void>;
}

interface SharedProcess {
  readonly launching: Promise<PluginProcess>;
  holders: number;
}

export class PluginHost {
  readonly #options: PluginHostOptions;
  readonly #processes = new Map<string, SharedProcess>();
  #instanceCounter = 0;
  #closed = false;

  constructor(options: PluginHostOptions) {
    this.#options = options;
  }

  /** A process for `owner`'s instance, launched or shared according to plugin.isolation. */
  async acquire(plugin: DiscoveredPlugin, owner: InstanceOwner): Promise<PluginLease> {
    if (this.#closed) throw new Error('The worker is stopping; no plugin processes are started');
    const label = owner.taskId === undefined ? owner.connector : `${owner.connector}-${owner.taskId}`;
    const instanceId = `${label}#${++this.#instanceCounter}`;
    const key = this.#processKey(plugin, owner, instanceId);
    let shared = this.#processes.get(key);
    if (shared !== undefined) {
      const current = await shared.launching.catch(() => undefined);
      if (current === undefined || current.hasExited) {
        if (this.#processes.get(key) === shared) this.#processes.delete(key);
        shared = undefined;
      }
    }
    if (shared === undefined) {
      shared = { launching: this.#launch(plugin, key === instanceId ? label : key, this.#processLogger(owner), this.#memoryLimit(owner)), holders: 0 };
      this.#processes.set(key, shared);
      const entry = shared;
      entry.launching.catch(() => {
        if (this.#processes.get(key) === entry) this.#processes.delete(key);
      });
    }
    shared.holders++;
    let process: PluginProcess;
    try {
      process = await shared.launching;
    } catch (error) {
      shared.holders--;
      throw error;
    }
    // Before the instance's Start call carries them, so no line quoting them gets through.
    if (owner.secrets !== undefined) process.hideInOutput(owner.secrets);
    const entry = shared;
    let released = false;
    const client = new PluginClient(process, this.#options.callTimeoutMs);
    const processExited = new Promise<PluginExit>((resolve) => {
      void process.exited.then((exit) => {
        if (!released) resolve(exit);
      });
    });
    return {
      instanceId,
      process,
      client,
      processExited,
      release: async (killReason?: string) => {
        if (released) return;
        released = true;
        entry.holders--;
        if (entry.holders > 0) return;
        if (this.#processes.get(key) === entry) this.#processes.delete(key);
        const hung = killReason ?? client.unansweredCall;
        if (hung === undefined || process.hasExited) {
          await process.stop();
          return;
        }
        process.kill(hung);
        await process.exited;
      },
    };
  }

  /** Stops every plugin process (used when the worker stops, after instances were stopped). */
  async close(): Promise<void> {
    this.#closed = true;
    const all = [...this.#processes.values()];
    this.#processes.clear();
    await Promise.all(all.map(async (shared) => (await shared.launching.catch(() => undefined))?.stop()));
  }

  #processKey(plugin: DiscoveredPlugin, owner: InstanceOwner, instanceId: string): string {
    switch (this.#options.isolation) {
      case 'plugin':
        return `plugin:${plugin.manifest.name}:${plugin.directory}`;
      case 'connector':
        return `connector:${plugin.directory}:${owner.connector}`;
      default:
        return instanceId;
    }
  }

  /** The logger a process's output goes to: it names the connector and task the process serves. */
  #processLogger(owner: InstanceOwner): Logger {
    switch (this.#options.isolation) {
      case 'plugin':
        return this.#options.logger;
      case 'connector':
        return this.#options.logger.child({ connector: owner.connector });
      default:
        return this.#options.logger.child(owner.taskId === undefined ? { connector: owner.connector } : { connector: owner.connector, task: owner.taskId });
    }
  }

  /** The memory limit of the process `owner` would get (see plugin-memory-limit.ts for the rule). */
  #memoryLimit(owner: InstanceOwner): MemoryLimit | undefined {
    const { isolation, memoryLimitMb = 0, connectorMemoryLimitMb } = this.#options;
    return processMemoryLimit(isolation, memoryLimitMb, owner.introspection === true ? undefined : connectorMemoryLimitMb?.(owner.connector));
  }

  async #launch(plugin: DiscoveredPlugin, label: string, logger: Logger, memoryLimit: MemoryLimit | undefined): Promise<PluginProcess> {
    const process = await PluginProcess.launch({
      plugin,
      label,
      logger,
      handshakeTimeoutMs: this.#options.handshakeTimeoutMs,
      healthCheckIntervalMs: this.#options.healthCheckIntervalMs,
      healthCheckFailures: this.#options.healthCheckFailures,
      shutdownTimeoutMs: this.#options.shutdownTimeoutMs,
      memoryLimit,
    });
    void process.exited.then((exit) => {
      const log = logger.child({ plugin: plugin.manifest.name, pluginPid: process.pid });
      if (exit.requested) log.info(exit.description);
      else log.error({ lastStderrLines: exit.lastStderrLines }, exit.description);
    });
    return process;
  }
}
