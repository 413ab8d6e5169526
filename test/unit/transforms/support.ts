// Small helpers for the unit tests of this half of the SMTs: a record to transform, and a
// configured transform by Kafka class name from the registry.

import type { ConnectRecord, Transformation } from '../../../src/transforms/transformation.js';
import { transformationClasses } from '../../../src/transforms/registry.js';

export const T = 'org.apache.kafka.connect.transforms.';

export function sinkRecord(overrides: Partial<ConnectRecord> = {}): ConnectRecord & { kafkaOffset: number; originalTopic: string } {
  return {
    topic: 'orders',
    kafkaPartition: 3,
    keySchema: null,
    key: 'k',
    valueSchema: null,
    value: null,
    timestamp: 1_700_000_000_000,
    headers: [{ key: 'h', schema: null, value: 'x' }],
    kafkaOffset: 42,
    originalTopic: 'orders',
    ...overrides,
  };
}

/** The transform registered under `className`, configured with `config`. */
export function configured(className: string, config: Record<string, string> = {}): Transformation {
  const entry = transformationClasses().lookup(className);
  if (entry === undefined) throw new Error(`no transform ${className}`);
  const transform = entry.create();
  transform.configure(config);
  return transform;
}
