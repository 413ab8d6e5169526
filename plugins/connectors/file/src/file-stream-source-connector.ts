// FileStreamSourceConnector: reads a file line by line into a topic (Kafka's example connector,
// with its class name, alias and keys: file, topic, batch.size). Always one task.

import { ConfigDef, ConfigException, type ConfigValueResult, type ConnectorConfig, SourceConnector, nonEmptyString, range } from '@polyconnect/sdk';
import { FileStreamSourceTask } from './file-stream-source-task.js';
import { PLUGIN_VERSION } from './version.js';

export const FILE_CONFIG = 'file';
export const TOPIC_CONFIG = 'topic';
export const TASK_BATCH_SIZE_CONFIG = 'batch.size';
export const DEFAULT_TASK_BATCH_SIZE = 2000;

export const SOURCE_CONFIG_DEF = new ConfigDef()
  .define({
    name: FILE_CONFIG,
    type: 'STRING',
    defaultValue: null,
    importance: 'HIGH',
    documentation: 'Source filename. Kafka Connect reads standard input when it is not set; a plugin process has no terminal, so Polyconnect requires it.',
  })
  .define({ name: TOPIC_CONFIG, type: 'STRING', importance: 'HIGH', validator: nonEmptyString, documentation: 'The topic to publish data to' })
  .define({
    name: TASK_BATCH_SIZE_CONFIG,
    type: 'INT',
    defaultValue: DEFAULT_TASK_BATCH_SIZE,
    validator: range(1),
    importance: 'LOW',
    documentation: 'The maximum number of records the source task can read from the file each time it is polled',
  });

export class FileStreamSourceConnector extends SourceConnector {
  static readonly className = 'org.apache.kafka.connect.file.FileStreamSourceConnector';
  /** As declared in plugin.json, so that Describe and the manifest agree. */
  static readonly aliases = ['FileStreamSource'];
  #config: Record<string, string> = {};

  version(): string {
    return PLUGIN_VERSION;
  }

  config(): ConfigDef {
    return SOURCE_CONFIG_DEF;
  }

  /** Also reports a missing `file`, which start() requires, so that validation and start agree. */
  override validate(config: ConnectorConfig): ConfigValueResult[] {
    return SOURCE_CONFIG_DEF.validate(config).map((result) => requireFile(result, FILE_CONFIG));
  }

  start(config: ConnectorConfig): void {
    const parsed = SOURCE_CONFIG_DEF.parse(config);
    if (parsed[FILE_CONFIG] === null || parsed[FILE_CONFIG] === '') throw ConfigException.missing(FILE_CONFIG);
    this.#config = {
      [FILE_CONFIG]: String(parsed[FILE_CONFIG]),
      [TOPIC_CONFIG]: String(parsed[TOPIC_CONFIG]),
      [TASK_BATCH_SIZE_CONFIG]: String(parsed[TASK_BATCH_SIZE_CONFIG]),
    };
  }

  taskClass(): typeof FileStreamSourceTask {
    return FileStreamSourceTask;
  }

  taskConfigs(): ConnectorConfig[] {
    // A file has one reader: exactly one task, whatever tasks.max says (as in Kafka).
    return [{ ...this.#config }];
  }

  stop(): void {}
}

/** A validation result for `file` with the missing-key error when it is null or empty. */
export function requireFile(result: ConfigValueResult, name: string): ConfigValueResult {
  if (result.name !== name || result.errors.length > 0 || (result.value !== null && result.value !== '')) return result;
  return { ...result, errors: [ConfigException.missing(name).message] };
}
