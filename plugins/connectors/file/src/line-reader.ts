// LineReader: reads a growing file as lines, as FileStreamSourceTask does. Lines end at "\n",
// "\r\n" or "\r" (terminators are dropped); a line is only returned once its terminator has been
// read, so a partial last line waits for more data. Each line carries the byte position just
// after its terminator, the offset to resume from. (Kafka counts decoded characters there, which
// breaks restarts on non-ASCII files; bytes are exact.)

import type { FileHandle } from 'node:fs/promises';

const INITIAL_BUFFER_BYTES = 64 * 1024;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const NONE = -1;
const UNKNOWN = -2;

export interface Line {
  readonly text: string;
  /** Byte position in the file just after the line's terminator. */
  readonly position: number;
}

export class LineReader {
  readonly #file: FileHandle;
  #buffer = Buffer.alloc(INITIAL_BUFFER_BYTES);
  /** Bytes of #buffer that hold unconsumed data. */
  #length = 0;
  /** File position of #buffer[0]. */
  #bufferPosition: number;
  /** Index of the next "\r" at or after the scan point, NONE when the buffered bytes have none, or UNKNOWN. */
  #carriageReturn = UNKNOWN;

  constructor(file: FileHandle, startPosition: number) {
    this.#file = file;
    this.#bufferPosition = startPosition;
  }

  /** Up to `max` complete lines; fewer (possibly none) when the file has no more complete lines yet. */
  async read(max: number): Promise<Line[]> {
    const lines: Line[] = [];
    for (;;) {
      this.#extract(lines, max);
      if (lines.length >= max) return lines;
      if (!(await this.#fill())) return lines;
    }
  }

  async close(): Promise<void> {
    await this.#file.close();
  }

  #extract(lines: Line[], max: number): void {
    const buffer = this.#buffer;
    let start = 0;
    while (lines.length < max) {
      let newline = buffer.indexOf(NEWLINE, start);
      if (newline >= this.#length) newline = -1; // bytes past #length are stale
      const carriageReturn = this.#findCarriageReturn(start);
      let lineEnd: number;
      let terminatorLength: number;
      if (carriageReturn !== -1 && (newline === -1 || carriageReturn < newline)) {
        if (carriageReturn + 1 >= this.#length) break; // "\r" is last: wait to see whether "\n" follows
        lineEnd = carriageReturn;
        terminatorLength = buffer[carriageReturn + 1] === NEWLINE ? 2 : 1;
      } else if (newline !== -1) {
        lineEnd = newline;
        terminatorLength = 1;
      } else {
        break;
      }
      const next = lineEnd + terminatorLength;
      lines.push({ text: buffer.toString('utf8', start, lineEnd), position: this.#bufferPosition + next });
      start = next;
    }
    if (start > 0) {
      buffer.copy(buffer, 0, start, this.#length);
      this.#length -= start;
      this.#bufferPosition += start;
      // A cached "\r" that ended a consumed line is gone: look again (it must not turn into NONE).
      if (this.#carriageReturn >= 0) this.#carriageReturn = this.#carriageReturn >= start ? this.#carriageReturn - start : UNKNOWN;
    }
  }

  /**
   * The first "\r" at or after `from` among the buffered bytes, or -1. The answer is cached: lines
   * are rare to contain "\r", and rescanning the buffer for every line would be quadratic.
   */
  #findCarriageReturn(from: number): number {
    if (this.#carriageReturn === UNKNOWN || (this.#carriageReturn >= 0 && this.#carriageReturn < from)) {
      const found = this.#buffer.indexOf(CARRIAGE_RETURN, from);
      this.#carriageReturn = found === -1 || found >= this.#length ? NONE : found;
    }
    return this.#carriageReturn === NONE ? -1 : this.#carriageReturn;
  }

  /** Reads more of the file into the buffer (growing it for long lines); false when nothing was read. */
  async #fill(): Promise<boolean> {
    if (this.#length === this.#buffer.length) {
      const grown = Buffer.alloc(this.#buffer.length * 2);
      this.#buffer.copy(grown, 0, 0, this.#length);
      this.#buffer = grown;
    }
    const { bytesRead } = await this.#file.read(this.#buffer, this.#length, this.#buffer.length - this.#length, this.#bufferPosition + this.#length);
    if (bytesRead === 0) return false;
    this.#length += bytesRead;
    if (this.#carriageReturn === NONE) this.#carriageReturn = UNKNOWN; // the new bytes may hold one
    return true;
  }
}
