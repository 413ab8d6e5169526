// How Herder errors become gRPC statuses: by class (NotFound, AlreadyExists, BadRequest), the
// messages Kafka answers with a misleading HTTP status (offsets while not STOPPED, unknown
// connector class), the remaining HTTP statuses, unexpected errors as INTERNAL, and the REST
// status carried in the trailers.

import * as grpc from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { AdminRequestError, HTTP_STATUS_METADATA_KEY, adminStatusOf, codeForHttpStatus, serviceErrorOf } from '../../../src/api/grpc/status-codes.js';
import { AlreadyExistsError, BadRequestError, HerderError, NotFoundError } from '../../../src/herder/herder-errors.js';

describe('adminStatusOf', () => {
  it('maps the Herder error classes', () => {
    expect(adminStatusOf(new NotFoundError('Connector x not found'))).toEqual({ code: grpc.status.NOT_FOUND, details: 'Connector x not found', httpStatus: 404 });
    expect(adminStatusOf(new AlreadyExistsError('Connector x already exists'))).toEqual({ code: grpc.status.ALREADY_EXISTS, details: 'Connector x already exists', httpStatus: 409 });
    expect(adminStatusOf(new BadRequestError('Connector configuration is invalid'))).toEqual({ code: grpc.status.INVALID_ARGUMENT, details: 'Connector configuration is invalid', httpStatus: 400 });
  });

  it('answers FAILED_PRECONDITION for offsets changed while the connector is not STOPPED', () => {
    const error = new BadRequestError("Connectors must be in the STOPPED state before their offsets can be modified. This can be done for the specified connector by issuing a 'PUT' request to the '/connectors/x/stop' endpoint");
    expect(adminStatusOf(error)).toMatchObject({ code: grpc.status.FAILED_PRECONDITION, httpStatus: 400 });
  });

  it('answers INVALID_ARGUMENT for unknown or ambiguous connector classes (a 500 in Kafka)', () => {
    expect(adminStatusOf(new HerderError(500, 'Failed to find any class that implements Connector and which name matches Nope, available connectors are: A'))).toMatchObject({ code: grpc.status.INVALID_ARGUMENT, httpStatus: 500 });
    expect(adminStatusOf(new HerderError(500, 'More than one connector matches alias X. Please use full package and class name instead.'))).toMatchObject({ code: grpc.status.INVALID_ARGUMENT });
  });

  it('maps other HerderErrors by HTTP status, and anything else to INTERNAL', () => {
    expect(adminStatusOf(new HerderError(409, 'Cannot complete request because of a conflicting operation (e.g. worker rebalance)'))).toMatchObject({ code: grpc.status.ABORTED, httpStatus: 409 });
    expect(adminStatusOf(new HerderError(500, 'Failed to modify offsets'))).toMatchObject({ code: grpc.status.INTERNAL, httpStatus: 500 });
    expect(adminStatusOf(new TypeError('x is undefined'))).toEqual({ code: grpc.status.INTERNAL, details: 'x is undefined', httpStatus: 500 });
    expect(adminStatusOf('a string')).toEqual({ code: grpc.status.INTERNAL, details: 'a string', httpStatus: 500 });
    expect(adminStatusOf(new AdminRequestError(grpc.status.UNIMPLEMENTED, 'no loggers', 404))).toEqual({ code: grpc.status.UNIMPLEMENTED, details: 'no loggers', httpStatus: 404 });
  });

  it('covers the HTTP statuses a Herder may use', () => {
    const codes = Object.fromEntries([400, 401, 403, 404, 409, 413, 415, 418, 429, 500, 501, 503, 504].map((status) => [status, grpc.status[codeForHttpStatus(status)]]));
    expect(codes).toEqual({
      400: 'INVALID_ARGUMENT',
      401: 'UNAUTHENTICATED',
      403: 'PERMISSION_DENIED',
      404: 'NOT_FOUND',
      409: 'ABORTED',
      413: 'INVALID_ARGUMENT',
      415: 'INVALID_ARGUMENT',
      418: 'FAILED_PRECONDITION',
      429: 'UNAVAILABLE',
      500: 'INTERNAL',
      501: 'UNIMPLEMENTED',
      503: 'UNAVAILABLE',
      504: 'DEADLINE_EXCEEDED',
    });
  });

  it('sends the REST status in the trailing metadata', () => {
    const error = serviceErrorOf(adminStatusOf(new NotFoundError('gone')));
    expect(error.code).toBe(grpc.status.NOT_FOUND);
    expect(error.details).toBe('gone');
    expect(error.metadata?.get(HTTP_STATUS_METADATA_KEY)).toEqual(['404']);
  });
});
