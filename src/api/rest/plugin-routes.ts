// The /connector-plugins routes: the plugin list (connectorsOnly), a plugin's config definitions,
// and config validation in Kafka's ConfigInfos shape (validation errors are 200, not HTTP errors).

import type { Herder } from '../../herder/herder.js';
import { BadRequestError } from '../../herder/herder-errors.js';
import { queryBoolean, readJsonBody, sendJson } from './http-io.js';
import type { Router } from './router.js';

export function addPluginRoutes(router: Router, herder: Herder, maxBodyBytes: number): void {
  router.add('GET', '/connector-plugins', ({ query, response }) => sendJson(response, 200, herder.connectorPlugins(queryBoolean(query, 'connectorsOnly', true))));
  router.add('GET', '/connector-plugins/{}/config', async ({ params, response }) => sendJson(response, 200, await herder.connectorPluginConfig(params[0]!)));
  router.add('PUT', '/connector-plugins/{}/config/validate', async ({ params, request, response }) => {
    const body = await readJsonBody(request, maxBodyBytes);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BadRequestError('Request body must be a JSON object of connector config keys');
    const config: Record<string, string> = {};
    for (const [key, value] of Object.entries(body)) {
      if (value === null || typeof value === 'object') throw new BadRequestError(`The value of ${key} must be a string, number or boolean`);
      config[key] = String(value);
    }
    sendJson(response, 200, await herder.validateConnectorConfig(params[0]!, config));
  });
}
