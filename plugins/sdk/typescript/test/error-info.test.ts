// How errors cross the plugin boundary: the gRPC status code chosen for an error thrown by plugin
// code, and the ErrorInfo carried in the "polyconnect-error-info-bin" trailer.

import { Metadata, status as GrpcStatus, type ServiceError } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { ConfigException } from '../src/config/config-exception.js';
import { ConnectException, DataException, RetriableException } from '../src/data/errors.js';
import {
  ERROR_INFO_METADATA_KEY,
  UnknownInstanceError,
  errorDetailsFromStatus,
  errorDetailsOf,
  fromErrorInfo,
  statusForError,
} from '../src/wire/error-info.js';

/** The status as the worker's client would see it. */
function asServiceError(error: unknown): ServiceError {
  const status = statusForError(error);
  return Object.assign(new Error(status.details), { code: status.code!, details: status.details!, metadata: status.metadata! });
}

describe('statusForError', () => {
  it('maps errors to status codes: retriable, config, unknown instance, anything else', () => {
    expect(statusForError(new RetriableException('try again')).code).toBe(GrpcStatus.UNAVAILABLE);
    expect(statusForError(new ConfigException('bad')).code).toBe(GrpcStatus.INVALID_ARGUMENT);
    expect(statusForError(new UnknownInstanceError('i-1')).code).toBe(GrpcStatus.NOT_FOUND);
    expect(statusForError(new DataException('bad data')).code).toBe(GrpcStatus.INTERNAL);
    expect(statusForError(new TypeError('oops')).code).toBe(GrpcStatus.INTERNAL);
    expect(statusForError('a string').code).toBe(GrpcStatus.INTERNAL);
  });

  it('treats any error with retriable: true as retriable', () => {
    const error = Object.assign(new Error('socket closed'), { retriable: true });
    expect(statusForError(error).code).toBe(GrpcStatus.UNAVAILABLE);
  });

  it('puts "class: message" in the status details', () => {
    expect(statusForError(new DataException('bad data')).details).toBe('DataException: bad data');
    expect(statusForError(new UnknownInstanceError('i-1')).details).toBe('UnknownInstanceError: No instance "i-1" in this plugin process');
  });

  it('attaches a serialized ErrorInfo the worker reads back', () => {
    const thrown = new RetriableException('broker away');
    const error = asServiceError(thrown);
    const raw = error.metadata.get(ERROR_INFO_METADATA_KEY)[0];
    expect(raw).toBeInstanceOf(Buffer);
    expect(errorDetailsFromStatus(error)).toEqual({
      errorClass: 'RetriableException',
      message: 'broker away',
      stackTrace: thrown.stack,
      retriable: true,
    });
  });
});

describe('errorDetailsOf', () => {
  it('names the class by error.name, else by constructor', () => {
    class QuietError extends Error {}
    expect(errorDetailsOf(new ConnectException('x')).errorClass).toBe('ConnectException');
    expect(errorDetailsOf(new QuietError('x')).errorClass).toBe('QuietError');
    expect(errorDetailsOf(new Error('x')).errorClass).toBe('Error');
    expect(errorDetailsOf(new RangeError('x')).errorClass).toBe('RangeError');
  });

  it('describes thrown non-errors', () => {
    expect(errorDetailsOf(42)).toEqual({ errorClass: 'Error', message: '42', stackTrace: '42', retriable: false });
  });
});

describe('errorDetailsFromStatus', () => {
  it('gives undefined for a status without the trailer (transport failures)', () => {
    const error = Object.assign(new Error('14 UNAVAILABLE'), { code: GrpcStatus.UNAVAILABLE, details: 'No connection', metadata: new Metadata() });
    expect(errorDetailsFromStatus(error)).toBeUndefined();
  });

  it('gives undefined for a trailer that is not an ErrorInfo', () => {
    const metadata = new Metadata();
    metadata.set(ERROR_INFO_METADATA_KEY, Buffer.from([0xff, 0xff, 0xff]));
    const error = Object.assign(new Error('x'), { code: GrpcStatus.INTERNAL, details: 'x', metadata });
    expect(errorDetailsFromStatus(error)).toBeUndefined();
  });

  it('fills defaults for fields a plugin left out', () => {
    expect(fromErrorInfo({ message: 'm' })).toEqual({ errorClass: 'Error', message: 'm', stackTrace: '', retriable: false });
    expect(fromErrorInfo(null)).toEqual({ errorClass: 'Error', message: '', stackTrace: '', retriable: false });
  });
});
