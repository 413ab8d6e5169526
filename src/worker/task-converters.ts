// The key, value and header converters of one connector's tasks, chosen as Kafka Connect does: a
// converter named in the connector config (with its own sub-keys) replaces the worker's entirely
// (no merging of sub-keys); otherwise the worker's converter and its sub-keys apply.

import { createConverter, createHeaderConverter } from '../converters/index.js';
import type { Converter, HeaderConverter } from '../converters/converter.js';
import { withPrefix, type WorkerConfig } from '../config/worker-config.js';

export interface TaskConverters {
  readonly key: Converter;
  readonly value: Converter;
  readonly header: HeaderConverter;
}

const DEFAULT_HEADER_CONVERTER = 'org.apache.kafka.connect.storage.SimpleHeaderConverter';

export function createTaskConverters(worker: WorkerConfig, connectorConfig: Readonly<Record<string, string>>): TaskConverters {
  const chosen = (kind: 'key' | 'value' | 'header'): { className: string; config: Record<string, string> } => {
    const property = `${kind}.converter`;
    const fromConnector = connectorConfig[property];
    if (fromConnector !== undefined && fromConnector.trim() !== '') return { className: fromConnector.trim(), config: withPrefix(connectorConfig, `${property}.`) };
    const fromWorker = worker.originals[property] ?? (kind === 'header' ? DEFAULT_HEADER_CONVERTER : undefined);
    if (fromWorker === undefined) throw new Error(`Missing required configuration "${property}" which has no default value.`);
    return { className: fromWorker.trim(), config: withPrefix(worker.originals, `${property}.`) };
  };
  const key = chosen('key');
  const value = chosen('value');
  const header = chosen('header');
  return {
    key: createConverter(key.className, { ...key.config, 'converter.type': 'key' }, true),
    value: createConverter(value.className, { ...value.config, 'converter.type': 'value' }, false),
    header: createHeaderConverter(header.className, { ...header.config, 'converter.type': 'header' }),
  };
}
