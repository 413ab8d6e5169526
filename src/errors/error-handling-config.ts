// The errors.* keys of a connector config (Kafka's ConnectorConfig and SinkConnectorConfig error
// handling group), parsed with Kafka's defaults, plus the keys of Polyconnect's source DLQ.

import { ConfigDef, ConfigException, range, validString } from '../data/index.js';

export const ERROR_HANDLING_GROUP = 'Error Handling';

export const ERROR_HANDLING_CONFIG_DEF = new ConfigDef()
  .define({ name: 'errors.retry.timeout', type: 'LONG', defaultValue: 0, importance: 'MEDIUM', group: ERROR_HANDLING_GROUP, documentation: 'The maximum duration in milliseconds that a failed operation will be reattempted. The default is 0, which means no retries will be attempted. Use -1 for infinite retries.' })
  .define({ name: 'errors.retry.delay.max.ms', type: 'LONG', defaultValue: 60_000, validator: range(0), importance: 'MEDIUM', group: ERROR_HANDLING_GROUP, documentation: 'The maximum duration in milliseconds between consecutive retry attempts. Jitter will be added to the delay once this limit is reached to prevent thundering herd issues.' })
  .define({ name: 'errors.tolerance', type: 'STRING', defaultValue: 'none', validator: validString(['none', 'all']), importance: 'MEDIUM', group: ERROR_HANDLING_GROUP, documentation: "Behavior for tolerating errors during connector operation. 'none' is the default value and signals that any error will result in an immediate connector task failure; 'all' changes the behavior to skip over problematic records." })
  .define({ name: 'errors.log.enable', type: 'BOOLEAN', defaultValue: false, importance: 'MEDIUM', group: ERROR_HANDLING_GROUP, documentation: 'If true, write each error and the details of the failed operation and problematic record to the Connect application log.' })
  .define({ name: 'errors.log.include.messages', type: 'BOOLEAN', defaultValue: false, importance: 'MEDIUM', group: ERROR_HANDLING_GROUP, documentation: 'Whether to include in the log the Connect record that resulted in a failure.' })
  .define({ name: 'errors.deadletterqueue.topic.name', type: 'STRING', defaultValue: '', importance: 'MEDIUM', group: ERROR_HANDLING_GROUP, documentation: 'The name of the topic to be used as the dead letter queue (DLQ) for messages that result in an error when processed by this connector, its transformations or converters. For source connectors this is a Polyconnect extension. The topic name is blank by default, which means that no messages are to be recorded in the DLQ.' })
  .define({ name: 'errors.deadletterqueue.topic.replication.factor', type: 'SHORT', defaultValue: 3, importance: 'MEDIUM', group: ERROR_HANDLING_GROUP, documentation: 'Replication factor used to create the dead letter queue topic when it doesn\'t already exist.' })
  .define({ name: 'errors.deadletterqueue.context.headers.enable', type: 'BOOLEAN', defaultValue: false, importance: 'MEDIUM', group: ERROR_HANDLING_GROUP, documentation: 'If true, add headers containing error context to the messages written to the dead letter queue. To avoid clashing with headers from the original record, all error context header keys, all error context header keys will start with __connect.errors.' });

export interface ErrorHandlingConfig {
  /** ms; 0 = no retries, -1 = forever. */
  readonly retryTimeoutMs: number;
  readonly retryDelayMaxMs: number;
  readonly toleranceAll: boolean;
  readonly logEnable: boolean;
  readonly logIncludeMessages: boolean;
  /** Trimmed; empty = no dead letter queue. */
  readonly deadLetterQueueTopic: string;
  readonly deadLetterQueueReplicationFactor: number;
  readonly deadLetterQueueContextHeaders: boolean;
}

export function parseErrorHandlingConfig(config: Readonly<Record<string, string>>): ErrorHandlingConfig {
  const parsed = ERROR_HANDLING_CONFIG_DEF.parse(config);
  const retryTimeoutMs = parsed['errors.retry.timeout'] as number;
  if (retryTimeoutMs < -1) throw ConfigException.invalidValue('errors.retry.timeout', String(retryTimeoutMs), 'Value must be at least -1');
  return {
    retryTimeoutMs,
    retryDelayMaxMs: parsed['errors.retry.delay.max.ms'] as number,
    toleranceAll: (parsed['errors.tolerance'] as string) === 'all',
    logEnable: parsed['errors.log.enable'] as boolean,
    logIncludeMessages: parsed['errors.log.include.messages'] as boolean,
    deadLetterQueueTopic: (parsed['errors.deadletterqueue.topic.name'] as string).trim(),
    deadLetterQueueReplicationFactor: parsed['errors.deadletterqueue.topic.replication.factor'] as number,
    deadLetterQueueContextHeaders: parsed['errors.deadletterqueue.context.headers.enable'] as boolean,
  };
}
