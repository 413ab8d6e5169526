// loggers: every logger namespace with a level (KIP-495); loggers get LOGGER: one namespace (exit 3
// when it has no level); loggers set LOGGER LEVEL: change a level live on the worker answering.
// Levels are Kafka's (log4j) names, any case; an unknown one is a usage error. The admin API has
// no cluster scope (REST's ?scope=cluster), so there is no --scope option.

import type { LogLevelName } from '../../api/grpc/admin-messages.js';
import { UsageError } from '../cli-args.js';
import { EXIT_OK } from '../exit-codes.js';
import { loggersView } from '../worker-views.js';
import { print, type Command } from './command-context.js';

export const LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL', 'OFF'] as const;

export const loggers: Command = async (context) => {
  const [action, logger, level] = context.args;
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
      const response = await context.client.call('SetLoggerLevel', { logger, level: logLevel(level) });
      print(context, response, () => response.loggers.map((changed) => `Set ${changed} to ${level.toUpperCase()}`).join('\n') || 'No logger changed');
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
