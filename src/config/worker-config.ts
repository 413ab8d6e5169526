// WorkerConfig: the worker's settings (Kafka's WorkerConfig and StandaloneConfig keys, plus a few
// of Polyconnect's own for plugin processes), parsed and validated once into typed values.

import { hostname } from 'node:os';
import { ConfigDef, ConfigException, range, validString, type ConfigValidator } from '../data/index.js';

export const DEFAULT_LISTENER = 'http://127.0.0.1:8083';
export const DEFAULT_ADMIN_GRPC_LISTENER = '127.0.0.1:8084';
export type PluginIsolation = 'task' | 'connector' | 'plugin';

const COMMON = 'Common';
const PLUGINS = 'Plugin processes';
const ADMIN_GRPC = 'gRPC admin API';

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
  .define({ name: 'plugin.memory.limit.mb', type: 'LONG', defaultValue: 0, validator: range(0), importance: 'MEDIUM', group: PLUGINS, documentation: 'Memory limit of each plugin process, in MiB (0: none). A process whose resident memory goes over it is killed (Linux), and Node plugins get a JavaScript heap limit under it; a connector may set its own with polyconnect.plugin.memory.limit.mb. See docs/isolation.md.' })
  .define({ name: 'plugin.shutdown.timeout.ms', type: 'LONG', defaultValue: 5_000, validator: range(0), importance: 'LOW', group: PLUGINS, documentation: 'How long a plugin process has to exit after Shutdown, and again after SIGTERM, before it is killed.' })
  .define({ name: 'plugin.call.timeout.ms', type: 'LONG', defaultValue: 60_000, validator: range(1), importance: 'LOW', group: PLUGINS, documentation: 'Deadline of each call into a plugin (a poll adds its own wait).' })
  .define({ name: 'admin.grpc.listener', type: 'STRING', defaultValue: DEFAULT_ADMIN_GRPC_LISTENER, importance: 'LOW', group: ADMIN_GRPC, documentation: 'host:port of the gRPC admin API (polyconnect.admin.v1, used by the polyconnect CLI); loopback by default; empty turns it off.' })
  .define({ name: 'admin.grpc.tls.cert.file', type: 'STRING', defaultValue: null, importance: 'MEDIUM', group: ADMIN_GRPC, documentation: 'PEM certificate chain of the gRPC admin listener; with admin.grpc.tls.key.file set it serves TLS only.' })
  .define({ name: 'admin.grpc.tls.key.file', type: 'STRING', defaultValue: null, importance: 'MEDIUM', group: ADMIN_GRPC, documentation: 'PEM private key of the gRPC admin listener.' })
  .define({ name: 'admin.grpc.tls.client.ca.file', type: 'STRING', defaultValue: null, importance: 'MEDIUM', group: ADMIN_GRPC, documentation: 'PEM CA certificates; when set, gRPC admin clients must present a certificate they signed (mutual TLS). Needs TLS.' })
  .define({ name: 'admin.grpc.auth.token.file', type: 'STRING', defaultValue: null, importance: 'MEDIUM', group: ADMIN_GRPC, documentation: 'File holding the bearer token every gRPC admin call must carry ("authorization: Bearer <token>"); unset, none is asked for.' });

/** Prefixes of keys that belong to something else (clients, converters, providers). */
const PASS_THROUGH_PREFIXES = ['key.converter.', 'value.converter.', 'header.converter.', 'producer.', 'consumer.', 'admin.', 'config.providers', 'log.', 'listeners.https.'];

const SECURITY = 'REST security';

/**
 * Kafka's ssl.* keys as the REST listener reads them (src/api/rest/tls.ts), plus two of our own
 * for PEM files (ssl.certificate.location, ssl.key.location). Every one may also be given with the
 * listeners.https. prefix; when any prefixed key is set, only the prefixed ones count (Kafka's
 * valuesWithPrefixAllOrNothing). docs/security.md says which are honoured and which only accepted.
 */
