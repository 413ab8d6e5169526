// How the admin API answers failures: the Herder's errors (HerderError and its subclasses, which
// carry the HTTP status the REST API answers with) become gRPC status codes, with the error's
// message as the status details and the REST status in the trailing metadata
// ("polyconnect-http-status"), so a client can tell the two APIs' answers apart or match them.
//
// Mostly by class and HTTP status; a few of Kafka's answers need their message read, because the
// REST API gives them a status that does not say what went wrong:
// - "must be in the STOPPED state" (400 in Kafka) is FAILED_PRECONDITION: the request is fine,
//   the connector's state is not;
// - an unknown or ambiguous connector class (500 in Kafka) is INVALID_ARGUMENT.

import * as grpc from '@grpc/grpc-js';
import { AlreadyExistsError, BadRequestError, HerderError, NotFoundError } from '../../herder/herder-errors.js';

export const HTTP_STATUS_METADATA_KEY = 'polyconnect-http-status';

export interface AdminStatus {
  code: grpc.status;
  details: string;
  /** The REST API's status code for the same failure. */
  httpStatus: number;
}

/** Errors the admin adapter raises itself, with the gRPC code to answer. */
export class AdminRequestError extends Error {
  override name = 'AdminRequestError';
  readonly code: grpc.status;
  readonly httpStatus: number;

  constructor(code: grpc.status, message: string, httpStatus: number) {
    super(message);
    this.code = code;
    this.httpStatus = httpStatus;
  }
}

const PRECONDITION_MESSAGES = [/must be in the STOPPED state/];
const INVALID_ARGUMENT_MESSAGES = [/^Failed to find any class that implements Connector/, /^More than one connector matches alias/];

export function adminStatusOf(error: unknown): AdminStatus {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof AdminRequestError) return { code: error.code, details: message, httpStatus: error.httpStatus };
  if (error instanceof NotFoundError) return { code: grpc.status.NOT_FOUND, details: message, httpStatus: 404 };
  if (error instanceof AlreadyExistsError) return { code: grpc.status.ALREADY_EXISTS, details: message, httpStatus: 409 };
  if (!(error instanceof HerderError)) return { code: grpc.status.INTERNAL, details: message, httpStatus: 500 };
  const httpStatus = error.httpStatus;
  if (PRECONDITION_MESSAGES.some((pattern) => pattern.test(message))) return { code: grpc.status.FAILED_PRECONDITION, details: message, httpStatus };
  if (INVALID_ARGUMENT_MESSAGES.some((pattern) => pattern.test(message))) return { code: grpc.status.INVALID_ARGUMENT, details: message, httpStatus };
  if (error instanceof BadRequestError) return { code: grpc.status.INVALID_ARGUMENT, details: message, httpStatus };
  return { code: codeForHttpStatus(httpStatus), details: message, httpStatus };
}

/** The gRPC code for an HTTP status (the mapping of gRPC's HTTP-to-gRPC guide, made specific). */
export function codeForHttpStatus(httpStatus: number): grpc.status {
  switch (httpStatus) {
    case 400:
    case 413:
    case 415:
    case 422:
      return grpc.status.INVALID_ARGUMENT;
    case 401:
      return grpc.status.UNAUTHENTICATED;
    case 403:
      return grpc.status.PERMISSION_DENIED;
    case 404:
      return grpc.status.NOT_FOUND;
    case 409:
      return grpc.status.ABORTED; // a concurrent change or a rebalance: retry
    case 429:
    case 503:
      return grpc.status.UNAVAILABLE;
    case 501:
      return grpc.status.UNIMPLEMENTED;
    case 504:
      return grpc.status.DEADLINE_EXCEEDED;
    default:
      return httpStatus >= 400 && httpStatus < 500 ? grpc.status.FAILED_PRECONDITION : grpc.status.INTERNAL;
  }
}

/** The ServiceError-shaped object grpc-js sends for an AdminStatus. */
export function serviceErrorOf(status: AdminStatus): Partial<grpc.StatusObject> & { code: grpc.status } {
  const metadata = new grpc.Metadata();
  metadata.set(HTTP_STATUS_METADATA_KEY, String(status.httpStatus));
  return { code: status.code, details: status.details, metadata };
}
