// The readable (table) form of the admin API's answers about the worker itself rather than a
// connector: server info, health and logger levels. Pure functions from messages to text, like
// views.ts (whose shortEnum drops the WORKER_HEALTH_STATUS_ and LOG_LEVEL_ prefixes).

import type { AdminResponse, LoggerLevel } from '../api/grpc/admin-messages.js';
import { millisOf } from '../api/grpc/proto-json.js';
import { renderFields, renderTable } from './table.js';
import { shortEnum } from './views.js';

export function serverInfoView(info: AdminResponse<'GetServerInfo'>): string {
  return renderFields([
    ['Version', info.version],
    ['Commit', info.commit],
    ['Kafka cluster id', info.kafkaClusterId],
  ]);
}

export function healthView(health: AdminResponse<'GetHealth'>): string {
  return renderFields([
    ['Status', healthText(health)],
    ['Message', health.message],
  ]);
}

/** HEALTHY, STARTING, UNHEALTHY; UNKNOWN when the worker did not say. */
export function healthText(health: AdminResponse<'GetHealth'>): string {
  return shortEnum(health.status) || 'UNKNOWN';
}

/** One row per logger namespace, in the server's order ("root" first). */
export function loggersView(loggers: readonly LoggerLevel[]): string {
  if (loggers.length === 0) return 'No loggers.';
  return renderTable(
    ['LOGGER', 'LEVEL', 'LAST MODIFIED'],
    loggers.map((logger) => [logger.logger, shortEnum(logger.level) || '-', logger.lastModified ? new Date(millisOf(logger.lastModified)).toISOString() : '-']),
  );
}
