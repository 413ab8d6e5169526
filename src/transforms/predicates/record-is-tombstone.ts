// RecordIsTombstone (org.apache.kafka.connect.transforms.predicates.RecordIsTombstone): true for
// records whose value is null. No configuration.

import { ConfigDef } from '../../data/index.js';
import type { ConnectRecord, Predicate } from '../transformation.js';

export class RecordIsTombstone implements Predicate {
  static readonly CLASS_NAME = 'org.apache.kafka.connect.transforms.predicates.RecordIsTombstone';
  static readonly CONFIG_DEF = new ConfigDef();

  configure(): void {}

  test(record: ConnectRecord): boolean {
    return record.value === null || record.value === undefined;
  }

  config(): ConfigDef {
    return RecordIsTombstone.CONFIG_DEF;
  }

  close(): void {}

  toString(): string {
    return 'RecordIsTombstone{}';
  }
}
