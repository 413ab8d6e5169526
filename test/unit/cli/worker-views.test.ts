// The CLI's readable output for the worker's own answers: server info and health as aligned
// fields, logger levels as a table with the last change time or "-".

import { describe, expect, it } from 'vitest';
import { timestampOf } from '../../../src/api/grpc/proto-json.js';
import { healthText, healthView, loggersView, serverInfoView } from '../../../src/cli/worker-views.js';

describe('worker views', () => {
  it('shows server info as fields', () => {
    expect(serverInfoView({ version: '4.1.2', commit: 'abc', kafkaClusterId: 'k-1' })).toBe('Version:           4.1.2\nCommit:            abc\nKafka cluster id:  k-1');
  });

  it('shows health, UNKNOWN when the status is unspecified', () => {
    expect(healthView({ status: 'WORKER_HEALTH_STATUS_STARTING', message: 'Worker is still starting up.' })).toBe('Status:   STARTING\nMessage:  Worker is still starting up.');
    expect(healthText({ status: 'WORKER_HEALTH_STATUS_UNSPECIFIED', message: '' })).toBe('UNKNOWN');
  });

  it('lists loggers in the server’s order with their level and last change', () => {
    const view = loggersView([
      { logger: 'root', level: 'LOG_LEVEL_INFO', lastModified: null },
      { logger: 'org.apache.kafka.connect', level: 'LOG_LEVEL_DEBUG', lastModified: timestampOf(Date.UTC(2024, 4, 6, 7, 8, 9, 10)) },
    ]);
    expect(view).toBe(['LOGGER                    LEVEL  LAST MODIFIED', 'root                      INFO   -', 'org.apache.kafka.connect  DEBUG  2024-05-06T07:08:09.010Z'].join('\n'));
    expect(loggersView([])).toBe('No loggers.');
  });
});
