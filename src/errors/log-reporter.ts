// The error log reporter (errors.log.enable): one ERROR line per failed record, worded as Kafka's
// LogReporter words it, with the record's coordinates when errors.log.include.messages is set.

import type { Logger } from 'pino';
import type { ErrorReporter } from './retry-with-tolerance-operator.js';
import type { ProcessingFailure } from './processing-context.js';

export class LogReporter implements ErrorReporter {
  readonly #logger: Logger;
  readonly #includeMessages: boolean;

  constructor(logger: Logger, includeMessages: boolean) {
    this.#logger = logger;
    this.#includeMessages = includeMessages;
  }

  report(failure: ProcessingFailure): void {
    let message = `Error encountered in task ${failure.connector}-${failure.taskId}. Executing stage '${failure.stage}' with class '${failure.executingClass}'`;
    if (this.#includeMessages && failure.consumed !== undefined) {
      const c = failure.consumed;
      message += `, where consumed record is {topic='${c.topic}', partition=${c.partition}, offset=${c.offset}, timestamp=${c.timestamp ?? -1}, timestampType=${c.timestamp === null ? 'NoTimestampType' : 'CreateTime'}}`;
    } else if (this.#includeMessages && failure.polled !== undefined) {
      const p = failure.polled;
      message += `, where source record is = SourceRecord{sourcePartition=${JSON.stringify(p.sourcePartition)}, sourceOffset=${JSON.stringify(p.sourceOffset)}} ConnectRecord{topic='${p.topic}', key=${String(p.key)}, value=${String(p.value)}, timestamp=${p.timestamp}}`;
    }
    this.#logger.error({ connector: failure.connector, task: failure.taskId, stage: failure.stage, error: failure.error.stackTrace }, `${message}.`);
  }
}
