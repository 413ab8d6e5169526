// The framework's own connector keys (Kafka's ConnectorConfig, SinkConnectorConfig and
// SourceConnectorConfig), as the validate endpoint and /connector-plugins/{plugin}/config list
// them, plus Polyconnect's automatic-restart keys. Error handling keys live in errors/.

import { ConfigDef } from '../data/index.js';
import { ERROR_HANDLING_CONFIG_DEF } from '../errors/error-handling-config.js';
import { PLUGIN_PROCESS_CONFIG_DEF } from '../plugin/plugin-memory-limit.js';
import { AUTO_RESTART_CONFIG_DEF } from './task-auto-restart.js';

const COMMON = 'Common';
const TRANSFORMS = 'Transforms';
const PREDICATES = 'Predicates';

const COMMON_CONFIG_DEF = new ConfigDef()
  .define({ name: 'name', type: 'STRING', importance: 'HIGH', group: COMMON, orderInGroup: 1, width: 'MEDIUM', displayName: 'Connector name', documentation: 'Globally unique name to use for this connector.' })
  .define({ name: 'connector.class', type: 'STRING', importance: 'HIGH', group: COMMON, orderInGroup: 2, width: 'LONG', displayName: 'Connector class', documentation: 'Name or alias of the class for this connector, e.g. org.apache.kafka.connect.file.FileStreamSinkConnector or FileStreamSink.' })
  .define({ name: 'tasks.max', type: 'INT', defaultValue: 1, importance: 'HIGH', group: COMMON, orderInGroup: 3, width: 'SHORT', displayName: 'Tasks max', documentation: 'Maximum number of tasks to use for this connector.' })
  .define({ name: 'tasks.max.enforce', type: 'BOOLEAN', defaultValue: true, importance: 'LOW', group: COMMON, orderInGroup: 4, width: 'SHORT', displayName: 'Enforce tasks max', documentation: '(Deprecated) Whether to enforce that the tasks.max property is respected by the connector.' })
  .define({ name: 'key.converter', type: 'CLASS', defaultValue: null, importance: 'LOW', group: COMMON, orderInGroup: 5, width: 'SHORT', displayName: 'Key converter class', documentation: 'Converter class for keys; overrides the worker\'s key.converter, and its sub-keys replace the worker\'s.' })
  .define({ name: 'value.converter', type: 'CLASS', defaultValue: null, importance: 'LOW', group: COMMON, orderInGroup: 6, width: 'SHORT', displayName: 'Value converter class', documentation: 'Converter class for values; overrides the worker\'s value.converter, and its sub-keys replace the worker\'s.' })
  .define({ name: 'header.converter', type: 'CLASS', defaultValue: null, importance: 'LOW', group: COMMON, orderInGroup: 7, width: 'SHORT', displayName: 'Header converter class', documentation: 'HeaderConverter class for headers; overrides the worker\'s header.converter.' })
  .define({ name: 'config.action.reload', type: 'STRING', defaultValue: 'restart', importance: 'LOW', group: COMMON, orderInGroup: 8, width: 'MEDIUM', displayName: 'Reload Action', documentation: "What to do when configuration providers report a change: 'none' or 'restart'." })
  .define({ name: 'transforms', type: 'LIST', defaultValue: '', importance: 'LOW', group: TRANSFORMS, orderInGroup: 1, width: 'LONG', displayName: 'Transforms', documentation: 'Aliases for the transformations to be applied to records, in order.' })
  .define({ name: 'predicates', type: 'LIST', defaultValue: '', importance: 'LOW', group: PREDICATES, orderInGroup: 1, width: 'LONG', displayName: 'Predicates', documentation: 'Aliases for the predicates used by transformations.' });

const SINK_CONFIG_DEF = new ConfigDef()
  .define({ name: 'topics', type: 'LIST', defaultValue: '', importance: 'HIGH', group: COMMON, orderInGroup: 4, width: 'LONG', displayName: 'Topics', documentation: 'List of topics to consume, separated by commas.' })
  .define({ name: 'topics.regex', type: 'STRING', defaultValue: '', importance: 'HIGH', group: COMMON, orderInGroup: 4, width: 'LONG', displayName: 'Topics regex', documentation: 'Regular expression giving topics to consume. Only one of topics or topics.regex should be specified.' });

const SOURCE_CONFIG_DEF = new ConfigDef()
  .define({ name: 'topic.creation.groups', type: 'LIST', defaultValue: '', importance: 'LOW', group: 'Topic Creation', orderInGroup: 1, width: 'LONG', displayName: 'Topic Creation Groups', documentation: 'Groups of configurations for topics created by source connectors.' })
  .define({ name: 'exactly.once.support', type: 'STRING', defaultValue: 'requested', importance: 'MEDIUM', group: 'Exactly Once Support', orderInGroup: 1, width: 'SHORT', displayName: 'Exactly once support', documentation: "Permitted values are requested, required. Polyconnect does not offer exactly-once source delivery yet; 'required' fails validation." })
  .define({ name: 'transaction.boundary', type: 'STRING', defaultValue: 'poll', importance: 'MEDIUM', group: 'Exactly Once Support', orderInGroup: 2, width: 'SHORT', displayName: 'Transaction Boundary', documentation: 'Permitted values are poll, interval, connector (used with exactly-once support only).' })
  .define({ name: 'transaction.boundary.interval.ms', type: 'LONG', defaultValue: null, importance: 'LOW', group: 'Exactly Once Support', orderInGroup: 3, width: 'SHORT', displayName: 'Transaction boundary interval', documentation: 'Interval for transaction boundaries when transaction.boundary is interval.' })
  .define({ name: 'offsets.storage.topic', type: 'STRING', defaultValue: null, importance: 'LOW', group: 'offsets.topic', orderInGroup: 1, width: 'LONG', displayName: 'Offsets topic', documentation: 'A separate offsets topic for this connector (distributed mode).' });

/** The framework's keys for a sink or source connector, in Kafka's order. */
export function connectorConfigDef(type: 'source' | 'sink'): ConfigDef {
  let definition = COMMON_CONFIG_DEF;
  if (type === 'sink') definition = definition.merge(SINK_CONFIG_DEF);
  // Kafka has the dead letter queue keys for sinks only; Polyconnect's source DLQ uses them too.
  definition = definition.merge(ERROR_HANDLING_CONFIG_DEF);
  if (type === 'source') definition = definition.merge(SOURCE_CONFIG_DEF);
  return definition.merge(AUTO_RESTART_CONFIG_DEF).merge(PLUGIN_PROCESS_CONFIG_DEF);
}

