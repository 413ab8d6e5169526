// The settings every built-in converter shares (Kafka's ConverterConfig): converter.type, which the
// runtime sets to key, value or header before configure() is called.

import { ConfigDef, validString } from '../data/index.js';

export const CONVERTER_TYPE_CONFIG = 'converter.type';

/** A ConfigDef holding only converter.type; converters add their own keys to it. */
export function converterConfigDef(): ConfigDef {
  return new ConfigDef().define({
    name: CONVERTER_TYPE_CONFIG,
    type: 'STRING',
    validator: validString(['key', 'value', 'header']),
    importance: 'LOW',
    documentation: 'How this converter will be used.',
  });
}

/** The config with converter.type set as Converter.configure(config, isKey) does; unchanged for header use. */
export function withConverterType(config: Readonly<Record<string, string>>, isKey: boolean | undefined): Readonly<Record<string, string>> {
  return isKey === undefined ? config : { ...config, [CONVERTER_TYPE_CONFIG]: isKey ? 'key' : 'value' };
}
