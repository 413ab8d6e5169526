// The memory-limit rules of plugin processes (src/plugin/plugin-memory-limit.ts): which key a
// process's limit comes from under each plugin.isolation, Node's heap limit under it, and reading
// resident memory from /proc. The enforcement itself is exercised by test/isolation.

import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { connectorConfigDef } from '../../../src/herder/connector-config-def.js';
import {
  MemoryWatch,
  connectorMemoryLimitMb,
  nodeHeapLimitMb,
  parseVmRssBytes,
  processMemoryLimit,
  readRssBytes,
  withMaxOldSpaceSize,
} from '../../../src/plugin/plugin-memory-limit.js';

describe('plugin process memory limits', () => {
  it('takes the connector\'s limit when the process serves that connector only, else the worker\'s', () => {
    expect(processMemoryLimit('task', 512, 256)).toEqual({ mb: 256, key: 'polyconnect.plugin.memory.limit.mb' });
    expect(processMemoryLimit('connector', 512, 256)).toEqual({ mb: 256, key: 'polyconnect.plugin.memory.limit.mb' });
    expect(processMemoryLimit('plugin', 512, 256)).toEqual({ mb: 512, key: 'plugin.memory.limit.mb' });
    expect(processMemoryLimit('task', 512, undefined)).toEqual({ mb: 512, key: 'plugin.memory.limit.mb' });
    // 0 means none, at either level: a connector may lift the worker's limit for itself.
    expect(processMemoryLimit('task', 512, 0)).toBeUndefined();
    expect(processMemoryLimit('task', 0, undefined)).toBeUndefined();
  });

  it('reads the connector key, and validation knows it', () => {
    expect(connectorMemoryLimitMb({ 'polyconnect.plugin.memory.limit.mb': '300' })).toBe(300);
    expect(connectorMemoryLimitMb({})).toBeUndefined();
    expect(() => connectorMemoryLimitMb({ 'polyconnect.plugin.memory.limit.mb': '-1' })).toThrow(/polyconnect.plugin.memory.limit.mb/);
    const results = connectorConfigDef('source').validate({ 'polyconnect.plugin.memory.limit.mb': 'lots' });
    expect(results.find((r) => r.name === 'polyconnect.plugin.memory.limit.mb')?.errors).toHaveLength(1);
  });

  it('gives Node plugins a heap limit well under the memory limit', () => {
    expect(nodeHeapLimitMb(256)).toBe(128);
    expect(nodeHeapLimitMb(1024)).toBe(768);
    expect(nodeHeapLimitMb(64)).toBe(32);
    expect(withMaxOldSpaceSize(undefined, 128)).toBe('--max-old-space-size=128');
    expect(withMaxOldSpaceSize('--enable-source-maps --max-old-space-size=4096', 128)).toBe('--enable-source-maps --max-old-space-size=128');
  });

  it('reads VmRSS from /proc/<pid>/status', async () => {
    expect(parseVmRssBytes('Name:\tnode\nVmRSS:\t  123456 kB\nRssAnon:\t1 kB\n')).toBe(123456 * 1024);
    expect(parseVmRssBytes('Name:\tzombie\n')).toBeUndefined();
    if (process.platform === 'linux') {
      const own = await readRssBytes(process.pid);
      expect(own).toBeGreaterThan(10 * 1024 * 1024);
    }
  });

  it.runIf(process.platform === 'linux')('kills a process tree that grows over its limit, naming use, limit and key', async () => {
    // A shell that starts a child which takes ~200 MiB: the child counts toward the shell's limit.
    const parent = spawn('sh', ['-c', `${JSON.stringify(process.execPath)} -e "const keep = Buffer.alloc(200 * 1024 * 1024, 1); setInterval(() => keep, 1000)"; sleep 30`], { stdio: 'ignore' });
    const exited = new Promise<string | null>((resolve) => parent.on('exit', (_code, signal) => resolve(signal)));
    const reason = await new Promise<string>((resolve) => {
      new MemoryWatch({ pid: parent.pid!, limit: { mb: 100, key: 'plugin.memory.limit.mb' }, onExceeded: resolve, onUnsupported: () => resolve('unsupported'), intervalMs: 50 });
    });
    expect(reason).toMatch(/^its memory use \((\d+\.\d) MiB\) exceeded the limit of 100 MiB \(plugin\.memory\.limit\.mb\)$/);
    expect(await exited).toBe('SIGKILL');
  });
});
