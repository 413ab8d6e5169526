// Worker group membership through Kafka's group coordinator (protocol type "connect"): members
// agree on one leader, the leader's per-member bytes reach each member, a member that joins or
// leaves starts a new generation, and a member that stops heartbeating is dropped after its
// session timeout. Real broker, real group protocol.

import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { execa } from 'execa';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createKafkaConnection } from '../../src/kafka/kafka-client.js';
import { WorkerGroupMembership, type GroupAssignment } from '../../src/kafka/worker-group-membership.js';
import { kafkaBrokers } from '../support/kafka.js';
import { REPO_ROOT } from '../support/standalone-worker.js';

const logger = pino({ level: 'silent' });

interface TestMember {
  readonly name: string;
  readonly membership: WorkerGroupMembership;
  readonly assignments: GroupAssignment[];
}

function member(groupId: string, name: string, sessionTimeoutMs = 6_000): TestMember {
  const assignments: GroupAssignment[] = [];
  const membership = new WorkerGroupMembership(createKafkaConnection({ bootstrapServers: kafkaBrokers(), clientId: name, logger }), {
    groupId,
    sessionTimeoutMs,
    rebalanceTimeoutMs: 10_000,
    heartbeatIntervalMs: 500,
    protocolName: 'polyconnect-test',
    metadata: () => Buffer.from(JSON.stringify({ name })),
    // The leader hands each member the sorted list of all member names and its own index.
    assign: (members) => {
      const names = members.map((m) => (JSON.parse(m.metadata.toString()) as { name: string }).name).sort();
      return new Map(members.map((m) => [m.memberId, Buffer.from(JSON.stringify({ names, you: (JSON.parse(m.metadata.toString()) as { name: string }).name }))]));
    },
    onAssignment: (assignment) => void assignments.push(assignment),
    logger,
  });
  return { name, membership, assignments };
}

const latest = (m: TestMember): { names: string[]; you: string } => JSON.parse(m.assignments.at(-1)!.data.toString()) as { names: string[]; you: string };

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('WorkerGroupMembership', () => {
  const started: TestMember[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((m) => m.membership.stop().catch(() => undefined)));
  });

  it('elects one leader and delivers each member its own assignment bytes; a leaving member starts a new generation', async () => {
    const groupId = `members-${Date.now()}`;
    const members = ['a', 'b', 'c'].map((name) => member(groupId, name));
    started.push(...members);
    await Promise.all(members.map((m) => m.membership.start()));
    await until(() => members.every((m) => latest(m).names.length === 3), 20_000, 'all three in one generation');
    expect(members.map((m) => latest(m).you)).toEqual(['a', 'b', 'c']);
    const generations = new Set(members.map((m) => m.assignments.at(-1)!.generation));
    expect(generations.size).toBe(1);
    expect(members.filter((m) => m.assignments.at(-1)!.isLeader)).toHaveLength(1);

    const leaving = members[2]!;
    await leaving.membership.stop();
    started.pop();
    const before = members[0]!.assignments.at(-1)!.generation;
    await until(() => latest(members[0]!).names.length === 2 && latest(members[1]!).names.length === 2, 10_000, 'a generation without c');
    expect(members[0]!.assignments.at(-1)!.generation).toBeGreaterThan(before);
    expect(latest(members[0]!).names).toEqual(['a', 'b']);
  });

  it('drops a member whose process is killed (no LeaveGroup) after its session timeout', async () => {
    const groupId = `members-crash-${Date.now()}`;
    const a = member(groupId, 'a');
    started.push(a);
    const child = execa(process.execPath, [join(REPO_ROOT, 'test/fixtures/group-member/member.js'), kafkaBrokers().join(','), groupId, 'b'], { buffer: false, reject: false });
    const childLines: string[] = [];
    createInterface({ input: child.stdout! }).on('line', (line) => childLines.push(line));
    await a.membership.start();
    await until(() => a.assignments.length > 0 && latest(a).names.length === 2, 30_000, 'both members');
    expect(childLines.length).toBeGreaterThan(0);
    child.kill('SIGKILL');
    await child;
    const killedAt = Date.now();
    await until(() => latest(a).names.length === 1, 30_000, 'a alone');
    // The coordinator notices after the 6 s session timeout; a then joins the next generation.
    expect(Date.now() - killedAt).toBeLessThan(6_000 + 4_000);
  });
});
