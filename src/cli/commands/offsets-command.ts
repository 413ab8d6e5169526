// offsets get|alter|reset NAME: a connector's committed offsets (KIP-875); alter and reset need
// the connector STOPPED (`polyconnect stop NAME`), the server answers FAILED_PRECONDITION if not.

import { UsageError } from '../cli-args.js';
import { readOffsetsFile } from '../config-files.js';
import { EXIT_OK } from '../exit-codes.js';
import { offsetsView } from '../views.js';
import { print, requiredOption, stringOption, type Command } from './command-context.js';

export const offsets: Command = async (context) => {
  const [action, name] = context.args as [string, string];
  if (action !== 'alter' && stringOption(context, 'file') !== undefined) throw new UsageError(`offsets ${action} does not take --file`);
  switch (action) {
    case 'get': {
      const response = await context.client.call('GetConnectorOffsets', { name });
      print(context, response, () => offsetsView(response.offsets));
      return EXIT_OK;
    }
    case 'alter': {
      const entries = await readOffsetsFile(requiredOption(context, 'file', 'offsets alter'));
      const response = await context.client.call('AlterConnectorOffsets', { name, offsets: entries });
      print(context, response, () => response.message);
      return EXIT_OK;
    }
    case 'reset': {
      const response = await context.client.call('ResetConnectorOffsets', { name });
      print(context, response, () => response.message);
      return EXIT_OK;
    }
    default:
      throw new UsageError(`offsets takes get, alter or reset; got ${action}`);
  }
};
