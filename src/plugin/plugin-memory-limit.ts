// Memory limits of plugin processes: which limit a process gets, how it is watched, and how Node
// plugins are told about it.
//
// The worker key plugin.memory.limit.mb (0: none) is every process's limit; a connector's
// polyconnect.plugin.memory.limit.mb overrides it for the processes that run that connector's
// instances (0: none for them). Which one a process gets follows plugin.isolation: with "task" and
// "connector" a process serves one connector, so the connector's key counts; with "plugin" a
// process serves several connectors, so only the worker's key does (as for the short-lived
// processes that answer Describe and ValidateConfig).
//
// Enforcement (Linux): a MemoryWatch reads the resident set size (VmRSS in /proc/<pid>/status) of
// the process and of the processes it started, every 250 ms, and kills them all with SIGKILL once
// the total exceeds the limit; the exit description then names the use, the limit and its key.
// Node plugins (command "node") also get --max-old-space-size a little under the limit through
// NODE_OPTIONS, so that a JavaScript heap that grows too far fails inside V8 first, with V8's own
// "JavaScript heap out of memory" report. Elsewhere than Linux only that V8 limit applies.

import { readFile, readdir } from 'node:fs/promises';
import type { PluginIsolation } from '../config/worker-config.js';
import { ConfigDef, range } from '../data/index.js';

export const WORKER_MEMORY_LIMIT_KEY = 'plugin.memory.limit.mb';
export const CONNECTOR_MEMORY_LIMIT_KEY = 'polyconnect.plugin.memory.limit.mb';

/** The connector key, for the framework's connector ConfigDef (validation, plugin config listings). */
export const PLUGIN_PROCESS_CONFIG_DEF = new ConfigDef().define({
  name: CONNECTOR_MEMORY_LIMIT_KEY,
  type: 'LONG',
  defaultValue: null,
  validator: range(0),
  importance: 'LOW',
  group: 'Plugin process (Polyconnect)',
  documentation:
    `Memory limit, in MiB, of the plugin processes that run this connector's instances; overrides the worker's ${WORKER_MEMORY_LIMIT_KEY} ` +
    '(0: no limit). A process that goes over it is killed and its tasks fail with a trace that says so. Ignored with plugin.isolation=plugin.',
});

/** A process's memory limit and the config key it came from (named in traces). */
export interface MemoryLimit {
  readonly mb: number;
  readonly key: string;
}

/** How often a watched process's memory is sampled. */
export const MEMORY_SAMPLE_INTERVAL_MS = 250;

/** The connector's own limit in MiB (0: none), or undefined when its config does not set one. */
export function connectorMemoryLimitMb(connectorConfig: Readonly<Record<string, string>>): number | undefined {
  const value = PLUGIN_PROCESS_CONFIG_DEF.parse({ [CONNECTOR_MEMORY_LIMIT_KEY]: connectorConfig[CONNECTOR_MEMORY_LIMIT_KEY] })[CONNECTOR_MEMORY_LIMIT_KEY];
  return value === null || value === undefined ? undefined : Number(value);
}

/**
 * The limit of a process, by the rule above: the connector's when the process serves only that
 * connector and it sets one, else the worker's. Undefined: no limit.
 */
export function processMemoryLimit(isolation: PluginIsolation, workerLimitMb: number, connectorLimitMb: number | undefined): MemoryLimit | undefined {
  const limit: MemoryLimit =
    isolation !== 'plugin' && connectorLimitMb !== undefined ? { mb: connectorLimitMb, key: CONNECTOR_MEMORY_LIMIT_KEY } : { mb: workerLimitMb, key: WORKER_MEMORY_LIMIT_KEY };
  return limit.mb > 0 ? limit : undefined;
}

/**
 * V8's old-space limit for a Node process with this memory limit: under it by a quarter, and by at
 * least 128 MiB, because a Node plugin's resident memory is its old space plus about 90 MiB (Node
 * itself, gRPC's native code, the young generation); so V8 reports an exhausted heap before the
 * RSS watch kills the process. Never under 32 MiB, which a Node plugin needs to start at all.
 */
