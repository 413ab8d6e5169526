// WorkerTask: what source and sink tasks share — the lease on a plugin process, the status they
// report, and the one place a task fails. A task fails at most once: the first failure wins and
// its trace is what the status shows. When the plugin process ends under a running task, the
// task fails with the exit code or signal and the process's last stderr lines. A call into the
// plugin that misses its deadline fails the task with the call's name and deadline; the plugin is
// called no more, and its process is killed when the task lets go of it (PluginHost). A task that
// does not stop within task.shutdown.graceful.timeout.ms is abandoned: its process is killed (when
// no other instance shares it) and nothing it does afterwards reaches the status store, where a
// new task with the same id may already be running.

import type { Logger } from 'pino';
import { ConnectException } from '../data/index.js';
import type { PluginHost, PluginLease } from '../plugin/plugin-host.js';
import type { DiscoveredPlugin } from '../plugin/plugin-manifest.js';
import { describeExit } from '../plugin/plugin-process.js';
import { javaExceptionName } from '../errors/processing-context.js';
import { PluginCallError } from '../protocol/plugin-call-error.js';
import type { ConnectorState } from '../storage/status-store.js';

export interface TaskId {
  readonly connector: string;
  readonly task: number;
}

export interface TaskStatusListener {
  onStateChange(id: TaskId, state: ConnectorState, trace?: string): void;
}

export interface WorkerTaskDependencies {
  readonly id: TaskId;
  /** The task's config as the connector generated it (task.class included). */
  readonly taskConfig: Readonly<Record<string, string>>;
  readonly connectorConfig: Readonly<Record<string, string>>;
  /** The values config providers resolved in both configs, hidden in the plugin process's output. */
  readonly secrets?: readonly string[];
  readonly plugin: DiscoveredPlugin;
  readonly host: PluginHost;
  readonly logger: Logger;
  readonly statusListener: TaskStatusListener;
  /** How long stop() waits for a clean stop before giving up on the task. */
  readonly gracefulShutdownTimeoutMs: number;
}

/** How long a failed call waits for its process's exit, to report that rather than a broken pipe. */
const EXIT_REPORT_WAIT_MS = 1_000;

export abstract class WorkerTask {
  readonly id: TaskId;
  protected readonly deps: WorkerTaskDependencies;
  protected readonly log: Logger;
  protected lease: PluginLease | undefined;
  #stopRequested = false;
  #failed = false;
  /** Set when stop() gave up waiting: the task may still be winding down, but its status is no longer its own. */
  #abandoned = false;
  #running: Promise<void> | undefined;
  #wakeStop: (() => void) | undefined;
  readonly #stopSignal: Promise<void>;
  #paused = false;
  #started = false;
  #wakeResume: (() => void) | undefined;

  constructor(deps: WorkerTaskDependencies) {
    this.id = deps.id;
    this.deps = deps;
    this.log = deps.logger.child({ connector: deps.id.connector, task: deps.id.task });
    this.#stopSignal = new Promise((resolve) => (this.#wakeStop = resolve));
  }

  get label(): string {
    return `${this.id.connector}-${this.id.task}`;
  }

  get stopRequested(): boolean {
    return this.#stopRequested;
  }

  get failed(): boolean {
    return this.#failed;
  }

  get paused(): boolean {
    return this.#paused;
  }

