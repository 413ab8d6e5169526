// The plugin's logger: JSON lines on stderr ({"level","time","msg",...}), which the worker reads
// back and re-logs with the plugin, connector and task names. Stdout belongs to the handshake.

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  trace(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(bindings: Record<string, unknown>): Logger;
}

const LEVELS: Record<LogLevel, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50 };

function minimumLevel(): number {
  const configured = (process.env.POLYCONNECT_PLUGIN_LOG_LEVEL ?? 'info').toLowerCase() as LogLevel;
  return LEVELS[configured] ?? LEVELS.info;
}

export function createLogger(bindings: Record<string, unknown> = {}): Logger {
  const threshold = minimumLevel();
  const write = (level: LogLevel, message: string, fields?: Record<string, unknown>): void => {
    if (LEVELS[level] < threshold) return;
    const entry = { level, time: new Date().toISOString(), msg: message, ...bindings, ...fields };
    process.stderr.write(`${JSON.stringify(entry, errorReplacer)}\n`);
  };
  return {
    trace: (message, fields) => write('trace', message, fields),
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
    child: (more) => createLogger({ ...bindings, ...more }),
  };
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** The process-wide plugin logger. */
export const log: Logger = createLogger();
