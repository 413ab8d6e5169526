// DropHeaders (org.apache.kafka.connect.transforms.DropHeaders): removes every header whose key is
// one of `headers`; the rest of the record, and the order of the other headers, is kept.

import { ConfigDef } from '../data/index.js';
import { nonEmptyListValidator } from './transform-config.js';
import { newRecord, type ConnectRecord, type Transformation } from './transformation.js';

const HEADERS_CONFIG = 'headers';

export class DropHeaders implements Transformation {
  static readonly CLASS_NAME = 'org.apache.kafka.connect.transforms.DropHeaders';
  static readonly CONFIG_DEF = new ConfigDef().define({
    name: HEADERS_CONFIG,
    type: 'LIST',
    validator: nonEmptyListValidator,
    importance: 'HIGH',
    documentation: 'The name of the headers to be removed.',
  });

  #headers: ReadonlySet<string> = new Set();

  configure(config: Readonly<Record<string, string>>): void {
    this.#headers = new Set(DropHeaders.CONFIG_DEF.parse(config)[HEADERS_CONFIG] as string[]);
  }

  apply<R extends ConnectRecord>(record: R): R {
    return newRecord(record, { headers: record.headers.filter((header) => !this.#headers.has(header.key)) });
  }

  config(): ConfigDef {
    return DropHeaders.CONFIG_DEF;
  }

  close(): void {}
}
