// FileStreamSinkTask: appends each record's value, rendered as Java's println would, as one line.
// put buffers nothing: it writes the batch in one call; flush (before every offset commit) makes
// the file durable with fsync, so committed offsets never run ahead of the file.

import { type FileHandle, open } from 'node:fs/promises';
import { type ConnectorConfig, type SinkRecord, SinkTask, log } from '@polyconnect/sdk';
import { SINK_CONFIG_DEF, SINK_FILE_CONFIG } from './file-stream-sink-connector.js';
import { javaString } from './java-string.js';
import { PLUGIN_VERSION } from './version.js';

export class FileStreamSinkTask extends SinkTask {
  static readonly className = 'org.apache.kafka.connect.file.FileStreamSinkTask';
  #filename = '';
  #file: FileHandle | undefined;
  #unsynced = false;

  version(): string {
    return PLUGIN_VERSION;
  }

  async start(config: ConnectorConfig): Promise<void> {
    this.#filename = String(SINK_CONFIG_DEF.parse(config)[SINK_FILE_CONFIG]);
    this.#file = await open(this.#filename, 'a');
    log.info('FileStreamSinkTask started', { file: this.#filename });
  }

  async put(records: SinkRecord[]): Promise<void> {
    if (records.length === 0) return;
    let text = '';
    for (const record of records) text += `${javaString(record.value)}\n`;
    await this.#requireFile().write(text);
    this.#unsynced = true;
  }

  override async flush(): Promise<void> {
    if (!this.#unsynced) return;
    await this.#requireFile().sync();
    this.#unsynced = false;
  }

  async stop(): Promise<void> {
    const file = this.#file;
    this.#file = undefined;
    if (file === undefined) return;
    await file.sync();
    await file.close();
  }

  #requireFile(): FileHandle {
    if (this.#file === undefined) throw new Error(`The sink file ${this.#filename} is not open`);
    return this.#file;
  }
}
