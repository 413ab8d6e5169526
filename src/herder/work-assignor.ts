// The leader's assignment of connectors and tasks to workers, incremental and cooperative as in
// Kafka Connect's protocol (KIP-415): work that stays on a live worker keeps running (sticky, so
// no stop-the-world), new or orphaned work (a dead worker's) goes to the least loaded workers, and
// a worker with more than its share is asked to revoke the excess, which it stops before joining
// again; the next round assigns it elsewhere. So no item ever runs on two workers at once.
// Connectors and tasks are balanced separately, as Kafka does.

/** What a member tells the leader when it joins. */
export interface WorkerMetadata {
  readonly workerId: string;
  /** The worker's REST URL (writes are forwarded to the leader's). */
  readonly url: string;
  /** The worker's gRPC admin address (host:port; '' without one): gRPC writes are forwarded to the leader's. */
  readonly adminUrl: string;
  /** What it runs now: connector names and task ids ("<connector>-<n>"). */
  readonly connectors: readonly string[];
  readonly tasks: readonly string[];
}

/** What the leader tells each member. */
export interface WorkAssignment {
  /** Everything the member should run after this round (kept and new). */
  readonly connectors: string[];
  readonly tasks: string[];
  /** What it must stop now (then it joins again). */
  readonly revokedConnectors: string[];
  readonly revokedTasks: string[];
  readonly leaderId: string;
  readonly leaderUrl: string;
  readonly leaderAdminUrl: string;
  /** Every member's addresses, so any worker can forward a request to the one running a task. */
  readonly workers: WorkerAddress[];
}

export interface WorkerAddress {
  readonly workerId: string;
  readonly url: string;
  readonly adminUrl: string;
}

export interface AssignmentInput {
  readonly members: ReadonlyArray<{ readonly memberId: string; readonly metadata: WorkerMetadata }>;
  readonly leaderMemberId: string;
  /** All connectors and task ids that should run, from the config topic. */
  readonly connectors: readonly string[];
  readonly tasks: readonly string[];
}

export function assignWork(input: AssignmentInput): Map<string, WorkAssignment> {
  const members = [...input.members].sort((a, b) => compare(a.memberId, b.memberId));
  const connectors = balance(members.map((m) => ({ memberId: m.memberId, owned: m.metadata.connectors })), input.connectors);
  const tasks = balance(members.map((m) => ({ memberId: m.memberId, owned: m.metadata.tasks })), input.tasks);
  const leader = members.find((m) => m.memberId === input.leaderMemberId);
  const result = new Map<string, WorkAssignment>();
  const workers = members.map(({ metadata: { workerId, url, adminUrl } }) => ({ workerId, url, adminUrl }));
  for (const member of members) {
    const c = connectors.get(member.memberId)!;
    const t = tasks.get(member.memberId)!;
    result.set(member.memberId, {
      connectors: c.assigned,
      tasks: t.assigned,
      revokedConnectors: c.revoked,
      revokedTasks: t.revoked,
      leaderId: leader?.metadata.workerId ?? '',
      leaderUrl: leader?.metadata.url ?? '',
      leaderAdminUrl: leader?.metadata.adminUrl ?? '',
      workers,
    });
  }
  return result;
}

interface Allocation {
  assigned: string[];
  revoked: string[];
}

