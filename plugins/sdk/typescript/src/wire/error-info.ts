// How errors cross the plugin boundary. A plugin call that fails ends with a gRPC status whose
// trailing metadata "polyconnect-error-info-bin" holds a serialized polyconnect.plugin.v1.ErrorInfo
// (error class, message, stack trace, retriable); per-record failures carry ErrorInfo in messages.

import { Metadata, status as GrpcStatus, type ServiceError, type StatusObject } from '@grpc/grpc-js';
import protobuf from 'protobufjs';
import { isRetriable } from '../data/errors.js';
import { ConfigException } from '../config/config-exception.js';
import type { ErrorInfo } from './generated/polyconnect/plugin/v1/ErrorInfo.js';
import { protoRoot } from './proto-files.js';

export const ERROR_INFO_METADATA_KEY = 'polyconnect-error-info-bin';

export interface ErrorDetails {
  errorClass: string;
  message: string;
  stackTrace: string;
  retriable: boolean;
}

let errorInfoType: protobuf.Type | undefined;

function errorInfoMessage(): protobuf.Type {
  if (errorInfoType === undefined) {
    const root = new protobuf.Root();
    root.loadSync(`${protoRoot()}polyconnect/plugin/v1/errors.proto`, { keepCase: false });
    errorInfoType = root.lookupType('polyconnect.plugin.v1.ErrorInfo');
  }
  return errorInfoType;
}

/** Describes an error thrown by plugin code. */
export function errorDetailsOf(error: unknown): ErrorDetails {
  if (error instanceof Error) {
    return {
      errorClass: error.name && error.name !== 'Error' ? error.name : (error.constructor?.name ?? 'Error'),
      message: error.message,
      stackTrace: error.stack ?? `${error.name}: ${error.message}`,
      retriable: isRetriable(error),
    };
  }
  return { errorClass: 'Error', message: String(error), stackTrace: String(error), retriable: false };
}

export function toErrorInfo(details: ErrorDetails): ErrorInfo {
  return { errorClass: details.errorClass, message: details.message, stackTrace: details.stackTrace, retriable: details.retriable };
}

export function fromErrorInfo(info: { errorClass?: string; message?: string; stackTrace?: string; retriable?: boolean } | null | undefined): ErrorDetails {
  return { errorClass: info?.errorClass || 'Error', message: info?.message ?? '', stackTrace: info?.stackTrace ?? '', retriable: info?.retriable ?? false };
}

/** The gRPC status a plugin answers with when its code throws `error`. */
export function statusForError(error: unknown): Partial<StatusObject> {
  const details = errorDetailsOf(error);
  const metadata = new Metadata();
  metadata.set(ERROR_INFO_METADATA_KEY, Buffer.from(errorInfoMessage().encode(toErrorInfo(details)).finish()));
  let code = GrpcStatus.INTERNAL;
  if (details.retriable) code = GrpcStatus.UNAVAILABLE;
  else if (error instanceof ConfigException) code = GrpcStatus.INVALID_ARGUMENT;
  else if (error instanceof UnknownInstanceError) code = GrpcStatus.NOT_FOUND;
  return { code, details: `${details.errorClass}: ${details.message}`, metadata };
}

/** The plugin's error details carried by a failed call, if the plugin sent them. */
export function errorDetailsFromStatus(error: ServiceError): ErrorDetails | undefined {
  const raw = error.metadata?.get(ERROR_INFO_METADATA_KEY)[0];
  if (!(raw instanceof Buffer)) return undefined;
  try {
    return fromErrorInfo(errorInfoMessage().toObject(errorInfoMessage().decode(raw)) as ErrorInfo);
  } catch {
    return undefined;
  }
}

/** A call named an instance the plugin does not have (never started, or already stopped). */
export class UnknownInstanceError extends Error {
  override name = 'UnknownInstanceError';
  constructor(instanceId: string) {
    super(`No instance "${instanceId}" in this plugin process`);
  }
}
