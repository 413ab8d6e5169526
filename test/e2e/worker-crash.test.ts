// A worker killed with SIGKILL cannot stop its plugin processes; they must notice and exit on
// their own instead of living on as orphans. A restarted worker then resumes from the offsets
// flushed before the crash, losing nothing.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNoneLost, fileSize, numberedLines } from '../support/file-data.js';
import { kafkaBootstrapServers } from '../support/kafka.js';
import { StandaloneWorker } from '../support/standalone-worker.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('worker killed with SIGKILL', () => {
  it('leaves no plugin processes behind, and a restarted worker loses no record', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'pc-e2e-'));
    const topic = `crash-${Date.now()}`;
    const input = join(directory, 'input.txt');
    const output = join(directory, 'output.txt');
    const count = 200_000;
    writeFileSync(input, numberedLines(count));
    const connectors: Array<Record<string, string>> = [
      { name: 'source', 'connector.class': 'FileStreamSource', file: input, topic },
      { name: 'sink', 'connector.class': 'FileStreamSink', file: output, topics: topic },
    ];
    const options = { bootstrapServers: kafkaBootstrapServers(), directory, connectors, properties: { 'offset.flush.interval.ms': '300', 'consumer.session.timeout.ms': '6000', 'consumer.heartbeat.interval.ms': '1000' } };
    const first = await StandaloneWorker.start(options);
    await first.waitFor(() => first.pluginPid('sink-0') !== undefined && fileSize(output) > 0, 60_000, 'data to flow');
    const pluginPids = ['source', 'source-0', 'sink', 'sink-0'].map((label) => first.pluginPid(label)!);
    expect(pluginPids.every((pid) => pid > 0 && alive(pid))).toBe(true);

    await first.stop('SIGKILL');
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && pluginPids.some(alive)) await new Promise((r) => setTimeout(r, 100));
    expect(pluginPids.filter(alive)).toEqual([]);

    const second = await StandaloneWorker.start(options);
    await second.waitFor(() => {
      try {
        checkNoneLost(output, count);
        return true;
      } catch {
        return false;
      }
    }, 120_000, 'every record after the restart');
    expect(await second.stop('SIGTERM')).toBe(0);
  }, 240_000);
});
