// What a task needs from the transformation chain: its stages in order, each applied on its own
// so that every transform call runs inside the retry-with-tolerance operator (stage
// TRANSFORMATION, executing class = the SMT's class).

import type { ConnectRecord } from '../transforms/transformation.js';

export interface TransformStage {
  /** Kafka class name of the SMT, e.g. org.apache.kafka.connect.transforms.Cast$Value. */
  readonly className: string;
  /** Applies the stage (its predicate included): the record, a new one, or null to drop it. */
  apply<R extends ConnectRecord>(record: R): R | null;
}
