// No silent converter mismatch: a JsonConverter reading data written with other settings fails
// with a message that names the setting to change, instead of passing wrong data on.

import { describe, expect, it } from 'vitest';
import { createConverter } from '../../../src/converters/index.js';
import { DataException } from '../../../src/data/index.js';
import { guardAgainstMismatch } from '../../../src/worker/converter-mismatch.js';

function guarded(schemasEnable: string, origin: 'connector' | 'worker' = 'connector') {
  const config = { 'schemas.enable': schemasEnable };
  return guardAgainstMismatch(createConverter('org.apache.kafka.connect.json.JsonConverter', config, false), {
    property: 'value.converter',
    className: 'org.apache.kafka.connect.json.JsonConverter',
    config,
    origin,
  });
}

const envelope = Buffer.from('{"schema":{"type":"string","optional":false},"payload":"hello"}');
const plain = Buffer.from('{"name":"hello"}');

describe('converter mismatch guard', () => {
  it('passes matching data through unchanged', () => {
    expect(guarded('true').toConnectData('t', envelope).value).toBe('hello');
    expect(guarded('false').toConnectData('t', plain).value).toEqual(new Map([['name', 'hello']]));
  });

  it('names value.converter.schemas.enable when schemas are expected but the record has no envelope', () => {
    expect(() => guarded('true').toConnectData('orders', plain)).toThrow(DataException);
    expect(() => guarded('true').toConnectData('orders', plain)).toThrow(
      /JsonConverter with schemas.enable requires "schema" and "payload" fields.*converter mismatch on topic orders: value.converter=org.apache.kafka.connect.json.JsonConverter with value.converter.schemas.enable=true in the connector config.*set value.converter.schemas.enable=false/s,
    );
  });

  it('refuses an envelope read with schemas.enable=false instead of passing {schema, payload} on as data (Kafka passes it)', () => {
    expect(() => guarded('false', 'worker').toConnectData('orders', envelope)).toThrow(
      /the record is a JsonConverter schema envelope .* but value.converter.schemas.enable=false in the worker config.*set value.converter.schemas.enable=true/,
    );
  });

  it('leaves a JSON object that merely has "schema" and "payload" keys of other shapes alone', () => {
    const lookalike = Buffer.from('{"schema":"v2","payload":[1,2]}');
    expect(guarded('false').toConnectData('t', lookalike).value).toEqual(new Map<string, unknown>([['schema', 'v2'], ['payload', [1, 2]]]));
  });

  it('names value.converter when the bytes are not JSON at all', () => {
    expect(() => guarded('true').toConnectData('t', Buffer.from('plain text, not json'))).toThrow(/the record is not JSON, but value.converter=org.apache.kafka.connect.json.JsonConverter in the connector config; set value.converter/);
  });

  it('does not wrap other converters', () => {
    const string = createConverter('org.apache.kafka.connect.storage.StringConverter', {}, false);
    expect(guardAgainstMismatch(string, { property: 'value.converter', className: 'org.apache.kafka.connect.storage.StringConverter', config: {}, origin: 'worker' })).toBe(string);
  });
});
