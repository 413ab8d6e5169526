// FileStreamSourceTask: turns each new line of the file into a record with a STRING value, keyed
// for offsets exactly as Kafka's task is: partition {"filename": <file>}, offset {"position": <n>}.
// On start it resumes after the committed position.

import { open } from 'node:fs/promises';
import { STRING_SCHEMA, type ConnectorConfig, type SourceRecord, SourceTask, log } from '@polyconnect/sdk';
import { FILE_CONFIG, SOURCE_CONFIG_DEF, TASK_BATCH_SIZE_CONFIG, TOPIC_CONFIG } from './file-stream-source-connector.js';
import { LineReader } from './line-reader.js';
import { PLUGIN_VERSION } from './version.js';

export const FILENAME_FIELD = 'filename';
export const POSITION_FIELD = 'position';
/** How long poll waits for new data before answering "nothing yet". */
const IDLE_WAIT_MS = 200;
/** How long poll waits before looking again for a file that does not exist yet (Kafka: 1 s). */
const MISSING_FILE_WAIT_MS = 1000;

export class FileStreamSourceTask extends SourceTask {
  static readonly className = 'org.apache.kafka.connect.file.FileStreamSourceTask';
  #filename = '';
  #topic = '';
  #batchSize = 0;
  #partition: Readonly<Record<string, unknown>> = {};
  #startPosition = 0;
  #reader: LineReader | undefined;
  #polling = false;
  #stopped = false;
  #wake: (() => void) | undefined;

  version(): string {
    return PLUGIN_VERSION;
  }

  start(config: ConnectorConfig): void {
    const parsed = SOURCE_CONFIG_DEF.parse(config);
    this.#filename = String(parsed[FILE_CONFIG]);
    this.#topic = String(parsed[TOPIC_CONFIG]);
    this.#batchSize = Number(parsed[TASK_BATCH_SIZE_CONFIG]);
    this.#partition = Object.freeze({ [FILENAME_FIELD]: this.#filename });
    const committed = this.context.offsetStorageReader.offset(this.#partition);
    const position = committed?.[POSITION_FIELD];
    if (position !== undefined && (typeof position !== 'number' || !Number.isSafeInteger(position) || position < 0)) {
      throw new Error(`Offset position is the incorrect type or negative: ${JSON.stringify(position)}`);
    }
    this.#startPosition = position ?? 0;
    log.info('FileStreamSourceTask started', { file: this.#filename, topic: this.#topic, position: this.#startPosition });
  }

  async poll(): Promise<SourceRecord[] | null> {
    if (this.#stopped) return null;
    this.#polling = true;
    try {
      if (this.#reader === undefined) {
        this.#reader = await this.#openReader();
        if (this.#reader === undefined) {
          await this.#sleep(MISSING_FILE_WAIT_MS);
          return null;
        }
      }
      const lines = await this.#reader.read(this.#batchSize);
      if (lines.length === 0) {
        await this.#sleep(IDLE_WAIT_MS);
        return null;
      }
      const timestamp = Date.now();
      return lines.map((line) => ({
        topic: this.#topic,
        sourcePartition: this.#partition,
        sourceOffset: { [POSITION_FIELD]: line.position },
        valueSchema: STRING_SCHEMA,
        value: line.text,
        timestamp,
      }));
    } finally {
      this.#polling = false;
      if (this.#stopped) await this.#closeReader();
    }
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#wake?.();
    if (!this.#polling) await this.#closeReader();
  }

  async #openReader(): Promise<LineReader | undefined> {
    try {
      return new LineReader(await open(this.#filename, 'r'), this.#startPosition);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      log.warn(`Couldn't find file ${this.#filename} for FileStreamSourceTask, sleeping to wait for it to be created`);
      return undefined;
    }
  }

  async #closeReader(): Promise<void> {
    const reader = this.#reader;
    this.#reader = undefined;
    await reader?.close();
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
