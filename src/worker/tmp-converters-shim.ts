// TEMPORARY shim until src/converters/index.ts lands: String and ByteArray converters only.
import type { Converter, HeaderConverter } from '../converters/converter.js';
import { STRING_SCHEMA } from '../data/index.js';
export function createConverter(className: string, _config: Record<string, string>, _isKey: boolean): Converter {
  const str = className.endsWith('StringConverter');
  return {
    configure() {},
    fromConnectData: (_t, _s, v) => (v === null || v === undefined ? null : Buffer.isBuffer(v) ? v : Buffer.from(String(v), 'utf8')),
    toConnectData: (_t, b) => (b === null ? { schema: null, value: null } : str ? { schema: STRING_SCHEMA, value: b.toString('utf8') } : { schema: null, value: b }),
  };
}
export function createHeaderConverter(className: string, config: Record<string, string>): HeaderConverter {
  const c = createConverter(className, config, false);
  return { configure() {}, fromConnectHeader: (t, _k, s, v) => c.fromConnectData(t, s, v), toConnectHeader: (t, _k, b) => c.toConnectData(t, b) };
}
