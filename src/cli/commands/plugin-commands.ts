// plugins (connector classes; --all adds transforms, predicates and converters) and validate (a
// config file checked without creating anything; exit code 1 when it has errors).

import { UsageError } from '../cli-args.js';
import { readConfigFile } from '../config-files.js';
import { EXIT_OK, EXIT_SERVER_ERROR } from '../exit-codes.js';
import { pluginsView, validationView } from '../views.js';
import { flag, print, requiredOption, stringOption, type Command } from './command-context.js';

export const plugins: Command = async (context) => {
  const response = await context.client.call('ListConnectorPlugins', { connectorsOnly: !flag(context, 'all') });
  print(context, response, () => pluginsView(response.plugins));
  return EXIT_OK;
};

export const validate: Command = async (context) => {
  const path = requiredOption(context, 'file', 'validate');
  const { config } = await readConfigFile(path);
  const plugin = stringOption(context, 'plugin') ?? config['connector.class'];
  if (plugin === undefined || plugin.trim() === '') throw new UsageError(`${path}: no connector.class; give --plugin CLASS`);
  const response = await context.client.call('ValidateConnectorConfig', { plugin: plugin.trim(), config });
  print(context, response, () => validationView(response));
  if (response.errorCount === 0) return EXIT_OK;
  context.err(`The config has errors in ${response.errorCount} key(s)`);
  return EXIT_SERVER_ERROR;
};
