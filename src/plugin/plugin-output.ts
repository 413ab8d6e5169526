// A plugin process's stderr and stray stdout, turned into worker log lines. JSON lines (the SDKs'
// format, and go-plugin's hclog JSON) keep their level and fields; other lines are logged as they
// are. The last lines are kept so that a crash report can show what the process said last. Both
// pass through the process's OutputRedactor first, so a plugin that prints its resolved config does
// not put the secrets in it into the worker log.

import type { Logger } from 'pino';
import type { OutputRedactor } from './output-redaction.js';

const KEPT_LINES = 20;
const MAX_KEPT_LINE_LENGTH = 2_000;

type PinoLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

const LEVEL_NAMES: Record<string, PinoLevel> = {
  trace: 'trace',
  debug: 'debug',
  info: 'info',
  warn: 'warn',
  warning: 'warn',
  error: 'error',
  fatal: 'fatal',
  critical: 'fatal',
};

/** The lines a process wrote last (oldest first), each cut to a readable length. */
export class RecentLines {
  readonly #lines: string[] = [];

  add(line: string): void {
    this.#lines.push(line.length > MAX_KEPT_LINE_LENGTH ? `${line.slice(0, MAX_KEPT_LINE_LENGTH)}…` : line);
    if (this.#lines.length > KEPT_LINES) this.#lines.shift();
  }

  lines(): string[] {
    return [...this.#lines];
  }
}

/**
 * Logs one line a plugin wrote on stderr through `logger` (which carries the plugin's names), with
 * the redactor's secrets hidden: in the raw line, and again in the strings of a JSON line once
 * parsed (a secret with a quote or backslash in it is escaped in the raw JSON).
 */
export function forwardPluginLogLine(logger: Logger, rawLine: string, redactor?: OutputRedactor): void {
  if (rawLine.trim() === '') return;
  const line = redactor === undefined ? rawLine : redactor.redact(rawLine);
  if (line.startsWith('{')) {
    const parsed = parseJsonLine(line);
    const entry = parsed === undefined || redactor === undefined ? parsed : (redactor.redactDeep(parsed) as Record<string, unknown>);
    if (entry !== undefined) {
      const { level, msg, message, time: _time, '@level': atLevel, '@message': atMessage, '@timestamp': _ts, ...fields } = entry;
      const levelName = levelOf(level ?? atLevel);
      const text = String(msg ?? message ?? atMessage ?? '');
      logger[levelName]({ ...fields, source: 'plugin' }, text);
      return;
    }
  }
  logger.info({ source: 'plugin' }, line);
}

function parseJsonLine(line: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(line);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function levelOf(level: unknown): PinoLevel {
  if (typeof level === 'number') {
    if (level >= 60) return 'fatal';
    if (level >= 50) return 'error';
    if (level >= 40) return 'warn';
    if (level >= 30) return 'info';
    if (level >= 20) return 'debug';
    return 'trace';
  }
  if (typeof level === 'string') return LEVEL_NAMES[level.toLowerCase()] ?? 'info';
  return 'info';
}