export function nodeHeapLimitMb(limitMb: number): number {
  return Math.max(32, limitMb - Math.max(128, Math.ceil(limitMb / 4)));
}

/** NODE_OPTIONS with this --max-old-space-size in place of any other (the memory limit wins). */
export function withMaxOldSpaceSize(nodeOptions: string | undefined, heapLimitMb: number): string {
  const others = (nodeOptions ?? '').replace(/--max-old-space-size(=|\s+)\S+/g, '').replace(/\s+/g, ' ').trim();
  return `${others} --max-old-space-size=${heapLimitMb}`.trim();
}

/** True for the line V8 prints when the JavaScript heap is exhausted. */
export function isNodeHeapExhaustionLine(line: string): boolean {
  return line.includes('JavaScript heap out of memory');
}

/** Resident set size of one process in bytes (VmRSS), or undefined when it cannot be read. */
export async function readRssBytes(pid: number): Promise<number | undefined> {
  try {
    return parseVmRssBytes(await readFile(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return undefined;
  }
}

/** VmRSS of a /proc/<pid>/status text, in bytes (undefined: no such line, e.g. a zombie). */
export function parseVmRssBytes(status: string): number | undefined {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match === null ? undefined : Number(match[1]) * 1024;
}

/** Pids of the processes `pid` started, and theirs, from /proc/<pid>/task/<tid>/children. */
export async function descendantPids(pid: number): Promise<number[]> {
  const found: number[] = [];
  const pending = [pid];
  while (pending.length > 0 && found.length < 1_000) {
    const parent = pending.pop()!;
    let threads: string[];
    try {
      threads = await readdir(`/proc/${parent}/task`);
    } catch {
      continue;
    }
    for (const thread of threads) {
      const text = await readFile(`/proc/${parent}/task/${thread}/children`, 'utf8').catch(() => '');
      for (const child of text.split(/\s+/)) {
        if (child === '') continue;
        found.push(Number(child));
        pending.push(Number(child));
      }
    }
  }
  return found;
}

export interface MemoryWatchOptions {
  readonly pid: number;
  readonly limit: MemoryLimit;
  /** Called once, when the limit is exceeded; the process and its children have been sent SIGKILL. */
  readonly onExceeded: (reason: string, rssBytes: number) => void;
  /** Called once when memory cannot be read on this system (not Linux): the limit is not enforced. */
  readonly onUnsupported: () => void;
  readonly intervalMs?: number;
}

/** Samples a process tree's RSS and kills the tree when it exceeds the limit. */
export class MemoryWatch {
  readonly #options: MemoryWatchOptions;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(options: MemoryWatchOptions) {
    this.#options = options;
    this.#schedule(0);
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }

  #schedule(delayMs: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => void this.#sample(), delayMs);
    this.#timer.unref();
  }

  async #sample(): Promise<void> {
    const { pid, limit } = this.#options;
    const own = await readRssBytes(pid);
    if (this.#stopped) return;
    if (own === undefined) {
      // Gone (exit is reported elsewhere) or no /proc: either way there is nothing more to watch.
      if (process.platform !== 'linux') this.#options.onUnsupported();
      this.stop();
      return;
    }
    const children = await descendantPids(pid);
    let total = own;
    for (const child of children) total += (await readRssBytes(child)) ?? 0;
    if (this.#stopped) return;
    if (total > limit.mb * 1024 * 1024) {
      this.stop();
      for (const child of children.reverse()) killQuietly(child);
      killQuietly(pid);
      this.#options.onExceeded(`its memory use (${overLimitMiB(total)} MiB) exceeded the limit of ${limit.mb} MiB (${limit.key})`, total);
      return;
    }
    this.#schedule(this.#options.intervalMs ?? MEMORY_SAMPLE_INTERVAL_MS);
  }
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** MiB with one decimal, rounded up, so a use just over the limit never reads as equal to it (256.1, not 256). */
function overLimitMiB(bytes: number): string {
  return (Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toFixed(1);
}
