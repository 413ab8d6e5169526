// The leader's incremental cooperative assignment: even spread of new work, stickiness for work
// on live workers, a dead worker's work reassigned at once, excess revoked from overloaded
// workers and placed in the next round (never running twice), deleted work revoked.

import { describe, expect, it } from 'vitest';
import { assignWork, decodeWorkAssignment, decodeWorkerMetadata, encodeWorkAssignment, encodeWorkerMetadata, type WorkAssignment } from '../../../src/herder/work-assignor.js';

const worker = (id: string, tasks: string[] = [], connectors: string[] = []) => ({ memberId: `m-${id}`, metadata: { workerId: `${id}:8083`, url: `http://${id}:8083`, adminUrl: `${id}:8084`, connectors, tasks } });
const tasks = (n: number, connector = 'c') => Array.from({ length: n }, (_, i) => `${connector}-${i}`);

function run(members: ReturnType<typeof worker>[], taskIds: string[], connectors: string[] = []): Map<string, WorkAssignment> {
  return assignWork({ members, leaderMemberId: members[0]!.memberId, connectors, tasks: taskIds });
}

/** Applies an assignment the way members do: they now own what they were assigned. */
function next(members: ReturnType<typeof worker>[], result: Map<string, WorkAssignment>): ReturnType<typeof worker>[] {
  return members.map((m) => worker(m.metadata.workerId.split(':')[0]!, result.get(m.memberId)!.tasks, result.get(m.memberId)!.connectors));
}

describe('assignWork', () => {
  it('spreads new work evenly: 6 tasks on 3 workers, 2 each, connectors separately', () => {
    const result = run([worker('a'), worker('b'), worker('c')], tasks(6), ['c', 'd', 'e']);
    expect([...result.values()].map((r) => r.tasks.length)).toEqual([2, 2, 2]);
    expect([...result.values()].map((r) => r.connectors.length)).toEqual([1, 1, 1]);
    expect(new Set([...result.values()].flatMap((r) => r.tasks))).toEqual(new Set(tasks(6)));
    expect(result.get('m-b')).toMatchObject({ leaderId: 'a:8083', leaderUrl: 'http://a:8083', leaderAdminUrl: 'a:8084', revokedTasks: [] });
    expect(result.get('m-b')!.workers.map((w) => w.adminUrl)).toEqual(['a:8084', 'b:8084', 'c:8084']);
  });

  it('keeps work where it runs (sticky) when nothing changes', () => {
    const members = [worker('a', ['c-0', 'c-3']), worker('b', ['c-1', 'c-4']), worker('c', ['c-2', 'c-5'])];
    const result = run(members, tasks(6));
    expect(result.get('m-a')!.tasks).toEqual(['c-0', 'c-3']);
    expect(result.get('m-b')!.tasks).toEqual(['c-1', 'c-4']);
    expect([...result.values()].every((r) => r.revokedTasks.length === 0)).toBe(true);
  });

  it('gives a dead worker’s tasks to the survivors at once, without moving the others', () => {
    const result = run([worker('a', ['c-0', 'c-3']), worker('b', ['c-1', 'c-4'])], tasks(6));
    expect(result.get('m-a')!.tasks).toEqual(expect.arrayContaining(['c-0', 'c-3']));
    expect(result.get('m-b')!.tasks).toEqual(expect.arrayContaining(['c-1', 'c-4']));
    expect([...result.values()].map((r) => r.tasks.length)).toEqual([3, 3]);
  });

  it('balances onto a new worker in two rounds: excess is revoked first, assigned next, never on two workers at once', () => {
    let members = [worker('a', tasks(3)), worker('b', ['c-3', 'c-4', 'c-5']), worker('c')];
    const first = run(members, tasks(6));
    // Nothing is handed to c in the round where it is taken away from a or b.
    expect(first.get('m-c')!.tasks).toEqual([]);
    const revoked = [...first.values()].flatMap((r) => r.revokedTasks);
    expect(revoked).toHaveLength(2);
    members = next(members, first);
    const second = run(members, tasks(6));
    expect([...second.values()].map((r) => r.tasks.length)).toEqual([2, 2, 2]);
    expect(second.get('m-c')!.tasks.sort()).toEqual([...revoked].sort());
  });

  it('lets shares differ by one at most: 6 tasks on 4 workers end 2/2/1/1, moving only one task per new worker', () => {
    const three = [worker('a', ['c-0', 'c-1']), worker('b', ['c-2', 'c-3']), worker('c', ['c-4', 'c-5'])];
    const first = run([...three, worker('d')], tasks(6));
    const revoked = [...first.values()].flatMap((r) => r.revokedTasks);
    expect(revoked).toHaveLength(1);
    expect(first.get('m-d')!.tasks).toEqual([]);
    const second = run(next([...three, worker('d')], first), tasks(6));
    expect([...second.values()].map((r) => r.tasks.length).sort()).toEqual([1, 1, 2, 2]);
    expect(second.get('m-d')!.tasks).toEqual(revoked);
    expect([...second.values()].flatMap((r) => r.revokedTasks)).toEqual([]);
    // Stable afterwards: nothing moves.
    const third = run(next([...three, worker('d')], second), tasks(6));
    expect([...third.values()].flatMap((r) => r.revokedTasks)).toEqual([]);
    expect([...third.values()].map((r) => r.tasks)).toEqual([...second.values()].map((r) => r.tasks));
  });

  it('revokes deleted work and duplicates', () => {
    const result = run([worker('a', ['c-0', 'old-0']), worker('b', ['c-0', 'c-1'])], tasks(2));
    expect(result.get('m-a')).toMatchObject({ tasks: ['c-0'], revokedTasks: ['old-0'] });
    expect(result.get('m-b')).toMatchObject({ tasks: ['c-1'], revokedTasks: ['c-0'] });
  });

  it('round-trips metadata and assignments through their byte form', () => {
    const metadata = { workerId: 'w:1', url: 'http://w:1', adminUrl: 'w:2', connectors: ['x'], tasks: ['x-0'] };
    expect(decodeWorkerMetadata(encodeWorkerMetadata(metadata))).toEqual(metadata);
    const assignment = { connectors: ['x'], tasks: ['x-0'], revokedConnectors: [], revokedTasks: ['y-1'], leaderId: 'w:1', leaderUrl: 'http://w:1', leaderAdminUrl: 'w:2', workers: [{ workerId: 'w:1', url: 'http://w:1', adminUrl: 'w:2' }] };
    expect(decodeWorkAssignment(encodeWorkAssignment(assignment))).toEqual(assignment);
  });
});