export function defineSslKeys(def: ConfigDef): ConfigDef {
  const ignored = 'Accepted for compatibility with Kafka and ignored (Node.js uses OpenSSL).';
  return def
    .define({ name: 'ssl.keystore.type', type: 'STRING', defaultValue: null, validator: nullOr(validString(['JKS', 'PKCS12', 'PEM'], { caseInsensitive: true })), importance: 'MEDIUM', group: SECURITY, documentation: 'Key store format: PKCS12 or PEM (JKS is refused: convert it with keytool -importkeystore -deststoretype PKCS12). Unset: recognised from the file.' })
    .define({ name: 'ssl.keystore.location', type: 'STRING', defaultValue: null, importance: 'HIGH', group: SECURITY, documentation: 'Key store file of the HTTPS listener: PKCS12, or PEM holding the private key and the certificate chain.' })
    .define({ name: 'ssl.keystore.password', type: 'PASSWORD', defaultValue: null, importance: 'HIGH', group: SECURITY, documentation: 'Password of the PKCS12 key store.' })
    .define({ name: 'ssl.key.password', type: 'PASSWORD', defaultValue: null, importance: 'HIGH', group: SECURITY, documentation: 'Password of an encrypted PEM private key (ssl.key.location, ssl.keystore.key or a PEM key store).' })
    .define({ name: 'ssl.keystore.key', type: 'PASSWORD', defaultValue: null, importance: 'HIGH', group: SECURITY, documentation: 'The private key in PEM, inline (ssl.keystore.type=PEM).' })
    .define({ name: 'ssl.keystore.certificate.chain', type: 'PASSWORD', defaultValue: null, importance: 'HIGH', group: SECURITY, documentation: 'The certificate chain in PEM, inline (ssl.keystore.type=PEM).' })
    .define({ name: 'ssl.certificate.location', type: 'STRING', defaultValue: null, importance: 'HIGH', group: SECURITY, documentation: 'Polyconnect: PEM file with the certificate chain of the HTTPS listener (with ssl.key.location).' })
    .define({ name: 'ssl.key.location', type: 'STRING', defaultValue: null, importance: 'HIGH', group: SECURITY, documentation: 'Polyconnect: PEM file with the private key of the HTTPS listener (with ssl.certificate.location).' })
    .define({ name: 'ssl.truststore.type', type: 'STRING', defaultValue: null, validator: nullOr(validString(['JKS', 'PKCS12', 'PEM'], { caseInsensitive: true })), importance: 'MEDIUM', group: SECURITY, documentation: 'Trust store format; only PEM is supported.' })
    .define({ name: 'ssl.truststore.location', type: 'STRING', defaultValue: null, importance: 'HIGH', group: SECURITY, documentation: 'PEM file with the CA certificates client certificates are checked against (ssl.client.auth).' })
    .define({ name: 'ssl.truststore.password', type: 'PASSWORD', defaultValue: null, importance: 'HIGH', group: SECURITY, documentation: ignored })
    .define({ name: 'ssl.truststore.certificates', type: 'PASSWORD', defaultValue: null, importance: 'HIGH', group: SECURITY, documentation: 'CA certificates in PEM, inline (ssl.truststore.type=PEM).' })
    .define({ name: 'ssl.client.auth', type: 'STRING', defaultValue: 'none', validator: validString(['none', 'requested', 'required'], { caseInsensitive: true }), importance: 'MEDIUM', group: SECURITY, documentation: 'Whether HTTPS clients must present a certificate signed by a trust store CA: none, requested or required.' })
    .define({ name: 'ssl.enabled.protocols', type: 'LIST', defaultValue: 'TLSv1.2,TLSv1.3', importance: 'MEDIUM', group: SECURITY, documentation: 'TLS versions the HTTPS listener accepts (TLSv1.2, TLSv1.3).' })
    .define({ name: 'ssl.cipher.suites', type: 'LIST', defaultValue: null, importance: 'LOW', group: SECURITY, documentation: 'Cipher suites, by their OpenSSL names (TLS 1.3 suites have the same names as in Java). Unset: Node.js defaults.' })
    .define({ name: 'ssl.protocol', type: 'STRING', defaultValue: 'TLSv1.3', importance: 'LOW', group: SECURITY, documentation: ignored })
    .define({ name: 'ssl.provider', type: 'STRING', defaultValue: null, importance: 'LOW', group: SECURITY, documentation: ignored })
    .define({ name: 'ssl.keymanager.algorithm', type: 'STRING', defaultValue: null, importance: 'LOW', group: SECURITY, documentation: ignored })
    .define({ name: 'ssl.trustmanager.algorithm', type: 'STRING', defaultValue: null, importance: 'LOW', group: SECURITY, documentation: ignored })
    .define({ name: 'ssl.secure.random.implementation', type: 'STRING', defaultValue: null, importance: 'LOW', group: SECURITY, documentation: ignored })
    .define({ name: 'ssl.endpoint.identification.algorithm', type: 'STRING', defaultValue: null, importance: 'LOW', group: SECURITY, documentation: ignored });
}

export const SSL_CONFIG_DEF = defineSslKeys(new ConfigDef());

