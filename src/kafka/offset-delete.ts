// OffsetDelete (API key 47, version 0; Kafka 2.4+, KIP-496): removes a consumer group's committed
// offsets for some partitions, the request behind Java's Admin.deleteConsumerGroupOffsets. kafkajs
// 2.2 has no such request, so this module encodes it with kafkajs's protocol Encoder/Decoder
// (wire format: apache/kafka OffsetDeleteRequest.json / OffsetDeleteResponse.json) and sends it to
// the group's coordinator. Errors are handled as Java's DeleteConsumerGroupOffsetsHandler does:
// coordinator moves and loads are retried, every other error fails the call — except
// GROUP_ID_NOT_FOUND, which here means there is nothing to delete (see deleteGroupOffsets).

import type { KafkaConnection } from './kafka-client.js';
import { clusterOf, newDecoder, newEncoder, protocolError, sendRaw, type KafkajsBroker, type KafkajsEncoder, type ProtocolRequest } from './kafkajs-internals.js';

export const OFFSET_DELETE_API_KEY = 47;

export interface PartitionRef {
  readonly topic: string;
  readonly partition: number;
}

export interface OffsetDeleteResponse {
  readonly errorCode: number;
  readonly throttleTimeMs: number;
  readonly topics: ReadonlyArray<{ readonly name: string; readonly partitions: ReadonlyArray<{ readonly partition: number; readonly errorCode: number }> }>;
}

/**
 * OffsetDeleteRequest v0 body: group_id STRING, topics ARRAY(name STRING, partitions ARRAY(partition_index INT32)).
 * Partitions are grouped by topic, in the order topics first appear.
 */
export function encodeOffsetDeleteRequest(groupId: string, partitions: readonly PartitionRef[]): KafkajsEncoder {
  const byTopic = new Map<string, number[]>();
  for (const { topic, partition } of partitions) {
    const list = byTopic.get(topic) ?? [];
    if (!list.includes(partition)) list.push(partition);
    byTopic.set(topic, list);
  }
  const topics = [...byTopic].map(([name, indexes]) => newEncoder().writeString(name).writeArray(indexes, 'int32'));
  return newEncoder().writeString(groupId).writeArray(topics);
}

/** OffsetDeleteResponse v0 body: error_code INT16, throttle_time_ms INT32, topics ARRAY(name STRING, partitions ARRAY(partition_index INT32, error_code INT16)). */
export function decodeOffsetDeleteResponse(payload: Buffer): OffsetDeleteResponse {
  const decoder = newDecoder(payload);
  const errorCode = decoder.readInt16();
  const throttleTimeMs = decoder.readInt32();
  const topics = decoder.readArray((topic) => ({
    name: topic.readString(),
    partitions: topic.readArray((partition) => ({ partition: partition.readInt32(), errorCode: partition.readInt16() })),
  }));
  return { errorCode, throttleTimeMs, topics };
}

function offsetDeleteRequest(groupId: string, partitions: readonly PartitionRef[]): ProtocolRequest<OffsetDeleteResponse> {
  return {
    request: { apiKey: OFFSET_DELETE_API_KEY, apiVersion: 0, apiName: 'OffsetDelete', encode: async () => encodeOffsetDeleteRequest(groupId, partitions) },
    response: { decode: async (payload) => decodeOffsetDeleteResponse(payload), parse: async (data) => data },
  };
}

/** Kafka error codes of OffsetDelete's answers that matter here. */
export const OffsetDeleteErrors = {
  COORDINATOR_LOAD_IN_PROGRESS: 14,
  COORDINATOR_NOT_AVAILABLE: 15,
  NOT_COORDINATOR: 16,
  GROUP_ID_NOT_FOUND: 69,
  GROUP_SUBSCRIBED_TO_TOPIC: 86,
} as const;

export type OffsetDeleteOutcome = 'deleted' | 'group-not-found' | { retry: 'coordinator' | 'same-coordinator' };

/**
 * What an answer means: done, nothing to delete (the group does not exist), retry (after finding
 * the coordinator again, or on the same one), or — thrown — kafkajs's KafkaJSProtocolError for the
 * first error, top-level or per partition (GROUP_SUBSCRIBED_TO_TOPIC when the group has members
 * subscribed to the topic, UNKNOWN_TOPIC_OR_PARTITION, GROUP_AUTHORIZATION_FAILED, …).
 */
export function interpretOffsetDeleteResponse(response: OffsetDeleteResponse): OffsetDeleteOutcome {
  switch (response.errorCode) {
    case 0:
      break;
    case OffsetDeleteErrors.NOT_COORDINATOR:
    case OffsetDeleteErrors.COORDINATOR_NOT_AVAILABLE:
      return { retry: 'coordinator' };
    case OffsetDeleteErrors.COORDINATOR_LOAD_IN_PROGRESS:
      return { retry: 'same-coordinator' };
    case OffsetDeleteErrors.GROUP_ID_NOT_FOUND:
      return 'group-not-found';
    default:
      throw protocolError(response.errorCode);
  }
  for (const topic of response.topics) {
    const failed = topic.partitions.find((p) => p.errorCode !== 0);
    if (failed !== undefined) {
      const error = protocolError(failed.errorCode);
      error.message = `${error.message} (topic ${topic.name}, partition ${failed.partition})`;
      throw error;
    }
  }
  return 'deleted';
}

const MAX_ATTEMPTS = 10;
const RETRY_BACKOFF_MS = 300;

/**
 * Deletes the group's committed offsets of these partitions. A group that does not exist has no
 * offsets, so GROUP_ID_NOT_FOUND counts as done (Kafka Connect's own sink alter reports it as a
 * failure; its DELETE path, like this one, treats a missing group as already reset). A partition
 * without a committed offset is fine too. The group must have no member subscribed to the topic.
 */
export async function deleteGroupOffsets(connection: KafkaConnection, groupId: string, partitions: readonly PartitionRef[]): Promise<'deleted' | 'group-not-found'> {
  if (partitions.length === 0) return 'deleted';
  const cluster = clusterOf(connection);
  await cluster.connect();
  try {
    let coordinator: KafkajsBroker | undefined;
    for (let attempt = 1; ; attempt++) {
      coordinator ??= await cluster.findGroupCoordinator({ groupId });
      if (coordinator.versions !== undefined && coordinator.versions[OFFSET_DELETE_API_KEY] === undefined) {
        throw new Error(`The group coordinator does not support OffsetDelete (API key ${OFFSET_DELETE_API_KEY}, Kafka 2.4 or later)`);
      }
      const outcome = interpretOffsetDeleteResponse(await sendRaw(coordinator, offsetDeleteRequest(groupId, partitions)));
      if (typeof outcome === 'string') return outcome;
      if (attempt >= MAX_ATTEMPTS) throw new Error(`OffsetDelete for group ${groupId} did not reach a ready coordinator after ${MAX_ATTEMPTS} attempts`);
      if (outcome.retry === 'coordinator') coordinator = undefined;
      await new Promise((resolve) => setTimeout(resolve, RETRY_BACKOFF_MS));
    }
  } finally {
    await cluster.disconnect();
  }
}
