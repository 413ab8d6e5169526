// Builds a task's error handling from its connector config: the retry-with-tolerance operator with
// its reporters — the log reporter when errors.log.enable is set, the dead letter queue reporter
// when errors.deadletterqueue.topic.name is set (sinks as in Kafka; sources as our extension).

import type { Logger } from 'pino';
import { DeadLetterQueueReporter } from '../errors/dead-letter-queue-reporter.js';
import { parseErrorHandlingConfig } from '../errors/error-handling-config.js';
import { LogReporter } from '../errors/log-reporter.js';
import { RetryWithToleranceOperator, type ErrorReporter } from '../errors/retry-with-tolerance-operator.js';
import type { KafkaConnection } from '../kafka/kafka-client.js';
import { createRecordProducer } from '../kafka/record-producer.js';
import { createTopicAdmin } from '../kafka/topic-admin.js';
import type { TaskId } from './worker-task.js';

export interface TaskErrorHandling {
  readonly operator: RetryWithToleranceOperator;
  readonly deadLetterQueue: DeadLetterQueueReporter | undefined;
}

export function createTaskErrorHandling(
  id: TaskId,
  connectorConfig: Readonly<Record<string, string>>,
  kafka: KafkaConnection,
  logger: Logger,
  isStopping: () => boolean,
): TaskErrorHandling {
  const config = parseErrorHandlingConfig(connectorConfig);
  const reporters: ErrorReporter[] = [];
  if (config.logEnable) reporters.push(new LogReporter(logger, config.logIncludeMessages));
  let deadLetterQueue: DeadLetterQueueReporter | undefined;
  if (config.deadLetterQueueTopic !== '') {
    deadLetterQueue = new DeadLetterQueueReporter({
      topic: config.deadLetterQueueTopic,
      replicationFactor: config.deadLetterQueueReplicationFactor,
      contextHeaders: config.deadLetterQueueContextHeaders,
      producer: createRecordProducer(kafka),
      admin: createTopicAdmin(kafka),
      logger,
    });
    reporters.push(deadLetterQueue);
  }
  const operator = new RetryWithToleranceOperator({ connector: id.connector, taskId: id.task, config, reporters, isStopping });
  return { operator, deadLetterQueue };
}
