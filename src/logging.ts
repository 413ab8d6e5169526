// The worker's logger: pino, JSON lines on stdout, level from POLYCONNECT_LOG_LEVEL (default info).
// Every component logs through a child logger that carries its name (connector, task, plugin).
// LoggerLevels serves /admin/loggers: Kafka's logger namespaces, with "root" changing every
// logger's level live (pino children keep their own level, so they are tracked as they are made).

import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

const KAFKA_LEVELS: Record<string, string> = { trace: 'TRACE', debug: 'DEBUG', info: 'INFO', warn: 'WARN', error: 'ERROR', fatal: 'FATAL', silent: 'OFF' };
const PINO_LEVELS: Record<string, string> = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error', FATAL: 'fatal', OFF: 'silent' };

/** Whether `level` is one of Kafka's level names that LoggerLevels.set() takes (any case). */
export function isLoggerLevel(level: string): boolean {
  return PINO_LEVELS[level.toUpperCase()] !== undefined;
}

export interface LoggerLevel {
  level: string;
  last_modified: number | null;
}

export class LoggerLevels {
  readonly root: Logger;
  readonly #children = new Set<WeakRef<Logger>>();
  readonly #namespaces = new Map<string, LoggerLevel>();

  constructor(level = process.env.POLYCONNECT_LOG_LEVEL ?? 'info') {
    this.root = pino({
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      onChild: (child) => {
        this.#children.add(new WeakRef(child));
      },
    });
  }

  /** Every namespace with a level: "root" and those set through the API. */
  all(): Record<string, LoggerLevel> {
    return { root: { level: KAFKA_LEVELS[this.root.level] ?? this.root.level.toUpperCase(), last_modified: this.#namespaces.get('root')?.last_modified ?? null }, ...Object.fromEntries([...this.#namespaces].filter(([name]) => name !== 'root')) };
  }

  get(namespace: string): LoggerLevel | undefined {
    return this.all()[namespace];
  }

  /** Sets a namespace's level (Kafka's names: TRACE…ERROR, OFF); returns the namespaces changed. */
  set(namespace: string, level: string): string[] {
    const pinoLevel = PINO_LEVELS[level.toUpperCase()];
    if (pinoLevel === undefined) throw new Error(`Invalid log level '${level}'.`);
    const entry = { level: level.toUpperCase(), last_modified: Date.now() };
    this.#namespaces.set(namespace, entry);
    if (namespace === 'root') {
      this.root.level = pinoLevel;
      for (const ref of this.#children) {
        const child = ref.deref();
        if (child === undefined) this.#children.delete(ref);
        else child.level = pinoLevel;
      }
    }
    return [namespace];
  }
}
