// `polyconnect standalone worker.properties [connector.properties|.json ...]`: wires a standalone
// worker (plugins, Kafka client, offset file, herder, REST and gRPC admin APIs), submits the
// connector configs and runs until SIGTERM or SIGINT, when it stops tasks cleanly (final offset
// flush and commit) first.

import { captureShutdownSignals } from './shutdown-signals.js';
import { readFileSync } from 'node:fs';
import { startAdminApi } from '../api/grpc/admin-server.js';
import { basicAuthFromWorkerConfig } from '../api/rest/basic-auth.js';
import { RestServer } from '../api/rest/rest-server.js';
import { restTlsFromWorkerConfig } from '../api/rest/tls.js';
import type { LoggerLevels } from '../logging.js';
import { resolveWorkerConfig } from '../config/config-providers.js';
import { readConnectorConfigFile } from '../config/connector-config-file.js';
import { readPropertiesFile } from '../config/properties.js';
import { compileWorkerConfig } from '../config/worker-config.js';
import { StandaloneHerder } from '../herder/standalone-herder.js';
import { createKafkaConnection, fetchClusterId } from '../kafka/kafka-client.js';
import { PluginCatalog } from '../plugin/plugin-catalog.js';
import { discoverPlugins } from '../plugin/plugin-discovery.js';
import { ActiveTopics } from '../storage/active-topics.js';
import { FileOffsetStore } from '../storage/file-offset-store.js';
import { MemoryOffsetStore } from '../storage/memory-offset-store.js';
import { MemoryStatusStore } from '../storage/status-store.js';
import { Worker } from '../worker/worker.js';

export const STANDALONE_USAGE = 'Usage: polyconnect standalone worker.properties [connector1.properties|.json connector2.properties|.json ...]';

export async function runStandalone(args: readonly string[], loggers: LoggerLevels): Promise<number> {
  const logger = loggers.root;
  const [workerFile, ...connectorFiles] = args;
  if (workerFile === undefined) {
    process.stderr.write(`${STANDALONE_USAGE}\n`);
    return 2;
  }
  const signals = captureShutdownSignals();
  // The worker config's own placeholders (KIP-421) are resolved with the providers it declares;
  // those providers then serve connector and task configs.
  const workerProperties = resolveWorkerConfig(await readPropertiesFile(workerFile));
  const config = compileWorkerConfig(workerProperties.config);
  for (const key of config.unknownKeys) logger.warn(`The configuration '${key}' was supplied but isn't a known config.`);
  for (const { configKey, provider } of workerProperties.unresolved) {
    logger.warn({ key: configKey, provider }, `The value of ${configKey} refers to config provider '${provider}', which is not in config.providers; it is used as written`);
  }
  // REST security is read before anything starts: a missing file or a wrong password stops the worker here.
  const restAuthenticator = basicAuthFromWorkerConfig(config.originals);
  const restTls = restTlsFromWorkerConfig(config.originals, config.listeners);
  for (const key of restTls?.unknownKeys ?? []) logger.warn(`The configuration '${key}' was supplied but isn't a known config.`);
  const connectorConfigs = await Promise.all(connectorFiles.map(readConnectorConfigFile));

  const discovery = await discoverPlugins(config.pluginPath);
  for (const problem of discovery.problems) logger.warn(problem);
  const catalog = new PluginCatalog(discovery.plugins);
  logger.info({ plugins: discovery.plugins.map((p) => `${p.manifest.name} ${p.manifest.version}`) }, 'Plugins found on plugin.path');

  const kafka = createKafkaConnection({ bootstrapServers: config.bootstrapServers, clientId: config.clientId || `connect-${config.workerId}`, logger });
  const kafkaClusterId = await fetchClusterId(kafka).catch((error: Error) => {
    throw new Error(`Cannot reach Kafka at ${config.bootstrapServers.join(',')} (bootstrap.servers): ${error.message}`);
  });

  const statusStore = new MemoryStatusStore();
  const offsetStore = config.offsetStorageFile === null ? new MemoryOffsetStore() : new FileOffsetStore(config.offsetStorageFile);
  if (config.offsetStorageFile === null) logger.warn('offset.storage.file.filename is not set: source offsets are kept in memory and lost on exit');
  let herder: StandaloneHerder | undefined;
  const worker = new Worker({
    config,
    catalog,
    kafka,
    offsetStore,
    statusStore,
    activeTopics: new ActiveTopics(),
    logger,
    onTaskReconfigurationRequest: (connector) => herder?.requestTaskReconfiguration(connector),
    onTaskFailed: (id, trace) => herder?.taskFailed(id.connector, id.task, trace),
    configProviders: workerProperties.providers,
  });
  herder = new StandaloneHerder({ worker, statusStore, kafkaClusterId, logger, loggers, polyconnectVersion: packageVersion() });
  await herder.start();
  const rest = new RestServer(herder, logger, { loggers, authenticator: restAuthenticator, tls: restTls?.serverOptions });
  logger.info(
    { configProviders: workerProperties.providers.names, restAuthentication: restAuthenticator === undefined ? 'none' : `basic (${restAuthenticator.userCount} users from ${restAuthenticator.source})`, restTls: restTls?.description ?? 'none' },
    'REST security',
  );
  await rest.start(config.listeners);
  const admin = await startAdminApi(herder, logger, config.adminGrpc, { loggers, statusChanges: statusStore });

  let stopping: Promise<void> | undefined;
  const stop = (signal: string): Promise<void> => {
    stopping ??= (async () => {
      logger.info({ signal }, 'Stopping: tasks flush and commit their offsets first');
      await herder.stop();
      await rest.stop();
      await admin?.stop();
      logger.info('Polyconnect stopped');
    })();
    return stopping;
  };
  const stopped = new Promise<void>((resolve) => {
    signals.handleWith((signal) => void stop(signal).then(resolve));
  });

  for (const { name, config: connectorConfig } of connectorConfigs) {
    if (stopping !== undefined) break;
    try {
      await herder.putConnectorConfig(name, connectorConfig, false);
      logger.info({ connector: name }, 'Connector created');
    } catch (error) {
      logger.error({ connector: name, err: error }, `Failed to create connector ${name}: ${(error as Error).message}`);
      await stop('startup-failure');
      return 1;
    }
  }
  await stopped;
  return 0;
}

export function packageVersion(): string {
  const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return packageJson.version;
}
