// `polyconnect distributed worker.properties`: wires a distributed worker (plugins, Kafka client,
// the three internal topics' stores, worker, DistributedHerder, REST and gRPC admin APIs) and runs
// until SIGTERM or SIGINT, when it stops its tasks cleanly (final offset flush) and leaves the
// group, so the other workers take its work over at once.

import { captureShutdownSignals } from './shutdown-signals.js';
import { startAdminApi } from '../api/grpc/admin-server.js';
import { basicAuthFromWorkerConfig } from '../api/rest/basic-auth.js';
import { RestServer } from '../api/rest/rest-server.js';
import { restTlsFromWorkerConfig } from '../api/rest/tls.js';
import { resolveWorkerConfig } from '../config/config-providers.js';
import { compileDistributedConfig, isDistributedKey, withSinkConsumerSessionTimeout } from '../config/distributed-config.js';
import { readPropertiesFile } from '../config/properties.js';
import { compileWorkerConfig, parseListener } from '../config/worker-config.js';
import { DistributedHerder } from '../herder/distributed-herder.js';
import { createKafkaConnection, fetchClusterId } from '../kafka/kafka-client.js';
import type { LoggerLevels } from '../logging.js';
import { PluginCatalog } from '../plugin/plugin-catalog.js';
import { discoverPlugins } from '../plugin/plugin-discovery.js';
import { ActiveTopics } from '../storage/active-topics.js';
import { KafkaConfigStore } from '../storage/kafka-config-store.js';
import { KafkaOffsetStore } from '../storage/kafka-offset-store.js';
import { KafkaStatusStore } from '../storage/kafka-status-store.js';
import { Worker } from '../worker/worker.js';
import { packageVersion } from './standalone.js';

export const DISTRIBUTED_USAGE = 'Usage: polyconnect distributed worker.properties';

export async function runDistributed(args: readonly string[], loggers: LoggerLevels): Promise<number> {
  const logger = loggers.root;
  const [workerFile, ...extra] = args;
  if (workerFile === undefined || extra.length > 0) {
    process.stderr.write(`${DISTRIBUTED_USAGE}\n`);
    return 2;
  }
  const signals = captureShutdownSignals();
  const workerProperties = resolveWorkerConfig(await readPropertiesFile(workerFile));
  const distributed = compileDistributedConfig(workerProperties.config);
  const config = compileWorkerConfig(withSinkConsumerSessionTimeout(workerProperties.config, distributed.sessionTimeoutMs));
  for (const key of config.unknownKeys) if (!isDistributedKey(key)) logger.warn(`The configuration '${key}' was supplied but isn't a known config.`);
  if (config.offsetStorageFile !== null) logger.warn('offset.storage.file.filename is a standalone setting; distributed workers keep offsets in offset.storage.topic');
  const restAuthenticator = basicAuthFromWorkerConfig(config.originals);
  const restTls = restTlsFromWorkerConfig(config.originals, config.listeners);
  for (const key of restTls?.unknownKeys ?? []) logger.warn(`The configuration '${key}' was supplied but isn't a known config.`);

  const discovery = await discoverPlugins(config.pluginPath);
  for (const problem of discovery.problems) logger.warn(problem);
  const catalog = new PluginCatalog(discovery.plugins);

  const kafka = createKafkaConnection({ bootstrapServers: config.bootstrapServers, clientId: config.clientId || `connect-${config.workerId}`, logger });
  const kafkaClusterId = await fetchClusterId(kafka).catch((error: Error) => {
    throw new Error(`Cannot reach Kafka at ${config.bootstrapServers.join(',')} (bootstrap.servers): ${error.message}`);
  });
  const store = (topic: typeof distributed.configTopic) => ({ connection: kafka, logger, topic: topic.topic, replicationFactor: topic.replicationFactor, partitions: topic.partitions, topicSettings: topic.topicSettings });
  const configStore = KafkaConfigStore.create(store(distributed.configTopic));
  const offsetStore = KafkaOffsetStore.create(store(distributed.offsetTopic));
  const statusStore = KafkaStatusStore.create(store(distributed.statusTopic));

  let herder: DistributedHerder | undefined;
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
  const listener = parseListener(config.listeners[0]!);
  let admin: Awaited<ReturnType<typeof startAdminApi>>;
  herder = new DistributedHerder({
    worker,
    configStore,
    statusStore,
    kafka,
    kafkaClusterId,
    logger,
    loggers,
    polyconnectVersion: packageVersion(),
    url: `${listener.protocol}://${config.workerId}`,
    adminUrl: () => reachableAddress(admin?.address ?? '', config.workerId),
    groupId: distributed.groupId,
    sessionTimeoutMs: distributed.sessionTimeoutMs,
    rebalanceTimeoutMs: distributed.rebalanceTimeoutMs,
    heartbeatIntervalMs: distributed.heartbeatIntervalMs,
    scheduledRebalanceMaxDelayMs: distributed.scheduledRebalanceMaxDelayMs,
  });
  // REST answers from the start (health says "starting" until the worker joined the group).
  const rest = new RestServer(herder, logger, { loggers, authenticator: restAuthenticator, tls: restTls?.serverOptions });
  await rest.start(config.listeners);
  // The gRPC admin API too: its address goes to the group, so followers can forward gRPC writes to the leader.
  admin = await startAdminApi(herder, logger, config.adminGrpc, { loggers, statusChanges: statusStore });
  logger.info({ groupId: distributed.groupId, workerId: config.workerId }, 'Starting the distributed herder');
  await herder.start();
  logger.info({ groupId: distributed.groupId, workerId: config.workerId }, 'Distributed worker started');

  let stopping: Promise<void> | undefined;
  const stop = (signal: string): Promise<void> => {
    stopping ??= (async () => {
      logger.info({ signal }, 'Stopping: tasks flush and commit their offsets, then the worker leaves the group');
      await herder.stop();
      await rest.stop();
      await admin?.stop();
      logger.info('Polyconnect stopped');
    })();
    return stopping;
  };
  await new Promise<void>((resolve) => {
    signals.handleWith((signal) => void stop(signal).then(resolve));
  });
  return 0;
}

/** The admin listener's address as other workers reach it: a wildcard host becomes the worker's advertised host. */
function reachableAddress(bound: string, workerId: string): string {
  if (bound === '') return '';
  const port = bound.slice(bound.lastIndexOf(':') + 1);
  const host = bound.slice(0, bound.lastIndexOf(':'));
  if (host !== '0.0.0.0' && host !== '[::]' && host !== '::') return bound;
  return `${workerId.slice(0, workerId.lastIndexOf(':'))}:${port}`;
}
