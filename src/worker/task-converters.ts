// The key, value and header converters of one connector's tasks, chosen as Kafka Connect does: a
// converter named in the connector config (with its own sub-keys) replaces the worker's entirely
// (no merging of sub-keys); otherwise the worker's converter and its sub-keys apply. Sink-side
// conversion failures are explained with the setting to change (see converter-mismatch.ts).

import { createConverter, createHeaderConverter, resolveConverterClass } from '../converters/index.js';
import type { Converter, HeaderConverter } from '../converters/converter.js';
import { withPrefix, type WorkerConfig } from '../config/worker-config.js';
import { guardAgainstMismatch } from './converter-mismatch.js';

export interface TaskConverters {
  readonly key: Converter;
  readonly value: Converter;
  readonly header: HeaderConverter;
  /** Kafka class names, as the error reporters name the executing class. */
  readonly keyClass: string;
  readonly valueClass: string;
  readonly headerClass: string;
}

const DEFAULT_HEADER_CONVERTER = 'org.apache.kafka.connect.storage.SimpleHeaderConverter';

interface ChosenConverter {
  className: string;
  config: Record<string, string>;
  /** Where the choice was made, for error messages: "connector" or "worker". */
  origin: 'connector' | 'worker';
}

export function createTaskConverters(worker: WorkerConfig, connectorConfig: Readonly<Record<string, string>>): TaskConverters {
  const chosen = (kind: 'key' | 'value' | 'header'): ChosenConverter => {
    const property = `${kind}.converter`;
    const fromConnector = connectorConfig[property];
    if (fromConnector !== undefined && fromConnector.trim() !== '') {
      return { className: fromConnector.trim(), config: withPrefix(connectorConfig, `${property}.`), origin: 'connector' };
    }
    const fromWorker = worker.originals[property] ?? (kind === 'header' ? DEFAULT_HEADER_CONVERTER : undefined);
    if (fromWorker === undefined) throw new Error(`Missing required configuration "${property}" which has no default value.`);
    return { className: fromWorker.trim(), config: withPrefix(worker.originals, `${property}.`), origin: 'worker' };
  };
  const key = chosen('key');
  const value = chosen('value');
  const header = chosen('header');
  const keyClass = resolveConverterClass(key.className) ?? key.className;
  const valueClass = resolveConverterClass(value.className) ?? value.className;
  return {
    key: guardAgainstMismatch(createConverter(key.className, { ...key.config, 'converter.type': 'key' }, true), { ...key, property: 'key.converter', className: keyClass }),
    value: guardAgainstMismatch(createConverter(value.className, { ...value.config, 'converter.type': 'value' }, false), { ...value, property: 'value.converter', className: valueClass }),
    header: createHeaderConverter(header.className, { ...header.config, 'converter.type': 'header' }),
    keyClass,
    valueClass,
    headerClass: resolveConverterClass(header.className) ?? header.className,
  };
}
