// The converter part of a validation answer (Kafka's AbstractHerder.validateConverterConfig): for
// each of header.converter, key.converter and value.converter that the connector config sets to a
// built-in converter of the right kind without a problem on that key, the converter's own keys
// under "<property>." with the values its ConfigDef validates them to (converter.type filled in as
// the worker would). A converter the config does not name, or that cannot be used, adds nothing.

import { converterPluginConfigDef } from '../converters/index.js';
import { validateAll } from './config-def-kafka.js';
import { prefixedConfigInfos, type ConfigInfos } from './config-infos.js';

const CONVERTERS = [
  { property: 'header.converter', kind: 'header', type: 'header' },
  { property: 'key.converter', kind: 'converter', type: 'key' },
  { property: 'value.converter', kind: 'converter', type: 'value' },
] as const;

/**
 * The header, key and value converter parts, in Kafka's order; `hasErrors` says whether the
 * framework already reported a problem on a converter key (Kafka then skips that converter).
 */
export function converterConfigInfos(config: Readonly<Record<string, string>>, hasErrors: (property: string) => boolean): ConfigInfos[] {
  const parts: ConfigInfos[] = [];
  for (const { property, kind, type } of CONVERTERS) {
    const className = config[property];
    if (className === undefined || hasErrors(property)) continue;
    const plugin = converterPluginConfigDef(className, kind);
    if (plugin === undefined) continue;
    const prefix = `${property}.`;
    const own: Record<string, string> = {};
    for (const [key, value] of Object.entries(config)) if (key.startsWith(prefix)) own[key.slice(prefix.length)] = value;
    own['converter.type'] ??= type;
    parts.push(prefixedConfigInfos(plugin.config.keys(), validateAll(plugin.config, own), prefix));
  }
  return parts;
}
