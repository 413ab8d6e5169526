// The worker-level routes: GET / (server info), GET /health, and /admin/loggers (KIP-495: list,
// read and set log levels live; the answer to a PUT lists the namespaces changed, except with
// ?scope=cluster, KIP-976, which sets the level on every worker through the herder and answers 204).

import { checkLoggerLevel } from '../../herder/cluster-logger-levels.js';
import type { Herder } from '../../herder/herder.js';
import { BadRequestError, NotFoundError } from '../../herder/herder-errors.js';
import type { LoggerLevels } from '../../logging.js';
import { readJsonBody, sendEmpty, sendJson } from './http-io.js';
import type { Router } from './router.js';

export function addAdminRoutes(router: Router, herder: Herder, loggers: LoggerLevels | undefined, maxBodyBytes: number): void {
  router.add('GET', '', ({ response }) => sendJson(response, 200, herder.serverInfo()));
  router.add('GET', '/health', ({ response }) => {
    const health = herder.health();
    sendJson(response, health.status === 'healthy' ? 200 : health.status === 'starting' ? 503 : 500, health);
  });
  if (loggers === undefined) return;
  router.add('GET', '/admin/loggers', ({ response }) => sendJson(response, 200, loggers.all()));
  router.add('GET', '/admin/loggers/{}', ({ params, response }) => {
    const level = loggers.get(params[0]!);
    if (level === undefined) throw new NotFoundError(`Logger ${params[0]!} not found.`);
    sendJson(response, 200, level);
  });
  router.add('PUT', '/admin/loggers/{}', async ({ params, query, request, response }) => {
    const body = (await readJsonBody(request, maxBodyBytes)) as { level?: unknown } | null;
    const level = body?.level;
    if (typeof level !== 'string' || level === '') throw new BadRequestError("Desired 'level' parameter was not specified in request.");
    checkLoggerLevel(level); // Kafka answers an unknown level with 404, whatever the scope
    // scope=cluster (KIP-976): the herder sets it on every worker (standalone: this one), answer 204.
    // Any other scope, or none, is worker scope, as in Kafka.
    if ((query.get('scope') ?? '').toLowerCase() === 'cluster') {
      await herder.setClusterLoggerLevel(params[0]!, level);
      sendEmpty(response, 204);
    } else {
      sendJson(response, 200, loggers.set(params[0]!, level));
    }
  });
}
