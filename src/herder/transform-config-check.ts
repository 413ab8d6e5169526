// Problems with a connector's transforms and predicates config, on the keys they are about
// (transforms.<alias>.type, transforms.<alias>.<key>, predicates.<alias>…), as the chain finds
// them when it configures every SMT and predicate — before any task starts.

import { validateTransformConfigs } from '../transforms/chain.js';
import type { ConfigProblem } from './connector-config-check.js';

export function transformConfigProblems(config: Readonly<Record<string, string>>): ConfigProblem[] {
  return validateTransformConfigs(config).map(({ key, message }) => ({ key, message }));
}
