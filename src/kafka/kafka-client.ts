// The worker's Kafka client: the only module family that imports kafkajs. It hands the rest of
// the worker small interfaces (RecordProducer, RecordConsumer, ClusterAdmin) so that the client
// library can be replaced without touching tasks, and routes kafkajs's logs into the worker log.

import kafkajs from 'kafkajs';
import type { Logger } from 'pino';

const { Kafka, logLevel } = kafkajs;

export interface KafkaClientOptions {
  bootstrapServers: readonly string[];
  clientId: string;
  logger: Logger;
  /** Connection timeout for each broker connection, ms. */
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
}

export type KafkaConnection = InstanceType<typeof Kafka>;

/** A kafkajs client for the given brokers; its log lines go to the worker logger (warnings and up). */
export function createKafkaConnection(options: KafkaClientOptions): KafkaConnection {
  const log = options.logger.child({ component: 'kafka' });
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.bootstrapServers],
    connectionTimeout: options.connectionTimeoutMs ?? 10_000,
    requestTimeout: options.requestTimeoutMs ?? 40_000,
    logLevel: logLevel.WARN,
    logCreator: () => (entry) => {
      const { message, ...fields } = entry.log;
      const bindings = { namespace: entry.namespace, ...fields };
      if (entry.level === logLevel.ERROR) log.error(bindings, message);
      else if (entry.level === logLevel.WARN) log.warn(bindings, message);
      else log.debug(bindings, message);
    },
  });
}

/** The cluster id the brokers report (GET / shows it as kafka_cluster_id). */
export async function fetchClusterId(connection: KafkaConnection): Promise<string> {
  const admin = connection.admin();
  await admin.connect();
  try {
    return (await admin.describeCluster()).clusterId;
  } finally {
    await admin.disconnect();
  }
}
