// The sink side of a record's trip between consume and put: key, value and header converters,
// then the SMT chain (Kafka's order), each step inside the retry-with-tolerance operator. A record
// that fails and is tolerated is skipped — reported to the log and the dead letter queue with its
// original bytes — and its offset still counts as consumed. Synchronous unless something fails.

import type { SchemaAndValue } from '../converters/converter.js';
import type { Header, SinkRecord } from '../data/index.js';
import { type RetryWithToleranceOperator } from '../errors/retry-with-tolerance-operator.js';
import type { ConsumedRecord } from '../kafka/record-consumer.js';
import { runSteps, type Step } from './step-runner.js';
import type { TaskConverters } from './task-converters.js';
import type { TransformStage } from './transform-stage.js';

interface SinkState {
  readonly raw: ConsumedRecord;
  readonly key?: SchemaAndValue;
  readonly value?: SchemaAndValue;
  readonly record?: SinkRecord;
}

export class SinkRecordPipeline {
  readonly #steps: readonly Step<SinkState>[];

  constructor(converters: TaskConverters, stages: readonly TransformStage[], operator: RetryWithToleranceOperator) {
    const { key, value, header, keyClass, valueClass, headerClass } = converters;
    const context = (state: SinkState) => ({ consumed: state.raw });
    this.#steps = [
      (s) => operator.execute('KEY_CONVERTER', keyClass, () => ({ ...s, key: key.toConnectData(s.raw.topic, s.raw.key) }), context(s)),
      (s) => operator.execute('VALUE_CONVERTER', valueClass, () => ({ ...s, value: value.toConnectData(s.raw.topic, s.raw.value) }), context(s)),
      (s) =>
        operator.execute(
          'HEADER_CONVERTER',
          headerClass,
          () => {
            const headers: Header[] = s.raw.headers.map((h) => {
              const converted = header.toConnectHeader(s.raw.topic, h.key, h.value);
              return { key: h.key, schema: converted.schema, value: converted.value };
            });
            return { raw: s.raw, record: sinkRecord(s.raw, s.key!, s.value!, headers) };
          },
          context(s),
        ),
      ...stages.map(
        (stage): Step<SinkState> =>
          (s) =>
            operator.execute(
              'TRANSFORMATION',
              stage.className,
              () => {
                const next = stage.apply(s.record!);
                return next === null ? null : { raw: s.raw, record: next };
              },
              context(s),
            ),
      ),
    ];
  }

  /** The records to put, in order; skipped and filtered ones are left out. */
  async convert(consumed: readonly ConsumedRecord[]): Promise<SinkRecord[]> {
    const records: SinkRecord[] = [];
    for (const raw of consumed) {
      let result = runSteps<SinkState>({ raw }, this.#steps);
      if (result instanceof Promise) result = await result;
      if (result?.record !== undefined) records.push(result.record);
    }
    return records;
  }
}

function sinkRecord(raw: ConsumedRecord, key: SchemaAndValue, value: SchemaAndValue, headers: Header[]): SinkRecord {
  return {
    topic: raw.topic,
    kafkaPartition: raw.partition,
    kafkaOffset: raw.offset,
    timestamp: raw.timestamp,
    timestampType: raw.timestamp === null ? 'NO_TIMESTAMP_TYPE' : 'CREATE_TIME',
    keySchema: key.schema,
    key: key.value,
    valueSchema: value.schema,
    value: value.value,
    headers,
    originalTopic: raw.topic,
    originalKafkaPartition: raw.partition,
    originalKafkaOffset: raw.offset,
  };
}
