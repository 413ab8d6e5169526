// Builds a connector's transformation stages from its config (transforms, predicates): one chain
// per task, since SMT instances keep state (schema caches) and tasks run independently.

import { TransformationChain } from '../transforms/chain.js';
import type { TransformStage } from './transform-stage.js';

export function buildTransformStages(connectorConfig: Readonly<Record<string, string>>): TransformStage[] {
  return [...TransformationChain.fromConfig(connectorConfig).stages];
}
