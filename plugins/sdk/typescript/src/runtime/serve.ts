// serve(): turns this process into a Polyconnect plugin. It checks the launch environment, serves
// the plugin protocol over a unix socket, reports "plugin" SERVING on grpc.health.v1, prints the
// go-plugin handshake line on stdout, and exits cleanly on the worker's Shutdown or on SIGTERM
// (stopping every instance first). SIGINT is ignored, as go-plugin servers do, so that a Ctrl-C
// in the worker's terminal lets the worker stop its plugins in order.

import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { HealthImplementation } from 'grpc-health-check';
import type { ConnectorClass } from '../connector.js';
import { GRPC_CONTROLLER_SERVICE } from '../wire/controller.js';
import { HEALTH_SERVICE_NAME, MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE, formatHandshakeLine, negotiateAppProtocolVersion } from '../wire/handshake.js';
import { serviceDefinition } from '../wire/proto-files.js';
import { ClassRegistry } from './class-registry.js';
import { connectorServiceHandlers, pluginServiceHandlers } from './connector-service.js';
import { Instances } from './instances.js';
import { log } from './logger.js';
import { sinkTaskServiceHandlers } from './sink-task-service.js';
import { sourceTaskServiceHandlers } from './source-task-service.js';

export interface ServeOptions {
  /** The plugin's name, as in its plugin.json. */
  name: string;
  version: string;
  /** The connector classes this plugin provides. */
  connectors: readonly ConnectorClass[];
  /** How long stopping the instances may take on shutdown. Default 5000 ms. */
  shutdownTimeoutMs?: number;
}

export interface ServingPlugin {
  /** Stops every instance and the server, then resolves (the process is not exited). */
  shutdown(): Promise<void>;
}

/** Serves the plugin; exits the process (status 1) if it was not launched by a Polyconnect worker. */
export async function serve(options: ServeOptions): Promise<ServingPlugin> {
  if (process.env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) {
    process.stderr.write(
      'This program is a Polyconnect plugin. It is not meant to be run directly: put its folder on a worker\'s plugin.path ' +
        'and use its connector classes in connector configs.\n',
    );
    process.exit(1);
  }
  const appProtocolVersion = negotiateAppProtocolVersion(process.env.PLUGIN_PROTOCOL_VERSIONS);
  if (appProtocolVersion === undefined) {
    process.stderr.write(`No common plugin protocol version: the worker offers "${process.env.PLUGIN_PROTOCOL_VERSIONS ?? ''}", this plugin speaks 1\n`);
    process.exit(1);
  }

  const registry = new ClassRegistry(options.connectors);
  const instances = new Instances();
  const server = new Server({ 'grpc.max_receive_message_length': -1, 'grpc.max_send_message_length': -1 });
  const health = new HealthImplementation({ '': 'SERVING', [HEALTH_SERVICE_NAME]: 'SERVING' });
  health.addToServer(server);
  server.addService(serviceDefinition('PluginService'), pluginServiceHandlers(options, registry));
  server.addService(serviceDefinition('ConnectorService'), connectorServiceHandlers(instances, registry, log));
  server.addService(serviceDefinition('SourceTaskService'), sourceTaskServiceHandlers(instances, registry));
  server.addService(serviceDefinition('SinkTaskService'), sinkTaskServiceHandlers(instances, registry));

  const socketPath = join(process.env.PLUGIN_UNIX_SOCKET_DIR || tmpdir(), `plugin-${process.pid}-${randomBytes(4).toString('hex')}.sock`);
  let stopping: Promise<void> | undefined;
  const shutdown = (): Promise<void> => {
    stopping ??= stopAll(instances, options.shutdownTimeoutMs ?? 5000).finally(() => {
      server.forceShutdown();
      rmSync(socketPath, { force: true });
    });
    return stopping;
  };
  const shutdownAndExit = (): void => {
    shutdown().finally(() => process.exit(0));
  };
  server.addService(GRPC_CONTROLLER_SERVICE, {
    Shutdown: (_call: unknown, callback: (error: null, response: object) => void) => {
      callback(null, {});
      setImmediate(shutdownAndExit);
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.bindAsync(`unix://${socketPath}`, ServerCredentials.createInsecure(), (error) => (error ? reject(error) : resolve()));
  });
  process.on('SIGTERM', shutdownAndExit);
  watchForOrphaning(shutdownAndExit);
  process.on('SIGINT', () => log.debug('Ignoring SIGINT; the worker stops plugins with Shutdown or SIGTERM'));
  process.stdout.write(`${formatHandshakeLine({ appProtocolVersion, network: 'unix', address: socketPath })}\n`);
  return { shutdown };
}

/**
 * A worker killed with SIGKILL cannot stop its plugins; they notice by being re-parented (to init
 * or a subreaper) and stop themselves rather than live on as orphans.
 */
function watchForOrphaning(shutdownAndExit: () => void): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    log.warn(`The worker (pid ${parent}) is gone; stopping this plugin`);
    shutdownAndExit();
  }, 1_000);
  timer.unref();
}

async function stopAll(instances: Instances, timeoutMs: number): Promise<void> {
  const stops = instances.all().map(async ([id, instance]) => {
    instances.remove(id);
    try {
      if (instance.kind === 'connector') {
        await instance.connector.stop();
        instance.eventStream?.end();
      } else {
        await instance.task.stop();
      }
    } catch (error) {
      log.warn('Instance failed to stop cleanly during shutdown', { instance: id, error });
    }
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      log.warn(`Instances did not stop within ${timeoutMs} ms; shutting down anyway`);
      resolve();
    }, timeoutMs);
  });
  await Promise.race([Promise.allSettled(stops), timeout]);
  clearTimeout(timer);
}
