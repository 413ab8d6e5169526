// Runs a record through a list of steps, each returning the next state, null (drop the record) or
// SKIPPED (a tolerated failure). It stays synchronous until a step answers with a Promise — which
// the retry-with-tolerance operator does only when something failed — and then awaits that one and
// every later step, so the common path has no per-record await.

import { SKIPPED, type Outcome } from '../errors/retry-with-tolerance-operator.js';

export type Step<S> = (state: S) => Outcome<S | null> | Promise<Outcome<S | null>>;

export function runSteps<S>(initial: S, steps: readonly Step<S>[]): S | null | Promise<S | null> {
  let state = initial;
  for (let i = 0; i < steps.length; i++) {
    const outcome = steps[i]!(state);
    if (outcome instanceof Promise) return finish(outcome, steps, i + 1);
    if (outcome === SKIPPED || outcome === null) return null;
    state = outcome;
  }
  return state;
}

async function finish<S>(pending: Promise<Outcome<S | null>>, steps: readonly Step<S>[], next: number): Promise<S | null> {
  let outcome = await pending;
  for (let i = next; ; i++) {
    if (outcome === SKIPPED || outcome === null) return null;
    if (i >= steps.length) return outcome;
    outcome = await steps[i]!(outcome);
  }
}
