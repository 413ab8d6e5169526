// Topic administration the worker needs (creating a dead letter queue topic when missing), behind
// a small interface so the Kafka client stays replaceable.

import type { KafkaConnection } from './kafka-client.js';

export interface TopicAdmin {
  /** Creates the topic when it does not exist; an existing topic is left as it is. */
  ensureTopic(topic: string, partitions: number, replicationFactor: number): Promise<void>;
}

export function createTopicAdmin(connection: KafkaConnection): TopicAdmin {
  return {
    async ensureTopic(topic, partitions, replicationFactor) {
      const admin = connection.admin();
      await admin.connect();
      try {
        const existing = await admin.listTopics();
        if (existing.includes(topic)) return;
        // createTopics answers false (no error) when the topic appeared meanwhile.
        await admin.createTopics({ topics: [{ topic, numPartitions: partitions, replicationFactor }], waitForLeaders: true });
      } finally {
        await admin.disconnect();
      }
    },
  };
}
