// The go-plugin compatible launch contract: the environment a host passes to a plugin process
// and the one handshake line the plugin prints on stdout, "CORE|APP|NETWORK|ADDRESS|PROTOCOL".
// See docs/plugin-protocol.md.

/** The magic-cookie variable: plugins refuse to run without it, so users get a clear message. */
export const MAGIC_COOKIE_KEY = 'POLYCONNECT_PLUGIN';
export const MAGIC_COOKIE_VALUE = 'd1f1b7c4e2a94f6e8b3a5c0f7e9d2b41';
/** go-plugin's own protocol version; always 1. */
export const CORE_PROTOCOL_VERSION = 1;
/** Versions of polyconnect.plugin this code speaks, newest last. */
export const SUPPORTED_APP_PROTOCOL_VERSIONS: readonly number[] = [1];
/** The health service name go-plugin hosts check. */
export const HEALTH_SERVICE_NAME = 'plugin';

export interface HandshakeLine {
  coreProtocolVersion: number;
  appProtocolVersion: number;
  network: 'unix' | 'tcp';
  address: string;
  protocol: 'grpc';
}

export class HandshakeError extends Error {
  override name = 'HandshakeError';
}

export function formatHandshakeLine(line: Omit<HandshakeLine, 'coreProtocolVersion' | 'protocol'>): string {
  return `${CORE_PROTOCOL_VERSION}|${line.appProtocolVersion}|${line.network}|${line.address}|grpc`;
}

/** Parses and checks a handshake line, with go-plugin's leniency (trailing optional fields). */
export function parseHandshakeLine(raw: string, acceptedAppVersions: readonly number[] = SUPPORTED_APP_PROTOCOL_VERSIONS): HandshakeLine {
  const text = raw.trim();
  const parts = text.split('|');
  const shown = JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text);
  if (parts.length < 4) {
    throw new HandshakeError(`Unrecognized remote plugin message ${shown}: expected "CORE|APP|NETWORK|ADDRESS|PROTOCOL"`);
  }
  const [core, app, network, address, protocol = 'netrpc'] = parts as [string, string, string, string, string?];
  const coreProtocolVersion = Number(core);
  if (coreProtocolVersion !== CORE_PROTOCOL_VERSION) {
    throw new HandshakeError(`Incompatible core plugin protocol version in ${shown}: got "${core}", this worker speaks ${CORE_PROTOCOL_VERSION}`);
  }
  const appProtocolVersion = Number(app);
  if (!acceptedAppVersions.includes(appProtocolVersion)) {
    throw new HandshakeError(`Incompatible plugin protocol version in ${shown}: got "${app}", this worker speaks ${acceptedAppVersions.join(', ')}`);
  }
  if (network !== 'unix' && network !== 'tcp') throw new HandshakeError(`Unknown network type "${network}" in ${shown}: expected unix or tcp`);
  if (address === '') throw new HandshakeError(`Empty address in ${shown}`);
  if (protocol !== 'grpc') throw new HandshakeError(`Unsupported plugin protocol "${protocol}" in ${shown}: only grpc is supported`);
  return { coreProtocolVersion, appProtocolVersion, network, address, protocol };
}

/** The app protocol version to use given the host's PLUGIN_PROTOCOL_VERSIONS (highest common one). */
export function negotiateAppProtocolVersion(hostVersions: string | undefined, pluginVersions: readonly number[] = SUPPORTED_APP_PROTOCOL_VERSIONS): number | undefined {
  const offered = (hostVersions ?? '').split(',').map((v) => Number(v.trim())).filter(Number.isInteger);
  return [...pluginVersions].reverse().find((version) => offered.includes(version));
}
