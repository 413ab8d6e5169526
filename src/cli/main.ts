// The `polyconnect` command: parses the subcommand and hands over (standalone worker, or an admin
// subcommand over the gRPC admin API). Only wiring lives here.

import { ConfigException } from '../data/index.js';
import { LoggerLevels } from '../logging.js';
import { ADMIN_COMMANDS, ADMIN_USAGE, runAdminCli } from './admin-cli.js';

// The worker's modules load only when a worker runs, so admin subcommands start fast.
const standalone = (): Promise<typeof import('./standalone.js')> => import('./standalone.js');
const distributed = (): Promise<typeof import('./distributed.js')> => import('./distributed.js');

async function usage(): Promise<string> {
  const { STANDALONE_USAGE, packageVersion } = await standalone();
  return `polyconnect ${packageVersion()}: Kafka Connect with connectors as plugin processes

${STANDALONE_USAGE}
       polyconnect distributed worker.properties
       polyconnect version
       polyconnect <admin command> [options]   (polyconnect <admin command> --help)

${ADMIN_USAGE}`;
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'standalone':
      return (await standalone()).runStandalone(rest, new LoggerLevels());
    case 'distributed':
      return (await distributed()).runDistributed(rest, new LoggerLevels());
    case 'version':
    case '--version':
      process.stdout.write(`${(await standalone()).packageVersion()}\n`);
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${await usage()}\n`);
      return command === undefined ? 2 : 0;
    default:
      // Admin subcommands, also with global options first (polyconnect --server h:p list).
      if (ADMIN_COMMANDS.has(command) || command.startsWith('-')) return runAdminCli(argv);
      process.stderr.write(`Unknown command "${command}"\n${await usage()}\n`);
      return 2;
  }
}

// A rejected promise nobody handled is a bug; it is logged loudly, but one task's bug must not
// take down the worker and every other connector with it.
process.on('unhandledRejection', (reason) => {
  process.stderr.write(`polyconnect: unhandled promise rejection (a bug; please report it): ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}\n`);
});

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof ConfigException || error instanceof Error ? error.message : String(error);
    process.stderr.write(`polyconnect: ${message}\n`);
    process.exit(1);
  },
);
