// What every admin subcommand gets (the client, its arguments, the output format and where to
// write) and the helpers they share: printing an answer as a table or as the API's JSON, and
// reading option values.

import type { AdminClient } from '../admin-client.js';
import { UsageError, type OptionValues, type OutputFormat } from '../cli-args.js';
import { toProtoJson } from '../../api/grpc/proto-json.js';

export interface CommandContext {
  readonly client: AdminClient;
  readonly args: readonly string[];
  readonly options: OptionValues;
  readonly output: OutputFormat;
  /** Writes text and a newline to stdout. */
  readonly out: (text: string) => void;
  /** Writes text and a newline to stderr. */
  readonly err: (text: string) => void;
  /** Aborted on SIGINT/SIGTERM: long-running commands (status --watch) end cleanly. */
  readonly signal: AbortSignal;
}

export type Command = (context: CommandContext) => Promise<number>;

/** Prints `response` as the API's JSON, or `table()` in table mode. */
export function print(context: CommandContext, response: unknown, table: () => string): void {
  context.out(context.output === 'json' ? JSON.stringify(toProtoJson(response), null, 2) : table());
}

export function stringOption(context: CommandContext, name: string): string | undefined {
  const value = context.options[name];
  return typeof value === 'string' ? value : undefined;
}

export function requiredOption(context: CommandContext, name: string, command: string): string {
  const value = stringOption(context, name);
  if (value === undefined) throw new UsageError(`${command} needs --${name}`);
  return value;
}

export function listOption(context: CommandContext, name: string): string[] {
  const value = context.options[name];
  return Array.isArray(value) ? value : [];
}

export function flag(context: CommandContext, name: string): boolean {
  return context.options[name] === true;
}
