// HasHeaderKey (org.apache.kafka.connect.transforms.predicates.HasHeaderKey): true for records
// with at least one header whose key is exactly `name`.

import { ConfigDef, nonEmptyString } from '../../data/index.js';
import type { ConnectRecord, Predicate } from '../transformation.js';

const NAME_CONFIG = 'name';

export class HasHeaderKey implements Predicate {
  static readonly CLASS_NAME = 'org.apache.kafka.connect.transforms.predicates.HasHeaderKey';
  static readonly CONFIG_DEF = new ConfigDef().define({
    name: NAME_CONFIG,
    type: 'STRING',
    validator: nonEmptyString,
    importance: 'MEDIUM',
    documentation: 'The header name.',
  });

  #name = '';

  configure(config: Readonly<Record<string, string>>): void {
    this.#name = HasHeaderKey.CONFIG_DEF.parse(config)[NAME_CONFIG] as string;
  }

  test(record: ConnectRecord): boolean {
    return record.headers.some((header) => header.key === this.#name);
  }

  config(): ConfigDef {
    return HasHeaderKey.CONFIG_DEF;
  }

  close(): void {}

  toString(): string {
    return `HasHeaderKey{name='${this.#name}'}`;
  }
}
