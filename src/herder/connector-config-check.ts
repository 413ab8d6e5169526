// The checks every connector config passes before it is stored: a connector class that exists, a
// valid name and tasks.max, topics for sinks, valid errors.* and automatic-restart keys, and valid
// transforms and predicates — with Kafka Connect's messages, each on the key it is about so that
// the validate endpoint can show it there. The plugin's own validation comes on top (validator).
// Also how a PATCH applies to a stored config.

import type { ConnectorPlugin, PluginCatalog } from '../plugin/plugin-catalog.js';
import { ERROR_HANDLING_CONFIG_DEF } from '../errors/error-handling-config.js';
import { BadRequestError, HerderError } from './herder-errors.js';
import { AUTO_RESTART_CONFIG_DEF } from './task-auto-restart.js';
import { transformConfigProblems } from './transform-config-check.js';

export interface CheckedConnectorConfig {
  readonly plugin: ConnectorPlugin;
  readonly tasksMax: number;
}

export interface ConfigProblem {
  readonly key: string;
  readonly message: string;
}

/** The connector class named by the config; Kafka's 400 and 500 answers when it is missing or unknown. */
export function resolveConnectorPlugin(config: Readonly<Record<string, string>>, catalog: PluginCatalog): ConnectorPlugin {
  const connectorClass = config['connector.class'];
  if (connectorClass === undefined || connectorClass.trim() === '') {
    throw new BadRequestError(`Connector config ${javaMapText(config)} contains no connector type`);
  }
  try {
    return catalog.resolve(connectorClass.trim());
  } catch (error) {
    throw new HerderError(500, (error as Error).message);
  }
}

/** Every framework-level problem of a connector config, on its key. */
export function connectorConfigProblems(name: string, config: Readonly<Record<string, string>>, plugin: ConnectorPlugin): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const add = (key: string, message: string): void => void problems.push({ key, message });
  if (name.trim() === '') add('name', 'Invalid value  for configuration name: String may not be empty');
  const controlCharacters = [...name].map((c) => c.charCodeAt(0)).filter((code) => code < 32 || code === 127);
  if (controlCharacters.length > 0) {
    add('name', `Invalid value ${name} for configuration name: String may not contain control sequences but had the following ASCII chars: ${controlCharacters.join(', ')}`);
  }
  // Polyconnect's rule: Kafka accepts a '/' in a name but its REST server then refuses every path
  // that names the connector (an encoded '/' is an ambiguous path separator), so refuse it up front.
  if (name.includes('/')) add('name', `Invalid value ${name} for configuration name: Connector names may not contain '/', which REST paths cannot carry`);
  const tasksMaxText = (config['tasks.max'] ?? '1').trim();
  const tasksMax = Number(tasksMaxText);
  // Java's Integer.parseInt: an optional sign, and the value must fit in 32 bits.
  if (!/^[+-]?\d+$/.test(tasksMaxText) || tasksMax > 2147483647 || tasksMax < -2147483648) add('tasks.max', `Invalid value ${tasksMaxText} for configuration tasks.max: Not a number of type INT`);
  else if (tasksMax < 1) add('tasks.max', `Invalid value ${tasksMaxText} for configuration tasks.max: Value must be at least 1`);
  if (plugin.type === 'sink') {
    const topics = (config['topics'] ?? '').trim();
    const regex = (config['topics.regex'] ?? '').trim();
    if (topics === '' && regex === '') add('topics', 'Must configure one of topics or topics.regex');
    if (topics !== '' && regex !== '') add('topics', 'topics and topics.regex are mutually exclusive options, but both are set.');
    if (regex !== '' && safeRegex(regex) === undefined) add('topics.regex', `Invalid value ${regex} for configuration topics.regex: not a valid regular expression`);
    const deadLetterQueue = (config['errors.deadletterqueue.topic.name'] ?? '').trim();
    if (deadLetterQueue !== '') {
      if (topics.split(',').map((t) => t.trim()).includes(deadLetterQueue)) {
        add('errors.deadletterqueue.topic.name', `The DLQ topic '${deadLetterQueue}' may not be included in the list of topics ('topics=${config['topics']}') consumed by the connector`);
      } else if (regex !== '' && safeRegex(regex)?.test(deadLetterQueue)) {
        add('errors.deadletterqueue.topic.name', `The DLQ topic '${deadLetterQueue}' may not be included in the regex matching the topics ('topics.regex=${regex}') consumed by the connector`);
      }
    }
  }
  for (const definition of [ERROR_HANDLING_CONFIG_DEF, AUTO_RESTART_CONFIG_DEF]) {
    for (const result of definition.validate(config)) for (const message of result.errors) add(result.name, message);
  }
  problems.push(...transformConfigProblems(config));
  return problems;
}

/** Kafka's 400 message for an invalid connector config. */
export function invalidConfigMessage(messages: readonly string[]): string {
  return (
    `Connector configuration is invalid and contains the following ${messages.length} error(s):\n${messages.join('\n')}\n` +
    'You can also find the above list of errors at the endpoint `/connector-plugins/{connectorType}/config/validate`'
  );
}

/** The checks without the plugin's own: throws Kafka's 400 (or 500 for an unknown class). */
export function checkConnectorConfig(name: string, config: Readonly<Record<string, string>>, catalog: PluginCatalog): CheckedConnectorConfig {
  const plugin = resolveConnectorPlugin(config, catalog);
  const problems = connectorConfigProblems(name, config, plugin);
  if (problems.length > 0) throw new BadRequestError(invalidConfigMessage(problems.map((p) => p.message)));
  return { plugin, tasksMax: Number((config['tasks.max'] ?? '1').trim()) };
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

/** A PATCH applied to a stored config (KIP-477): a null removes the key, any other value sets it. */
export function patchedConfig(config: Readonly<Record<string, string>>, patch: Readonly<Record<string, string | null>>): Record<string, string> {
  const patched = { ...config };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete patched[key];
    else patched[key] = value;
  }
  return patched;
}
