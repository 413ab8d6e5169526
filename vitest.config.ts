// Owns how `vitest run` (the `npm test` tier runner) splits the tests into projects:
//   unit         test/unit/** and plugins/**/test/**: fast, no external processes, files in parallel.
//   integration  test/integration/**: real Kafka broker and PostgreSQL.
//   e2e          test/e2e/**: the worker and plugins end to end against the real broker.
//   isolation    test/isolation/**: misbehaving fixture plugins beside a healthy pipeline (docs/isolation.md).
//   conformance  test/conformance/**: one connector written with each SDK, held to one behaviour (its README.md).
// integration, e2e, isolation and conformance list test/support/global-setup.ts, which starts ONE broker for the whole run
// (shared by all of them; see that file) unless KAFKA_BOOTSTRAP_SERVERS is set; a
// `--project unit` run never starts it. Those run one file at a time (2-core machines, one
// broker) with generous timeouts; vitest runs such non-parallel projects after the parallel ones.
import { defineConfig } from 'vitest/config';

/** Settings shared by the tiers that use the real broker. */
function slowTier(name: string, include: string) {
  return {
    test: {
      name,
      include: [include],
      globalSetup: ['./test/support/global-setup.ts'],
      testTimeout: 120_000,
      hookTimeout: 180_000,
      fileParallelism: false,
    },
  };
}

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'plugins/**/test/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**'],
        },
      },
      slowTier('integration', 'test/integration/**/*.test.ts'),
      slowTier('e2e', 'test/e2e/**/*.test.ts'),
      slowTier('isolation', 'test/isolation/**/*.test.ts'),
      slowTier('conformance', 'test/conformance/**/*.test.ts'),
    ],
  },
});
