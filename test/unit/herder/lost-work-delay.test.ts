import { describe, expect, it } from 'vitest';
import { LostWorkDelay, type MemberWork } from '../../../src/herder/lost-work-delay.js';

const member = (id: string, tasks: string[] = [], connectors: string[] = []): MemberWork => ({ memberId: `m-${id}-${tasks.length}`, workerId: `${id}:8083`, connectors, tasks });
const ALL = { connectors: ['c'], tasks: ['c-0', 'c-1', 'c-2'] };

/** Round one: a, b and c each run one task; returns the delay with that round remembered. */
function afterFirstRound(delayMs: number): LostWorkDelay {
  const delay = new LostWorkDelay(delayMs);
  const members = [member('a', ['c-0'], ['c']), member('b', ['c-1']), member('w', ['c-2'])];
  const plan = delay.plan({ members, ...ALL, now: 0 });
  expect(plan).toMatchObject({ connectors: ['c'], tasks: ['c-0', 'c-1', 'c-2'], nextRebalanceInMs: undefined });
  delay.assigned(new Map([['a:8083', { connectors: ['c'], tasks: ['c-0'] }], ['b:8083', { connectors: [], tasks: ['c-1'] }], ['w:8083', { connectors: [], tasks: ['c-2'] }]]));
  return delay;
}

describe('LostWorkDelay (scheduled.rebalance.max.delay.ms)', () => {
  it('with no delay, assigns a departed worker\'s work at once', () => {
    const delay = afterFirstRound(0);
    const plan = delay.plan({ members: [member('a', ['c-0'], ['c']), member('b', ['c-1'])], ...ALL, now: 1_000 });
    expect(plan.tasks).toEqual(['c-0', 'c-1', 'c-2']);
    expect(plan.handBack.size).toBe(0);
    expect(plan.nextRebalanceInMs).toBeUndefined();
  });

  it('holds a departed worker\'s work until the delay expires, then assigns it', () => {
    const delay = afterFirstRound(10_000);
    const held = delay.plan({ members: [member('a', ['c-0'], ['c']), member('b', ['c-1'])], ...ALL, now: 1_000 });
    expect(held.tasks).toEqual(['c-0', 'c-1']);
    expect(held.nextRebalanceInMs).toBe(10_000);
    delay.assigned(new Map([['a:8083', { connectors: ['c'], tasks: ['c-0'] }], ['b:8083', { connectors: [], tasks: ['c-1'] }]]));
    const stillHeld = delay.plan({ members: [member('a', ['c-0'], ['c']), member('b', ['c-1'])], ...ALL, now: 6_000 });
    expect(stillHeld.tasks).toEqual(['c-0', 'c-1']);
    expect(stillHeld.nextRebalanceInMs).toBe(5_000);
    delay.assigned(new Map([['a:8083', { connectors: ['c'], tasks: ['c-0'] }], ['b:8083', { connectors: [], tasks: ['c-1'] }]]));
    const expired = delay.plan({ members: [member('a', ['c-0'], ['c']), member('b', ['c-1'])], ...ALL, now: 11_000 });
    expect(expired.tasks).toEqual(['c-0', 'c-1', 'c-2']);
    expect(expired.nextRebalanceInMs).toBeUndefined();
  });

  it('hands the work back to the same worker when it returns within the delay', () => {
    const delay = afterFirstRound(10_000);
    delay.plan({ members: [member('a', ['c-0'], ['c']), member('b', ['c-1'])], ...ALL, now: 1_000 });
    delay.assigned(new Map([['a:8083', { connectors: ['c'], tasks: ['c-0'] }], ['b:8083', { connectors: [], tasks: ['c-1'] }]]));
    const returned = member('w');
    const plan = delay.plan({ members: [member('a', ['c-0'], ['c']), member('b', ['c-1']), returned], ...ALL, now: 4_000 });
    expect(plan.tasks).toEqual(['c-0', 'c-1', 'c-2']);
    expect(plan.handBack.get(returned.memberId)).toEqual({ connectors: [], tasks: ['c-2'] });
    expect(plan.nextRebalanceInMs).toBeUndefined();
  });

  it('keeps an item with the worker it was given to when that worker does not list it yet, whatever the delay', () => {
    const delay = afterFirstRound(0);
    const plan = delay.plan({ members: [member('a', ['c-0'], ['c']), member('b', ['c-1']), member('w')], ...ALL, now: 1_000 });
    expect(plan.handBack.get(member('w').memberId)).toEqual({ connectors: [], tasks: ['c-2'] });
  });

  it('forgets held work whose connector was deleted meanwhile', () => {
    const delay = afterFirstRound(10_000);
    const plan = delay.plan({ members: [member('a'), member('b')], connectors: [], tasks: [], now: 1_000 });
    expect(plan).toMatchObject({ connectors: [], tasks: [], nextRebalanceInMs: undefined });
  });
});
