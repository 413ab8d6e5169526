// The same FileStream pipeline under each plugin.isolation packing: with "connector" the source
// connector and its task share a process (and the sink theirs), with "plugin" all four instances
// share one. Data must come through unchanged either way, and the log shows how many processes ran.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSize, mixedLines } from '../support/file-data.js';
import { kafkaBootstrapServers } from '../support/kafka.js';
import { StandaloneWorker } from '../support/standalone-worker.js';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.each([
  ['connector', 2],
  ['plugin', 1],
] as const)('plugin.isolation=%s', (isolation, processes) => {
  it(`moves a file through Kafka unchanged using ${processes} plugin process(es)`, async () => {
    const directory = mkdtempSync(join(tmpdir(), 'pc-e2e-'));
    const input = join(directory, 'input.txt');
    const output = join(directory, 'output.txt');
    const topic = `isolation-${isolation}-${Date.now()}`;
    const content = mixedLines(20_000, 50_000);
    writeFileSync(input, content);
    const worker = await StandaloneWorker.start({
      bootstrapServers: kafkaBootstrapServers(),
      directory,
      properties: { 'plugin.isolation': isolation },
      connectors: [
        { name: 'source', 'connector.class': 'FileStreamSource', file: input, topic },
        { name: 'sink', 'connector.class': 'FileStreamSink', file: output, topics: topic },
      ],
    });
    try {
      await worker.waitFor(() => fileSize(output) >= Buffer.byteLength(content), 60_000, 'the whole file');
      expect(readFileSync(output).equals(Buffer.from(content))).toBe(true);
      // Processes started only to validate the configs have exited; those left run the instances.
      const pids = worker.logs.filter((entry) => entry.msg === 'Plugin process started').map((entry) => entry.pluginPid as number);
      expect(pids.filter(isAlive)).toHaveLength(processes);
      for (const name of ['source', 'sink']) {
        const status = await worker.status(name);
        expect([status?.connector.state, ...(status?.tasks.map((t) => t.state) ?? [])]).toEqual(['RUNNING', 'RUNNING']);
      }
    } finally {
      expect(await worker.stop('SIGTERM')).toBe(0);
    }
  }, 120_000);
});
