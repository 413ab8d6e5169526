// A plugin process that stops answering (an endless loop inside poll) fails its health checks;
// the worker kills it after plugin.health.check.failures checks in a row and the task is FAILED
// with a trace that says so, while a healthy pipeline beside it keeps running.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kafkaBootstrapServers } from '../support/kafka.js';
import { FILE_PLUGIN_DIR, FIXTURE_PLUGINS_DIR, StandaloneWorker } from '../support/standalone-worker.js';

describe('health watching', () => {
  let worker: StandaloneWorker;

  beforeAll(async () => {
    worker = await StandaloneWorker.start({
      bootstrapServers: kafkaBootstrapServers(),
      properties: {
        'plugin.path': `${FIXTURE_PLUGINS_DIR}/busy-poll,${FILE_PLUGIN_DIR}`,
        'plugin.health.check.interval.ms': '300',
        'plugin.health.check.failures': '3',
      },
      connectors: [
        { name: 'busy', 'connector.class': 'polyconnect.fixtures.BusyPollSourceConnector' },
        { name: 'healthy-sink', 'connector.class': 'FileStreamSink', file: '/dev/null', topics: `health-${Date.now()}` },
      ],
    });
  });

  afterAll(async () => {
    expect(await worker?.stop('SIGTERM')).toBe(0);
  });

  it('kills a plugin that stops answering and fails its task with the reason, leaving the others running', async () => {
    let trace = '';
    await worker.waitFor(async () => {
      const task = (await worker.status('busy'))?.tasks[0];
      trace = task?.trace ?? '';
      return task?.state === 'FAILED';
    }, 20_000, 'the busy task to be FAILED');
    expect(trace).toMatch(/Plugin process fixture-busy-poll \(pid \d+, for busy-0\) was killed by signal SIGKILL after 3 failed health checks/);
    expect(trace).toContain('fixture: entering an endless loop in poll()');
    expect((await worker.status('busy'))?.connector.state).toBe('RUNNING');
    // The sink starts after the busy connector and may still be starting on a loaded machine.
    await worker.waitFor(async () => (await worker.status('healthy-sink'))?.tasks[0]?.state !== 'UNASSIGNED', 20_000, 'the healthy sink task to start');
    const sink = await worker.status('healthy-sink');
    expect([sink?.connector.state, ...(sink?.tasks.map((t) => t.state) ?? [])], JSON.stringify(sink)).toEqual(['RUNNING', 'RUNNING']);
  });
});