function balance(members: ReadonlyArray<{ memberId: string; owned: readonly string[] }>, items: readonly string[]): Map<string, Allocation> {
  const wanted = new Set(items);
  const allocation = new Map<string, Allocation>(members.map((m) => [m.memberId, { assigned: [], revoked: [] }]));
  const owner = new Map<string, string>();
  // 1. Keep what each member owns, once; revoke what should not run and duplicates.
  for (const member of members) {
    const mine = allocation.get(member.memberId)!;
    for (const item of [...member.owned].sort(compare)) {
      if (!wanted.has(item) || owner.has(item)) mine.revoked.push(item);
      else {
        owner.set(item, member.memberId);
        mine.assigned.push(item);
      }
    }
  }
  if (members.length === 0) return allocation;
  // 2. Members above their share give back the excess (it moves next round). Shares differ by at
  //    most one: the most loaded members keep `ceiling` (as many as the remainder allows), the
  //    others `floor`, so 6 tasks on 4 workers end 2/2/1/1, not 2/2/2/0.
  const ceiling = Math.ceil(items.length / members.length);
  const floor = Math.floor(items.length / members.length);
  const load = (memberId: string): number => allocation.get(memberId)!.assigned.length;
  const below = members.filter((m) => load(m.memberId) < floor).length;
  const unowned = items.filter((item) => !owner.has(item));
  const canHoldCeiling = items.length % members.length;
  const overFloor = members.filter((m) => load(m.memberId) > floor).length;
  if (below > 0 || unowned.length > 0 || overFloor > canHoldCeiling) {
    const byLoad = [...members].sort((a, b) => load(b.memberId) - load(a.memberId) || compare(a.memberId, b.memberId));
    byLoad.forEach((member, index) => {
      const share = index < canHoldCeiling ? ceiling : floor;
      const mine = allocation.get(member.memberId)!;
      while (mine.assigned.length > share) {
        const item = mine.assigned.pop()!;
        owner.delete(item);
        mine.revoked.push(item);
      }
    });
  }
  // 3. Items nobody owns (new, or a dead member's) go to the least loaded members now; items
  //    revoked this round are left for the next one so they never run twice at once.
  const revokedNow = new Set(members.flatMap((m) => allocation.get(m.memberId)!.revoked));
  for (const item of [...unowned].sort(compare)) {
    if (revokedNow.has(item)) continue;
    const target = [...members].sort((a, b) => allocation.get(a.memberId)!.assigned.length - allocation.get(b.memberId)!.assigned.length || compare(a.memberId, b.memberId))[0]!;
    allocation.get(target.memberId)!.assigned.push(item);
    owner.set(item, target.memberId);
  }
  for (const mine of allocation.values()) mine.assigned.sort(compare);
  return allocation;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function encodeWorkerMetadata(metadata: WorkerMetadata): Buffer {
  return Buffer.from(JSON.stringify({ version: 1, ...metadata }), 'utf8');
}

export function decodeWorkerMetadata(bytes: Buffer): WorkerMetadata {
  const parsed = JSON.parse(bytes.toString('utf8')) as Partial<WorkerMetadata> & { version?: number };
  return { workerId: String(parsed.workerId ?? ''), url: String(parsed.url ?? ''), adminUrl: String(parsed.adminUrl ?? ''), connectors: parsed.connectors ?? [], tasks: parsed.tasks ?? [] };
}

export function encodeWorkAssignment(assignment: WorkAssignment): Buffer {
  return Buffer.from(JSON.stringify({ version: 1, ...assignment }), 'utf8');
}

/** The assignment of a member the leader gave nothing (an empty assignment payload). */
export function emptyAssignment(): WorkAssignment {
  return { connectors: [], tasks: [], revokedConnectors: [], revokedTasks: [], leaderId: '', leaderUrl: '', leaderAdminUrl: '', workers: [] };
}

export function decodeWorkAssignment(bytes: Buffer): WorkAssignment {
  const parsed = JSON.parse(bytes.toString('utf8')) as Partial<WorkAssignment>;
  return {
    connectors: parsed.connectors ?? [],
    tasks: parsed.tasks ?? [],
    revokedConnectors: parsed.revokedConnectors ?? [],
    revokedTasks: parsed.revokedTasks ?? [],
    leaderId: parsed.leaderId ?? '',
    leaderUrl: parsed.leaderUrl ?? '',
    leaderAdminUrl: parsed.leaderAdminUrl ?? '',
    workers: parsed.workers ?? [],
  };
}
