// The consumer group offsets of sink connectors (group connect-<name>), for the offsets REST API:
// read, set, delete per partition (OffsetDelete, offset-delete.ts) and delete the whole group,
// behind a small interface so the Kafka client stays replaceable.

import type { KafkaConnection } from './kafka-client.js';
import { deleteGroupOffsets, type PartitionRef } from './offset-delete.js';

export interface GroupOffset {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
}

export interface ConsumerGroupAdmin {
  /** Committed offsets of the group (partitions without one are left out). */
  fetchOffsets(groupId: string): Promise<GroupOffset[]>;
  /** Commits the given offsets for the group, which must have no active members. */
  setOffsets(groupId: string, offsets: readonly GroupOffset[]): Promise<void>;
  /**
   * Removes the group's committed offsets of these partitions (Kafka's OffsetDelete), so that its
   * next consumer starts them from auto.offset.reset. A group or partition without offsets is fine.
   * Fails with a KafkaJSProtocolError of type GROUP_SUBSCRIBED_TO_TOPIC while members consume a topic.
   */
  deleteOffsets(groupId: string, partitions: readonly PartitionRef[]): Promise<void>;
  /** Deletes the group and so all its committed offsets; a group that does not exist is fine. */
  deleteGroup(groupId: string): Promise<void>;
}

export function createConsumerGroupAdmin(connection: KafkaConnection): ConsumerGroupAdmin {
  const withAdmin = async <T>(work: (admin: ReturnType<KafkaConnection['admin']>) => Promise<T>): Promise<T> => {
    const admin = connection.admin();
    await admin.connect();
    try {
      return await work(admin);
    } finally {
      await admin.disconnect();
    }
  };
  return {
    fetchOffsets: (groupId) =>
      withAdmin(async (admin) => {
        const topics = await admin.fetchOffsets({ groupId });
        return topics.flatMap(({ topic, partitions }) =>
          partitions.filter((p) => Number(p.offset) >= 0).map((p) => ({ topic, partition: p.partition, offset: Number(p.offset) })),
        );
      }),
    setOffsets: (groupId, offsets) =>
      withAdmin(async (admin) => {
        const byTopic = new Map<string, Array<{ partition: number; offset: string }>>();
        for (const { topic, partition, offset } of offsets) byTopic.set(topic, [...(byTopic.get(topic) ?? []), { partition, offset: String(offset) }]);
        for (const [topic, partitions] of byTopic) await admin.setOffsets({ groupId, topic, partitions });
      }),
    deleteOffsets: async (groupId, partitions) => {
      await deleteGroupOffsets(connection, groupId, partitions);
    },
    deleteGroup: (groupId) =>
      withAdmin(async (admin) => {
        try {
          await admin.deleteGroups([groupId]);
        } catch (error) {
          const groups = (error as { groups?: Array<{ errorCode?: number; error?: { type?: string } }> }).groups ?? [];
          if (!groups.every((group) => group.error?.type === 'GROUP_ID_NOT_FOUND')) throw error;
        }
      }),
  };
}
