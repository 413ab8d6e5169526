// The fixture plugins the isolation suite runs against: every folder test/fixtures/plugins/isolation-*
// with an isolation.json (its language, its source and sink classes, the faults it can commit, and
// trace texts that differ from the defaults). A fixture in another language is added by adding
// such a folder (test/fixtures/plugins/isolation-js/README.md is the contract); the suite then runs
// every fault it lists against it, in a worker of its own.

import { execFileSync } from 'node:child_process';
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
  /** The last words on stderr the trace of `fault` must quote, where they differ from the fixture contract's. */
  readonly stderr: Readonly<Partial<Record<Fault, string>>>;
  /** Builds the fixture (a compiled language); a no-op for the others. */
  build(): void;
}

interface IsolationJson {
  language: string;
  source: string;
  sink: string;
  faults: Fault[];
  traces?: Partial<Record<Fault, string>>;
  stderr?: Partial<Record<Fault, string>>;
  /** A script in the fixture's folder that builds it, run before a worker starts with it. */
  build?: string;
}

/**
 * The fixtures, in folder order; POLYCONNECT_ISOLATION_LANGUAGES (e.g. "javascript,go") keeps only
 * those languages, for a quicker inner loop (npm test runs them all).
 */
export function isolationFixtures(): IsolationFixture[] {
  const only = process.env['POLYCONNECT_ISOLATION_LANGUAGES']?.split(',').map((language) => language.trim()).filter((language) => language !== '');
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
        stderr: spec.stderr ?? {},
        build: () => {
          if (spec.build !== undefined) execFileSync(join(directory, spec.build), { cwd: directory, stdio: ['ignore', 'ignore', 'inherit'], timeout: 600_000 });
        },
      };
    })
    .filter((fixture) => only === undefined || only.length === 0 || only.includes(fixture.language));
}

/** The fixtures that can commit at least one of `faults`. */
export function fixturesWithAny(faults: readonly Fault[]): IsolationFixture[] {
  return isolationFixtures().filter((fixture) => faults.some((fault) => fixture.faults.has(fault)));
}
