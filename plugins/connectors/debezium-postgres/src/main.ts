// Entry point of the debezium-postgres plugin process: serves Debezium's PostgreSQL connector.

import { serve } from '@polyconnect/sdk';
import { PostgresConnector } from './postgres-connector.js';
import { PLUGIN_VERSION } from './version.js';

await serve({ name: 'debezium-postgres', version: PLUGIN_VERSION, connectors: [PostgresConnector] });
