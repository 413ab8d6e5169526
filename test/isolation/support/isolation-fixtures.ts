// The fixture plugins the isolation suite runs against: every folder test/fixtures/plugins/isolation-*
// with an isolation.json (its language, its source and sink classes, the faults it can commit, and
// trace texts that differ from the defaults). A fixture in another language is added by adding
// such a folder (test/fixtures/plugins/isolation-js/README.md is the contract); the suite then runs
// every fault it lists against it, in a worker of its own.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_PLUGINS_DIR } from '../../support/standalone-worker.js';

/** Every fault the suite knows. */
export type Fault =
  | 'sigkill'
  | 'abort'
  | 'memory'
  | 'heap'
  | 'loop'
  | 'hang-stop'
  | 'throw-put'
  | 'hang-put'
  | 'garbage'
  | 'exit-in-handshake'
  | 'slow-start';

export interface IsolationFixture {
  /** e.g. "javascript"; names the describe block. */
  readonly language: string;
  /** The plugin folder, for plugin.path. */
  readonly directory: string;
  /** The plugin's name in plugin.json (exit descriptions name it). */
  readonly pluginName: string;
  readonly sourceClass: string;
  readonly sinkClass: string;
  readonly faults: ReadonlySet<Fault>;
  /** Text the trace of `fault` must contain where this language's differs from the suite's default. */
  readonly traces: Readonly<Partial<Record<Fault, string>>>;
}

interface IsolationJson {
  language: string;
  source: string;
  sink: string;
  faults: Fault[];
  traces?: Partial<Record<Fault, string>>;
}

export function isolationFixtures(): IsolationFixture[] {
  return readdirSync(FIXTURE_PLUGINS_DIR)
    .filter((name) => name.startsWith('isolation-') && existsSync(join(FIXTURE_PLUGINS_DIR, name, 'isolation.json')))
    .sort()
    .map((name) => {
      const directory = join(FIXTURE_PLUGINS_DIR, name);
      const spec = JSON.parse(readFileSync(join(directory, 'isolation.json'), 'utf8')) as IsolationJson;
      const manifest = JSON.parse(readFileSync(join(directory, 'plugin.json'), 'utf8')) as { name: string };
      return {
        language: spec.language,
        directory,
        pluginName: manifest.name,
        sourceClass: spec.source,
        sinkClass: spec.sink,
        faults: new Set(spec.faults),
        traces: spec.traces ?? {},
      };
    });
}

/** The fixtures that can commit at least one of `faults`. */
export function fixturesWithAny(faults: readonly Fault[]): IsolationFixture[] {
  return isolationFixtures().filter((fixture) => faults.some((fault) => fixture.faults.has(fault)));
}
