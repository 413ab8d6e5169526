// Filter (org.apache.kafka.connect.transforms.Filter): drops every record. Meant to be used with a
// predicate (transforms.<alias>.predicate), so that only the records it matches (or, with negate,
// does not match) are dropped. No configuration.

import { ConfigDef } from '../data/index.js';
import type { ConnectRecord, Transformation } from './transformation.js';

export class Filter implements Transformation {
  static readonly CLASS_NAME = 'org.apache.kafka.connect.transforms.Filter';
  static readonly CONFIG_DEF = new ConfigDef();

  configure(): void {}

  apply(_record: ConnectRecord): null {
    return null;
  }

  config(): ConfigDef {
    return Filter.CONFIG_DEF;
  }

  close(): void {}
}
