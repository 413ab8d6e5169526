// Plugin code that throws or hangs inside a call: an exception in put, a put that never returns
// (the call's deadline, plugin.call.timeout.ms, fails the task and the hung process is killed when
// the task lets go of it), and a stop that never returns (task.shutdown.graceful.timeout.ms, then
// the process is killed — on a task restart, and when the whole worker stops, which must still
// exit cleanly). The healthy pipeline beside them keeps moving, and no record is lost.

import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { fixturesWithAny, type Fault } from './support/isolation-fixtures.js';
import { IsolationRun, expectHealthyDuring, isAlive, report, runFault } from './support/isolation-run.js';

const FAULTS: Fault[] = ['throw-put', 'hang-put', 'hang-stop'];
const CALL_TIMEOUT_MS = 4_000;
const GRACEFUL_TIMEOUT_MS = 2_000;

describe.each(fixturesWithAny(FAULTS))('plugin calls that throw or hang ($language fixture)', (fixture) => {
  let run: IsolationRun;

  beforeAll(async () => {
    run = await IsolationRun.start(fixture, {
      'plugin.call.timeout.ms': String(CALL_TIMEOUT_MS),
      'task.shutdown.graceful.timeout.ms': String(GRACEFUL_TIMEOUT_MS),
    });
  });

  afterAll(async () => {
    await run?.finish();
  });

  if (fixture.faults.has('throw-put')) {
    it('an exception in put: the sink task is FAILED with the plugin\'s own error, and a restart delivers every record', async () => {
      const pipeline = await run.createPipeline('throw-put', { faultySink: { fault: 'throw-put' }, records: 10_000 });
      const outcome = await runFault(run, { pipeline, failing: pipeline.sink });
      report(run, 'exception in put', outcome);
      // The plugin's own error (and stack trace, where its language gives one), not a process death.
      expect(outcome.trace).toContain(fixture.traces['throw-put'] ?? 'fixture: put failed on purpose');
      expect(outcome.trace).not.toContain('Plugin process');
      expect(outcome.linesAtFailure).toBeLessThan(pipeline.records);
      expectHealthyDuring(outcome);
    });
  }

  if (fixture.faults.has('hang-put')) {
    it(`a put that never returns: plugin.call.timeout.ms (${CALL_TIMEOUT_MS} ms) fails the task naming the call, and the hung process is killed`, async () => {
      const pipeline = await run.createPipeline('hang-put', { faultySink: { fault: 'hang-put' }, records: 10_000 });
      const pid = run.pluginPid(`${pipeline.sink}-0`);
      const outcome = await runFault(run, {
        pipeline,
        failing: pipeline.sink,
        whileFailed: async () => {
          await run.worker.waitFor(() => !isAlive(pid), 10_000, `the hung plugin process ${pid} to be killed`);
          expect(run.logLinesWith(`(pid ${pid}, for hang-put-sink-0) was killed by signal SIGKILL after it did not answer SinkTaskService.Put within ${CALL_TIMEOUT_MS} ms (plugin.call.timeout.ms)`)).toHaveLength(1);
        },
      });
      report(run, 'put that hangs', outcome);
      expect(outcome.trace).toMatch(new RegExp(`^PluginCallError: SinkTaskService\\.Put did not answer within ${CALL_TIMEOUT_MS} ms \\(plugin\\.call\\.timeout\\.ms\\)`));
      expect(outcome.failedAfterMs).toBeGreaterThanOrEqual(CALL_TIMEOUT_MS);
      // The call was hung for the whole deadline: the healthy pipeline moved meanwhile.
      expect(outcome.healthyLinesBeforeFailed).toBeGreaterThan(400);
      expectHealthyDuring(outcome);
      expect(run.logLinesWith('put() never returns').length).toBeGreaterThan(0);
    });
  }

  if (fixture.faults.has('hang-stop')) {
    it(`a stop that never returns: a task restart waits task.shutdown.graceful.timeout.ms (${GRACEFUL_TIMEOUT_MS} ms), kills the process and goes on`, async () => {
      const pipeline = await run.createPipeline('hang-stop', { source: { fault: 'hang-stop' } });
      onTestFinished(() => run.deletePipeline(pipeline));
      const pid = run.pluginPid(`${pipeline.source}-0`);
      writeFileSync(pipeline.faultFile, '');
      const restartAt = Date.now();
      await run.restartTask(pipeline.source);
      await run.worker.waitFor(() => !isAlive(pid), 15_000, `the plugin process ${pid} whose stop hangs to be killed`);
      const killedAfterMs = Date.now() - restartAt;
      await run.waitForTask(pipeline.source, 'RUNNING', 30_000);
      expect(run.pluginPid(`${pipeline.source}-0`)).not.toBe(pid);
      const duplicates = await run.expectNoneLost(pipeline);
      // What happened is in the log: the abandoned task, and why its process was killed.
      expect(run.logLinesWith(`Task did not stop within ${GRACEFUL_TIMEOUT_MS} ms (task.shutdown.graceful.timeout.ms)`).length).toBeGreaterThan(0);
      expect(
        run.logLinesWith(`(pid ${pid}, for hang-stop-source-0) was killed by signal SIGKILL after the task did not stop within ${GRACEFUL_TIMEOUT_MS} ms (task.shutdown.graceful.timeout.ms)`),
      ).toHaveLength(1);
      // The abandoned task, winding down late, does not overwrite its successor's status.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect((await run.worker.status(pipeline.source))?.tasks[0]?.state).toBe('RUNNING');
      await run.expectOthersRunning([]);
      expect(killedAfterMs).toBeGreaterThanOrEqual(GRACEFUL_TIMEOUT_MS);
      expect(run.healthy.growth(restartAt, restartAt + killedAfterMs)).toBeGreaterThan(0);
      expect(run.healthy.longestStallMs(restartAt, Date.now())).toBeLessThan(5_000);
      console.log(`[isolation ${fixture.language}] stop that hangs: process killed ${killedAfterMs} ms after the restart request; ${duplicates} records repeated, none lost`);
    });

    it('a stop that never returns when the worker stops: the worker still exits cleanly, within the graceful timeout, leaving no process behind', async () => {
      const pipeline = await run.createPipeline('stop-worker', { source: { fault: 'hang-stop' } });
      const pid = run.pluginPid(`${pipeline.source}-0`);
      await run.drainHealthy();
      writeFileSync(pipeline.faultFile, '');
      const stoppingAt = Date.now();
      expect(await run.stopWorker()).toBe(0);
      const stopMs = Date.now() - stoppingAt;
      console.log(`[isolation ${fixture.language}] worker stop with a task whose stop hangs: exited 0 after ${stopMs} ms`);
      expect(stopMs).toBeLessThan(GRACEFUL_TIMEOUT_MS + 10_000);
      expect(isAlive(pid)).toBe(false);
      expect(run.logLinesWith(`(pid ${pid}, for stop-worker-source-0) was killed by signal SIGKILL after the task did not stop within ${GRACEFUL_TIMEOUT_MS} ms`)).toHaveLength(1);
    });
  }
});
