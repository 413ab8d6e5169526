// Builds a connector's transformation stages from its config (transforms, predicates).
// Placeholder until the chain lands: no stages.

import type { TransformStage } from './transform-stage.js';

export function buildTransformStages(_connectorConfig: Readonly<Record<string, string>>): TransformStage[] {
  return [];
}
