// PluginCallError: a failed call into a plugin, with what the plugin said about it (error class,
// message, stack trace, retriable) when it said anything, and the gRPC status otherwise.

import { status as GrpcStatus, type ServiceError } from '@grpc/grpc-js';
import { errorDetailsFromStatus, type ErrorDetails } from '@polyconnect/sdk/wire';

export class PluginCallError extends Error {
  override name = 'PluginCallError';
  readonly code: GrpcStatus;
  /** The plugin's own description of the error, when the plugin code threw it. */
  readonly details: ErrorDetails | undefined;
  readonly method: string;

  constructor(method: string, error: ServiceError) {
    const details = errorDetailsFromStatus(error);
    super(details ? `${details.errorClass}: ${details.message}` : `${method} failed: ${GrpcStatus[error.code] ?? error.code}: ${error.details || error.message}`);
    this.code = error.code;
    this.details = details;
    this.method = method;
  }

  /** Thrown by plugin code (as opposed to a transport failure such as a dead process). */
  get fromPluginCode(): boolean {
    return this.details !== undefined;
  }

  get retriable(): boolean {
    return this.details?.retriable ?? false;
  }

  get isDeadlineExceeded(): boolean {
    return this.code === GrpcStatus.DEADLINE_EXCEEDED;
  }

  /** The stack trace the plugin reported, or this error's own. */
  get trace(): string {
    return this.details?.stackTrace || this.stack || this.message;
  }
}
