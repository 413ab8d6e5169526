// One worker per test file (and fixture language), with the healthy pipeline running beside
// whatever faulty connectors the tests create. A faulty pipeline is a fixture source emitting
// numbered records into a topic of its own and a sink writing them to a file — FileStreamSink, or
// the fixture's sink when the sink is the one that misbehaves — so that no loss can be checked
// with checkNoneLost. FaultRun measures one fault from the moment it is injected: how long until
// the task is FAILED and with what trace, how far the healthy pipeline moved meanwhile, and
// whether a restart brings every record through.

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { checkNoneLost } from '../../support/file-data.js';
import { kafkaBootstrapServers } from '../../support/kafka.js';
import { StandaloneWorker, type ConnectorStatus } from '../../support/standalone-worker.js';
import { HealthyPipeline, LINE_BYTES } from './healthy-pipeline.js';
import type { IsolationFixture } from './isolation-fixtures.js';

/** Environment variable the fixtures read at launch: a file whose content names a launch fault. */
export const LAUNCH_FAULT_ENV = 'POLYCONNECT_ISOLATION_LAUNCH_FAULT_FILE';

export interface FaultyPipeline {
  readonly name: string;
  readonly source: string;
  readonly sink: string;
  readonly topic: string;
  readonly output: string;
  readonly records: number;
  /** The file whose existence makes the faulty task misbehave (once). */
  readonly faultFile: string;
}

export interface PipelineOptions {
  /** Extra keys of the fixture source's config (fault, polyconnect.plugin.memory.limit.mb, ...). */
  readonly source?: Record<string, string>;
  /** When set, the fixture's own sink with these extra keys; else FileStreamSink. */
  readonly faultySink?: Record<string, string>;
  readonly records?: number;
  /** Records per poll and pause between polls: the pace of the stream. */
  readonly batchSize?: number;
  readonly pollIntervalMs?: number;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export class IsolationRun {
  readonly fixture: IsolationFixture;
  readonly worker: StandaloneWorker;
  readonly healthy: HealthyPipeline;
  readonly directory: string;
  /** The file the fixtures look for at launch (LAUNCH_FAULT_ENV). */
  readonly launchFaultFile: string;
  #stopped = false;
  #drained = false;

  private constructor(fixture: IsolationFixture, worker: StandaloneWorker, healthy: HealthyPipeline, directory: string) {
    this.fixture = fixture;
    this.worker = worker;
    this.healthy = healthy;
    this.directory = directory;
    this.launchFaultFile = join(directory, 'launch-fault');
  }

  /** Starts a worker with the fixture and the FileStream plugin, and the healthy pipeline moving. */
  static async start(fixture: IsolationFixture, properties: Record<string, string>): Promise<IsolationRun> {
    fixture.build();
    const directory = mkdtempSync(join(tmpdir(), 'pc-isolation-'));
    const healthy = new HealthyPipeline(directory);
    // Plugin processes inherit the worker's environment, and the worker this one's.
    process.env[LAUNCH_FAULT_ENV] = join(directory, 'launch-fault');
    const worker = await StandaloneWorker.start({
      bootstrapServers: kafkaBootstrapServers(),
      directory,
      connectors: healthy.connectors(),
      properties: { 'plugin.path': `${fixture.directory},${HealthyPipeline.pluginDirectory}`, 'offset.flush.interval.ms': '500', ...properties },
    });
    const run = new IsolationRun(fixture, worker, healthy, directory);
    healthy.startFeeding();
    await worker.waitFor(() => healthy.lines() > 0, 60_000, 'the healthy pipeline to move data');
    return run;
  }

  async putConnector(name: string, config: Record<string, string>): Promise<void> {
    const response = await fetch(`${this.worker.restUrl}/connectors/${encodeURIComponent(name)}/config`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(config),
    });
    expect(response.status, await response.text()).toBeLessThan(300);
  }

  async deleteConnector(name: string): Promise<void> {
    const response = await fetch(`${this.worker.restUrl}/connectors/${encodeURIComponent(name)}`, { method: 'DELETE' });
    expect([204, 404]).toContain(response.status);
  }

  async restartTask(connector: string, task = 0): Promise<void> {
    const { status } = await this.worker.post(`/connectors/${encodeURIComponent(connector)}/tasks/${task}/restart`);
    expect(status).toBe(204);
  }

  /** Waits until task `task` of `connector` is in `state`; returns that status's trace. */
  async waitForTask(connector: string, state: string, timeoutMs: number, task = 0): Promise<string> {
    let trace = '';
    let last: ConnectorStatus | undefined;
    await this.worker.waitFor(
      async () => {
        last = await this.worker.status(connector);
        const found = last?.tasks.find((t) => t.id === task);
        trace = found?.trace ?? '';
        return found?.state === state;
      },
      timeoutMs,
      `task ${task} of ${connector} to be ${state} (last status: ${JSON.stringify(last)})`,
    );
    return trace;
  }

