// The /connectors routes of the Kafka Connect REST API, with Kafka's status codes and shapes:
// list (expand=status|info), create (201 + Location, initial_state), info, config (GET, PUT
// create-or-update, PATCH), delete, status, tasks, restarts (KIP-745), pause/resume/stop,
// active topics and offsets (KIP-875).

import type { Herder, TargetState } from '../../herder/herder.js';
import { BadRequestError } from '../../herder/herder-errors.js';
import { HttpError, queryBoolean, readJsonBody, sendEmpty, sendJson } from './http-io.js';
import type { Router } from './router.js';

export function addConnectorRoutes(router: Router, herder: Herder, maxBodyBytes: number): void {
  const body = (request: Parameters<typeof readJsonBody>[0]) => readJsonBody(request, maxBodyBytes);

  router.add('GET', '/connectors', ({ query, response }) => {
    const expand = query.getAll('expand');
    const names = herder.connectors();
    if (expand.length === 0) return sendJson(response, 200, names);
    const expanded: Record<string, Record<string, unknown>> = {};
    for (const name of names) {
      const entry: Record<string, unknown> = {};
      try {
        if (expand.includes('status')) entry.status = herder.connectorStatus(name);
        if (expand.includes('info')) entry.info = herder.connectorInfo(name);
      } catch {
        continue; // no status yet: Kafka leaves the connector out
      }
      expanded[name] = entry;
    }
    sendJson(response, 200, expanded);
  });

  router.add('POST', '/connectors', async ({ request, response, baseUrl }) => {
    const request_ = asObject(await body(request));
    const name = typeof request_.name === 'string' ? request_.name.trim() : '';
    const config = configMap(request_.config, 'config');
    if (config.name !== undefined && config.name !== name) {
      throw new BadRequestError(`Connector name configuration (${config.name}) doesn't match connector name in the URL (${name})`);
    }
    const info = await herder.createConnector(name, config, initialState(request_.initial_state));
    sendJson(response, 201, info, { Location: `${baseUrl}/connectors/${encodeURIComponent(name)}` });
  });

  router.add('GET', '/connectors/{}', ({ params, response }) => sendJson(response, 200, herder.connectorInfo(params[0]!)));
  router.add('DELETE', '/connectors/{}', async ({ params, response }) => {
    await herder.deleteConnector(params[0]!);
    sendEmpty(response, 204);
  });
  router.add('GET', '/connectors/{}/config', ({ params, response }) => sendJson(response, 200, herder.connectorConfig(params[0]!)));
  router.add('PUT', '/connectors/{}/config', async ({ params, request, response, baseUrl }) => {
    const name = params[0]!;
    const config = configMap(await body(request), 'body');
    if (config.name !== undefined && config.name !== name) {
      throw new BadRequestError(`Connector name configuration (${config.name}) doesn't match connector name in the URL (${name})`);
    }
    const { created, info } = await herder.putConnectorConfig(name, config, true);
    if (created) sendJson(response, 201, info, { Location: `${baseUrl}/connectors/${encodeURIComponent(name)}` });
    else sendJson(response, 200, info);
  });
  router.add('PATCH', '/connectors/{}/config', async ({ params, request, response }) => {
    const patch = asObject(await body(request));
    const values: Record<string, string | null> = {};
    for (const [key, value] of Object.entries(patch)) values[key] = value === null ? null : scalar(value, key);
    sendJson(response, 200, await herder.patchConnectorConfig(params[0]!, values));
  });
  router.add('GET', '/connectors/{}/status', ({ params, response }) => sendJson(response, 200, herder.connectorStatus(params[0]!)));
  router.add('GET', '/connectors/{}/tasks', ({ params, response }) => sendJson(response, 200, herder.taskConfigs(params[0]!)));
  router.add('GET', '/connectors/{}/tasks-config', ({ params, response }) => {
    const name = params[0]!;
    sendJson(response, 200, Object.fromEntries(herder.taskConfigs(name).map((task) => [`${name}-${task.id.task}`, task.config])));
  });
  router.add('GET', '/connectors/{}/tasks/{}/status', ({ params, response }) => sendJson(response, 200, herder.taskStatus(params[0]!, taskIdOf(params[1]!))));
  router.add('POST', '/connectors/{}/restart', async ({ params, query, response }) => {
    const result = await herder.restartConnector(params[0]!, { includeTasks: queryBoolean(query, 'includeTasks'), onlyFailed: queryBoolean(query, 'onlyFailed') });
    if (result === undefined) sendEmpty(response, 204);
    else sendJson(response, 202, result);
  });
  router.add('POST', '/connectors/{}/tasks/{}/restart', async ({ params, response }) => {
    await herder.restartTask(params[0]!, taskIdOf(params[1]!));
    sendEmpty(response, 204);
  });
  router.add('PUT', '/connectors/{}/pause', async ({ params, response }) => {
    await herder.pauseConnector(params[0]!);
    sendEmpty(response, 202);
  });
  router.add('PUT', '/connectors/{}/resume', async ({ params, response }) => {
    await herder.resumeConnector(params[0]!);
    sendEmpty(response, 202);
  });
  router.add('PUT', '/connectors/{}/stop', async ({ params, response }) => {
    await herder.stopConnector(params[0]!);
    sendEmpty(response, 204);
  });
  router.add('GET', '/connectors/{}/topics', ({ params, response }) => sendJson(response, 200, { [params[0]!]: { topics: herder.connectorActiveTopics(params[0]!) } }));
  router.add('PUT', '/connectors/{}/topics/reset', ({ params, response }) => {
    herder.resetConnectorActiveTopics(params[0]!);
    sendEmpty(response, 202);
  });
  router.add('GET', '/connectors/{}/offsets', async ({ params, response }) => sendJson(response, 200, await herder.connectorOffsets(params[0]!)));
  router.add('PATCH', '/connectors/{}/offsets', async ({ params, request, response }) => sendJson(response, 200, await herder.alterConnectorOffsets(params[0]!, await body(request))));
  router.add('DELETE', '/connectors/{}/offsets', async ({ params, response }) => sendJson(response, 200, await herder.resetConnectorOffsets(params[0]!)));
}

/** A task id path segment; one that does not parse is a 404, as Jersey answers. */
function taskIdOf(segment: string): number {
  if (!/^\d+$/.test(segment)) throw new HttpError(404, 'HTTP 404 Not Found');
  return Number(segment);
}

function asObject(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new BadRequestError('Request body must be a JSON object');
  return value as Record<string, unknown>;
}

/** A config map: JSON scalars, numbers and booleans stored as strings (Kafka coerces them). */
function configMap(value: unknown, what: string): Record<string, string> {
  if (value === undefined || value === null) throw new BadRequestError(`Missing ${what}: expected a JSON object of connector config keys`);
  const config: Record<string, string> = {};
  for (const [key, entry] of Object.entries(asObject(value))) config[key] = scalar(entry, key);
  return config;
}

function scalar(value: unknown, key: string): string {
  if (value === null) throw new BadRequestError(`Null value can not be supplied as the configuration value. (key ${key})`);
  if (typeof value === 'object') throw new BadRequestError(`The value of ${key} must be a string, number or boolean`);
  return String(value);
}

function initialState(value: unknown): TargetState | undefined {
  if (value === undefined || value === null) return undefined;
  const text = String(value).toUpperCase();
  if (text === 'RUNNING') return 'STARTED';
  if (text === 'PAUSED' || text === 'STOPPED') return text;
  throw new BadRequestError(`Invalid initial state ${String(value)}: expected RUNNING, PAUSED or STOPPED`);
}
