// Kafka Connect's exception family, as thrown by connectors and by the data model.
// The names are Kafka Connect's own so that connector authors recognise them; the worker reads
// `retriable` (not the class) to decide whether a failed call may be retried.

/** Base of every error raised by Connect code. */
export class ConnectException extends Error {
  /** True when retrying the same operation may succeed. */
  readonly retriable: boolean = false;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A failure that may go away when the operation is retried (Kafka's RetriableException). */
export class RetriableException extends ConnectException {
  override readonly retriable: boolean = true;
}

/** Data that does not fit its schema, or cannot be converted (Kafka's DataException). */
export class DataException extends ConnectException {}

/** Whether an error thrown by connector code asks to be retried. */
export function isRetriable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { retriable?: unknown }).retriable === true;
}
