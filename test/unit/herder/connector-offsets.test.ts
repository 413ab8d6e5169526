// Sink offset alters through the ConnectorOffsetsManager with a fake consumer group admin: given
// offsets are committed, null offsets are deleted per partition (Kafka's OffsetDelete), and a
// group that still has members gets Kafka Connect's "tasks haven't stopped" answer.

import { describe, expect, it } from 'vitest';
import { ConnectorOffsetsManager } from '../../../src/herder/connector-offsets.js';
import type { ConsumerGroupAdmin, GroupOffset } from '../../../src/kafka/consumer-group-admin.js';
import type { OffsetStore } from '../../../src/storage/offset-store.js';

const ALTERED =
  'The Connect framework-managed offsets for this connector have been altered successfully. However, if this connector manages offsets externally, they will need to be manually altered in the system that the connector uses.';

function fakeGroups(failDelete?: Error) {
  const calls: { set: Array<[string, GroupOffset[]]>; deleted: Array<[string, Array<{ topic: string; partition: number }>]> } = { set: [], deleted: [] };
  const admin: ConsumerGroupAdmin = {
    fetchOffsets: async () => [],
    setOffsets: async (groupId, offsets) => void calls.set.push([groupId, [...offsets]]),
    deleteOffsets: async (groupId, partitions) => {
      if (failDelete) throw failDelete;
      calls.deleted.push([groupId, [...partitions]]);
    },
    deleteGroup: async () => undefined,
  };
  return { admin, calls };
}

const entry = (topic: string, partition: number | string, offset: number | null) => ({ partition: { kafka_topic: topic, kafka_partition: partition }, offset: offset === null ? null : { kafka_offset: offset } });

describe('ConnectorOffsetsManager, sink alters', () => {
  it('deletes the committed offset of a partition given with a null offset', async () => {
    const { admin, calls } = fakeGroups();
    const answer = await new ConnectorOffsetsManager({} as OffsetStore, admin).alter('s', 'sink', { offsets: [entry('t', 0, null)] });
    expect(answer).toEqual({ message: ALTERED });
    expect(calls.deleted).toEqual([['connect-s', [{ topic: 't', partition: 0 }]]]);
    expect(calls.set).toEqual([]);
  });

  it('commits the given offsets and deletes the null ones in one mixed alter; a repeated partition takes its last entry', async () => {
    const { admin, calls } = fakeGroups();
    await new ConnectorOffsetsManager({} as OffsetStore, admin).alter('s', 'sink', {
      offsets: [entry('t', 0, null), entry('t', 1, 5), entry('u', '2', 7), entry('u', 2, null)],
    });
    expect(calls.set).toEqual([['connect-s', [{ topic: 't', partition: 1, offset: 5 }]]]);
    expect(calls.deleted).toEqual([['connect-s', [{ topic: 't', partition: 0 }, { topic: 'u', partition: 2 }]]]);
  });

  it("answers Kafka Connect's 500 when the group still has members subscribed to the topic", async () => {
    const busy = Object.assign(new Error('The consumer group is actively subscribed to the topic'), { type: 'GROUP_SUBSCRIBED_TO_TOPIC' });
    const { admin } = fakeGroups(busy);
    const failure = await new ConnectorOffsetsManager({} as OffsetStore, admin).alter('s', 'sink', { offsets: [entry('t', 0, null)] }).catch((error: unknown) => error);
    expect(failure).toMatchObject({
      httpStatus: 500,
      message:
        "Failed to alter consumer group offsets for connector s either because its tasks haven't stopped completely yet or the connector was resumed before the request to alter its offsets could be successfully completed. If the connector is in a stopped state, this operation can be safely retried. If it doesn't eventually succeed, the Connect cluster may need to be restarted to get rid of the zombie sink tasks.",
      cause: busy,
    });
  });

  it('answers a plain 500 naming the connector for other failures', async () => {
    const { admin } = fakeGroups(Object.assign(new Error('Not authorized'), { type: 'GROUP_AUTHORIZATION_FAILED' }));
    const failure = await new ConnectorOffsetsManager({} as OffsetStore, admin).alter('s', 'sink', { offsets: [entry('t', 0, null)] }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ httpStatus: 500, message: 'Failed to alter consumer group offsets for connector s' });
  });
});
