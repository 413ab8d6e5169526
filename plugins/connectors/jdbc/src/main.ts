// Entry point of the jdbc plugin process: serves Confluent's JDBC source and sink connectors.

import { serve } from '@polyconnect/sdk';
import { JdbcSinkConnector } from './sink/jdbc-sink-connector.js';
import { JdbcSourceConnector } from './source/jdbc-source-connector.js';
import { PLUGIN_VERSION } from './version.js';

await serve({ name: 'jdbc', version: PLUGIN_VERSION, connectors: [JdbcSourceConnector, JdbcSinkConnector] });
