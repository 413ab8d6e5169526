// Argument parsing for the admin subcommands (node:util parseArgs): global options may come
// before or after the subcommand; each subcommand declares its positionals and options, and
// anything else is a UsageError (exit code 2). Environment: POLYCONNECT_ADMIN_ADDR (the server),
// POLYCONNECT_ADMIN_TOKEN (the bearer token).

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DEFAULT_ADMIN_GRPC_LISTENER } from '../config/worker-config.js';

export class UsageError extends Error {
  override name = 'UsageError';
}

export type OutputFormat = 'table' | 'json';

export interface GlobalOptions {
  readonly server: string;
  readonly token?: string;
  readonly tokenFile?: string;
  /** Connect with TLS (implied by any of the files below). */
  readonly tls: boolean;
  readonly caFile?: string;
  readonly certFile?: string;
  readonly keyFile?: string;
  readonly tlsServerName?: string;
  readonly output: OutputFormat;
  readonly timeoutMs: number;
}

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

export interface CommandSpec {
  /** Positionals: "name" required, "name?" optional. */
  readonly args: readonly string[];
  readonly options: readonly string[];
  readonly summary: string;
  readonly usage?: string;
}

export interface ParsedCommand {
  readonly command: string;
  readonly args: string[];
  readonly options: OptionValues;
  readonly globals: GlobalOptions;
}

const OPTIONS = {
  server: { type: 'string', short: 's' },
  token: { type: 'string' },
  'token-file': { type: 'string' },
  tls: { type: 'boolean' },
  cacert: { type: 'string' },
  cert: { type: 'string' },
  key: { type: 'string' },
  'tls-server-name': { type: 'string' },
  output: { type: 'string', short: 'o' },
  timeout: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  file: { type: 'string', short: 'f' },
  'initial-state': { type: 'string' },
  set: { type: 'string', multiple: true },
  unset: { type: 'string', multiple: true },
  task: { type: 'string' },
  'include-tasks': { type: 'boolean' },
  'only-failed': { type: 'boolean' },
  watch: { type: 'boolean', short: 'w' },
  all: { type: 'boolean' },
  plugin: { type: 'string' },
  scope: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

const GLOBAL_OPTIONS = ['server', 'token', 'token-file', 'tls', 'cacert', 'cert', 'key', 'tls-server-name', 'output', 'timeout', 'help'];

export const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  list: { args: [], options: [], summary: 'List the connectors with their type, state and tasks' },
  describe: { args: ['name'], options: [], summary: "Show a connector's status, tasks and config" },
  tasks: { args: ['name'], options: [], summary: "Show a connector's task configs" },
  create: { args: [], options: ['file', 'initial-state'], usage: 'create -f FILE.json|FILE.properties [--initial-state running|paused|stopped]', summary: 'Create a connector from a config file (it names the connector)' },
  update: { args: ['name'], options: ['file'], usage: 'update NAME -f FILE', summary: "Replace a connector's config (or create it)" },
  patch: { args: ['name'], options: ['set', 'unset'], usage: 'patch NAME [--set KEY=VALUE ...] [--unset KEY ...]', summary: 'Set or remove some config keys' },
  delete: { args: ['name'], options: [], summary: 'Delete a connector' },
  pause: { args: ['name'], options: [], summary: 'Pause a connector and its tasks' },
  resume: { args: ['name'], options: [], summary: 'Resume a paused or stopped connector' },
  stop: { args: ['name'], options: [], summary: 'Stop a connector and its tasks (needed before offsets change)' },
  restart: { args: ['name'], options: ['task', 'include-tasks', 'only-failed'], usage: 'restart NAME [--task N] [--include-tasks] [--only-failed]', summary: 'Restart a connector, its tasks, or one task' },
  status: { args: ['name?'], options: ['watch'], usage: 'status NAME [--watch] | status --watch', summary: 'Show the state of a connector and its tasks; --watch follows changes live' },
  offsets: { args: ['action', 'name'], options: ['file'], usage: 'offsets get NAME | offsets alter NAME -f FILE.json | offsets reset NAME', summary: "Read, alter or reset a connector's offsets" },
  topics: { args: ['name', 'connector?'], options: [], usage: 'topics NAME | topics reset NAME', summary: 'Show the topics a connector has used, or forget them' },
  plugins: { args: [], options: ['all'], usage: 'plugins [--all]', summary: 'List connector plugins (--all: transforms, predicates, converters too)' },
  validate: { args: [], options: ['file', 'plugin'], usage: 'validate -f FILE [--plugin CLASS]', summary: 'Validate a connector config without creating it' },
  loggers: { args: ['action?', 'logger?', 'level?'], options: ['scope'], usage: 'loggers | loggers get LOGGER | loggers set LOGGER LEVEL [--scope worker|cluster]', summary: 'List log levels, show one, or set one live (TRACE, DEBUG, INFO, WARN, ERROR, FATAL, OFF) on this worker or every worker' },
  'server-info': { args: [], options: [], summary: "Show the worker's version, commit and Kafka cluster id" },
  health: { args: [], options: [], summary: 'Show whether the worker is healthy; exit code 1 when it is not' },
};

