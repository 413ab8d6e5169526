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
 * A request this worker does not carry out itself: the API adapter that received it forwards it to
 * the worker that does (REST to `targetUrl`, gRPC to `targetAdminUrl`). Should it escape an
 * adapter, it answers 409 like Kafka's two-hop forwarding failure. Kafka's RequestTargetException.
 */
export class RequestTargetError extends HerderError {
  readonly targetUrl: string;
  /** The target's gRPC admin address (host:port), '' when it runs none. */
  readonly targetAdminUrl: string;

  constructor(targetUrl: string, targetAdminUrl: string) {
    super(409, CONFLICTING_OPERATION);
    this.targetUrl = targetUrl;
    this.targetAdminUrl = targetAdminUrl;
  }
}

/** A write that only the group's leader may carry out reached another worker. */
export class NotLeaderError extends RequestTargetError {
  override name = 'NotLeaderException';
}

/** A request for a task (or connector) that runs on another worker reached this one. */
export class NotAssignedError extends RequestTargetError {
  override name = 'NotAssignedException';
}

/** Kafka's messages for requests that met a rebalance (clients match these texts). */
export const CONFLICTING_OPERATION = 'Cannot complete request because of a conflicting operation (e.g. worker rebalance)';
export const NO_KNOWN_LEADER = 'Cannot complete request momentarily due to no known leader URL, likely because a rebalance was underway.';
