// The worker's logger: pino, JSON lines on stdout, level from POLYCONNECT_LOG_LEVEL (default info).
// Every component logs through a child logger that carries its name (connector, task, plugin).

import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

export function createRootLogger(level = process.env.POLYCONNECT_LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime });
}
