// Entry point of the file plugin process: serves the FileStream source and sink connectors.

import { serve } from '@polyconnect/sdk';
import { FileStreamSinkConnector } from './file-stream-sink-connector.js';
import { FileStreamSourceConnector } from './file-stream-source-connector.js';
import { PLUGIN_VERSION } from './version.js';

await serve({ name: 'file', version: PLUGIN_VERSION, connectors: [FileStreamSourceConnector, FileStreamSinkConnector] });
