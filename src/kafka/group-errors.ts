// The group coordinator's errors that mean "the group rebalanced under you" (kafkajs names them in
// `error.type`), and finding them through the wrappers kafkajs puts around a broker's error after
// its own retries (KafkaJSNonRetriableError with `cause`/`originalError`).

/** A member with one of these must join the group again; a commit it made was refused. */
export const REBALANCE_ERROR_TYPES: ReadonlySet<string> = new Set(['REBALANCE_IN_PROGRESS', 'ILLEGAL_GENERATION', 'UNKNOWN_MEMBER_ID', 'FENCED_INSTANCE_ID']);

/** Whether the error, or one it wraps, is a rebalance error. */
export function isRebalanceError(error: unknown): boolean {
  for (let current = error as { type?: unknown; cause?: unknown; originalError?: unknown } | undefined, depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    if (typeof current.type === 'string' && REBALANCE_ERROR_TYPES.has(current.type)) return true;
    current = (current.cause ?? current.originalError) as typeof current;
  }
  return false;
}
