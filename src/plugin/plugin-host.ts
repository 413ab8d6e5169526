// PluginHost: decides which plugin process an instance (a connector or a task) lives in, by
// plugin.isolation — "task": every instance in its own process; "connector": a connector and its
// tasks share one; "plugin": one process per plugin — and launches, shares and stops those
// processes. Instances hold leases; a process stops when its last lease is released.

import type { Logger } from 'pino';
import type { PluginIsolation } from '../config/worker-config.js';
import { PluginClient } from '../protocol/plugin-client.js';
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
}

/** Who wants an instance: a connector (taskId undefined) or one of its tasks. */
export interface InstanceOwner {
  readonly connector: string;
  readonly taskId?: number;
}

/** An instance's hold on a running plugin process. */
export interface PluginLease {
  readonly instanceId: string;
  readonly process: PluginProcess;
  readonly client: PluginClient;
  /** Resolves when the process ends while the lease is held (never after release). */
  readonly processExited: Promise<PluginExit>;
  release(): Promise<void>;
}

interface SharedProcess {
  readonly launching: Promise<{ process: PluginProcess; client: PluginClient }>;
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
      if (current === undefined || current.process.hasExited) {
        if (this.#processes.get(key) === shared) this.#processes.delete(key);
        shared = undefined;
      }
    }
    if (shared === undefined) {
      shared = { launching: this.#launch(plugin, key === instanceId ? label : key, this.#processLogger(owner)), holders: 0 };
      this.#processes.set(key, shared);
      const entry = shared;
      entry.launching.catch(() => {
        if (this.#processes.get(key) === entry) this.#processes.delete(key);
      });
    }
    shared.holders++;
    let launched: { process: PluginProcess; client: PluginClient };
    try {
      launched = await shared.launching;
    } catch (error) {
      shared.holders--;
      throw error;
    }
    const entry = shared;
    let released = false;
    const processExited = new Promise<PluginExit>((resolve) => {
      void launched.process.exited.then((exit) => {
        if (!released) resolve(exit);
      });
    });
    return {
      instanceId,
      process: launched.process,
      client: launched.client,
      processExited,
      release: async () => {
        if (released) return;
        released = true;
        entry.holders--;
        if (entry.holders === 0) {
          if (this.#processes.get(key) === entry) this.#processes.delete(key);
          await launched.process.stop();
        }
      },
    };
  }

  /** Stops every plugin process (used when the worker stops, after instances were stopped). */
  async close(): Promise<void> {
    this.#closed = true;
    const all = [...this.#processes.values()];
    this.#processes.clear();
    await Promise.all(all.map(async (shared) => (await shared.launching.catch(() => undefined))?.process.stop()));
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

  async #launch(plugin: DiscoveredPlugin, label: string, logger: Logger): Promise<{ process: PluginProcess; client: PluginClient }> {
    const process = await PluginProcess.launch({
      plugin,
      label,
      logger,
      handshakeTimeoutMs: this.#options.handshakeTimeoutMs,
      healthCheckIntervalMs: this.#options.healthCheckIntervalMs,
      healthCheckFailures: this.#options.healthCheckFailures,
      shutdownTimeoutMs: this.#options.shutdownTimeoutMs,
    });
    void process.exited.then((exit) => {
      const log = logger.child({ plugin: plugin.manifest.name, pluginPid: process.pid });
      if (exit.requested) log.info(exit.description);
      else log.error({ lastStderrLines: exit.lastStderrLines }, exit.description);
    });
    return { process, client: new PluginClient(process, this.#options.callTimeoutMs) };
  }
}
