// Automatic restart of failed tasks — beyond Kafka Connect, which leaves a FAILED task FAILED
// until someone restarts it. In a process-per-task design a plugin crash is routine, so a
// connector may ask for its failed tasks to be restarted with exponential backoff:
//
//   polyconnect.task.restart.enable=true            (default false: Kafka's behaviour)
//   polyconnect.task.restart.backoff.initial.ms=1000
//   polyconnect.task.restart.backoff.max.ms=60000   (cap; also how long a task must run to be forgiven)
//   polyconnect.task.restart.max.attempts=-1        (-1: no limit)
//
// The status keeps the last failure: while waiting, the FAILED trace says when the next attempt
// comes; after a restart, the RUNNING status carries the failure it recovered from as its trace.

import type { Logger } from 'pino';
import { ConfigDef, range } from '../data/index.js';
import type { StatusStore } from '../storage/status-store.js';
import type { Worker } from '../worker/worker.js';

export const AUTO_RESTART_GROUP = 'Automatic restart (Polyconnect)';

export const AUTO_RESTART_CONFIG_DEF = new ConfigDef()
  .define({ name: 'polyconnect.task.restart.enable', type: 'BOOLEAN', defaultValue: false, importance: 'MEDIUM', group: AUTO_RESTART_GROUP, documentation: 'Restart failed tasks automatically, with exponential backoff. Off by default, as in Kafka Connect.' })
  .define({ name: 'polyconnect.task.restart.backoff.initial.ms', type: 'LONG', defaultValue: 1_000, validator: range(0), importance: 'LOW', group: AUTO_RESTART_GROUP, documentation: 'Delay before the first automatic restart of a failed task; doubled for each further attempt.' })
  .define({ name: 'polyconnect.task.restart.backoff.max.ms', type: 'LONG', defaultValue: 60_000, validator: range(0), importance: 'LOW', group: AUTO_RESTART_GROUP, documentation: 'Longest delay between automatic restarts. A task that runs this long without failing starts again from the initial delay.' })
  .define({ name: 'polyconnect.task.restart.max.attempts', type: 'INT', defaultValue: -1, validator: range(-1), importance: 'LOW', group: AUTO_RESTART_GROUP, documentation: 'Automatic restarts in a row after which a failed task is left FAILED; -1 for no limit.' });

export interface AutoRestartPolicy {
  readonly enabled: boolean;
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
  readonly maxAttempts: number;
}

export function parseAutoRestartPolicy(config: Readonly<Record<string, string>>): AutoRestartPolicy {
  const parsed = AUTO_RESTART_CONFIG_DEF.parse(config);
  return {
    enabled: parsed['polyconnect.task.restart.enable'] as boolean,
    initialBackoffMs: parsed['polyconnect.task.restart.backoff.initial.ms'] as number,
    maxBackoffMs: parsed['polyconnect.task.restart.backoff.max.ms'] as number,
    maxAttempts: parsed['polyconnect.task.restart.max.attempts'] as number,
  };
}

interface TaskHistory {
  attempts: number;
  /** When the last automatic restart happened; undefined before the first. */
  lastStartedAt: number | undefined;
  timer: NodeJS.Timeout | undefined;
}

export interface AutoRestartDecision {
  /** ms until the restart, or undefined when none will happen. */
  readonly delayMs: number | undefined;
  readonly attempt: number;
  /** A line for the status trace. */
  readonly note: string;
}

/** A failed task, as a herder hands it to TaskAutoRestarter.handleTaskFailure. */
export interface TaskFailure {
  readonly connector: string;
  readonly task: number;
  readonly trace: string;
  /** The connector's stored config (its polyconnect.task.restart.* keys). */
  readonly config: Readonly<Record<string, string>>;
  readonly worker: Pick<Worker, 'workerId' | 'setRecoveryNote'>;
  readonly statusStore: Pick<StatusStore, 'putTask'>;
  readonly logger: Logger;
  /**
   * After the backoff, in the herder's order of work: restarts the task if it should still be
   * restarted (still FAILED, still here, connector not stopped), calling `beforeRestart` first.
   */
  restart(beforeRestart: () => void): Promise<void>;
}

/** Keeps each task's restart history and schedules the restarts. */
export class TaskAutoRestarter {
  readonly #histories = new Map<string, TaskHistory>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Called when a task failed; schedules `restart` when the policy allows it. */
  onFailure(connector: string, task: number, policy: AutoRestartPolicy, restart: () => void): AutoRestartDecision | undefined {
    if (!policy.enabled) return undefined;
    const key = `${connector}-${task}`;
    const history = this.#histories.get(key) ?? { attempts: 0, lastStartedAt: undefined, timer: undefined };
    this.#histories.set(key, history);
    clearTimeout(history.timer);
    // A task that ran long enough is forgiven its earlier failures.
    if (history.lastStartedAt !== undefined && this.#now() - history.lastStartedAt >= policy.maxBackoffMs) history.attempts = 0;
    if (policy.maxAttempts >= 0 && history.attempts >= policy.maxAttempts) {
      return { delayMs: undefined, attempt: history.attempts, note: `Automatic restart gave up after ${history.attempts} attempts (polyconnect.task.restart.max.attempts=${policy.maxAttempts}).` };
    }
    const delayMs = Math.min(policy.initialBackoffMs * 2 ** history.attempts, policy.maxBackoffMs);
    history.attempts++;
    const attempt = history.attempts;
    history.timer = setTimeout(() => {
      history.timer = undefined;
      history.lastStartedAt = this.#now();
      restart();
    }, delayMs);
    return { delayMs, attempt, note: `Polyconnect restarts this task automatically in ${delayMs} ms (attempt ${attempt}${policy.maxAttempts >= 0 ? ` of ${policy.maxAttempts}` : ''}).` };
  }

  /**
   * A task failed: when its connector asks for automatic restarts, its FAILED status says when
   * the next attempt comes, and after the backoff `failure.restart` runs with the recovery note
   * (the failure it recovered from) set for the task's next status.
   */
  handleTaskFailure(failure: TaskFailure): void {
    const { connector, task, trace, worker, logger } = failure;
    let policy;
    try {
      policy = parseAutoRestartPolicy(failure.config);
    } catch {
      return; // checked when the config was stored
    }
    const decision = this.onFailure(connector, task, policy, () => {
      failure
        .restart(() => {
          logger.info({ connector, task }, 'Restarting the failed task automatically');
          worker.setRecoveryNote({ connector, task }, `Recovered by automatic restart ${decision?.attempt ?? ''} (${new Date().toISOString()}) from:\n${trace}`);
        })
        .catch((error: Error) => logger.error({ err: error, connector, task }, 'Automatic restart failed'));
    });
    if (decision !== undefined) failure.statusStore.putTask(connector, task, { state: 'FAILED', workerId: worker.workerId, trace: `${trace}\n${decision.note}` });
  }

  /** A manual restart, a reconfiguration or a delete: forget the task's history and pending restart. */
  forget(connector: string, task?: number): void {
    for (const [key, history] of this.#histories) {
      if (key === `${connector}-${task}` || (task === undefined && key.startsWith(`${connector}-`) && /^\d+$/.test(key.slice(connector.length + 1)))) {
        clearTimeout(history.timer);
        this.#histories.delete(key);
      }
    }
  }

  cancelAll(): void {
    for (const history of this.#histories.values()) clearTimeout(history.timer);
    this.#histories.clear();
  }
}
