// The automatic restart policy: off by default, exponential backoff with a cap, a limit on
// attempts, forgiveness after a stable run, and forgetting on manual restarts.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TaskAutoRestarter, parseAutoRestartPolicy } from '../../../src/herder/task-auto-restart.js';

describe('TaskAutoRestarter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('does nothing unless the connector enables it (Kafka leaves FAILED tasks alone)', () => {
    const restarter = new TaskAutoRestarter();
    const restart = vi.fn();
    expect(restarter.onFailure('c', 0, parseAutoRestartPolicy({}), restart)).toBeUndefined();
    vi.advanceTimersByTime(600_000);
    expect(restart).not.toHaveBeenCalled();
  });

  it('doubles the delay per attempt up to the cap', () => {
    let now = 0;
    const restarter = new TaskAutoRestarter(() => now);
    const policy = parseAutoRestartPolicy({ 'polyconnect.task.restart.enable': 'true', 'polyconnect.task.restart.backoff.initial.ms': '100', 'polyconnect.task.restart.backoff.max.ms': '350' });
    const delays = [1, 2, 3, 4].map(() => {
      const decision = restarter.onFailure('c', 0, policy, () => undefined);
      now += 10; // fails again quickly after each restart
      return decision?.delayMs;
    });
    expect(delays).toEqual([100, 200, 350, 350]);
  });

  it('restarts after the delay and says so in the note', () => {
    const restarter = new TaskAutoRestarter();
    const restart = vi.fn();
    const decision = restarter.onFailure('c', 1, parseAutoRestartPolicy({ 'polyconnect.task.restart.enable': 'true' }), restart);
    expect(decision?.note).toBe('Polyconnect restarts this task automatically in 1000 ms (attempt 1).');
    vi.advanceTimersByTime(999);
    expect(restart).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(restart).toHaveBeenCalledOnce();
  });

  it('gives up after max.attempts', () => {
    const restarter = new TaskAutoRestarter(() => 0);
    const policy = parseAutoRestartPolicy({ 'polyconnect.task.restart.enable': 'true', 'polyconnect.task.restart.max.attempts': '2' });
    restarter.onFailure('c', 0, policy, () => undefined);
    restarter.onFailure('c', 0, policy, () => undefined);
    const third = restarter.onFailure('c', 0, policy, () => undefined);
    expect(third?.delayMs).toBeUndefined();
    expect(third?.note).toContain('gave up after 2 attempts');
  });

  it('forgives a task that ran for the max backoff, and forgets on a manual restart', () => {
    let now = 0;
    const restarter = new TaskAutoRestarter(() => now);
    const policy = parseAutoRestartPolicy({ 'polyconnect.task.restart.enable': 'true', 'polyconnect.task.restart.backoff.max.ms': '5000' });
    restarter.onFailure('c', 0, policy, () => undefined);
    vi.advanceTimersByTime(1000); // restarted at now=0
    now = 6_000; // ran for 6 s
    expect(restarter.onFailure('c', 0, policy, () => undefined)?.delayMs).toBe(1000);
    restarter.forget('c', 0);
    expect(restarter.onFailure('c', 0, policy, () => undefined)?.attempt).toBe(1);
  });

  it('rejects invalid settings', () => {
    expect(() => parseAutoRestartPolicy({ 'polyconnect.task.restart.max.attempts': '-5' })).toThrow(/polyconnect.task.restart.max.attempts/);
  });
});
