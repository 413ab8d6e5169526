// Membership of a group of workers through Kafka's group coordinator, as Kafka Connect's
// distributed workers use it: JoinGroup with protocol type "connect", the leader computes every
// member's assignment from all members' metadata, SyncGroup hands each member its own bytes, and
// heartbeats keep the membership alive until a rebalance asks everyone to join again.
//
// kafkajs's consumer cannot do this (a member never sees its own assignment bytes), but its
// cluster object speaks JoinGroup, SyncGroup, Heartbeat and LeaveGroup with any protocol type and
// raw bytes; this module reaches that object and keeps the details here, behind src/kafka/.

import type { Logger } from 'pino';
import type { KafkaConnection } from './kafka-client.js';
import { clusterOf, type KafkajsCluster as Cluster, type KafkajsCoordinator as Coordinator } from './kafkajs-internals.js';
import { REBALANCE_ERROR_TYPES } from './group-errors.js';

export interface GroupMember {
  readonly memberId: string;
  /** The bytes the member sent with JoinGroup (its protocol metadata). */
  readonly metadata: Buffer;
}

export interface GroupAssignment {
  readonly generation: number;
  readonly memberId: string;
  readonly leaderId: string;
  readonly isLeader: boolean;
  /** This member's assignment bytes, as the leader wrote them. */
  readonly data: Buffer;
}

export interface WorkerGroupOptions {
  readonly groupId: string;
  readonly sessionTimeoutMs: number;
  readonly rebalanceTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
  /** The sub-protocol name members agree on. */
  readonly protocolName: string;
  /** This member's metadata for the next JoinGroup (e.g. its URL and what it runs now). */
  metadata(): Buffer;
  /** Leader only: every member's assignment bytes, by member id. */
  assign(members: readonly GroupMember[], generation: number): Map<string, Buffer> | Promise<Map<string, Buffer>>;
  /** Called with each new assignment, one at a time in order only if the caller serializes; heartbeats go on meanwhile. */
  onAssignment(assignment: GroupAssignment): void | Promise<void>;
  readonly logger: Logger;
}

/** Errors after which the coordinator must be looked up again (rebalance errors: group-errors.ts). */
const COORDINATOR_ERRORS = new Set(['NOT_COORDINATOR_FOR_GROUP', 'NOT_COORDINATOR', 'GROUP_COORDINATOR_NOT_AVAILABLE', 'COORDINATOR_NOT_AVAILABLE', 'COORDINATOR_LOAD_IN_PROGRESS']);
const RETRY_BACKOFF_MS = 500;

export class WorkerGroupMembership {
  readonly #options: WorkerGroupOptions;
  readonly #cluster: Cluster;
  readonly #log: Logger;
  #coordinator: Coordinator | undefined;
  #memberId = '';
  #generation = -1;
  #running = false;
  #rejoinRequested = false;
  #loop: Promise<void> | undefined;
  #wake: (() => void) | undefined;

  constructor(connection: KafkaConnection, options: WorkerGroupOptions) {
    this.#options = options;
    this.#cluster = clusterOf(connection);
    this.#log = options.logger.child({ component: 'group-membership', group: options.groupId });
  }

  get memberId(): string {
    return this.#memberId;
  }

  get generation(): number {
    return this.#generation;
  }

  /** Starts taking part in the group; resolves once the first assignment has been handled. */
  async start(): Promise<void> {
    await this.#cluster.connect();
    this.#running = true;
    let firstAssignment: () => void = () => undefined;
    const assigned = new Promise<void>((resolve) => (firstAssignment = resolve));
    this.#loop = this.#run(firstAssignment);
    await assigned;
  }

  /** Asks for a rebalance (e.g. the leader saw the configs change); this member joins again. */
  requestRejoin(): void {
    this.#rejoinRequested = true;
    this.#wake?.();
  }

