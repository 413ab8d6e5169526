// The three editions of the conformance connector (test/conformance/README.md): where each plugin
// lives, its class names, and what it needs before a worker can launch it (the Go binary built,
// the Python venv present).

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { FIXTURE_PLUGINS_DIR, REPO_ROOT } from '../../support/standalone-worker.js';

export type LanguageId = 'ts' | 'python' | 'go';

export interface Language {
  readonly id: LanguageId;
  /** As in the class names: TypeScript, Python, Go. */
  readonly name: string;
  readonly pluginDir: string;
  readonly sourceClass: string;
  readonly sinkClass: string;
  readonly sourceTaskClass: string;
  readonly sinkTaskClass: string;
}

function language(id: LanguageId, name: string): Language {
  return {
    id,
    name,
    pluginDir: join(FIXTURE_PLUGINS_DIR, `conformance-${id}`),
    sourceClass: `polyconnect.conformance.${name}SourceConnector`,
    sinkClass: `polyconnect.conformance.${name}SinkConnector`,
    sourceTaskClass: `polyconnect.conformance.${name}SourceTask`,
    sinkTaskClass: `polyconnect.conformance.${name}SinkTask`,
  };
}

export const LANGUAGES: readonly Language[] = [language('ts', 'TypeScript'), language('python', 'Python'), language('go', 'Go')];

/** The language after `id` in LANGUAGES, cyclically: whose sink reads `id`'s records in the cross checks. */
export function nextLanguage(id: LanguageId): Language {
  const index = LANGUAGES.findIndex((l) => l.id === id);
  return LANGUAGES[(index + 1) % LANGUAGES.length]!;
}

/** plugin.path listing the three plugin folders. */
export const CONFORMANCE_PLUGIN_PATH = LANGUAGES.map((l) => l.pluginDir).join(',');

const GO_DIR = join(FIXTURE_PLUGINS_DIR, 'conformance-go');
const GO_SDK_DIR = join(REPO_ROOT, 'plugins/sdk/go');
const GO_BINARY = join(GO_DIR, 'bin/conformance');
const VENV_PYTHON = join(REPO_ROOT, '.cache/python-venv/bin/python');

/** Newest modification time of the Go sources (and go.mod/go.sum) under a folder, bin/ aside. */
function newestGoSource(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'bin' && !entry.name.startsWith('.')) newest = Math.max(newest, newestGoSource(path));
    } else if (/\.go$|^go\.(mod|sum)$/.test(entry.name)) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

/** Builds the Go edition when its binary is missing or older than its or the SDK's sources; checks the venv. */
export async function prepareLanguages(): Promise<void> {
  if (!existsSync(VENV_PYTHON)) {
    throw new Error(`The Python venv ${VENV_PYTHON} is missing: run plugins/sdk/python/setup-venv.sh (it creates .cache/python-venv with the Python SDK)`);
  }
  const sources = Math.max(newestGoSource(GO_DIR), newestGoSource(GO_SDK_DIR));
  if (existsSync(GO_BINARY) && statSync(GO_BINARY).mtimeMs >= sources) return;
  await execa('bash', [join(GO_DIR, 'build.sh')], { timeout: 600_000, stdio: 'inherit' });
}
