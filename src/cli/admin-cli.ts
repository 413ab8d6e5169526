// `polyconnect <admin subcommand>`: the CLI over the gRPC admin API. Parses the arguments, opens
// an AdminClient, runs the subcommand and turns every outcome into one of the documented exit
// codes (exit-codes.ts), with errors on stderr and results on stdout.

import { AdminCallError, AdminClient } from './admin-client.js';
import { COMMANDS, GLOBAL_USAGE, UsageError, commandUsage, parseCliArgs } from './cli-args.js';
import type { Command } from './commands/command-context.js';
import { create, describe, list, patch, pause, remove, restart, resume, stop, tasks, update } from './commands/connector-commands.js';
import { loggers } from './commands/loggers-command.js';
import { offsets } from './commands/offsets-command.js';
import { plugins, validate } from './commands/plugin-commands.js';
import { status } from './commands/status-command.js';
import { topics } from './commands/topics-command.js';
import { health, serverInfo } from './commands/worker-commands.js';
import { EXIT_CONNECTION, EXIT_OK, EXIT_SERVER_ERROR, EXIT_USAGE, exitCodeOfStatus } from './exit-codes.js';

const RUN: Readonly<Record<string, Command>> = {
  list,
  describe,
  tasks,
  create,
  update,
  patch,
  delete: remove,
  pause,
  resume,
  stop,
  restart,
  status,
  offsets,
  topics,
  plugins,
  validate,
  loggers,
  'server-info': serverInfo,
  health,
};

export const ADMIN_COMMANDS: ReadonlySet<string> = new Set(Object.keys(COMMANDS));

export const ADMIN_USAGE = `Admin commands (over the gRPC admin API):
${Object.keys(COMMANDS)
  .map((command) => `  ${commandUsage(command).replace(/^polyconnect /, '').replace(/ \[global options\]\n\s*/, '\n      ')}`)
  .join('\n')}

${GLOBAL_USAGE}`;

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly signal: AbortSignal;
}

export async function runAdminCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const out = (text: string): void => io.stdout(`${text}\n`);
  const err = (text: string): void => io.stderr(`${text}\n`);
  let parsed;
  try {
    parsed = parseCliArgs(argv, io.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`polyconnect: ${error.message}\nRun "polyconnect help" for the commands and options.`);
    return EXIT_USAGE;
  }
  if (parsed.help) {
    out(parsed.command === '' ? ADMIN_USAGE : `${commandUsage(parsed.command)}\n\n${GLOBAL_USAGE}`);
    return EXIT_OK;
  }
  let client: AdminClient | undefined;
  try {
    client = await AdminClient.fromFiles({ ...parsed.globals }).catch((error: Error) => {
      throw new UsageError(error.message);
    });
    return await RUN[parsed.command]!({ client, args: parsed.args, options: parsed.options, output: parsed.globals.output, out, err, signal: io.signal });
  } catch (error) {
    if (error instanceof UsageError) {
      err(`polyconnect: ${error.message}\n${commandUsage(parsed.command)}`);
      return EXIT_USAGE;
    }
    if (error instanceof AdminCallError) {
      const code = exitCodeOfStatus(error.code);
      err(code === EXIT_CONNECTION ? `polyconnect: cannot reach the admin API at ${parsed.globals.server}: ${error.message}` : `polyconnect: ${error.message}`);
      return code;
    }
    err(`polyconnect: ${(error as Error).message ?? String(error)}`);
    return EXIT_SERVER_ERROR;
  } finally {
    client?.close();
  }
}

function processIo(): CliIo {
  // grpc-js passes an IP address as the TLS server name (--server 127.0.0.1:8084 --tls), which
  // Node answers with a deprecation warning (DEP0123) on stderr: noise for a script's stderr.
  process.noDeprecation = true;
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort());
  return { stdout: (text) => void process.stdout.write(text), stderr: (text) => void process.stderr.write(text), env: process.env, signal: controller.signal };
}
