// WorkerConfig: the worker's settings (Kafka's WorkerConfig and StandaloneConfig keys, plus a few
// of Polyconnect's own for plugin processes), parsed and validated once into typed values.

import { hostname } from 'node:os';
import { ConfigDef, ConfigException, range, validString } from '../data/index.js';

export const DEFAULT_LISTENER = 'http://127.0.0.1:8083';
export type PluginIsolation = 'task' | 'connector' | 'plugin';

const COMMON = 'Common';
const PLUGINS = 'Plugin processes';

export const WORKER_CONFIG_DEF = new ConfigDef()
  .define({ name: 'bootstrap.servers', type: 'LIST', defaultValue: 'localhost:9092', importance: 'HIGH', group: COMMON, documentation: 'Kafka brokers to connect to, host:port,...' })
  .define({ name: 'key.converter', type: 'CLASS', importance: 'HIGH', group: COMMON, documentation: 'Converter class for record keys.' })
  .define({ name: 'value.converter', type: 'CLASS', importance: 'HIGH', group: COMMON, documentation: 'Converter class for record values.' })
  .define({ name: 'header.converter', type: 'CLASS', defaultValue: 'org.apache.kafka.connect.storage.SimpleHeaderConverter', importance: 'LOW', group: COMMON, documentation: 'HeaderConverter class for record headers.' })
  .define({ name: 'offset.flush.interval.ms', type: 'LONG', defaultValue: 60_000, validator: range(1), importance: 'LOW', group: COMMON, documentation: 'How often source offsets are stored and sink offsets committed.' })
  .define({ name: 'offset.flush.timeout.ms', type: 'LONG', defaultValue: 5_000, validator: range(1), importance: 'LOW', group: COMMON, documentation: 'How long a flush may wait for outstanding records before it is given up until the next one.' })
  .define({ name: 'task.shutdown.graceful.timeout.ms', type: 'LONG', defaultValue: 5_000, validator: range(0), importance: 'LOW', group: COMMON, documentation: 'How long to wait for tasks to stop cleanly on shutdown.' })
  .define({ name: 'plugin.path', type: 'LIST', defaultValue: null, importance: 'LOW', group: COMMON, documentation: 'Directories holding plugins: each may be a plugin folder (with plugin.json) or hold plugin folders.' })
  .define({ name: 'listeners', type: 'LIST', defaultValue: DEFAULT_LISTENER, importance: 'LOW', group: COMMON, documentation: 'REST listeners, http://host:port,... (loopback by default; Kafka Connect binds all interfaces).' })
  .define({ name: 'rest.advertised.host.name', type: 'STRING', defaultValue: null, importance: 'LOW', group: COMMON, documentation: 'Host name other workers and the status records use for this worker.' })
  .define({ name: 'rest.advertised.port', type: 'INT', defaultValue: null, importance: 'LOW', group: COMMON, documentation: 'Port other workers and the status records use for this worker.' })
  .define({ name: 'client.id', type: 'STRING', defaultValue: '', importance: 'LOW', group: COMMON, documentation: 'Client id prefix for Kafka clients.' })
  .define({ name: 'offset.storage.file.filename', type: 'STRING', defaultValue: null, importance: 'HIGH', group: COMMON, documentation: 'Standalone: file that stores source connector offsets.' })
  .define({ name: 'plugin.isolation', type: 'STRING', defaultValue: 'task', validator: validString(['task', 'connector', 'plugin']), importance: 'MEDIUM', group: PLUGINS, documentation: 'How instances share plugin processes: task (each connector instance and each task alone), connector (a connector with its tasks), plugin (one process per plugin).' })
  .define({ name: 'plugin.handshake.timeout.ms', type: 'LONG', defaultValue: 30_000, validator: range(1), importance: 'LOW', group: PLUGINS, documentation: 'How long a plugin process has to print its handshake line and report healthy.' })
  .define({ name: 'plugin.health.check.interval.ms', type: 'LONG', defaultValue: 5_000, validator: range(100), importance: 'LOW', group: PLUGINS, documentation: 'How often each plugin process is health-checked.' })
  .define({ name: 'plugin.health.check.failures', type: 'INT', defaultValue: 3, validator: range(1), importance: 'LOW', group: PLUGINS, documentation: 'Consecutive failed health checks after which a plugin process is killed.' })
  .define({ name: 'plugin.shutdown.timeout.ms', type: 'LONG', defaultValue: 5_000, validator: range(0), importance: 'LOW', group: PLUGINS, documentation: 'How long a plugin process has to exit after Shutdown, and again after SIGTERM, before it is killed.' })
  .define({ name: 'plugin.call.timeout.ms', type: 'LONG', defaultValue: 60_000, validator: range(1), importance: 'LOW', group: PLUGINS, documentation: 'Deadline of each call into a plugin (a poll adds its own wait).' });

