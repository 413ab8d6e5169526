// OutputRedactor: the secrets one plugin process was given (the values config providers resolved
// for the connectors and tasks it hosts, and in the configs it was asked to validate), hidden in
// everything the worker passes on from that process's stderr and stdout — log lines and the last
// lines kept for crash reports — as `[hidden]`. Values shorter than MIN_REDACTED_LENGTH characters
// are not hidden (the rule secretMasker applies to traces). Secrets are added before the config that holds
// them is sent, and stay until the process ends (a process shared by several instances keeps
// hiding the secrets of those that left).

import { MIN_MASKED_SECRET_LENGTH } from '../config/config-providers.js';

export const HIDDEN = '[hidden]';
export const MIN_REDACTED_LENGTH = MIN_MASKED_SECRET_LENGTH;

export class OutputRedactor {
  /** Longest first, so that a secret containing another is hidden whole. */
  #values: string[] = [];

  /** Hides these values from now on (those shorter than MIN_REDACTED_LENGTH are ignored). */
  add(values: Iterable<string>): void {
    const known = new Set(this.#values);
    let changed = false;
    for (const value of values) {
      if (value.length < MIN_REDACTED_LENGTH) continue;
      // As written inside a JSON string too: a JSON log line escapes quotes, backslashes, newlines.
      for (const form of [value, JSON.stringify(value).slice(1, -1)]) {
        if (known.has(form)) continue;
        known.add(form);
        changed = true;
      }
    }
    if (changed) this.#values = [...known].sort((a, b) => b.length - a.length);
  }

  get empty(): boolean {
    return this.#values.length === 0;
  }

  /** The text with every known secret replaced by `[hidden]`. */
  redact(text: string): string {
    let result = text;
    for (const value of this.#values) if (result.includes(value)) result = result.replaceAll(value, HIDDEN);
    return result;
  }

  /** A parsed JSON value with every string in it (keys too) redacted. */
  redactDeep(value: unknown): unknown {
    if (this.empty) return value;
    if (typeof value === 'string') return this.redact(value);
    if (Array.isArray(value)) return value.map((item) => this.redactDeep(item));
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [this.redact(key), this.redactDeep(item)]));
    }
    return value;
  }
}
