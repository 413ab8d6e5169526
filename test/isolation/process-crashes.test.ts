// Plugin processes that die or stop answering while their task runs: killed from outside
// (SIGKILL), a native crash (abort → SIGABRT), memory exhaustion outside the JavaScript heap
// (killed by the worker's RSS watch) and inside it (V8 gives up first, under the heap limit the
// worker derived from the memory limit), and an endless loop inside poll (health checks kill it).
// Each time only that task turns FAILED, with a trace that says what happened; the healthy
// pipeline beside it keeps moving during the fault; a task restart resumes from the committed
// offsets and every record arrives.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesWithAny, type Fault } from './support/isolation-fixtures.js';
import { IsolationRun, expectHealthyDuring, report, runFault } from './support/isolation-run.js';

const FAULTS: Fault[] = ['sigkill', 'abort', 'memory', 'heap', 'loop'];
const HEALTH_CHECK_INTERVAL_MS = 1_000;
const HEALTH_CHECK_FAILURES = 3;
const MEMORY_LIMIT_MB = 256;

describe.each(fixturesWithAny(FAULTS))('plugin processes that crash ($language fixture)', (fixture) => {
  let run: IsolationRun;
  const plugin = fixture.pluginName;

  beforeAll(async () => {
    run = await IsolationRun.start(fixture, {
      'plugin.health.check.interval.ms': String(HEALTH_CHECK_INTERVAL_MS),
      'plugin.health.check.failures': String(HEALTH_CHECK_FAILURES),
    });
  });

  afterAll(async () => {
    await run?.finish();
  });

  if (fixture.faults.has('sigkill')) {
    it('SIGKILL from outside: the task is FAILED naming the signal, and a restart resumes without loss', async () => {
      const pipeline = await run.createPipeline('sigkill');
      const pid = run.pluginPid(`${pipeline.source}-0`);
      const outcome = await runFault(run, { pipeline, failing: pipeline.source, inject: () => void process.kill(pid, 'SIGKILL') });
      report(run, 'SIGKILL', outcome);
      expect(outcome.trace).toMatch(new RegExp(`^Plugin process ${plugin} \\(pid ${pid}, for sigkill-source-0\\) was killed by signal SIGKILL(\\.|$)`, 'm'));
      expect(outcome.failedAfterMs).toBeLessThan(2_000);
      expect(outcome.linesAtFailure).toBeLessThan(pipeline.records); // it died mid-stream
      expectHealthyDuring(outcome);
    });
  }

  if (fixture.faults.has('abort')) {
    it('a native crash (abort): the task is FAILED with the signal and the last words on stderr', async () => {
      const pipeline = await run.createPipeline('abort', { source: { fault: 'abort' } });
      const pid = run.pluginPid(`${pipeline.source}-0`);
      const outcome = await runFault(run, { pipeline, failing: pipeline.source });
      report(run, 'abort', outcome);
      expect(outcome.trace).toContain(`Plugin process ${plugin} (pid ${pid}, for abort-source-0) ${fixture.traces.abort ?? 'was killed by signal SIGABRT'}`);
      expect(outcome.trace).toContain(fixture.stderr.abort ?? 'fixture: calling abort()');
      expect(outcome.linesAtFailure).toBeLessThan(pipeline.records);
      expectHealthyDuring(outcome);
    });
  }

  if (fixture.faults.has('memory')) {
    it(`memory exhaustion: over polyconnect.plugin.memory.limit.mb=${MEMORY_LIMIT_MB} the worker kills the process and the trace says so`, async () => {
      const pipeline = await run.createPipeline('memory', { source: { fault: 'memory', 'polyconnect.plugin.memory.limit.mb': String(MEMORY_LIMIT_MB) } });
      const pid = run.pluginPid(`${pipeline.source}-0`);
      const outcome = await runFault(run, { pipeline, failing: pipeline.source });
      report(run, 'memory limit (RSS)', outcome);
      expect(outcome.trace).toMatch(
        new RegExp(
          `Plugin process ${plugin} \\(pid ${pid}, for memory-source-0\\) was killed by signal SIGKILL after its memory use \\((\\d+\\.\\d) MiB\\) exceeded the limit of ${MEMORY_LIMIT_MB} MiB \\(polyconnect\\.plugin\\.memory\\.limit\\.mb\\)`,
        ),
      );
      const used = Number(/memory use \((\d+\.\d) MiB\)/.exec(outcome.trace)![1]);
      expect(used).toBeGreaterThan(MEMORY_LIMIT_MB);
      expect(outcome.trace).toContain('fixture: leaking memory');
      expectHealthyDuring(outcome);
    });
  }

  if (fixture.faults.has('heap')) {
    it('JavaScript heap exhaustion: V8 gives up under the heap limit derived from the memory limit, and the trace says so', async () => {
      const pipeline = await run.createPipeline('heap', { source: { fault: 'heap', 'polyconnect.plugin.memory.limit.mb': String(MEMORY_LIMIT_MB) } });
      const pid = run.pluginPid(`${pipeline.source}-0`);
      const outcome = await runFault(run, { pipeline, failing: pipeline.source });
      report(run, 'heap limit (V8)', outcome);
      expect(outcome.trace).toContain(
        `Plugin process ${plugin} (pid ${pid}, for heap-source-0) was killed by signal SIGABRT after it ran out of JavaScript heap (--max-old-space-size=128, set from the memory limit of ${MEMORY_LIMIT_MB} MiB (polyconnect.plugin.memory.limit.mb))`,
      );
      expect(outcome.trace).toContain('JavaScript heap out of memory');
      expectHealthyDuring(outcome);
    });
  }

  if (fixture.faults.has('loop')) {
    it('an endless loop inside poll: health checks kill the process, the trace says so, and the pipeline beside it moves all along', async () => {
      const pipeline = await run.createPipeline('loop', { source: { fault: 'loop' } });
      const pid = run.pluginPid(`${pipeline.source}-0`);
      const outcome = await runFault(run, { pipeline, failing: pipeline.source });
      report(run, 'endless loop', outcome);
      expect(outcome.trace).toContain(
        `Plugin process ${plugin} (pid ${pid}, for loop-source-0) was killed by signal SIGKILL after ${HEALTH_CHECK_FAILURES} failed health checks`,
      );
      expect(outcome.trace).toContain('fixture: entering an endless loop in poll()');
      // The process hung for a while before it was killed: the healthy pipeline moved meanwhile too.
      expect(outcome.failedAfterMs).toBeGreaterThanOrEqual(HEALTH_CHECK_INTERVAL_MS * (HEALTH_CHECK_FAILURES - 1));
      expect(outcome.healthyLinesBeforeFailed).toBeGreaterThan(100);
      expect(outcome.linesAtFailure).toBeLessThan(pipeline.records);
      expectHealthyDuring(outcome);
    });
  }
});
