// topics NAME: the topics a connector has used since it was created or its topics were last reset
// (KIP-558 active topics). topics reset NAME: forget them (the set fills again as records flow).

import { UsageError } from '../cli-args.js';
import { EXIT_OK } from '../exit-codes.js';
import { topicsView } from '../views.js';
import { print, type Command } from './command-context.js';

export const topics: Command = async (context) => {
  const [first, name] = context.args as [string, string | undefined];
  if (name === undefined) {
    const response = await context.client.call('GetConnectorTopics', { name: first });
    print(context, response, () => topicsView(response.topics));
    return EXIT_OK;
  }
  if (first !== 'reset') throw new UsageError(`topics takes NAME or reset NAME; got ${context.args.join(' ')}`);
  const response = await context.client.call('ResetConnectorTopics', { name });
  print(context, response, () => `Reset the active topics of connector ${name}`);
  return EXIT_OK;
};
