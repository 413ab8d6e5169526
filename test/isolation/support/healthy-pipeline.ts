// A healthy FileStream pipeline that runs beside the faulty connectors the whole time: lines are
// appended to its input file at a steady rate, and the size of its output file is sampled every
// 100 ms. Tests ask it whether it kept moving during a fault (growth inside a time window, and the
// longest stall), and at the end whether every line came through exactly once.

import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkNoneLost, fileSize } from '../../support/file-data.js';
import { FILE_PLUGIN_DIR } from '../../support/standalone-worker.js';

const LINE_WIDTH = 90;
/** Bytes per line, newline included (numberedLines' format). */
export const LINE_BYTES = LINE_WIDTH + 1;
const FEED_INTERVAL_MS = 100;
const LINES_PER_FEED = 40;
const SAMPLE_INTERVAL_MS = 100;

export function numberedLine(n: number): string {
  const head = String(n).padStart(8, '0');
  return `${head} ${'z'.repeat(LINE_WIDTH - head.length - 1)}\n`;
}

export class HealthyPipeline {
  readonly input: string;
  readonly output: string;
  readonly topic: string;
  readonly #samples: Array<{ at: number; lines: number }> = [];
  #fed = 0;
  #feeder: NodeJS.Timeout | undefined;
  #sampler: NodeJS.Timeout | undefined;

  constructor(directory: string) {
    this.input = join(directory, 'healthy-in.txt');
    this.output = join(directory, 'healthy-out.txt');
    this.topic = `healthy-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
    writeFileSync(this.input, '');
  }

  /** Connector configs of the pipeline, for the worker's command line. */
  connectors(): Array<Record<string, string>> {
    return [
      { name: 'healthy-source', 'connector.class': 'FileStreamSource', file: this.input, topic: this.topic },
      { name: 'healthy-sink', 'connector.class': 'FileStreamSink', file: this.output, topics: this.topic },
    ];
  }

  static readonly pluginDirectory = FILE_PLUGIN_DIR;

  startFeeding(): void {
    this.#feeder = setInterval(() => {
      let text = '';
      for (let i = 0; i < LINES_PER_FEED; i++) text += numberedLine(this.#fed++);
      appendFileSync(this.input, text);
    }, FEED_INTERVAL_MS);
    this.#sampler = setInterval(() => this.#samples.push({ at: Date.now(), lines: this.lines() }), SAMPLE_INTERVAL_MS);
  }

  stopFeeding(): number {
    clearInterval(this.#feeder);
    clearInterval(this.#sampler);
    return this.#fed;
  }

  /** Lines in the output now. */
  lines(): number {
    return Math.floor(fileSize(this.output) / LINE_BYTES);
  }

  /** Lines that arrived between two moments, by the samples. */
  growth(from: number, to: number): number {
    const inWindow = this.#samples.filter((sample) => sample.at >= from && sample.at <= to);
    if (inWindow.length < 2) return 0;
    return inWindow[inWindow.length - 1]!.lines - inWindow[0]!.lines;
  }

  /** The longest time within [from, to] during which the output did not grow, by the samples. */
  longestStallMs(from: number, to: number): number {
    const inWindow = this.#samples.filter((sample) => sample.at >= from && sample.at <= to);
    let longest = 0;
    let lastGrowth = inWindow[0]?.at ?? from;
    for (let i = 1; i < inWindow.length; i++) {
      if (inWindow[i]!.lines > inWindow[i - 1]!.lines) lastGrowth = inWindow[i]!.at;
      longest = Math.max(longest, inWindow[i]!.at - lastGrowth);
    }
    return longest;
  }

  /** Resolves once at least `lines` more lines arrived after `since` (a time), or throws after `timeoutMs`. */
  async waitForGrowth(since: number, lines: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.growth(since, Date.now()) >= lines) return;
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_INTERVAL_MS));
    }
    throw new Error(`The healthy pipeline moved only ${this.growth(since, Date.now())} lines in ${timeoutMs} ms (wanted ${lines})`);
  }

  /** After stopFeeding(): checks that every fed line arrived once, in order. */
  checkComplete(): { duplicates: number } {
    return checkNoneLost(this.output, this.#fed);
  }

  get fed(): number {
    return this.#fed;
  }
}
