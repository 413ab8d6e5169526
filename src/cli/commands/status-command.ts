// status NAME: the state of a connector and its tasks. status [NAME] --watch: the same, then one
// line per state change as the worker records it (WatchStatus), until Ctrl-C (exit 0), the
// worker shutting down (exit 0) or the connection failing (exit 4). With --output json each
// stream message is printed as one JSON line.

import * as grpc from '@grpc/grpc-js';
import type { WatchStatusResponse } from '../../api/grpc/admin-messages.js';
import { toProtoJson } from '../../api/grpc/proto-json.js';
import { AdminCallError } from '../admin-client.js';
import { UsageError } from '../cli-args.js';
import { EXIT_OK } from '../exit-codes.js';
import { changeLine, shortEnum, statusView } from '../views.js';
import { flag, print, type Command, type CommandContext } from './command-context.js';

export const status: Command = async (context) => {
  const name = context.args[0];
  if (flag(context, 'watch')) return watch(context, name === undefined ? [] : [name]);
  if (name === undefined) throw new UsageError('status needs NAME (or --watch, to follow every connector)');
  const response = await context.client.call('GetConnectorStatus', { name });
  print(context, response, () => statusView(response.status!));
  return EXIT_OK;
};

async function watch(context: CommandContext, names: string[]): Promise<number> {
  const stream = context.client.watchStatus(names);
  const cancel = (): void => stream.cancel();
  context.signal.addEventListener('abort', cancel, { once: true });
  const seen = new Map<string, string>();
  try {
    for await (const message of stream as AsyncIterable<WatchStatusResponse>) {
      if (context.output === 'json') context.out(JSON.stringify(toProtoJson(message)));
      else if (message.snapshot) {
        for (const status of message.snapshot.connectors) {
          context.out(statusView(status));
          if (status.connector) seen.set(status.name, shortEnum(status.connector.state));
          for (const task of status.tasks) seen.set(`${status.name}/${task.id}`, shortEnum(task.state));
        }
        if (message.snapshot.connectors.length === 0) context.out(names.length === 0 ? 'No connectors yet.' : `${names[0]!} has no status yet.`);
        context.err('Watching for status changes (Ctrl-C to stop)');
      } else if (message.change) {
        const change = message.change;
        const key = change.taskId === undefined ? change.connector : `${change.connector}/${change.taskId}`;
        context.out(changeLine(change, seen.get(key)));
        if (change.status) seen.set(key, shortEnum(change.status.state));
        else seen.delete(key);
      }
    }
    return EXIT_OK;
  } catch (error) {
    const serviceError = error as grpc.ServiceError;
    if (context.signal.aborted && serviceError.code === grpc.status.CANCELLED) return EXIT_OK;
    throw typeof serviceError.code === 'number' ? AdminCallError.of(serviceError) : error;
  } finally {
    context.signal.removeEventListener('abort', cancel);
  }
}
