// The offsets topic format against Kafka Connect 4.1.2's own OffsetStorageWriter,
// KafkaOffsetBackingStore and OffsetStorageReaderImpl, and Apache Kafka's FileStreamSourceTask
// (test/golden/stores/offsets-topic.json, see its README).
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { DataException, type SourceMap } from '../../../src/data/index.js';
import { javaPartitionForKey } from '../../../src/kafka/java-partitioner.js';
import { decodeOffsetKey, decodeOffsetValue, encodeOffsetKey, encodeOffsetValue } from '../../../src/storage/connect-formats/offset-records.js';
import { OffsetTable } from '../../../src/storage/connect-formats/offset-table.js';

interface GoldenRecord {
  key: string | null;
  keyText: string | null;
  value: string | null;
  valueText: string | null;
  partition?: number;
}
interface Golden {
  kafkaVersion: string;
  partitions: number;
  fileStreamSource: {
    connector: string;
    taskConfig: Record<string, string>;
    firstRun: Array<{ sourcePartition: SourceMap; sourceOffset: SourceMap; value: string }>;
    resumedRun: Array<{ sourcePartition: SourceMap; sourceOffset: SourceMap; value: string }>;
    records: GoldenRecord[];
  };
  writes: Array<GoldenRecord & { name: string; connector: string; partitionJson: string; offsetJson: string | null }>;
  reads: Array<{ name: string; records: GoldenRecord[]; connectors: Record<string, Array<{ partition: string; offset: string | null }>> }>;
}

const golden = JSON.parse(readFileSync(new URL('../../golden/stores/offsets-topic.json', import.meta.url), 'utf8')) as Golden;
const silent = pino({ level: 'silent' });
const bytes = (value: string | null): Buffer | null => (value === null ? null : Buffer.from(value, 'base64'));

/** A map read from Java's JSON text with our decoder (which keeps bigints exact). */
function fromJavaJson(text: string): SourceMap {
  const decoded = decodeOffsetValue(Buffer.from(text, 'utf8'));
  if (!decoded.ok || decoded.offset === null) throw new Error(`not a map: ${text}`);
  return decoded.offset;
}

/** Jackson's compact text of a map with sorted keys (how OffsetGoldens describes Kafka's view). */
function sortedText(map: SourceMap): string {
  return encodeOffsetValue(Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))))!.toString('utf8');
}

/**
 * Where we knowingly differ: a JavaScript number cannot say it is the double 1.0, so it is
 * written (and shown) as 1.
 */
const INTEGRAL_DOUBLE_CASES = new Set(['double-integral']);

describe('offset records are the bytes Kafka Connect writes', () => {
  it('comes from Kafka 4.1.2', () => {
    expect(golden.kafkaVersion).toBe('4.1.2');
    expect(golden.partitions).toBe(25);
  });

  it("keys and values FileStreamSourceTask's offsets as Kafka does, on Java's partition", () => {
    const { connector, firstRun, records } = golden.fileStreamSource;
    expect(firstRun.map((r) => r.sourceOffset)).toEqual([{ position: 9 }, { position: 18 }]);
    for (const [index, run] of firstRun.entries()) {
      const key = encodeOffsetKey(connector, { filename: 'input.txt' });
      expect(key.toString('base64')).toBe(records[index]!.key);
      expect(encodeOffsetValue(run.sourceOffset)!.toString('base64')).toBe(records[index]!.value);
      expect(javaPartitionForKey(key, 25)).toBe(records[index]!.partition);
    }
  });

  it("reads FileStreamSourceTask's committed offset back, where Kafka's task resumed", () => {
    const { records, resumedRun } = golden.fileStreamSource;
    const last = records.at(-1)!;
    expect(decodeOffsetKey(bytes(last.key))).toEqual({ ok: true, connector: 'local-file-source', partition: { filename: 'input.txt' } });
    expect(decodeOffsetValue(bytes(last.value))).toEqual({ ok: true, offset: { position: 18 } });
    // Kafka's task, restarted on that offset, skipped the 18 bytes already read.
    expect(resumedRun.map((r) => r.value)).toEqual(['line three']);
  });

  for (const write of golden.writes) {
    it(`${write.name}: ${write.keyText} ${write.valueText}`, () => {
      const partition = fromJavaJson(write.partitionJson);
      const offset = write.offsetJson === null ? null : fromJavaJson(write.offsetJson);
      const key = encodeOffsetKey(write.connector, partition);
      expect(key.toString('base64')).toBe(write.key);
      expect(javaPartitionForKey(key, golden.partitions)).toBe(write.partition);
      const value = encodeOffsetValue(offset);
      if (INTEGRAL_DOUBLE_CASES.has(write.name)) {
        expect(write.valueText).toBe('{"ratio":1.0}');
        expect(value!.toString()).toBe('{"ratio":1}');
      } else {
        expect(value === null ? null : value.toString('base64')).toBe(write.value);
      }
      // And what Kafka wrote reads back to the same maps.
      expect(decodeOffsetKey(bytes(write.key))).toEqual({ ok: true, connector: write.connector, partition });
      expect(decodeOffsetValue(bytes(write.value))).toEqual({ ok: true, offset });
    });
  }

  it('keeps integers beyond 2^53 exact, as Kafka reads them into a Long', () => {
    const offset = fromJavaJson('{"big":9007199254740993,"min":-9223372036854775808}');
    expect(offset).toEqual({ big: 9007199254740993n, min: -9223372036854775808n });
    expect(encodeOffsetValue(offset)!.toString()).toBe('{"big":9007199254740993,"min":-9223372036854775808}');
  });

  it('refuses what Kafka refuses to write: nested values, non-maps', () => {
    expect(() => encodeOffsetValue({ nested: { a: 1 } })).toThrow(DataException);
    expect(() => encodeOffsetValue({ list: [1] })).toThrow('Offsets may only contain primitive types as values, but field list contains ARRAY');
    expect(() => encodeOffsetKey('c', { nested: { a: 1 } })).toThrow(DataException);
  });
});

