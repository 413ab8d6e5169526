// Owns the tests' view of the shared Kafka broker: kafkaBootstrapServers() returns the address
// that global-setup.ts provided for this `vitest run` (one broker for every project that uses it,
// or KAFKA_BOOTSTRAP_SERVERS when set). Only usable inside tests of the projects that list
// global-setup.ts in their globalSetup (integration, e2e); anywhere else it throws.
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `host:port[,host:port...]` of the broker shared by this test run. */
    kafkaBootstrapServers: string;
  }
}

/** The shared broker's bootstrap address, e.g. `127.0.0.1:41234`. */
export function kafkaBootstrapServers(): string {
  const servers = inject('kafkaBootstrapServers');
  if (!servers) {
    throw new Error(
      'no Kafka broker was provided: run this test in a vitest project whose globalSetup ' +
        'is test/support/global-setup.ts',
    );
  }
  return servers;
}

/** kafkajs wants a list: the bootstrap address split on commas. */
export function kafkaBrokers(): string[] {
  return kafkaBootstrapServers().split(',');
}