  /** Asserts that every connector and task on the worker runs, except the ones named. */
  async expectOthersRunning(except: ReadonlyArray<{ connector: string; task?: number }>): Promise<void> {
    const { body } = await this.worker.get<Record<string, { status: ConnectorStatus }>>('/connectors?expand=status');
    const states: string[] = [];
    for (const [name, { status }] of Object.entries(body)) {
      if (!except.some((e) => e.connector === name && e.task === undefined)) states.push(`${name}:${status.connector.state}`);
      for (const task of status.tasks) {
        if (!except.some((e) => e.connector === name && e.task === task.id)) states.push(`${name}-${task.id}:${task.state}`);
      }
    }
    expect(states.filter((state) => !state.endsWith(':RUNNING')), JSON.stringify(body)).toEqual([]);
    expect(states).toContain('healthy-source-0:RUNNING');
    expect(states).toContain('healthy-sink-0:RUNNING');
  }

  /** Creates a faulty pipeline and waits until its records arrive. */
  async createPipeline(name: string, options: PipelineOptions = {}): Promise<FaultyPipeline> {
    const pipeline: FaultyPipeline = {
      name,
      source: `${name}-source`,
      sink: `${name}-sink`,
      topic: `isolation-${name}-${Date.now()}`,
      output: join(this.directory, `${name}-out.txt`),
      records: options.records ?? 6_000,
      faultFile: join(this.directory, `${name}.fault`),
    };
    writeFileSync(pipeline.output, '');
    const fixture = this.fixture;
    await this.putConnector(
      pipeline.sink,
      options.faultySink === undefined
        ? { 'connector.class': 'FileStreamSink', file: pipeline.output, topics: pipeline.topic }
        : { 'connector.class': fixture.sinkClass, file: pipeline.output, topics: pipeline.topic, 'fault.file': pipeline.faultFile, ...options.faultySink },
    );
    await this.putConnector(pipeline.source, {
      'connector.class': fixture.sourceClass,
      topic: pipeline.topic,
      records: String(pipeline.records),
      'batch.size': String(options.batchSize ?? 100),
      'poll.interval.ms': String(options.pollIntervalMs ?? 25),
      ...(options.faultySink === undefined ? { 'fault.file': pipeline.faultFile } : {}),
      ...options.source,
    });
    await this.waitForTask(pipeline.sink, 'RUNNING', 30_000);
    await this.waitForTask(pipeline.source, 'RUNNING', 30_000);
    await this.worker.waitFor(() => this.outputLines(pipeline) >= 300, 30_000, `records of ${name} to arrive`);
    return pipeline;
  }

  outputLines(pipeline: FaultyPipeline): number {
    return existsSync(pipeline.output) ? Math.floor(readFileSync(pipeline.output).length / LINE_BYTES) : 0;
  }

  /** Waits until the pipeline's output holds every record (repeats allowed, gaps not); returns the repeats. */
  async expectNoneLost(pipeline: FaultyPipeline, timeoutMs = 60_000): Promise<number> {
    let problem = '';
    await this.worker.waitFor(
      () => {
        try {
          checkNoneLost(pipeline.output, pipeline.records);
          return true;
        } catch (error) {
          problem = (error as Error).message;
          return false;
        }
      },
      timeoutMs,
      `every record of ${pipeline.name} to arrive (${problem})`,
    );
    return checkNoneLost(pipeline.output, pipeline.records).duplicates;
  }

  async deletePipeline(pipeline: FaultyPipeline): Promise<void> {
    await this.deleteConnector(pipeline.source);
    await this.deleteConnector(pipeline.sink);
  }

  /** The pid of the plugin process started last for `label` (e.g. "x-source-0"). */
  pluginPid(label: string): number {
    const pid = this.worker.pluginPid(label);
    expect(pid, `a plugin process for ${label}`).toBeGreaterThan(0);
    return pid!;
  }

  /** Log lines (as JSON text) that contain `text`. */
  logLinesWith(text: string): string[] {
    return this.worker.logs.map((entry) => JSON.stringify(entry)).filter((line) => line.includes(text));
  }

