// Distributed worker settings of our own making: sink consumers default their session timeout to
// the worker's, so a dead worker's sink partitions move within the same bound as its tasks.

import { describe, expect, it } from 'vitest';
import { compileDistributedConfig, withSinkConsumerSessionTimeout } from '../../../src/config/distributed-config.js';

const REQUIRED = { 'group.id': 'g', 'config.storage.topic': 'c', 'offset.storage.topic': 'o', 'status.storage.topic': 's' };

describe('distributed worker config', () => {
  it('gives sink consumers the worker\'s session.timeout.ms unless consumer.session.timeout.ms is set', () => {
    const distributed = compileDistributedConfig({ ...REQUIRED, 'session.timeout.ms': '12000' });
    expect(withSinkConsumerSessionTimeout(REQUIRED, distributed.sessionTimeoutMs)['consumer.session.timeout.ms']).toBe('12000');
    expect(withSinkConsumerSessionTimeout({ ...REQUIRED, 'consumer.session.timeout.ms': '45000' }, 12_000)['consumer.session.timeout.ms']).toBe('45000');
  });

  it('reassigns a lost worker\'s work at once by default (scheduled.rebalance.max.delay.ms=0)', () => {
    expect(compileDistributedConfig(REQUIRED)).toMatchObject({ sessionTimeoutMs: 10_000, scheduledRebalanceMaxDelayMs: 0 });
  });
});
