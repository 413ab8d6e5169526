// The errors a Herder answers requests with, each carrying the HTTP status Kafka Connect's REST
// API gives it (the gRPC admin API maps the same errors to its own status codes).

export class HerderError extends Error {
  readonly httpStatus: number;

  constructor(httpStatus: number, message: string) {
    super(message);
    this.httpStatus = httpStatus;
  }
}

export class NotFoundError extends HerderError {
  override name = 'NotFoundException';
  constructor(message: string) {
    super(404, message);
  }
}

export class BadRequestError extends HerderError {
  override name = 'BadRequestException';
  constructor(message: string) {
    super(400, message);
  }
}

export class AlreadyExistsError extends HerderError {
  override name = 'AlreadyExistsException';
  constructor(message: string) {
    super(409, message);
  }
}

/** Kafka's 409 for a request that met a rebalance: clients (kcctl, Kafka UI, Terraform) retry on it. */
export class ConflictError extends HerderError {
  override name = 'ConflictException';
  constructor(message: string) {
    super(409, message);
  }
}

/**
 * A write that only the group's leader may carry out reached another worker: the API adapter
 * that received it forwards it to the leader (REST to `leaderUrl`, gRPC to `leaderAdminUrl`).
 * Should it escape an adapter, it answers 409 like Kafka's two-hop forwarding failure.
 */
export class NotLeaderError extends HerderError {
  override name = 'NotLeaderException';
  readonly leaderUrl: string;
  /** The leader's gRPC admin address (host:port), '' when it runs none. */
  readonly leaderAdminUrl: string;

  constructor(leaderUrl: string, leaderAdminUrl: string) {
    super(409, CONFLICTING_OPERATION);
    this.leaderUrl = leaderUrl;
    this.leaderAdminUrl = leaderAdminUrl;
  }
}

/** Kafka's messages for requests that met a rebalance (clients match these texts). */
export const CONFLICTING_OPERATION = 'Cannot complete request because of a conflicting operation (e.g. worker rebalance)';
export const NO_KNOWN_LEADER = 'Cannot complete request momentarily due to no known leader URL, likely because a rebalance was underway.';