/** Prefixes of keys that belong to something else (clients, converters, providers). */
const PASS_THROUGH_PREFIXES = ['key.converter.', 'value.converter.', 'header.converter.', 'producer.', 'consumer.', 'admin.', 'config.providers', 'log.'];

export interface WorkerConfig {
  readonly originals: Readonly<Record<string, string>>;
  readonly bootstrapServers: string[];
  readonly keyConverter: string;
  readonly valueConverter: string;
  readonly headerConverter: string;
  readonly offsetFlushIntervalMs: number;
  readonly offsetFlushTimeoutMs: number;
  readonly taskShutdownGracefulTimeoutMs: number;
  readonly pluginPath: string[];
  readonly listeners: string[];
  readonly clientId: string;
  readonly offsetStorageFile: string | null;
  readonly pluginIsolation: PluginIsolation;
  readonly pluginHandshakeTimeoutMs: number;
  readonly pluginHealthCheckIntervalMs: number;
  readonly pluginHealthCheckFailures: number;
  readonly pluginShutdownTimeoutMs: number;
  readonly pluginCallTimeoutMs: number;
  /** host:port as other workers and the status records know this worker. */
  readonly workerId: string;
  /** Keys no definition or known prefix claims; Kafka warns about these. */
  readonly unknownKeys: string[];
}

export function compileWorkerConfig(originals: Readonly<Record<string, string>>): WorkerConfig {
  const parsed = WORKER_CONFIG_DEF.parse(originals);
  const listeners = parsed['listeners'] as string[];
  if (listeners.length === 0) throw ConfigException.invalidValue('listeners', '', 'At least one listener is needed');
  listeners.forEach(parseListener);
  return {
    originals,
    bootstrapServers: parsed['bootstrap.servers'] as string[],
    keyConverter: parsed['key.converter'] as string,
    valueConverter: parsed['value.converter'] as string,
    headerConverter: parsed['header.converter'] as string,
    offsetFlushIntervalMs: parsed['offset.flush.interval.ms'] as number,
    offsetFlushTimeoutMs: parsed['offset.flush.timeout.ms'] as number,
    taskShutdownGracefulTimeoutMs: parsed['task.shutdown.graceful.timeout.ms'] as number,
    pluginPath: (parsed['plugin.path'] as string[] | null) ?? [],
    listeners,
    clientId: parsed['client.id'] as string,
    offsetStorageFile: parsed['offset.storage.file.filename'] as string | null,
    pluginIsolation: parsed['plugin.isolation'] as PluginIsolation,
    pluginHandshakeTimeoutMs: parsed['plugin.handshake.timeout.ms'] as number,
    pluginHealthCheckIntervalMs: parsed['plugin.health.check.interval.ms'] as number,
    pluginHealthCheckFailures: parsed['plugin.health.check.failures'] as number,
    pluginShutdownTimeoutMs: parsed['plugin.shutdown.timeout.ms'] as number,
    pluginCallTimeoutMs: parsed['plugin.call.timeout.ms'] as number,
    workerId: advertisedWorkerId(parsed, listeners[0]!),
    unknownKeys: Object.keys(originals).filter((key) => WORKER_CONFIG_DEF.key(key) === undefined && !PASS_THROUGH_PREFIXES.some((prefix) => key.startsWith(prefix))),
  };
}

/** The settings under a prefix, with the prefix removed (Kafka's originalsWithPrefix). */
export function withPrefix(config: Readonly<Record<string, string>>, prefix: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) if (key.startsWith(prefix)) result[key.slice(prefix.length)] = value;
  return result;
}

export interface Listener {
  protocol: 'http' | 'https';
  host: string;
  port: number;
}

export function parseListener(listener: string): Listener {
  const match = /^(https?):\/\/(\[[^\]]*\]|[^:/]*):(\d+)\/?$/i.exec(listener.trim());
  if (match === null) throw ConfigException.invalidValue('listeners', listener, 'Expected http://host:port or https://host:port');
  const port = Number(match[3]);
  if (port > 65535) throw ConfigException.invalidValue('listeners', listener, 'Port must be at most 65535');
  return { protocol: match[1]!.toLowerCase() as 'http' | 'https', host: match[2]!.replace(/^\[|\]$/g, ''), port };
}

function advertisedWorkerId(parsed: Record<string, unknown>, firstListener: string): string {
  const listener = parseListener(firstListener);
  const advertisedHost = parsed['rest.advertised.host.name'] as string | null;
  const advertisedPort = parsed['rest.advertised.port'] as number | null;
  const listenerHost = listener.host === '' || listener.host === '0.0.0.0' || listener.host === '::' ? hostname() : listener.host;
  return `${advertisedHost ?? listenerHost}:${advertisedPort ?? listener.port}`;
}
