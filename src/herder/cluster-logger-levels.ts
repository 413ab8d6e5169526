// Cluster-scoped logger levels (KIP-976) in distributed mode. A cluster-scope level change
// (REST PUT /admin/loggers/{name}?scope=cluster, gRPC SetLoggerLevel with LOGGER_SCOPE_CLUSTER)
// is written by whichever worker receives it, with no leader needed, to the config topic as
// `logger-cluster-<namespace>` = {"level": "<LEVEL>"} (KafkaConfigStore.putLoggerLevel). Every
// worker, the writer included, applies it to its LoggerLevels when it reads the record back.
//
// As in Kafka (KafkaConfigBackingStore.processLoggerLevelRecord, and KIP-976's text), only records
// read after the worker completed startup are applied: a worker that starts or restarts later
// keeps its own levels and ignores older cluster-wide ones. KafkaConfigStore already reports no
// change for records read during its start, so everything that reaches applyClusterLoggerLevel
// is new. A level's last_modified is when this worker applied it, not when it was written.

import type { Logger } from 'pino';
import { isLoggerLevel, type LoggerLevels } from '../logging.js';
import type { ConfigChange, KafkaConfigStore } from '../storage/kafka-config-store.js';
import { NotFoundError } from './herder-errors.js';

/** What a herder needs to apply levels (absent: the worker offers no live log levels). */
export interface ClusterLoggerLevelsDependencies {
  readonly loggers?: LoggerLevels | undefined;
}

/** Kafka's answer to an unknown level name: 404 `invalid log level 'X'.` (the level is checked before anything is written). */
export function checkLoggerLevel(level: string): void {
  if (!isLoggerLevel(level)) throw new NotFoundError(`invalid log level '${level}'.`);
}

/** Writes a cluster-wide level to the config topic; resolves once the broker acknowledged it. */
export async function putClusterLoggerLevel(configStore: Pick<KafkaConfigStore, 'putLoggerLevel'>, namespace: string, level: string): Promise<void> {
  checkLoggerLevel(level);
  await configStore.putLoggerLevel(namespace, level);
}

/** Applies a logging-level-update read from the config topic; every other change is left alone. */
export function applyClusterLoggerLevel(change: ConfigChange, loggers: LoggerLevels | undefined, log: Logger): void {
  if (change.type !== 'logging-level-update' || loggers === undefined) return;
  const { namespace, level } = change;
  if (!isLoggerLevel(level)) {
    // Another writer (or a newer Kafka) may use a name this worker does not know; Kafka ignores it too.
    log.warn({ namespace, level }, `Ignoring request to set invalid level '${level}' for namespace ${namespace}`);
    return;
  }
  const changed = loggers.set(namespace, level);
  log.info({ namespace, level: level.toUpperCase(), loggers: changed }, 'Applied a cluster-wide logger level');
}
