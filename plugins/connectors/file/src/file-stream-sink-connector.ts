// FileStreamSinkConnector: appends each record's value as a line to a file (Kafka's example
// connector, with its class name, alias and key `file`). tasks.max identical tasks.

import { ConfigDef, ConfigException, type ConfigValueResult, type ConnectorConfig, SinkConnector } from '@polyconnect/sdk';
import { requireFile } from './file-stream-source-connector.js';
import { FileStreamSinkTask } from './file-stream-sink-task.js';
import { PLUGIN_VERSION } from './version.js';

export const SINK_FILE_CONFIG = 'file';

export const SINK_CONFIG_DEF = new ConfigDef().define({
  name: SINK_FILE_CONFIG,
  type: 'STRING',
  defaultValue: null,
  importance: 'HIGH',
  documentation: 'Destination filename. Kafka Connect writes to standard output when it is not set; a plugin process has no terminal, so Polyconnect requires it.',
});

export class FileStreamSinkConnector extends SinkConnector {
  static readonly className = 'org.apache.kafka.connect.file.FileStreamSinkConnector';
  /** As declared in plugin.json, so that Describe and the manifest agree. */
  static readonly aliases = ['FileStreamSink'];
  #config: ConnectorConfig = {};

  version(): string {
    return PLUGIN_VERSION;
  }

  config(): ConfigDef {
    return SINK_CONFIG_DEF;
  }

  /** Also reports a missing `file`, which start() requires, so that validation and start agree. */
  override validate(config: ConnectorConfig): ConfigValueResult[] {
    return SINK_CONFIG_DEF.validate(config).map((result) => requireFile(result, SINK_FILE_CONFIG));
  }

  start(config: ConnectorConfig): void {
    const parsed = SINK_CONFIG_DEF.parse(config);
    if (parsed[SINK_FILE_CONFIG] === null || parsed[SINK_FILE_CONFIG] === '') throw ConfigException.missing(SINK_FILE_CONFIG);
    this.#config = config;
  }

  taskClass(): typeof FileStreamSinkTask {
    return FileStreamSinkTask;
  }

  taskConfigs(maxTasks: number): ConnectorConfig[] {
    return Array.from({ length: maxTasks }, () => ({ ...this.#config }));
  }

  stop(): void {}
}
