// WorkerConnector: runs one connector instance in a plugin process — start it, ask it for task
// configs, listen for its requests to reconfigure tasks and for errors it raises, stop it. When
// its process ends, or it raises an error, the connector is FAILED with that reason as trace.

import type { Logger } from 'pino';
import type { PluginHost, PluginLease } from '../plugin/plugin-host.js';
import type { DiscoveredPlugin } from '../plugin/plugin-manifest.js';
import { describeExit } from '../plugin/plugin-process.js';
import type { ConnectorState } from '../storage/status-store.js';
import { traceOf } from './worker-task.js';

export interface ConnectorStatusListener {
  onStateChange(connector: string, state: ConnectorState, trace?: string): void;
  /** The connector asked for its tasks to be reconfigured. */
  onTaskReconfigurationRequest(connector: string): void;
}

export interface WorkerConnectorDependencies {
  readonly name: string;
  readonly connectorClass: string;
  readonly config: Readonly<Record<string, string>>;
  /** The values config providers resolved in `config`, hidden in the plugin process's output. */
  readonly secrets?: readonly string[];
  readonly plugin: DiscoveredPlugin;
  readonly host: PluginHost;
  readonly logger: Logger;
  readonly listener: ConnectorStatusListener;
}

export class WorkerConnector {
  readonly name: string;
  readonly #deps: WorkerConnectorDependencies;
  readonly #log: Logger;
  #lease: PluginLease | undefined;
  #events: { cancel(): void } | undefined;
  #started = false;
  #stopping = false;
  #failed = false;

  constructor(deps: WorkerConnectorDependencies) {
    this.name = deps.name;
    this.#deps = deps;
    this.#log = deps.logger.child({ connector: deps.name });
  }

  get failed(): boolean {
    return this.#failed;
  }

  /** Starts the connector; resolves true when it runs, false when it failed (status says why). */
  async start(): Promise<boolean> {
    const { name, connectorClass, config, secrets, plugin, host, listener } = this.#deps;
    listener.onStateChange(name, 'UNASSIGNED');
    try {
      this.#lease = await host.acquire(plugin, { connector: name, ...(secrets === undefined ? {} : { secrets }) });
      const lease = this.#lease;
      void lease.processExited.then((exit) => {
        if (!this.#stopping) this.#fail(describeExit(exit));
      });
      await lease.client.startConnector(lease.instanceId, connectorClass, name, { ...config });
      this.#started = true;
      this.#events = lease.client.watchConnectorEvents(lease.instanceId, (event) => {
        if (event.kind === 'request-task-reconfiguration') listener.onTaskReconfigurationRequest(name);
        else this.#fail(event.stackTrace || `${event.errorClass}: ${event.message}`);
      });
    } catch (error) {
      const exit = this.#lease?.process.exit;
      this.#fail(exit !== undefined ? describeExit(exit) : traceOf(error));
      await this.#release();
      return false;
    }
    if (this.#failed) return false;
    this.#log.info('Connector running');
    listener.onStateChange(name, 'RUNNING');
    return true;
  }

  /** The connector's task configs for at most `maxTasks` tasks, each with task.class set. */
  async taskConfigs(maxTasks: number): Promise<Record<string, string>[]> {
    const lease = this.#lease;
    if (lease === undefined || this.#failed) throw new Error(`Connector ${this.name} is not running`);
    try {
      const result = await lease.client.getTaskConfigs(lease.instanceId, maxTasks);
      return result.taskConfigs.map((taskConfig) => ({ ...taskConfig, 'task.class': result.taskClass }));
    } catch (error) {
      this.#fail(traceOf(error));
      throw error;
    }
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    this.#events?.cancel();
    const lease = this.#lease;
    if (lease !== undefined && this.#started && !lease.process.hasExited) {
      await lease.client.stopConnector(lease.instanceId).catch((error: Error) => this.#log.warn({ err: error }, 'Connector did not stop cleanly'));
    }
    await this.#release();
    if (!this.#failed) this.#deps.listener.onStateChange(this.name, 'UNASSIGNED');
    this.#log.info('Connector stopped');
  }

  #fail(trace: string): void {
    if (this.#failed) return;
    this.#failed = true;
    this.#log.error({ trace }, 'Connector failed');
    this.#deps.listener.onStateChange(this.name, 'FAILED', trace);
  }

  async #release(): Promise<void> {
    const lease = this.#lease;
    this.#lease = undefined;
    await lease?.release();
  }
}
