// Pause, resume and stop (KIP-875) against a real worker and broker: a paused source stops
// polling, a paused sink stops consuming without losing its place, a stopped connector has no
// tasks, and each comes back where it was with nothing lost or repeated.

import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileSize } from '../support/file-data.js';
import { kafkaBootstrapServers } from '../support/kafka.js';
import { StandaloneWorker, type ConnectorStatus } from '../support/standalone-worker.js';

const directory = mkdtempSync(join(tmpdir(), 'pc-life-'));
const input = join(directory, 'in.txt');
const output = join(directory, 'out.txt');
let written = 0;
let expected = '';

function writeLines(count: number): void {
  let text = '';
  for (let i = 0; i < count; i++) text += `line ${written++}\n`;
  appendFileSync(input, text);
  expected += text;
}

const states = (status: ConnectorStatus | undefined): string[] => [status?.connector.state ?? 'none', ...(status?.tasks.map((t) => t.state) ?? [])];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('pause, resume and stop', () => {
  let worker: StandaloneWorker;

  beforeAll(async () => {
    writeFileSync(input, '');
    writeLines(100);
    const topic = `life-${Date.now()}`;
    worker = await StandaloneWorker.start({
      bootstrapServers: kafkaBootstrapServers(),
      directory,
      properties: { 'offset.flush.interval.ms': '500' },
      connectors: [
        { name: 'source', 'connector.class': 'FileStreamSource', file: input, topic },
        { name: 'sink', 'connector.class': 'FileStreamSink', file: output, topics: topic },
      ],
    });
    await worker.waitFor(() => fileSize(output) === expected.length, 30_000, 'the first lines');
  });

  afterAll(async () => {
    expect(await worker?.stop('SIGTERM')).toBe(0);
  });

  async function expectStates(name: string, wanted: string[]): Promise<void> {
    await worker.waitFor(async () => JSON.stringify(states(await worker.status(name))) === JSON.stringify(wanted), 15_000, `${name} to be ${wanted.join(',')}`);
  }

  it('a paused source reads nothing new until resumed', async () => {
    expect((await worker.put('/connectors/source/pause')).status).toBe(202);
    await expectStates('source', ['PAUSED', 'PAUSED']);
    const before = fileSize(output);
    writeLines(50);
    await sleep(2_000);
    expect(fileSize(output)).toBe(before);
    expect((await worker.put('/connectors/source/resume')).status).toBe(202);
    await expectStates('source', ['RUNNING', 'RUNNING']);
    await worker.waitFor(() => fileSize(output) === expected.length, 15_000, 'the lines written while paused');
    expect(readFileSync(output, 'utf8')).toBe(expected);
  });

  it('a paused sink consumes nothing until resumed, then delivers everything once', async () => {
    expect((await worker.put('/connectors/sink/pause')).status).toBe(202);
    expect((await worker.put('/connectors/sink/pause')).status).toBe(202); // idempotent
    await expectStates('sink', ['PAUSED', 'PAUSED']);
    const before = fileSize(output);
    writeLines(50);
    await sleep(2_000);
    expect(fileSize(output)).toBe(before);
    expect((await worker.put('/connectors/sink/resume')).status).toBe(202);
    await expectStates('sink', ['RUNNING', 'RUNNING']);
    await worker.waitFor(() => fileSize(output) === expected.length, 15_000, 'the lines held back while paused');
    expect(readFileSync(output, 'utf8')).toBe(expected);
  });

  it('a stopped source has no tasks, and resuming it continues from its committed offset', async () => {
    expect((await worker.put('/connectors/source/stop')).status).toBe(204);
    await expectStates('source', ['STOPPED']);
    expect((await worker.get<{ tasks: unknown[] }>('/connectors/source')).body.tasks).toEqual([]);
    writeLines(50);
    await sleep(1_500);
    expect(fileSize(output)).toBeLessThan(expected.length);
    expect((await worker.put('/connectors/source/resume')).status).toBe(202);
    await expectStates('source', ['RUNNING', 'RUNNING']);
    await worker.waitFor(() => fileSize(output) === expected.length, 15_000, 'the lines written while stopped');
    await sleep(1_000);
    expect(readFileSync(output, 'utf8')).toBe(expected);
  });

  it('creates a sink in the PAUSED state (initial_state) whose task starts paused, and resumes it', async () => {
    const response = await fetch(`${worker.restUrl}/connectors`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'paused-sink', config: { 'connector.class': 'FileStreamSink', file: join(directory, 'paused.txt'), topics: `paused-${Date.now()}` }, initial_state: 'PAUSED' }),
    });
    expect(response.status).toBe(201);
    await expectStates('paused-sink', ['PAUSED', 'PAUSED']);
    expect((await worker.put('/connectors/paused-sink/resume')).status).toBe(202);
    await expectStates('paused-sink', ['RUNNING', 'RUNNING']);
  });

  it('answers unknown connectors with 404', async () => {
    expect(await worker.put('/connectors/nope/pause')).toEqual({ status: 404, body: { error_code: 404, message: 'Unknown connector nope' } });
  });
});