export function commandUsage(command: string): string {
  const spec = COMMANDS[command]!;
  const usage = spec.usage ?? [command, ...spec.args.map((arg) => (arg.endsWith('?') ? `[${arg.slice(0, -1).toUpperCase()}]` : arg.toUpperCase()))].join(' ');
  return `polyconnect ${usage} [global options]\n  ${spec.summary}`;
}

export const GLOBAL_USAGE = `Global options (admin commands):
  -s, --server HOST:PORT   gRPC admin API (env POLYCONNECT_ADMIN_ADDR; default ${DEFAULT_ADMIN_GRPC_LISTENER})
  --token TOKEN            bearer token (env POLYCONNECT_ADMIN_TOKEN)
  --token-file FILE        read the bearer token from FILE
  --tls                    connect with TLS (implied by --cacert, --cert, --key)
  --cacert FILE            PEM CA certificates to trust (default: the system's)
  --cert FILE, --key FILE  PEM client certificate and key (mutual TLS)
  --tls-server-name NAME   expect NAME in the server's certificate
  -o, --output table|json  readable tables (default) or the API's JSON
  --timeout SECONDS        deadline of each call (default 60)
Exit codes: 0 ok, 1 error from the server (also: validate finds errors, health is not HEALTHY),
  2 usage error, 3 not found, 4 connection failure`;

/** Parses argv (without "node polyconnect"); throws UsageError. `help` asks for usage text. */
export function parseCliArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): ParsedCommand & { help: boolean } {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const [command, ...args] = parsed.positionals;
  const values = parsed.values as OptionValues;
  const help = values.help === true;
  if (command === undefined) {
    if (help) return { command: '', args: [], options: {}, globals: globalOptions({}, env), help };
    throw new UsageError('Missing the subcommand');
  }
  const spec = COMMANDS[command];
  if (spec === undefined) throw new UsageError(`Unknown command "${command}"`);
  const options: OptionValues = {};
  for (const [option, value] of Object.entries(values)) {
    if (GLOBAL_OPTIONS.includes(option)) continue;
    if (!spec.options.includes(option)) throw new UsageError(`${command} does not take --${option}`);
    options[option] = value;
  }
  const globals = globalOptions(values, env);
  if (!help) checkPositionals(command, spec, args);
  return { command, args, options, globals, help };
}

function checkPositionals(command: string, spec: CommandSpec, args: readonly string[]): void {
  const required = spec.args.filter((arg) => !arg.endsWith('?'));
  if (args.length < required.length) throw new UsageError(`${command} needs ${required.slice(args.length).map((arg) => arg.toUpperCase()).join(' and ')}`);
  if (args.length > spec.args.length) throw new UsageError(`${command} takes ${spec.args.length === 0 ? 'no arguments' : `at most ${spec.args.length} argument(s)`}; got ${args.join(' ')}`);
}

function globalOptions(values: OptionValues, env: Readonly<Record<string, string | undefined>>): GlobalOptions {
  const text = (name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const output = text('output') ?? 'table';
  if (output !== 'table' && output !== 'json') throw new UsageError(`--output must be table or json; got ${output}`);
  const timeout = text('timeout');
  const timeoutSeconds = timeout === undefined ? 60 : Number(timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw new UsageError(`--timeout must be a positive number of seconds; got ${timeout}`);
  const server = text('server') ?? (env.POLYCONNECT_ADMIN_ADDR || DEFAULT_ADMIN_GRPC_LISTENER);
  if (!/^(\[[^\]]+\]|[^:/\s]+):\d{1,5}$/.test(server)) throw new UsageError(`--server must be host:port; got ${server}`);
  if (text('token') !== undefined && text('token-file') !== undefined) throw new UsageError('Give --token or --token-file, not both');
  const token = text('token') ?? (text('token-file') === undefined ? env.POLYCONNECT_ADMIN_TOKEN || undefined : undefined);
  if ((text('cert') === undefined) !== (text('key') === undefined)) throw new UsageError('--cert and --key go together');
  const optional = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> => (value === undefined ? {} : ({ [key]: value } as Record<K, string>));
  return {
    server,
    ...optional('token', token),
    ...optional('tokenFile', text('token-file')),
    tls: values.tls === true || ['cacert', 'cert', 'key', 'tls-server-name'].some((name) => text(name) !== undefined),
    ...optional('caFile', text('cacert')),
    ...optional('certFile', text('cert')),
    ...optional('keyFile', text('key')),
    ...optional('tlsServerName', text('tls-server-name')),
    output,
    timeoutMs: Math.round(timeoutSeconds * 1000),
  };
}
