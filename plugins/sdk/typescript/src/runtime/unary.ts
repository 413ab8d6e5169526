// Adapts an async function to a grpc-js unary handler, turning a thrown error into a gRPC status
// that carries ErrorInfo (see wire/error-info.ts).

import type { handleUnaryCall } from '@grpc/grpc-js';
import { statusForError } from '../wire/error-info.js';

export function unary<Request, Response>(handler: (request: Request) => Promise<Response>): handleUnaryCall<Request, Response> {
  return (call, callback) => {
    handler(call.request).then(
      (response) => callback(null, response),
      (error: unknown) => callback(statusForError(error)),
    );
  };
}
