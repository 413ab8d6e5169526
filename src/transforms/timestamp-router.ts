// TimestampRouter: renames the topic to `topic.format` with ${topic} replaced by the topic and
// ${timestamp} by the record timestamp formatted with `timestamp.format` (SimpleDateFormat, UTC).
// Kafka compiles the date pattern on first use; an invalid one is refused here at configure time.

import { ConfigDef, ConfigException, DataException } from '../data/index.js';
import { javaRecordString } from './java-values.js';
import { SimpleDateFormat } from './simple-date-format.js';
import { newRecord, type ConnectRecord, type Transformation } from './transformation.js';

const TOPIC_FORMAT = 'topic.format';
const TIMESTAMP_FORMAT = 'timestamp.format';

export const TIMESTAMP_ROUTER_CONFIG_DEF = new ConfigDef()
  .define({
    name: TOPIC_FORMAT,
    type: 'STRING',
    defaultValue: '${topic}-${timestamp}',
    importance: 'HIGH',
    documentation: 'Format string which can contain <code>${topic}</code> and <code>${timestamp}</code> as placeholders for the topic and timestamp, respectively.',
  })
  .define({
    name: TIMESTAMP_FORMAT,
    type: 'STRING',
    defaultValue: 'yyyyMMdd',
    importance: 'HIGH',
    documentation: 'Format string for the timestamp that is compatible with <code>java.text.SimpleDateFormat</code>.',
  });

export class TimestampRouter implements Transformation {
  #topicFormat = '';
  #timestampFormat: SimpleDateFormat | undefined;

  configure(config: Readonly<Record<string, string>>): void {
    const parsed = TIMESTAMP_ROUTER_CONFIG_DEF.parse(config);
    this.#topicFormat = parsed[TOPIC_FORMAT] as string;
    const pattern = parsed[TIMESTAMP_FORMAT] as string;
    try {
      this.#timestampFormat = new SimpleDateFormat(pattern);
    } catch (error) {
      throw ConfigException.invalidValue(TIMESTAMP_FORMAT, pattern, (error as Error).message);
    }
  }

  apply<R extends ConnectRecord>(record: R): R {
    if (this.#timestampFormat === undefined) throw new Error('TimestampRouter used before configure()');
    if (record.timestamp === null || record.timestamp === undefined) throw new DataException(`Timestamp missing on record: ${javaRecordString(record)}`);
    const timestamp = this.#timestampFormat.format(new Date(record.timestamp));
    // Literal replacement of every occurrence, topic first (a topic containing "${timestamp}" is then replaced too, as in Kafka).
    const topic = this.#topicFormat.split('${topic}').join(record.topic).split('${timestamp}').join(timestamp);
    return newRecord(record, { topic });
  }

  config(): ConfigDef {
    return TIMESTAMP_ROUTER_CONFIG_DEF;
  }

  close(): void {}
}
