// The checks every connector config passes before it is stored: a connector class that exists,
// a valid name and tasks.max, and topics for sinks, answered with Kafka Connect's messages. (The
// full validation against the plugin's own definitions is the validate endpoint's work.)

import type { ConnectorPlugin, PluginCatalog } from '../plugin/plugin-catalog.js';
import { ERROR_HANDLING_CONFIG_DEF } from '../errors/error-handling-config.js';
import { BadRequestError, HerderError } from './herder-errors.js';
import { AUTO_RESTART_CONFIG_DEF } from './task-auto-restart.js';

export interface CheckedConnectorConfig {
  readonly plugin: ConnectorPlugin;
  readonly tasksMax: number;
}

export function checkConnectorConfig(name: string, config: Readonly<Record<string, string>>, catalog: PluginCatalog): CheckedConnectorConfig {
  const connectorClass = config['connector.class'];
  if (connectorClass === undefined || connectorClass.trim() === '') {
    throw new BadRequestError(`Connector config ${javaMapText(config)} contains no connector type`);
  }
  let plugin: ConnectorPlugin;
  try {
    plugin = catalog.resolve(connectorClass.trim());
  } catch (error) {
    throw new HerderError(500, (error as Error).message);
  }
  const errors: string[] = [];
  if (name.trim() === '') errors.push('Invalid value  for configuration name: String may not be empty');
  const controlCharacters = [...name].map((c) => c.charCodeAt(0)).filter((code) => code < 32 || code === 127);
  if (controlCharacters.length > 0) {
    errors.push(`Invalid value ${name} for configuration name: String may not contain control sequences but had the following ASCII chars: ${controlCharacters.join(', ')}`);
  }
  const tasksMaxText = (config['tasks.max'] ?? '1').trim();
  const tasksMax = Number(tasksMaxText);
  // Java's Integer.parseInt: an optional sign, and the value must fit in 32 bits.
  if (!/^[+-]?\d+$/.test(tasksMaxText) || tasksMax > 2147483647 || tasksMax < -2147483648) errors.push(`Invalid value ${tasksMaxText} for configuration tasks.max: Not a number of type INT`);
  else if (tasksMax < 1) errors.push(`Invalid value ${tasksMaxText} for configuration tasks.max: Value must be at least 1`);
  if (plugin.type === 'sink') {
    const topics = (config['topics'] ?? '').trim();
    const regex = (config['topics.regex'] ?? '').trim();
    if (topics === '' && regex === '') errors.push('Must configure one of topics or topics.regex');
    if (topics !== '' && regex !== '') errors.push('topics and topics.regex are mutually exclusive options, but both are set.');
    if (regex !== '') {
      try {
        new RegExp(regex);
      } catch (error) {
        errors.push(`Invalid value ${regex} for configuration topics.regex: ${(error as Error).message}`);
      }
    }
  }
  for (const definition of [ERROR_HANDLING_CONFIG_DEF, AUTO_RESTART_CONFIG_DEF]) {
    for (const result of definition.validate(config)) errors.push(...result.errors);
  }
  const deadLetterQueue = (config['errors.deadletterqueue.topic.name'] ?? '').trim();
  if (plugin.type === 'sink' && deadLetterQueue !== '') {
    const topics = (config['topics'] ?? '').split(',').map((t) => t.trim());
    const regex = (config['topics.regex'] ?? '').trim();
    if (topics.includes(deadLetterQueue)) errors.push(`The DLQ topic '${deadLetterQueue}' may not be included in the list of topics ('topics=${config['topics']}') consumed by the connector`);
    else if (regex !== '' && safeRegex(regex)?.test(deadLetterQueue)) errors.push(`The DLQ topic '${deadLetterQueue}' may not be included in the regex matching the topics ('topics.regex=${regex}') consumed by the connector`);
  }
  if (errors.length > 0) {
    throw new BadRequestError(
      `Connector configuration is invalid and contains the following ${errors.length} error(s):\n${errors.join('\n')}\n` +
        'You can also find the above list of errors at the endpoint `/connector-plugins/{connectorType}/config/validate`',
    );
  }
  return { plugin, tasksMax };
}

function safeRegex(pattern: string): RegExp | undefined {
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    return undefined;
  }
}

/** A map as Java's Map.toString prints it: {a=1, b=2}. */
function javaMapText(config: Readonly<Record<string, string>>): string {
  return `{${Object.entries(config).map(([key, value]) => `${key}=${value}`).join(', ')}}`;
}
