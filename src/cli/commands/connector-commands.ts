// The connector subcommands: list, describe, tasks, create, update, patch, delete, pause, resume,
// stop and restart, each one admin call printed as a table or the API's JSON.

import type { InitialStateName } from '../../api/grpc/admin-messages.js';
import { UsageError } from '../cli-args.js';
import { readConfigFile } from '../config-files.js';
import { EXIT_OK } from '../exit-codes.js';
import { connectorListView, describeView, statusView, taskConfigsView } from '../views.js';
import { flag, listOption, print, requiredOption, stringOption, type Command, type CommandContext } from './command-context.js';

const name = (context: CommandContext): string => context.args[0]!;

export const list: Command = async (context) => {
  const response = await context.client.call('ListConnectors', { includeInfo: true, includeStatus: true });
  print(context, response, () => connectorListView(response.connectors));
  return EXIT_OK;
};

export const describe: Command = async (context) => {
  const response = await context.client.call('GetConnector', { name: name(context), includeStatus: true });
  print(context, response, () => describeView(response.info!, response.status));
  return EXIT_OK;
};

export const tasks: Command = async (context) => {
  const response = await context.client.call('ListTasks', { name: name(context) });
  print(context, response, () => taskConfigsView(response.tasks));
  return EXIT_OK;
};

export const create: Command = async (context) => {
  const file = await readConfigFile(requiredOption(context, 'file', 'create'));
  if (file.name === undefined) throw new UsageError(`${stringOption(context, 'file')!}: the config has no "name"`);
  const response = await context.client.call('CreateConnector', { name: file.name, config: file.config, initialState: initialState(stringOption(context, 'initial-state')) });
  print(context, response, () => `Created connector ${response.info?.name ?? file.name}`);
  return EXIT_OK;
};

export const update: Command = async (context) => {
  const file = await readConfigFile(requiredOption(context, 'file', 'update'));
  const response = await context.client.call('PutConnectorConfig', { name: name(context), config: file.config });
  print(context, response, () => `${response.created ? 'Created' : 'Updated'} connector ${name(context)}`);
  return EXIT_OK;
};

export const patch: Command = async (context) => {
  const setConfig: Record<string, string> = {};
  for (const assignment of listOption(context, 'set')) {
    const at = assignment.indexOf('=');
    if (at <= 0) throw new UsageError(`--set needs KEY=VALUE; got ${assignment}`);
    setConfig[assignment.slice(0, at)] = assignment.slice(at + 1);
  }
  const removeKeys = listOption(context, 'unset');
  if (Object.keys(setConfig).length === 0 && removeKeys.length === 0) throw new UsageError('patch needs --set KEY=VALUE or --unset KEY');
  const response = await context.client.call('PatchConnectorConfig', { name: name(context), setConfig, removeKeys });
  print(context, response, () => `Updated connector ${name(context)}`);
  return EXIT_OK;
};

function simple(rpc: 'DeleteConnector' | 'PauseConnector' | 'ResumeConnector' | 'StopConnector', done: string): Command {
  return async (context) => {
    const response = await context.client.call(rpc, { name: name(context) });
    print(context, response, () => `${done} connector ${name(context)}`);
    return EXIT_OK;
  };
}

export const remove = simple('DeleteConnector', 'Deleted');
export const pause = simple('PauseConnector', 'Paused');
export const resume = simple('ResumeConnector', 'Resumed');
export const stop = simple('StopConnector', 'Stopped');

export const restart: Command = async (context) => {
  const task = stringOption(context, 'task');
  if (task !== undefined) {
    if (!/^\d+$/.test(task)) throw new UsageError(`--task needs a task number; got ${task}`);
    if (flag(context, 'include-tasks') || flag(context, 'only-failed')) throw new UsageError('--task restarts one task: it does not go with --include-tasks or --only-failed');
    const response = await context.client.call('RestartTask', { name: name(context), taskId: Number(task) });
    print(context, response, () => `Restarted task ${task} of connector ${name(context)}`);
    return EXIT_OK;
  }
  const response = await context.client.call('RestartConnector', { name: name(context), includeTasks: flag(context, 'include-tasks'), onlyFailed: flag(context, 'only-failed') });
  print(context, response, () => (response.status ? `Restart requested\n${statusView(response.status)}` : `Restarted connector ${name(context)}`));
  return EXIT_OK;
};

function initialState(value: string | undefined): InitialStateName | undefined {
  if (value === undefined) return undefined;
  const upper = value.toUpperCase();
  if (upper !== 'RUNNING' && upper !== 'PAUSED' && upper !== 'STOPPED') throw new UsageError(`--initial-state must be running, paused or stopped; got ${value}`);
  return `INITIAL_STATE_${upper}`;
}
