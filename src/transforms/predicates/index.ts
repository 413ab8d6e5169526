// The built-in predicates (Kafka's org.apache.kafka.connect.transforms.predicates package, KIP-585),
// as registry entries for registry.ts.

import { BUILTIN_PLUGIN_VERSION } from '../smt-support.js';
import type { PluginClassEntry, Predicate } from '../transformation.js';
import { HasHeaderKey } from './has-header-key.js';
import { RecordIsTombstone } from './record-is-tombstone.js';
import { TopicNameMatches } from './topic-name-matches.js';

export { HasHeaderKey } from './has-header-key.js';
export { RecordIsTombstone } from './record-is-tombstone.js';
export { TopicNameMatches } from './topic-name-matches.js';

export const BUILTIN_PREDICATES: readonly PluginClassEntry<Predicate>[] = [
  { className: HasHeaderKey.CLASS_NAME, version: BUILTIN_PLUGIN_VERSION, create: () => new HasHeaderKey() },
  { className: RecordIsTombstone.CLASS_NAME, version: BUILTIN_PLUGIN_VERSION, create: () => new RecordIsTombstone() },
  { className: TopicNameMatches.CLASS_NAME, version: BUILTIN_PLUGIN_VERSION, create: () => new TopicNameMatches() },
];
