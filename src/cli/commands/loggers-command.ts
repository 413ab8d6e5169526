// loggers: every logger namespace with a level (KIP-495); loggers get LOGGER: one namespace (exit 3
// when it has no level); loggers set LOGGER LEVEL [--scope worker|cluster]: change a level live on
// the worker answering (worker, the default) or on every worker of the cluster (KIP-976, REST's
// ?scope=cluster; the answer names no logger, each worker applies the level itself).
// Levels are Kafka's (log4j) names, any case; an unknown level or scope is a usage error.

import type { LoggerScopeName, LogLevelName } from '../../api/grpc/admin-messages.js';
import { UsageError } from '../cli-args.js';
import { EXIT_OK } from '../exit-codes.js';
import { loggersView } from '../worker-views.js';
import { print, stringOption, type Command } from './command-context.js';

export const LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL', 'OFF'] as const;

export const loggers: Command = async (context) => {
  const [action, logger, level] = context.args;
  const scope = stringOption(context, 'scope');
  if (scope !== undefined && action !== 'set') throw new UsageError('--scope goes with loggers set');
  switch (action) {
    case undefined: {
      const response = await context.client.call('ListLoggers', {});
      print(context, response, () => loggersView(response.loggers));
      return EXIT_OK;
    }
    case 'get': {
      if (logger === undefined || level !== undefined) throw new UsageError('loggers get takes LOGGER');
      const response = await context.client.call('GetLogger', { logger });
      print(context, response, () => loggersView(response.logger ? [response.logger] : []));
      return EXIT_OK;
    }
    case 'set': {
      if (logger === undefined || level === undefined) throw new UsageError('loggers set takes LOGGER LEVEL');
      const request = { logger, level: logLevel(level), scope: loggerScope(scope) };
      const response = await context.client.call('SetLoggerLevel', request);
      const cluster = request.scope === 'LOGGER_SCOPE_CLUSTER';
      print(context, response, () => (cluster ? `Set ${logger} to ${level.toUpperCase()} on every worker` : response.loggers.map((changed) => `Set ${changed} to ${level.toUpperCase()}`).join('\n') || 'No logger changed'));
      return EXIT_OK;
    }
    default:
      throw new UsageError(`loggers takes no argument, get or set; got ${action}`);
  }
};

/** debug -> LOG_LEVEL_DEBUG; a UsageError for anything but Kafka's level names. */
export function logLevel(text: string): LogLevelName {
  const upper = text.toUpperCase();
  if (!(LOG_LEVELS as readonly string[]).includes(upper)) throw new UsageError(`LEVEL must be one of ${LOG_LEVELS.join(', ')}; got ${text}`);
  return `LOG_LEVEL_${upper as (typeof LOG_LEVELS)[number]}`;
}

/** --scope worker|cluster (any case; absent: worker). */
export function loggerScope(text: string | undefined): LoggerScopeName {
  const lower = (text ?? 'worker').toLowerCase();
  if (lower !== 'worker' && lower !== 'cluster') throw new UsageError(`--scope must be worker or cluster; got ${text}`);
  return lower === 'cluster' ? 'LOGGER_SCOPE_CLUSTER' : 'LOGGER_SCOPE_WORKER';
}