  /** Leaves the group, so the others rebalance at once rather than after the session timeout. */
  async stop(): Promise<void> {
    this.#running = false;
    this.#wake?.();
    await this.#loop?.catch(() => undefined);
    if (this.#coordinator !== undefined && this.#memberId !== '') {
      await this.#coordinator.leaveGroup({ groupId: this.#options.groupId, memberId: this.#memberId }).catch((error: Error) => this.#log.warn({ err: error }, 'LeaveGroup failed'));
    }
    await this.#cluster.disconnect();
  }

  async #run(firstAssignment: () => void): Promise<void> {
    while (this.#running) {
      try {
        this.#coordinator ??= await this.#cluster.findGroupCoordinator({ groupId: this.#options.groupId });
        const assignment = await this.#joinAndSync(this.#coordinator);
        this.#rejoinRequested = false;
        // Handled while heartbeats go on: starting and stopping work may take longer than a session.
        void Promise.resolve()
          .then(() => this.#options.onAssignment(assignment))
          .catch((error: unknown) => this.#log.error({ err: error, generation: assignment.generation }, 'Handling the assignment failed'))
          .finally(firstAssignment);
        await this.#heartbeatUntilRebalance(this.#coordinator);
      } catch (error) {
        if (!this.#running) return;
        const type = (error as { type?: string }).type ?? '';
        if (type === 'UNKNOWN_MEMBER_ID' || type === 'FENCED_INSTANCE_ID') this.#memberId = '';
        if (COORDINATOR_ERRORS.has(type) || !REBALANCE_ERROR_TYPES.has(type)) this.#coordinator = undefined;
        if (!REBALANCE_ERROR_TYPES.has(type)) this.#log.warn({ err: error }, 'Group membership failed; joining again');
        await this.#sleep(RETRY_BACKOFF_MS);
      }
    }
  }

  async #joinAndSync(coordinator: Coordinator): Promise<GroupAssignment> {
    const { groupId, sessionTimeoutMs, rebalanceTimeoutMs, protocolName } = this.#options;
    const joined = await coordinator.joinGroup({
      groupId,
      sessionTimeout: sessionTimeoutMs,
      rebalanceTimeout: rebalanceTimeoutMs,
      memberId: this.#memberId,
      protocolType: 'connect',
      groupProtocols: [{ name: protocolName, metadata: this.#options.metadata() }],
    });
    this.#memberId = joined.memberId;
    this.#generation = joined.generationId;
    const isLeader = joined.leaderId === joined.memberId;
    let groupAssignment: Array<{ memberId: string; memberAssignment: Buffer }> = [];
    if (isLeader) {
      const members = joined.members.map((m) => ({ memberId: m.memberId, metadata: m.memberMetadata }));
      const assignments = await this.#options.assign(members, joined.generationId);
      groupAssignment = members.map((m) => ({ memberId: m.memberId, memberAssignment: assignments.get(m.memberId) ?? Buffer.alloc(0) }));
    }
    const synced = await coordinator.syncGroup({ groupId, generationId: joined.generationId, memberId: joined.memberId, groupAssignment });
    this.#log.info({ generation: joined.generationId, memberId: joined.memberId, leader: joined.leaderId, members: joined.members.length || undefined }, 'Joined the worker group');
    return { generation: joined.generationId, memberId: joined.memberId, leaderId: joined.leaderId, isLeader, data: synced.memberAssignment ?? Buffer.alloc(0) };
  }

  /** Heartbeats until the coordinator asks for a rebalance, a rejoin is requested, or the member stops. */
  async #heartbeatUntilRebalance(coordinator: Coordinator): Promise<void> {
    while (this.#running && !this.#rejoinRequested) {
      await this.#sleep(this.#options.heartbeatIntervalMs);
      if (!this.#running || this.#rejoinRequested) return;
      await coordinator.heartbeat({ groupId: this.#options.groupId, groupGenerationId: this.#generation, memberId: this.#memberId });
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.#wake = done;
    });
  }
}
