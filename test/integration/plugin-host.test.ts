// PluginHost against real plugin processes (the FileStream plugin): the three plugin.isolation
// packings, Describe over the launched process, a clean stop through Shutdown, and an unexpected
// exit reported with its signal.

import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { PluginHost, type PluginLease } from '../../src/plugin/plugin-host.js';
import { readPluginManifest } from '../../src/plugin/plugin-manifest.js';
import type { PluginIsolation } from '../../src/config/worker-config.js';
import { FILE_PLUGIN_DIR } from '../support/standalone-worker.js';

const logger = pino({ level: 'silent' });

function host(isolation: PluginIsolation): PluginHost {
  return new PluginHost({ isolation, logger, handshakeTimeoutMs: 20_000, healthCheckIntervalMs: 1_000, healthCheckFailures: 3, shutdownTimeoutMs: 2_000, callTimeoutMs: 10_000 });
}

describe('PluginHost with real plugin processes', () => {
  const hosts: PluginHost[] = [];
  afterEach(async () => {
    for (const h of hosts.splice(0)) await h.close();
  });

  async function leases(isolation: PluginIsolation): Promise<PluginLease[]> {
    const plugin = await readPluginManifest(FILE_PLUGIN_DIR);
    const h = host(isolation);
    hosts.push(h);
    return Promise.all([
      h.acquire(plugin, { connector: 'a' }),
      h.acquire(plugin, { connector: 'a', taskId: 0 }),
      h.acquire(plugin, { connector: 'a', taskId: 1 }),
      h.acquire(plugin, { connector: 'b' }),
    ]);
  }

  it.each([
    ['task', 4],
    ['connector', 2],
    ['plugin', 1],
  ] as const)('isolation=%s packs a connector, its two tasks and another connector into %i process(es)', async (isolation, processes) => {
    const held = await leases(isolation);
    expect(new Set(held.map((lease) => lease.process.pid)).size).toBe(processes);
    expect(new Set(held.map((lease) => lease.instanceId)).size).toBe(4);
    const description = await held[0]!.client.describe();
    expect(description.connectors.map((c) => c.className).sort()).toEqual([
      'org.apache.kafka.connect.file.FileStreamSinkConnector',
      'org.apache.kafka.connect.file.FileStreamSourceConnector',
    ]);
    // A shared process lives until its last lease is released; then it exits on Shutdown.
    const first = held[0]!;
    const sharers = held.filter((lease) => lease.process === first.process);
    for (const lease of sharers.slice(1)) await lease.release();
    expect(first.process.hasExited).toBe(false);
    await first.release();
    const exit = await first.process.exited;
    expect(exit.requested).toBe(true);
    expect(exit.exitCode).toBe(0);
  });

  it('reports a process killed under its lease with the signal, and stops the rest on close', async () => {
    const [connector, task] = await leases('task');
    process.kill(task!.process.pid, 'SIGKILL');
    const exit = await task!.processExited;
    expect(exit.requested).toBe(false);
    expect(exit.signal).toBe('SIGKILL');
    expect(exit.description).toMatch(/^Plugin process file \(pid \d+, for a-0\) was killed by signal SIGKILL$/);
    await hosts[0]!.close();
    expect(connector!.process.hasExited).toBe(true);
  });
});
