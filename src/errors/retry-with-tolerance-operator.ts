// The one retry-with-tolerance operator every stage of a task goes through (Kafka's
// RetryWithToleranceOperator): an operation that throws RetriableException is retried with
// backoff (300 ms doubling, capped by errors.retry.delay.max.ms with jitter, within
// errors.retry.timeout); a failure is reported (log, dead letter queue) and then either fails
// the task ("Tolerance exceeded in error handler") or, with errors.tolerance=all where the stage
// allows it, skips the record. The common case — no failure — stays synchronous.
//
// One deliberate difference from Kafka: when retries of a RetriableException run out under
// errors.tolerance=none, Kafka drops the record without failing the task; we fail the task,
// because dropping records the user asked us not to tolerate loses data silently.

import { ConnectException, isRetriable } from '../data/index.js';
import type { ErrorHandlingConfig } from './error-handling-config.js';
import { describeError, type ConsumedRecordBytes, type PolledRecord, type ProcessingFailure, type Stage } from './processing-context.js';

export const SKIPPED: unique symbol = Symbol('skipped');
export type Outcome<T> = T | typeof SKIPPED;

export interface ErrorReporter {
  report(failure: ProcessingFailure): void | Promise<void>;
}

/** Stages where any exception may be tolerated; elsewhere only retriable ones. */
const TOLERATE_ANY: ReadonlySet<Stage> = new Set(['TRANSFORMATION', 'KEY_CONVERTER', 'VALUE_CONVERTER', 'HEADER_CONVERTER']);

const INITIAL_BACKOFF_MS = 300;

/** Kafka throws a plain ConnectException with this message; the name says so in traces. */
export class ToleranceExceededError extends ConnectException {
  constructor(cause: unknown) {
    super('Tolerance exceeded in error handler', { cause });
    this.name = 'ConnectException';
  }
}

export interface OperatorOptions {
  readonly connector: string;
  readonly taskId: number;
  readonly config: ErrorHandlingConfig;
  readonly reporters: readonly ErrorReporter[];
  /** Retries stop early once this says the task is stopping. */
  readonly isStopping: () => boolean;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly now?: () => number;
}

export class RetryWithToleranceOperator {
  readonly #options: OperatorOptions;
  #failures = 0;
  #skipped = 0;

  constructor(options: OperatorOptions) {
    this.#options = options;
  }

  get failures(): number {
    return this.#failures;
  }

  get skipped(): number {
    return this.#skipped;
  }

  get toleratesAll(): boolean {
    return this.#options.config.toleranceAll;
  }

  /**
   * Runs `operation`; its result, or SKIPPED when it failed and the failure is tolerated. Throws
   * ToleranceExceededError when it is not. Synchronous unless the operation fails.
   */
  execute<T>(stage: Stage, executingClass: string, operation: () => T, record: { consumed?: ConsumedRecordBytes; polled?: PolledRecord }): Outcome<T> | Promise<Outcome<T>> {
    try {
      return operation();
    } catch (error) {
      return this.#handleFailure(stage, executingClass, operation, record, error);
    }
  }

  /** Like execute, for asynchronous operations (poll, put, produce). */
  async executeAsync<T>(stage: Stage, executingClass: string, operation: () => Promise<T>, record: { consumed?: ConsumedRecordBytes; polled?: PolledRecord } = {}): Promise<Outcome<T>> {
    try {
      return await operation();
    } catch (error) {
      return this.#handleFailure(stage, executingClass, operation, record, error);
    }
  }

  /** Reports a failure that happened elsewhere (the task's errant-record reports) and applies tolerance. */
  async reportFailure(failure: Omit<ProcessingFailure, 'connector' | 'taskId'>): Promise<void> {
    this.#failures++;
    await this.#report({ ...failure, connector: this.#options.connector, taskId: this.#options.taskId });
    if (!this.#options.config.toleranceAll) throw new ToleranceExceededError(new ConnectException(`${failure.error.className}: ${failure.error.message ?? ''}`));
    this.#skipped++;
  }

  async #handleFailure<T>(
    stage: Stage,
    executingClass: string,
    operation: () => T | Promise<T>,
    record: { consumed?: ConsumedRecordBytes; polled?: PolledRecord },
    firstError: unknown,
  ): Promise<Outcome<T>> {
    let error = firstError;
    const { config, isStopping } = this.#options;
    if (isRetriable(error) && config.retryTimeoutMs !== 0) {
      const now = this.#options.now ?? Date.now;
      const deadline = config.retryTimeoutMs < 0 ? Number.POSITIVE_INFINITY : now() + config.retryTimeoutMs;
      for (let attempt = 0; isRetriable(error) && now() < deadline && !isStopping(); attempt++) {
        await this.#sleep(this.#backoff(attempt, deadline - now()));
        if (isStopping()) break;
        try {
          return await operation();
        } catch (next) {
          error = next;
        }
      }
    }
    this.#failures++;
    await this.#report({
      connector: this.#options.connector,
      taskId: this.#options.taskId,
      stage,
      executingClass,
      error: describeError(error),
      ...(record.consumed ? { consumed: record.consumed } : {}),
      ...(record.polled ? { polled: record.polled } : {}),
    });
    const tolerable = TOLERATE_ANY.has(stage) || isRetriable(error);
    if (!config.toleranceAll || !tolerable) throw new ToleranceExceededError(error);
    this.#skipped++;
    return SKIPPED;
  }

  #backoff(attempt: number, remainingMs: number): number {
    const { retryDelayMaxMs } = this.#options.config;
    let delay = INITIAL_BACKOFF_MS * 2 ** attempt;
    if (delay > retryDelayMaxMs) delay = Math.floor((this.#options.random ?? Math.random)() * retryDelayMaxMs);
    return Math.max(0, Math.min(delay, remainingMs));
  }

  #sleep(ms: number): Promise<void> {
    return (this.#options.sleep ?? ((t) => new Promise((resolve) => setTimeout(resolve, t))))(ms);
  }

  async #report(failure: ProcessingFailure): Promise<void> {
    for (const reporter of this.#options.reporters) await reporter.report(failure);
  }
}
