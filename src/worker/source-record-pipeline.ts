// The source side of a record's trip between poll and produce: the SMT chain, then the header,
// key and value converters (Kafka's order), each step inside the retry-with-tolerance operator.
// Records that fail and are tolerated are dropped after being reported (log, dead letter queue);
// a batch stays synchronous unless something fails.

import type { SourceRecord } from '../data/index.js';
import type { PolledRecord } from '../errors/processing-context.js';
import type { RetryWithToleranceOperator } from '../errors/retry-with-tolerance-operator.js';
import type { ProducerRecord } from '../kafka/record-producer.js';
import type { ConnectRecord } from '../transforms/transformation.js';
import { runSteps, type Step } from './step-runner.js';
import type { TaskConverters } from './task-converters.js';
import type { TransformStage } from './transform-stage.js';

type PolledConnectRecord = ConnectRecord & PolledRecord;

interface SourceState {
  readonly polled: PolledConnectRecord;
  readonly record: PolledConnectRecord;
  readonly headers?: ProducerRecord['headers'];
  readonly key?: Buffer | null;
  readonly value?: Buffer | null;
}

export interface ConvertedBatch {
  readonly records: ProducerRecord[];
  /** Records dropped by a transform (filtered) or skipped after a tolerated failure. */
  readonly dropped: number;
}

export class SourceRecordPipeline {
  readonly #steps: readonly Step<SourceState>[];

  constructor(converters: TaskConverters, stages: readonly TransformStage[], operator: RetryWithToleranceOperator) {
    const { key, value, header, keyClass, valueClass, headerClass } = converters;
    this.#steps = [
      ...stages.map(
        (stage): Step<SourceState> =>
          (s) =>
            operator.execute(
              'TRANSFORMATION',
              stage.className,
              () => {
                const next = stage.apply(s.record);
                return next === null ? null : { polled: s.polled, record: next };
              },
              { polled: s.polled },
            ),
      ),
      (s) =>
        operator.execute(
          'HEADER_CONVERTER',
          headerClass,
          () => ({ ...s, headers: s.record.headers.map((h) => ({ key: h.key, value: header.fromConnectHeader(s.record.topic, h.key, h.schema, h.value) })) }),
          { polled: s.polled },
        ),
      (s) => operator.execute('KEY_CONVERTER', keyClass, () => ({ ...s, key: key.fromConnectData(s.record.topic, s.record.keySchema, s.record.key) }), { polled: s.polled }),
      (s) => operator.execute('VALUE_CONVERTER', valueClass, () => ({ ...s, value: value.fromConnectData(s.record.topic, s.record.valueSchema, s.record.value) }), { polled: s.polled }),
    ];
  }

  async convert(records: readonly SourceRecord[]): Promise<ConvertedBatch> {
    const converted: ProducerRecord[] = [];
    let dropped = 0;
    for (const record of records) {
      const polled = normalize(record);
      let result = runSteps<SourceState>({ polled, record: polled }, this.#steps);
      if (result instanceof Promise) result = await result;
      if (result === null) {
        dropped++;
        continue;
      }
      converted.push({
        topic: result.record.topic,
        partition: result.record.kafkaPartition,
        key: result.key ?? null,
        value: result.value ?? null,
        timestamp: result.record.timestamp,
        headers: result.headers ?? [],
      });
    }
    return { records: converted, dropped };
  }
}

function normalize(record: SourceRecord): PolledConnectRecord {
  return {
    topic: record.topic,
    kafkaPartition: record.kafkaPartition ?? null,
    keySchema: record.keySchema ?? null,
    key: record.key ?? null,
    valueSchema: record.valueSchema ?? null,
    value: record.value ?? null,
    timestamp: record.timestamp ?? null,
    headers: record.headers ?? [],
    sourcePartition: record.sourcePartition ?? null,
    sourceOffset: record.sourceOffset ?? null,
  };
}
