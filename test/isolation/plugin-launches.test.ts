// Plugin processes that fail while being launched, for a task that already ran: garbage on stdout
// instead of the handshake line, an exit in the middle of the handshake, and a start slower than
// plugin.handshake.timeout.ms. The task is FAILED with a trace that says what happened (and what
// the process said on stderr), the healthy pipeline keeps moving, and once the plugin launches
// again a restart resumes from the committed offsets without loss.

import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesWithAny, type Fault } from './support/isolation-fixtures.js';
import { IsolationRun, expectHealthyDuring, isAlive, report, runFault, type FaultyPipeline } from './support/isolation-run.js';

const FAULTS: Fault[] = ['garbage', 'exit-in-handshake', 'slow-start'];
const HANDSHAKE_TIMEOUT_MS = 5_000;

describe.each(fixturesWithAny(FAULTS))('plugin processes that fail to launch ($language fixture)', (fixture) => {
  let run: IsolationRun;
  const plugin = fixture.pluginName;

  beforeAll(async () => {
    run = await IsolationRun.start(fixture, { 'plugin.handshake.timeout.ms': String(HANDSHAKE_TIMEOUT_MS) });
  });

  afterAll(async () => {
    await run?.finish();
  });

  /** The next launch of the fixture misbehaves as `fault` says; the task is restarted to launch it. */
  function relaunchWith(pipeline: FaultyPipeline, fault: string): () => Promise<void> {
    return async () => {
      writeFileSync(run.launchFaultFile, fault);
      await run.restartTask(pipeline.source);
    };
  }

  function pidIn(trace: string): number {
    return Number(/\(pid (\d+), for /.exec(trace)?.[1]);
  }

  if (fixture.faults.has('garbage')) {
    it('garbage on stdout instead of a handshake: the task is FAILED quoting it, and the process is killed', async () => {
      const pipeline = await run.createPipeline('garbage');
      const outcome = await runFault(run, { pipeline, failing: pipeline.source, inject: relaunchWith(pipeline, 'garbage') });
      report(run, 'garbage handshake', outcome);
      expect(outcome.trace).toContain(`Plugin ${plugin} sent a bad handshake: Unrecognized remote plugin message "Hello! Listening on port 8080"`);
      expect(outcome.trace).toMatch(new RegExp(`Plugin process ${plugin} \\(pid \\d+, for garbage-source-0\\) was killed by signal SIGKILL after its bad handshake`));
      expect(outcome.trace).toContain('fixture: greeting the worker instead of shaking hands');
      expect(isAlive(pidIn(outcome.trace))).toBe(false);
      expectHealthyDuring(outcome);
    });
  }

  if (fixture.faults.has('exit-in-handshake')) {
    it('an exit in the middle of the handshake: the task is FAILED with the exit code and the last stderr line', async () => {
      const pipeline = await run.createPipeline('exit-in-handshake');
      const outcome = await runFault(run, { pipeline, failing: pipeline.source, inject: relaunchWith(pipeline, 'exit-in-handshake') });
      report(run, 'exit during the handshake', outcome);
      expect(outcome.trace).toMatch(new RegExp(`Plugin process ${plugin} \\(pid \\d+, for exit-in-handshake-source-0\\) exited with code 2`));
      expect(outcome.trace).toContain('fixture: exiting in the middle of the handshake');
      expectHealthyDuring(outcome);
    });
  }

  if (fixture.faults.has('slow-start')) {
    it(`a start slower than plugin.handshake.timeout.ms (${HANDSHAKE_TIMEOUT_MS} ms): the task is FAILED naming the timeout, and the process is killed`, async () => {
      const pipeline = await run.createPipeline('slow-start');
      const outcome = await runFault(run, { pipeline, failing: pipeline.source, inject: relaunchWith(pipeline, `slow-start:${HANDSHAKE_TIMEOUT_MS * 3}`) });
      report(run, 'slow start', outcome);
      expect(outcome.trace).toContain(`No handshake line from the plugin within ${HANDSHAKE_TIMEOUT_MS} ms (plugin.handshake.timeout.ms)`);
      expect(outcome.trace).toMatch(new RegExp(`Plugin process ${plugin} \\(pid \\d+, for slow-start-source-0\\) was killed by signal SIGKILL after its handshake did not come`));
      expect(outcome.trace).toContain(`fixture: loading for ${HANDSHAKE_TIMEOUT_MS * 3} ms before serving`);
      expect(outcome.failedAfterMs).toBeGreaterThanOrEqual(HANDSHAKE_TIMEOUT_MS);
      expect(isAlive(pidIn(outcome.trace))).toBe(false);
      // The launch hung for the whole timeout: the healthy pipeline moved meanwhile.
      expect(outcome.healthyLinesBeforeFailed).toBeGreaterThan(400);
      expectHealthyDuring(outcome);
    });
  }
});
