// The leader's memory for scheduled.rebalance.max.delay.ms (KIP-415): work that ran on a worker
// which left the group ("lost" work) is held unassigned for up to the delay, so that a worker
// bounced by a rolling restart or a short outage gets its own work back instead of seeing it moved
// away and back again. When the same worker (same worker id) joins again within the delay, its lost
// work is handed back to it at once; when the delay expires, what is still lost is assigned to
// the least loaded workers like new work. A delay of 0 (Polyconnect's default) reassigns lost work
// at once.
//
// Whatever the delay, an item given to a worker that is still in the group but does not list it
// yet (it joined again before it got to start it) stays with that worker, so that no item is
// started on two workers.
//
// The memory is the leader's own: a new leader knows nothing of earlier rounds and assigns every
// unowned item at once, as a worker that has just become leader cannot tell lost work from new.

export interface MemberWork {
  readonly memberId: string;
  readonly workerId: string;
  /** What the member runs now (from its join metadata). */
  readonly connectors: readonly string[];
  readonly tasks: readonly string[];
}

export interface DelayedAssignmentInput {
  readonly members: readonly MemberWork[];
  /** Every connector and task that should run now (from the config topic). */
  readonly connectors: readonly string[];
  readonly tasks: readonly string[];
  readonly now: number;
}

export interface DelayedAssignmentPlan {
  /** What to assign this round: held items left out. */
  readonly connectors: string[];
  readonly tasks: string[];
  /** Items to treat as already owned by a member (lost work handed back to the worker it ran on), by member id. */
  readonly handBack: Map<string, { connectors: string[]; tasks: string[] }>;
  /** Milliseconds until the earliest held item's delay expires (the leader asks for a rebalance then); undefined when nothing is held. */
  readonly nextRebalanceInMs: number | undefined;
}

interface LostItem {
  readonly workerId: string;
  readonly lostAt: number;
}

export class LostWorkDelay {
  readonly #delayMs: number;
  /** Item ("c:<name>" or "t:<task key>") -> the worker it was last assigned to. */
  #lastOwners = new Map<string, string>();
  readonly #lost = new Map<string, LostItem>();

  constructor(delayMs: number) {
    this.#delayMs = delayMs;
  }

  /** Decides what to hold back and what to hand back, before the round's assignment is computed. */
  plan(input: DelayedAssignmentInput): DelayedAssignmentPlan {
    const all = [...input.connectors.map((c) => `c:${c}`), ...input.tasks.map((t) => `t:${t}`)];
    const wanted = new Set(all);
    const owned = new Set(input.members.flatMap((m) => [...m.connectors.map((c) => `c:${c}`), ...m.tasks.map((t) => `t:${t}`)]));
    const memberOfWorker = new Map(input.members.map((m) => [m.workerId, m.memberId]));
    for (const item of [...this.#lost.keys()]) if (!wanted.has(item) || owned.has(item)) this.#lost.delete(item);
    for (const [item, workerId] of this.#lastOwners) {
      if (wanted.has(item) && !owned.has(item) && !this.#lost.has(item)) this.#lost.set(item, { workerId, lostAt: input.now });
    }
    const handBack = new Map<string, { connectors: string[]; tasks: string[] }>();
    const held = new Set<string>();
    let nextRebalanceInMs: number | undefined;
    for (const [item, lost] of this.#lost) {
      const returned = memberOfWorker.get(lost.workerId);
      const remaining = lost.lostAt + this.#delayMs - input.now;
      if (returned !== undefined) {
        const entry = handBack.get(returned) ?? { connectors: [], tasks: [] };
        (item.startsWith('c:') ? entry.connectors : entry.tasks).push(item.slice(2));
        handBack.set(returned, entry);
        this.#lost.delete(item);
      } else if (remaining > 0) {
        held.add(item);
        nextRebalanceInMs = Math.min(nextRebalanceInMs ?? remaining, remaining);
      } else {
        this.#lost.delete(item);
      }
    }
    return {
      connectors: input.connectors.filter((c) => !held.has(`c:${c}`)),
      tasks: input.tasks.filter((t) => !held.has(`t:${t}`)),
      handBack,
      nextRebalanceInMs,
    };
  }

  /** Remembers who was given what this round (to tell lost work from new work next round). */
  assigned(owners: ReadonlyMap<string, { connectors: readonly string[]; tasks: readonly string[] }>): void {
    const next = new Map<string, string>();
    for (const [workerId, work] of owners) {
      for (const c of work.connectors) next.set(`c:${c}`, workerId);
      for (const t of work.tasks) next.set(`t:${t}`, workerId);
    }
    // Held items keep their last owner, so they stay lost (not new) until handed back or expired.
    for (const [item, lost] of this.#lost) if (!next.has(item)) next.set(item, lost.workerId);
    this.#lastOwners = next;
  }
}
