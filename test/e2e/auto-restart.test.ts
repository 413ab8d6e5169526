// Automatic restart of failed tasks (a Polyconnect extension, off by default): a source task whose
// plugin process is killed comes back by itself after the backoff, its status keeps the failure it
// recovered from, and no record is lost.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNoneLost, fileSize, numberedLines } from '../support/file-data.js';
import { kafkaBootstrapServers } from '../support/kafka.js';
import { StandaloneWorker } from '../support/standalone-worker.js';

describe('polyconnect.task.restart.enable', () => {
  it('restarts a killed source task after the backoff, keeps the failure in its trace, and loses nothing', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'pc-auto-'));
    const input = join(directory, 'in.txt');
    const output = join(directory, 'out.txt');
    const count = 150_000;
    writeFileSync(input, numberedLines(count));
    const topic = `auto-${Date.now()}`;
    const worker = await StandaloneWorker.start({
      bootstrapServers: kafkaBootstrapServers(),
      directory,
      properties: { 'offset.flush.interval.ms': '500' },
      connectors: [
        {
          name: 'source',
          'connector.class': 'FileStreamSource',
          file: input,
          topic,
          'polyconnect.task.restart.enable': 'true',
          'polyconnect.task.restart.backoff.initial.ms': '1500',
        },
        { name: 'sink', 'connector.class': 'FileStreamSink', file: output, topics: topic },
      ],
    });
    try {
      await worker.waitFor(() => fileSize(output) > 300_000, 60_000, 'data to flow');
      const pid = worker.pluginPid('source-0')!;
      process.kill(pid, 'SIGKILL');

      let failedTrace = '';
      await worker.waitFor(async () => {
        const task = (await worker.status('source'))?.tasks[0];
        failedTrace = task?.trace ?? '';
        return task?.state === 'FAILED';
      }, 5_000, 'the task to fail');
      expect(failedTrace).toContain('was killed by signal SIGKILL');
      expect(failedTrace).toContain('Polyconnect restarts this task automatically in 1500 ms (attempt 1).');

      let runningTrace = '';
      await worker.waitFor(async () => {
        const task = (await worker.status('source'))?.tasks[0];
        runningTrace = task?.trace ?? '';
        return task?.state === 'RUNNING' && worker.pluginPid('source-0') !== pid;
      }, 10_000, 'the task to be restarted');
      expect(runningTrace).toMatch(/^Recovered by automatic restart 1 \(.*\) from:\n.*was killed by signal SIGKILL/s);

      await worker.waitFor(() => {
        try {
          checkNoneLost(output, count);
          return true;
        } catch {
          return false;
        }
      }, 120_000, 'every record');
    } finally {
      expect(await worker.stop('SIGTERM')).toBe(0);
    }
  }, 180_000);
});