  /** Target state PAUSED: a source stops polling, a sink stops consuming (keeping its group membership). */
  pause(): void {
    if (this.#paused) return;
    this.#paused = true;
    if (this.#started && !this.#failed && !this.#stopRequested) {
      this.onPause();
      this.deps.statusListener.onStateChange(this.id, 'PAUSED');
      this.log.info('Task paused');
    }
  }

  /** Target state STARTED again after a pause. */
  resume(): void {
    if (!this.#paused) return;
    this.#paused = false;
    this.#wakeResume?.();
    if (this.#started && !this.#failed && !this.#stopRequested) {
      this.onResume();
      this.deps.statusListener.onStateChange(this.id, 'RUNNING');
      this.log.info('Task resumed');
    }
  }

  /** Resolves when the task is resumed or asked to stop. */
  protected waitWhilePaused(): Promise<void> {
    if (!this.#paused) return Promise.resolve();
    return Promise.race([new Promise<void>((resolve) => (this.#wakeResume = resolve)), this.#stopSignal]);
  }

  /** Hooks for pausing and resuming what the task consumes; by default nothing. */
  protected onPause(): void {}
  protected onResume(): void {}

  /** Resolves when stop() is called; lets waits end early. */
  protected get stopSignal(): Promise<void> {
    return this.#stopSignal;
  }

  /** Starts the task in the background; its status says how it goes. */
  start(): void {
    this.deps.statusListener.onStateChange(this.id, 'UNASSIGNED');
    this.#running = this.#run().catch((error: unknown) => this.log.error({ err: error }, 'Task ended with an unexpected error'));
  }

  /** Asks the task to stop and waits (bounded) until it has committed what it can and stopped. */
  async stop(): Promise<void> {
    this.#stopRequested = true;
    this.#wakeStop?.();
    if (this.#running === undefined) return;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      this.#running.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), this.deps.gracefulShutdownTimeoutMs))),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      this.#abandoned = true;
      const reason = `the task did not stop within ${this.deps.gracefulShutdownTimeoutMs} ms (task.shutdown.graceful.timeout.ms)`;
      this.log.error(`Task did not stop within ${this.deps.gracefulShutdownTimeoutMs} ms (task.shutdown.graceful.timeout.ms); abandoning it (its plugin process is killed unless other instances share it)`);
      await this.lease?.release(reason);
    }
  }

  async #run(): Promise<void> {
    try {
      const { secrets } = this.deps;
      this.lease = await this.deps.host.acquire(this.deps.plugin, { connector: this.id.connector, taskId: this.id.task, ...(secrets === undefined ? {} : { secrets }) });
      void this.lease.processExited.then((exit) => {
        if (!this.#stopRequested) this.fail(describeExit(exit));
      });
      await this.execute();
    } catch (error) {
      if (!this.#stopRequested || !(error instanceof PluginCallError)) this.fail(await this.#traceOf(error));
    } finally {
      try {
        await this.cleanUp();
      } catch (error) {
        this.log.warn({ err: error }, 'Error while cleaning up the task');
      }
      await this.lease?.release();
      if (!this.#failed && !this.#abandoned) this.deps.statusListener.onStateChange(this.id, 'UNASSIGNED');
      this.log.info('Task stopped');
    }
  }

  /** Runs the task until it is asked to stop or fails (throws). */
  protected abstract execute(): Promise<void>;

  /** Releases what execute() acquired (clients); runs after success and failure alike. */
  protected abstract cleanUp(): Promise<void>;

  /** The task has started; it reports RUNNING, or PAUSED when its connector was paused meanwhile. */
  protected markRunning(): void {
    this.#started = true;
    if (this.#abandoned) return;
    if (this.#paused) {
      this.onPause();
      this.log.info('Task started paused');
      this.deps.statusListener.onStateChange(this.id, 'PAUSED');
      return;
    }
    this.log.info('Task running');
    this.deps.statusListener.onStateChange(this.id, 'RUNNING');
  }

  /** Marks the task FAILED (once) and asks it to stop. */
  protected fail(trace: string): void {
    if (this.#failed) return;
    this.#failed = true;
    this.#stopRequested = true;
    this.#wakeStop?.();
    if (this.#abandoned) {
      this.log.warn({ trace }, 'Task failed after it was abandoned; its status is not changed');
      return;
    }
    this.log.error({ trace }, 'Task failed');
    this.deps.statusListener.onStateChange(this.id, 'FAILED', trace);
  }

  async #traceOf(error: unknown): Promise<string> {
    if (error instanceof PluginCallError && !error.fromPluginCode && !error.isDeadlineExceeded && this.lease !== undefined) {
      const exit = await Promise.race([this.lease.processExited, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), EXIT_REPORT_WAIT_MS))]);
      if (exit !== undefined) return describeExit(exit);
    }
    return traceOf(error);
  }
}

/** A status trace for an error: the plugin's own stack trace where it sent one. */
export function traceOf(error: unknown): string {
  let trace: string;
  if (error instanceof PluginCallError) trace = error.trace;
  else if (error instanceof Error) {
    // Java's class names where Kafka would show them (ConnectException → org.apache.kafka.connect.errors.ConnectException).
    const stack = error.stack ?? `${error.name}: ${error.message}`;
    trace = stack.startsWith(`${error.name}:`) ? `${javaExceptionName(error.name)}${stack.slice(error.name.length)}` : stack;
  }
  else return new ConnectException(String(error)).stack ?? String(error);
  // Causes follow as Java prints them.
  const cause = (error as Error).cause;
  return cause === undefined ? trace : `${trace}\nCaused by: ${traceOf(cause)}`;
}
