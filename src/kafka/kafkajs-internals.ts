// The parts of kafkajs 2.2 that its public API hides and the worker needs: the cluster object
// (group coordinator lookup, the group membership requests), a broker's raw request sender, and
// the protocol Encoder/Decoder and error table, for Kafka requests kafkajs does not implement.
// Everything here depends on kafkajs's private layout; keep it in this one file.

import { createRequire } from 'node:module';
import type { KafkaConnection } from './kafka-client.js';

/** A kafkajs protocol encoder (kafkajs/src/protocol/encoder.js), the methods used here. */
export interface KafkajsEncoder {
  writeInt16(value: number): KafkajsEncoder;
  writeInt32(value: number): KafkajsEncoder;
  writeString(value: string): KafkajsEncoder;
  writeArray(items: readonly KafkajsEncoder[]): KafkajsEncoder;
  writeArray(items: readonly number[], type: 'int32'): KafkajsEncoder;
  readonly buffer: Buffer;
}

/** A kafkajs protocol decoder (kafkajs/src/protocol/decoder.js), the methods used here. */
export interface KafkajsDecoder {
  readInt16(): number;
  readInt32(): number;
  readString(): string;
  readArray<T>(reader: (decoder: KafkajsDecoder) => T): T[];
}

/** A request as kafkajs's connection sends it: apiKey/apiVersion, body encoder, response decoder. */
export interface ProtocolRequest<T> {
  readonly request: { readonly apiKey: number; readonly apiVersion: number; readonly apiName: string; encode(): Promise<KafkajsEncoder> };
  readonly response: { decode(payload: Buffer): Promise<T>; parse(data: T): Promise<T> };
}

/** The broker object the cluster hands out (kafkajs/src/broker). */
export interface KafkajsBroker {
  /** ApiVersions the broker announced, by api key. */
  readonly versions: Record<number, { minVersion: number; maxVersion: number }> | undefined;
}

export interface KafkajsCoordinator extends KafkajsBroker {
  joinGroup(request: object): Promise<{ generationId: number; leaderId: string; memberId: string; groupProtocol: string; members: Array<{ memberId: string; memberMetadata: Buffer }> }>;
  syncGroup(request: object): Promise<{ memberAssignment: Buffer }>;
  heartbeat(request: object): Promise<unknown>;
  leaveGroup(request: object): Promise<unknown>;
}

export interface KafkajsCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  findGroupCoordinator(request: { groupId: string }): Promise<KafkajsCoordinator>;
}

const require = createRequire(import.meta.url);
const EncoderClass = require('kafkajs/src/protocol/encoder.js') as new () => KafkajsEncoder;
const DecoderClass = require('kafkajs/src/protocol/decoder.js') as new (buffer: Buffer) => KafkajsDecoder;
const protocolErrors = require('kafkajs/src/protocol/error.js') as { createErrorFromCode(code: number): Error & { type: string; code: number; retriable: boolean } };

export function newEncoder(): KafkajsEncoder {
  return new EncoderClass();
}

export function newDecoder(buffer: Buffer): KafkajsDecoder {
  return new DecoderClass(buffer);
}

/** kafkajs's KafkaJSProtocolError for a Kafka error code: `type` is Kafka's name (GROUP_ID_NOT_FOUND …). */
export function protocolError(code: number): Error & { type: string; code: number; retriable: boolean } {
  return protocolErrors.createErrorFromCode(code);
}

/** kafkajs keeps its cluster factory behind a private symbol; a new, unconnected cluster object. */
export function clusterOf(connection: KafkaConnection): KafkajsCluster {
  const symbol = Object.getOwnPropertySymbols(connection).find((s) => s.description === 'private:Kafka:createCluster');
  const create = symbol === undefined ? undefined : (connection as unknown as Record<symbol, unknown>)[symbol];
  if (typeof create !== 'function') throw new Error('This kafkajs version does not expose its cluster; polyconnect needs kafkajs 2.2');
  return (create as (options: object) => KafkajsCluster)({ allowAutoTopicCreation: false });
}

/** Sends a request kafkajs has no method for through the broker's own (private) request path. */
export async function sendRaw<T>(broker: KafkajsBroker, protocolRequest: ProtocolRequest<T>): Promise<T> {
  const symbol = Object.getOwnPropertySymbols(Object.getPrototypeOf(broker) as object).find((s) => s.description === 'private:Broker:sendRequest');
  const send = symbol === undefined ? undefined : (broker as unknown as Record<symbol, unknown>)[symbol];
  if (typeof send !== 'function') throw new Error('This kafkajs version does not expose its broker request sender; polyconnect needs kafkajs 2.2');
  return (send as (request: ProtocolRequest<T>) => Promise<T>).call(broker, protocolRequest);
}
