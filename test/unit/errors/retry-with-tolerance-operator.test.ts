// The retry-with-tolerance operator: Kafka's backoff (300 ms doubling, capped with jitter, clipped
// to errors.retry.timeout), which exceptions each stage tolerates, reporting before failing, and
// our one deliberate difference (retries exhausted under tolerance=none fail the task).

import { describe, expect, it } from 'vitest';
import { DataException, RetriableException } from '../../../src/data/index.js';
import { parseErrorHandlingConfig } from '../../../src/errors/error-handling-config.js';
import type { ProcessingFailure } from '../../../src/errors/processing-context.js';
import { RetryWithToleranceOperator, SKIPPED, ToleranceExceededError } from '../../../src/errors/retry-with-tolerance-operator.js';

function operator(config: Record<string, string>, options: { stopping?: () => boolean; random?: number } = {}) {
  const reports: ProcessingFailure[] = [];
  const sleeps: number[] = [];
  let clock = 0;
  const op = new RetryWithToleranceOperator({
    connector: 'c',
    taskId: 2,
    config: parseErrorHandlingConfig(config),
    reporters: [{ report: (failure) => void reports.push(failure) }],
    isStopping: options.stopping ?? (() => false),
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    now: () => clock,
    random: () => options.random ?? 0.5,
  });
  return { op, reports, sleeps };
}

const consumed = { topic: 't', partition: 0, offset: 7, timestamp: null, key: null, value: Buffer.from('x'), headers: [] };

describe('RetryWithToleranceOperator', () => {
  it('returns the result synchronously when nothing fails', () => {
    const { op, reports } = operator({});
    expect(op.execute('VALUE_CONVERTER', 'X', () => 42, {})).toBe(42);
    expect(reports).toEqual([]);
  });

  it('with errors.tolerance=none, reports then fails with "Tolerance exceeded in error handler" caused by the error', async () => {
    const { op, reports } = operator({ 'errors.tolerance': 'none' });
    const boom = new DataException('bad bytes');
    const outcome = op.execute('VALUE_CONVERTER', 'org.apache.kafka.connect.json.JsonConverter', () => {
      throw boom;
    }, { consumed });
    await expect(outcome).rejects.toBeInstanceOf(ToleranceExceededError);
    await expect(outcome).rejects.toMatchObject({ message: 'Tolerance exceeded in error handler', cause: boom });
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      connector: 'c',
      taskId: 2,
      stage: 'VALUE_CONVERTER',
      executingClass: 'org.apache.kafka.connect.json.JsonConverter',
      error: { className: 'org.apache.kafka.connect.errors.DataException', message: 'bad bytes' },
      consumed,
    });
  });

  it('with errors.tolerance=all, skips a record that failed in a converter or transform', async () => {
    const { op, reports } = operator({ 'errors.tolerance': 'all' });
    const outcome = await op.execute('TRANSFORMATION', 'Cast$Value', () => {
      throw new Error('nope');
    }, {});
    expect(outcome).toBe(SKIPPED);
    expect(op.skipped).toBe(1);
    expect(reports[0]?.error.className).toBe('Error');
  });

  it('does not tolerate a non-retriable error in KAFKA_PRODUCE even with errors.tolerance=all (Kafka tolerates only retriable ones there)', async () => {
    const { op } = operator({ 'errors.tolerance': 'all' });
    await expect(op.executeAsync('KAFKA_PRODUCE', 'P', async () => {
      throw new Error('record too large');
    })).rejects.toBeInstanceOf(ToleranceExceededError);
  });

  it('retries a RetriableException with 300 ms doubling backoff until it succeeds', async () => {
    const { op, sleeps, reports } = operator({ 'errors.retry.timeout': '10000' });
    let calls = 0;
    const outcome = await op.execute('VALUE_CONVERTER', 'X', () => {
      if (++calls < 4) throw new RetriableException('try again');
      return 'ok';
    }, {});
    expect(outcome).toBe('ok');
    expect(sleeps).toEqual([300, 600, 1200]);
    expect(reports).toEqual([]);
  });

  it('uses a random delay below errors.retry.delay.max.ms once the doubled delay exceeds it, and clips to the deadline', async () => {
    const { op, sleeps } = operator({ 'errors.retry.timeout': '3000', 'errors.retry.delay.max.ms': '1000', 'errors.tolerance': 'all' }, { random: 0.25 });
    const outcome = await op.execute('VALUE_CONVERTER', 'X', () => {
      throw new RetriableException('still down');
    }, {});
    expect(outcome).toBe(SKIPPED);
    // 300, 600, then 1200 > 1000 → 0.25 × 1000 = 250, repeatedly, until 3000 ms have passed.
    expect(sleeps.slice(0, 4)).toEqual([300, 600, 250, 250]);
    expect(sleeps.reduce((a, b) => a + b, 0)).toBe(3000);
  });

  it('does not retry when errors.retry.timeout is 0 (the default)', async () => {
    const { op, sleeps } = operator({ 'errors.tolerance': 'all' });
    expect(await op.execute('KEY_CONVERTER', 'X', () => {
      throw new RetriableException('x');
    }, {})).toBe(SKIPPED);
    expect(sleeps).toEqual([]);
  });

  it('fails the task when retries of a RetriableException run out under errors.tolerance=none (Kafka would drop the record)', async () => {
    const { op, reports } = operator({ 'errors.retry.timeout': '1000' });
    await expect(op.execute('VALUE_CONVERTER', 'X', () => {
      throw new RetriableException('down');
    }, {})).rejects.toBeInstanceOf(ToleranceExceededError);
    expect(reports).toHaveLength(1);
  });

  it('stops retrying as soon as the task is stopping', async () => {
    let stopping = false;
    const { op, sleeps } = operator({ 'errors.retry.timeout': '-1', 'errors.tolerance': 'all' }, { stopping: () => stopping });
    let calls = 0;
    const outcome = await op.execute('VALUE_CONVERTER', 'X', () => {
      if (++calls === 3) stopping = true;
      throw new RetriableException('down');
    }, {});
    expect(outcome).toBe(SKIPPED);
    expect(calls).toBe(3); // the third attempt saw the stop; no fourth
    expect(sleeps).toEqual([300, 600]);
  });

  it('reportFailure (errant records from Put) reports and then applies tolerance', async () => {
    const none = operator({});
    const failure = { stage: 'TASK_PUT' as const, executingClass: 'org.apache.kafka.connect.sink.SinkTask', error: { className: 'E', message: 'm', stackTrace: 'E: m' }, consumed };
    await expect(none.op.reportFailure(failure)).rejects.toBeInstanceOf(ToleranceExceededError);
    expect(none.reports).toHaveLength(1);
    const all = operator({ 'errors.tolerance': 'all' });
    await all.op.reportFailure(failure);
    expect(all.reports).toHaveLength(1);
    expect(all.op.skipped).toBe(1);
  });

  it('rejects bad errors.* values with Kafka-style messages', () => {
    expect(() => parseErrorHandlingConfig({ 'errors.tolerance': 'some' })).toThrow(/Invalid value some for configuration errors.tolerance/);
    expect(() => parseErrorHandlingConfig({ 'errors.retry.timeout': '-2' })).toThrow(/errors.retry.timeout/);
  });
});
