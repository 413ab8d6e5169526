// The subcommands about the worker rather than a connector: server-info (version, commit, Kafka
// cluster id) and health. health exits 0 only when the worker answers HEALTHY; STARTING or
// UNHEALTHY print the answer and exit 1 (EXIT_SERVER_ERROR), an unreachable worker exits 4 as
// every command does, so `polyconnect health` works as a readiness probe.

import { EXIT_OK, EXIT_SERVER_ERROR } from '../exit-codes.js';
import { healthText, healthView, serverInfoView } from '../worker-views.js';
import { print, type Command } from './command-context.js';

export const serverInfo: Command = async (context) => {
  const response = await context.client.call('GetServerInfo', {});
  print(context, response, () => serverInfoView(response));
  return EXIT_OK;
};

export const health: Command = async (context) => {
  const response = await context.client.call('GetHealth', {});
  print(context, response, () => healthView(response));
  if (response.status === 'WORKER_HEALTH_STATUS_HEALTHY') return EXIT_OK;
  context.err(`The worker is not healthy (${healthText(response)})`);
  return EXIT_SERVER_ERROR;
};
