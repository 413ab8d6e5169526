// Owns the Kafka broker shared by a whole `vitest run` (vitest globalSetup; runs in the main
// process). Listed in the globalSetup of each project that needs Kafka (integration, e2e): vitest
// calls it once per such project that has test files in the run, each time through that project's
// own module runner, so module-level state is NOT shared between projects. The broker is therefore
// kept on globalThis with a reference count: the first project starts it, every project provides
// its address as 'kafkaBootstrapServers' (read it with kafkaBootstrapServers() from kafka.ts), and
// the last teardown stops it. A `--project unit` run never calls this file, so starts no broker.
// If KAFKA_BOOTSTRAP_SERVERS is set, that broker is used and nothing is started or stopped.
import type { TestProject } from 'vitest/node';
import { startKafkaBroker } from './kafka-broker.js';
import type { KafkaBroker } from './kafka-broker.js';

interface SharedBroker {
  broker: Promise<KafkaBroker>;
  users: number;
}

const KEY = Symbol.for('polyconnect.test.sharedKafkaBroker');
type Registry = { [KEY]?: SharedBroker };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env['KAFKA_BOOTSTRAP_SERVERS'];
  if (external) {
    project.provide('kafkaBootstrapServers', external);
    return async () => {};
  }

  const registry = globalThis as Registry;
  const shared = (registry[KEY] ??= { broker: startKafkaBroker(), users: 0 });
  shared.users += 1;
  let broker: KafkaBroker;
  try {
    broker = await shared.broker;
  } catch (err) {
    // Let a later project (or a watch-mode rerun) try again rather than reuse the failure.
    shared.users -= 1;
    if (registry[KEY] === shared) delete registry[KEY];
    throw err;
  }
  project.provide('kafkaBootstrapServers', broker.bootstrapServers);

  let released = false;
  return async () => {
    if (released) return;
    released = true;
    shared.users -= 1;
    if (shared.users > 0) return;
    if (registry[KEY] === shared) delete registry[KEY];
    await broker.stop();
  };
}
