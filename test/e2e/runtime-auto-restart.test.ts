// Issue 3, must show: automatic restart (polyconnect.task.restart.*). A FileStreamSource task whose
// plugin process is SIGKILLed three times in a row comes back each time, after a backoff that
// doubles (1 s, 2 s, 4 s: the task never ran long enough to be forgiven), and the sink's output
// holds every numbered line (repeats allowed after a crash, never a gap). Lines keep being
// appended to the input the whole time.

import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNoneLost, fileSize } from '../support/file-data.js';
import { kafkaBootstrapServers } from '../support/kafka.js';
import { StandaloneWorker } from '../support/standalone-worker.js';

const INITIAL_BACKOFF_MS = 1000;

describe('automatic restart of a source task killed three times', () => {
  it('comes back after each kill with a doubling backoff and loses no line', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'pc-rt-auto-'));
    const input = join(directory, 'in.txt');
    const output = join(directory, 'out.txt');
    const topic = `rt-auto-${Date.now()}`;
    writeFileSync(input, '');
    let written = 0;
    const writer = setInterval(() => {
      let text = '';
      for (let i = 0; i < 20; i++) text += `${String(written++).padStart(8, '0')} ${'z'.repeat(40)}\n`;
      appendFileSync(input, text);
    }, 20);
    const worker = await StandaloneWorker.start({
      bootstrapServers: kafkaBootstrapServers(),
      directory,
      properties: { 'offset.flush.interval.ms': '500' },
      connectors: [
        {
          name: 'src',
          'connector.class': 'FileStreamSource',
          file: input,
          topic,
          'polyconnect.task.restart.enable': 'true',
          'polyconnect.task.restart.backoff.initial.ms': String(INITIAL_BACKOFF_MS),
        },
        { name: 'snk', 'connector.class': 'FileStreamSink', file: output, topics: topic },
      ],
    });
    try {
      const delays: number[] = [];
      for (let attempt = 1; attempt <= 3; attempt++) {
        const before = fileSize(output);
        await worker.waitFor(() => fileSize(output) > before + 20_000, 60_000, `data to flow before kill ${attempt}`);
        const pid = worker.pluginPid('src-0')!;
        expect(pid).toBeGreaterThan(0);
        process.kill(pid, 'SIGKILL');

        let failedTrace = '';
        await worker.waitFor(async () => {
          const task = (await worker.status('src'))?.tasks[0];
          failedTrace = task?.trace ?? '';
          return task?.state === 'FAILED';
        }, 15_000, `the task to fail after kill ${attempt}`);
        const failedAt = Date.now();
        const expectedDelay = INITIAL_BACKOFF_MS * 2 ** (attempt - 1);
        expect(failedTrace).toContain('was killed by signal SIGKILL');
        expect(failedTrace).toContain(`Polyconnect restarts this task automatically in ${expectedDelay} ms (attempt ${attempt}).`);

        let runningTrace = '';
        await worker.waitFor(async () => {
          const task = (await worker.status('src'))?.tasks[0];
          runningTrace = task?.trace ?? '';
          return task?.state === 'RUNNING' && worker.pluginPid('src-0') !== pid;
        }, 30_000, `the task to be restarted after kill ${attempt}`);
        delays.push(Date.now() - failedAt);
        expect(runningTrace).toMatch(new RegExp(`^Recovered by automatic restart ${attempt} \\(.*\\) from:\\n.*was killed by signal SIGKILL`, 's'));
      }
      console.log(`FAILED -> RUNNING after each kill: ${delays.join(', ')} ms`);
      // Each delay at least its backoff (less the status polling granularity): 1 s, 2 s, 4 s. The
      // plugin's start-up time comes on top, so only the first and last are compared directly.
      delays.forEach((delay, i) => expect(delay).toBeGreaterThanOrEqual(INITIAL_BACKOFF_MS * 2 ** i - 250));
      expect(delays[2]!).toBeGreaterThan(delays[0]!);

      const after = fileSize(output);
      await worker.waitFor(() => fileSize(output) > after + 20_000, 60_000, 'data to flow after the last restart');
      clearInterval(writer);
      const total = written;
      let duplicates = -1;
      await worker.waitFor(() => {
        try {
          duplicates = checkNoneLost(output, total).duplicates;
          return true;
        } catch {
          return false;
        }
      }, 120_000, 'every line');
      console.log(`${total} lines, all delivered; ${duplicates} repeated after the crashes`);
      expect((await worker.status('src'))?.tasks[0]?.state).toBe('RUNNING');
    } finally {
      clearInterval(writer);
      expect(await worker.stop('SIGTERM')).toBe(0);
    }
  }, 240_000);
});