// Config providers and REST authentication (docs/security.md).
defineSslKeys(WORKER_CONFIG_DEF)
  .define({ name: 'config.providers', type: 'LIST', defaultValue: '', importance: 'LOW', group: 'Config providers', documentation: 'Names of config providers; each needs config.providers.<name>.class and takes config.providers.<name>.param.* settings.' })
  .define({ name: 'rest.extension.classes', type: 'LIST', defaultValue: '', importance: 'LOW', group: SECURITY, documentation: 'REST extensions; only org.apache.kafka.connect.rest.basic.auth.extension.BasicAuthSecurityRestExtension is available.' })
  .define({ name: 'rest.basic.auth.jaas.config.file', type: 'STRING', defaultValue: null, importance: 'MEDIUM', group: SECURITY, documentation: 'Polyconnect: the JAAS file Kafka reads through -Djava.security.auth.login.config; its KafkaConnect entry names the users file (PropertyFileLoginModule file=...). Turns basic authentication on.' })
  .define({ name: 'rest.basic.auth.users.file', type: 'STRING', defaultValue: null, importance: 'MEDIUM', group: SECURITY, documentation: 'Polyconnect: properties file of REST users, one "user: password" per line. Turns basic authentication on.' });

function nullOr(validator: ConfigValidator): ConfigValidator {
  return (name, value) => {
    if (value !== null) validator(name, value);
  };
}

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
  /** plugin.memory.limit.mb: each plugin process's memory limit (0: none), unless its connector sets one. */
  readonly pluginMemoryLimitMb: number;
  readonly adminGrpc: AdminGrpcConfig;
  /** host:port as other workers and the status records know this worker. */
  readonly workerId: string;
  /** Keys no definition or known prefix claims; Kafka warns about these. */
  readonly unknownKeys: string[];
}

/** The gRPC admin listener's settings (admin.grpc.*); TLS and authentication are off when unset. */
export interface AdminGrpcConfig {
  /** host:port, or null when the listener is off. */
  readonly listener: string | null;
  /**
   * False for the default listener: when its port is taken the worker runs without the gRPC API
   * (and logs why); a configured listener that cannot bind stops the worker from starting.
   */
  readonly listenerRequired: boolean;
  readonly tlsCertFile: string | null;
  readonly tlsKeyFile: string | null;
  readonly tlsClientCaFile: string | null;
  readonly authTokenFile: string | null;
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
    pluginMemoryLimitMb: parsed['plugin.memory.limit.mb'] as number,
    adminGrpc: compileAdminGrpcConfig(parsed, 'admin.grpc.listener' in originals),
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

function compileAdminGrpcConfig(parsed: Record<string, unknown>, listenerRequired: boolean): AdminGrpcConfig {
  const file = (key: string): string | null => ((parsed[key] as string | null) ?? '').trim() || null;
  const listener = ((parsed['admin.grpc.listener'] as string | null) ?? '').trim() || null;
  if (listener !== null) parseHostPort('admin.grpc.listener', listener);
  const config = { listener, listenerRequired, tlsCertFile: file('admin.grpc.tls.cert.file'), tlsKeyFile: file('admin.grpc.tls.key.file'), tlsClientCaFile: file('admin.grpc.tls.client.ca.file'), authTokenFile: file('admin.grpc.auth.token.file') };
  if ((config.tlsCertFile === null) !== (config.tlsKeyFile === null)) {
    throw ConfigException.invalidValue(config.tlsCertFile === null ? 'admin.grpc.tls.key.file' : 'admin.grpc.tls.cert.file', config.tlsCertFile ?? config.tlsKeyFile, 'admin.grpc.tls.cert.file and admin.grpc.tls.key.file go together');
  }
  if (config.tlsClientCaFile !== null && config.tlsCertFile === null) {
    throw ConfigException.invalidValue('admin.grpc.tls.client.ca.file', config.tlsClientCaFile, 'Client certificates need TLS: set admin.grpc.tls.cert.file and admin.grpc.tls.key.file too');
  }
  return config;
}

/** host:port or [ipv6]:port, as gRPC listeners and the CLI's --server take them. */
export function parseHostPort(key: string, value: string): { host: string; port: number } {
  const match = /^(\[[^\]]*\]|[^:/\s]*):(\d+)$/.exec(value.trim());
  const port = Number(match?.[2] ?? NaN);
  if (match === null || port > 65535) throw ConfigException.invalidValue(key, value, 'Expected host:port');
  return { host: match[1]!.replace(/^\[|\]$/g, ''), port };
}

function advertisedWorkerId(parsed: Record<string, unknown>, firstListener: string): string {
  const listener = parseListener(firstListener);
  const advertisedHost = parsed['rest.advertised.host.name'] as string | null;
  const advertisedPort = parsed['rest.advertised.port'] as number | null;
  const listenerHost = listener.host === '' || listener.host === '0.0.0.0' || listener.host === '::' ? hostname() : listener.host;
  return `${advertisedHost ?? listenerHost}:${advertisedPort ?? listener.port}`;
}
