// PluginCallError: a failed call into a plugin, with what the plugin said about it (error class,
// message, stack trace, retriable) when it said anything, and the gRPC status otherwise. A call
// that missed its deadline says which call and which deadline (plugin.call.timeout.ms).

import { Metadata, status as GrpcStatus, type ServiceError } from '@grpc/grpc-js';
import { errorDetailsFromStatus, type ErrorDetails } from '@polyconnect/sdk/wire';

export class PluginCallError extends Error {
  override name = 'PluginCallError';
  readonly code: GrpcStatus;
  /** The plugin's own description of the error, when the plugin code threw it. */
  readonly details: ErrorDetails | undefined;
  readonly method: string;

  /**
   * @param deadline how the call's deadline came about, e.g. "5000 ms (plugin.call.timeout.ms)";
   *   used in the message when the call missed it.
   */
  constructor(method: string, error: ServiceError, deadline?: string) {
    const details = errorDetailsFromStatus(error);
    super(
      details
        ? `${details.errorClass}: ${details.message}`
        : error.code === GrpcStatus.DEADLINE_EXCEEDED && deadline !== undefined
          ? `${method} did not answer within ${deadline}`
          : `${method} failed: ${GrpcStatus[error.code] ?? error.code}: ${error.details || error.message}`,
    );
    this.code = error.code;
    this.details = details;
    this.method = method;
  }

  /** A call not made because an earlier call of the same instance went unanswered (the instance is hung). */
  static notCalled(method: string, unansweredCall: string): PluginCallError {
    const error = Object.assign(new Error(`not called: ${unansweredCall}`), { code: GrpcStatus.CANCELLED, details: `not called: ${unansweredCall}`, metadata: new Metadata() });
    return new PluginCallError(method, error);
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