  /** Stops feeding the healthy pipeline and checks that it delivered every line exactly once. */
  async drainHealthy(): Promise<void> {
    if (this.#drained) return;
    this.#drained = true;
    const fed = this.healthy.stopFeeding();
    await this.worker.waitFor(() => this.healthy.lines() >= fed, 60_000, `the healthy pipeline to deliver all ${fed} lines`);
    expect(this.healthy.checkComplete().duplicates).toBe(0);
  }

  /** drainHealthy(), then stops the worker (which must exit with 0), unless a test did either. */
  async finish(): Promise<void> {
    try {
      if (!this.#stopped) await this.drainHealthy();
    } finally {
      if (!this.#stopped) expect(await this.stopWorker()).toBe(0);
      delete process.env[LAUNCH_FAULT_ENV];
    }
  }

  async stopWorker(): Promise<number | undefined> {
    this.#stopped = true;
    return this.worker.stop('SIGTERM');
  }
}

/** What one fault did, measured from its injection. */
export interface FaultOutcome {
  readonly trace: string;
  /** From injection until the status showed FAILED. */
  readonly failedAfterMs: number;
  /** Healthy lines delivered between injection and FAILED (the fault's live phase). */
  readonly healthyLinesBeforeFailed: number;
  /** Healthy lines delivered while the faulty task was FAILED, before it was restarted. */
  readonly healthyLinesWhileFailed: number;
  /** Longest time the healthy output did not grow, from injection until the faulty pipeline had recovered. */
  readonly longestHealthyStallMs: number;
  /** Records the faulty pipeline repeated after the restart (at-least-once), none lost. */
  readonly duplicates: number;
  /** Output lines of the faulty pipeline when its task was seen FAILED. */
  readonly linesAtFailure: number;
}

export interface FaultPlan {
  readonly pipeline: FaultyPipeline;
  /** The connector whose task 0 fails. */
  readonly failing: string;
  /** Makes the fault happen (default: creates the pipeline's fault file). */
  readonly inject?: () => void | Promise<void>;
  /** Restarts the failed task (default: POST .../tasks/0/restart). */
  readonly restart?: () => Promise<void>;
  /** Further checks while the task is FAILED, before the restart. */
  readonly whileFailed?: () => void | Promise<void>;
  readonly failTimeoutMs?: number;
}

/** Injects a fault, checks that only the failing task fails while the rest moves on, restarts it and checks for loss. */
export async function runFault(run: IsolationRun, plan: FaultPlan): Promise<FaultOutcome> {
  try {
    return await measureFault(run, plan);
  } finally {
    await run.deletePipeline(plan.pipeline);
  }
}

async function measureFault(run: IsolationRun, plan: FaultPlan): Promise<FaultOutcome> {
  const { pipeline, failing } = plan;
  const injectedAt = Date.now();
  if (plan.inject) await plan.inject();
  else writeFileSync(pipeline.faultFile, '');
  const trace = await run.waitForTask(failing, 'FAILED', plan.failTimeoutMs ?? 30_000);
  const failedAt = Date.now();
  const linesAtFailure = run.outputLines(pipeline);
  // Only that task: its connector, the other half of its pipeline and the healthy pipeline run on,
  // and the healthy one keeps delivering while the faulty task is down.
  await run.expectOthersRunning([{ connector: failing, task: 0 }]);
  await run.healthy.waitForGrowth(failedAt, 100, 15_000);
  await plan.whileFailed?.();
  const restartAt = Date.now();
  expect((await run.worker.status(failing))?.tasks[0]?.state).toBe('FAILED');
  await (plan.restart ?? (() => run.restartTask(failing)))();
  await run.waitForTask(failing, 'RUNNING', 30_000);
  const duplicates = await run.expectNoneLost(pipeline);
  const outcome: FaultOutcome = {
    trace,
    failedAfterMs: failedAt - injectedAt,
    healthyLinesBeforeFailed: run.healthy.growth(injectedAt, failedAt),
    healthyLinesWhileFailed: run.healthy.growth(failedAt, restartAt),
    longestHealthyStallMs: run.healthy.longestStallMs(injectedAt, Date.now()),
    duplicates,
    linesAtFailure,
  };
  return outcome;
}

/** The checks every fault shares: the healthy pipeline moved during the fault and never stalled long. */
export function expectHealthyDuring(outcome: FaultOutcome): void {
  expect(outcome.healthyLinesWhileFailed, JSON.stringify(outcome)).toBeGreaterThanOrEqual(100);
  expect(outcome.longestHealthyStallMs, JSON.stringify(outcome)).toBeLessThan(5_000);
}

export function report(run: IsolationRun, fault: string, outcome: FaultOutcome): void {
  console.log(
    `[isolation ${run.fixture.language}] ${fault}: FAILED after ${outcome.failedAfterMs} ms; healthy pipeline +${outcome.healthyLinesBeforeFailed} lines before FAILED, ` +
      `+${outcome.healthyLinesWhileFailed} while FAILED, longest stall ${outcome.longestHealthyStallMs} ms; ${outcome.duplicates} records repeated after restart, none lost\n` +
      `  trace: ${outcome.trace.split('\n')[0]}`,
  );
}
