// The exit codes of the admin subcommands, which scripts can rely on:
//   0  success
//   1  the server refused or failed the request (its message on stderr); also a config that
//      `validate` finds invalid, and a worker that `health` finds STARTING or UNHEALTHY
//   2  usage error: unknown subcommand or option, missing argument, unreadable or malformed file
//   3  not found: no such connector, task, plugin or logger
//   4  no connection: the server is unreachable, refused the TLS handshake, or did not answer in time

import * as grpc from '@grpc/grpc-js';

export const EXIT_OK = 0;
export const EXIT_SERVER_ERROR = 1;
export const EXIT_USAGE = 2;
export const EXIT_NOT_FOUND = 3;
export const EXIT_CONNECTION = 4;

export function exitCodeOfStatus(code: grpc.status): number {
  switch (code) {
    case grpc.status.OK:
      return EXIT_OK;
    case grpc.status.NOT_FOUND:
      return EXIT_NOT_FOUND;
    case grpc.status.UNAVAILABLE:
    case grpc.status.DEADLINE_EXCEEDED:
      return EXIT_CONNECTION;
    default:
      return EXIT_SERVER_ERROR;
  }
}
