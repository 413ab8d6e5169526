// OffsetDelete v0 on the wire (apache/kafka OffsetDeleteRequest.json / OffsetDeleteResponse.json):
// the request body bytes, the response decoding, and what each answer means (done, nothing to
// delete, retry, or kafkajs's protocol error).

import { describe, expect, it } from 'vitest';
import { decodeOffsetDeleteResponse, encodeOffsetDeleteRequest, interpretOffsetDeleteResponse, type OffsetDeleteResponse } from '../../../src/kafka/offset-delete.js';

const int16 = (n: number): Buffer => {
  const b = Buffer.alloc(2);
  b.writeInt16BE(n);
  return b;
};
const int32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const str = (s: string): Buffer => Buffer.concat([int16(Buffer.byteLength(s)), Buffer.from(s, 'utf8')]);

describe('OffsetDelete v0', () => {
  it('encodes group_id, then topics with their partition indexes, grouped by topic in first-seen order', () => {
    const body = encodeOffsetDeleteRequest('connect-s', [
      { topic: 't', partition: 0 },
      { topic: 'u', partition: 2 },
      { topic: 't', partition: 3 },
      { topic: 't', partition: 0 },
    ]).buffer;
    const expected = Buffer.concat([
      str('connect-s'),
      int32(2),
      str('t'),
      int32(2),
      int32(0),
      int32(3),
      str('u'),
      int32(1),
      int32(2),
    ]);
    expect(body.toString('hex')).toBe(expected.toString('hex'));
  });

  it('decodes error_code, throttle_time_ms and per-partition error codes', () => {
    const payload = Buffer.concat([int16(0), int32(7), int32(1), str('t'), int32(2), int32(0), int16(0), int32(1), int16(86)]);
    expect(decodeOffsetDeleteResponse(payload)).toEqual({
      errorCode: 0,
      throttleTimeMs: 7,
      topics: [{ name: 't', partitions: [{ partition: 0, errorCode: 0 }, { partition: 1, errorCode: 86 }] }],
    });
  });

  const answer = (errorCode: number, partitionErrors: number[] = []): OffsetDeleteResponse => ({
    errorCode,
    throttleTimeMs: 0,
    topics: [{ name: 't', partitions: partitionErrors.map((code, partition) => ({ partition, errorCode: code })) }],
  });

  it('reads success, a missing group, and coordinator moves', () => {
    expect(interpretOffsetDeleteResponse(answer(0, [0, 0]))).toBe('deleted');
    expect(interpretOffsetDeleteResponse(answer(69))).toBe('group-not-found');
    expect(interpretOffsetDeleteResponse(answer(16))).toEqual({ retry: 'coordinator' });
    expect(interpretOffsetDeleteResponse(answer(15))).toEqual({ retry: 'coordinator' });
    expect(interpretOffsetDeleteResponse(answer(14))).toEqual({ retry: 'same-coordinator' });
  });

  it('throws kafkajs protocol errors, typed, for partition and top-level failures', () => {
    expect(() => interpretOffsetDeleteResponse(answer(0, [0, 86]))).toThrow(expect.objectContaining({ type: 'GROUP_SUBSCRIBED_TO_TOPIC', message: expect.stringContaining('partition 1') }));
    expect(() => interpretOffsetDeleteResponse(answer(0, [3]))).toThrow(expect.objectContaining({ type: 'UNKNOWN_TOPIC_OR_PARTITION' }));
    expect(() => interpretOffsetDeleteResponse(answer(30))).toThrow(expect.objectContaining({ type: 'GROUP_AUTHORIZATION_FAILED' }));
    expect(() => interpretOffsetDeleteResponse(answer(68))).toThrow(expect.objectContaining({ type: 'NON_EMPTY_GROUP' }));
  });
});