describe('reading the offsets topic as Kafka Connect does', () => {
  /**
   * Kafka's view (its reader's answers), adjusted where we knowingly differ:
   * - a partition whose value Kafka's reader cannot use ("!DataException") has no offset for us,
   *   so we do not list it;
   * - Kafka finds an offset by re-encoding the decoded partition, so it misses keys written with
   *   another member order or other spacing; we keep the key a record came with and find them;
   * - doubles that are whole numbers read back as JavaScript integers (1.0 -> 1).
   */
  const KNOWN: Record<string, Record<string, Array<{ partition: string; offset: string | null }>>> = {
    'all-writes': {
      misc: [
        { partition: '{"a":2,"m":3,"z":1}', offset: '{"o":"v"}' },
        { partition: '{"p":"bytes"}', offset: '{"raw":"AQID/w=="}' },
        { partition: '{"p":true}', offset: '{"cursor":null,"done":true,"open":false}' },
        { partition: '{}', offset: '{}' },
      ],
    },
    'key-forms': {
      bigint: [{ partition: '{"p":-4362896299872285998}', offset: '{"o":4}' }],
      double: [{ partition: '{"p":1}', offset: '{"o":3}' }],
      order: [{ partition: '{"a":2,"b":1}', offset: '{"o":2}' }],
      spaced: [{ partition: '{"p":1}', offset: '{"o":1}' }],
    },
  };

  for (const scenario of golden.reads) {
    it(scenario.name, () => {
      const table = new OffsetTable(silent);
      for (const record of scenario.records) table.apply(bytes(record.key), bytes(record.value));
      const ours: Record<string, Array<{ partition: string; offset: string | null }>> = {};
      for (const connector of table.connectors()) {
        ours[connector] = table
          .offsets(connector)
          .map((stored) => ({ partition: sortedText(stored.partition), offset: sortedText(stored.offset) }))
          .sort((a, b) => (a.partition < b.partition ? -1 : 1));
      }
      const expected: Record<string, Array<{ partition: string; offset: string | null }>> = {};
      for (const [connector, entries] of Object.entries(scenario.connectors)) {
        const usable = entries
          .filter((e) => e.offset !== null && !e.offset.startsWith('!'))
          .map((e) => ({ partition: e.partition, offset: e.offset === '{"ratio":1.0}' ? '{"ratio":1}' : e.offset }));
        const known = KNOWN[scenario.name]?.[connector];
        if (known !== undefined) expected[connector] = known;
        else if (usable.length > 0) expected[connector] = usable;
      }
      expect(ours).toEqual(expected);
    });
  }

  it('logs keys it cannot use, quietly skips a null partition as Kafka does', () => {
    const lines: string[] = [];
    const table = new OffsetTable(pino({ level: 'trace' }, { write: (line: string) => void lines.push((JSON.parse(line) as { msg: string }).msg) }));
    table.apply(Buffer.from('not json'), Buffer.from('{"o":1}'));
    table.apply(Buffer.from('["c",null]'), Buffer.from('{"o":1}'));
    table.apply(Buffer.from('["c",{"p":1}]'), Buffer.from('[1]'));
    table.apply(null, Buffer.from('{"o":1}'));
    expect(lines).toEqual([
      'Ignoring offset partition key with unknown serialization. Expected json.',
      expect.stringContaining('Failed to deserialize offset data for connector c'),
      'Ignoring offset partition key with an unexpected null value',
    ]);
    expect(table.connectors()).toEqual([]);
  });

  it('reuses the key bytes another writer used for an equal partition', () => {
    const table = new OffsetTable(silent);
    table.apply(Buffer.from('["c",{"b":1,"a":2}]'), Buffer.from('{"o":1}'));
    expect(table.existingKey('c', { a: 2, b: 1 })?.toString()).toBe('["c",{"b":1,"a":2}]');
    table.apply(Buffer.from('["c",{"b":1,"a":2}]'), null);
    expect(table.offsets('c')).toEqual([]);
    expect(table.existingKey('c', { a: 2, b: 1 })?.toString()).toBe('["c",{"b":1,"a":2}]');
  });
});
