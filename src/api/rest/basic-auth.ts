// REST basic authentication, answering as Kafka's BasicAuthSecurityRestExtension does: every request
// must carry `Authorization: Basic base64(user:password)` naming a user of the users file, or it
// gets 401 with the plain-text body `User cannot access the resource.` (no JSON, and no
// WWW-Authenticate header: Kafka's JaasBasicAuthFilter sends none, and kcctl reads the body as text).
//
// Users come from a Java properties file, `user: password` per line (Kafka's PropertyFileLoginModule),
// named either by the JAAS file Kafka reads through -Djava.security.auth.login.config
// (worker key rest.basic.auth.jaas.config.file; its KafkaConnect entry must hold
// PropertyFileLoginModule with file="...") or directly (rest.basic.auth.users.file). The file is
// read once at startup, as Kafka caches it; a restart picks up changes.
//
// Deliberate differences from Kafka, all toward refusing: an empty users file stops the worker
// from starting (Kafka lets every request in), a JAAS entry with other login modules is refused at
// startup, a malformed header is a 401 (Kafka can answer 500), and every route is covered (Kafka's
// filter exempts its internal worker-to-worker routes, which Polyconnect does not serve, and runs
// after routing, so unknown paths answer 404 there and 401 here).

import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ConfigException } from '../../data/index.js';
import { parseProperties } from '../../config/properties.js';

export const BASIC_AUTH_EXTENSION_CLASS = 'org.apache.kafka.connect.rest.basic.auth.extension.BasicAuthSecurityRestExtension';
export const PROPERTY_FILE_LOGIN_MODULE_CLASS = 'org.apache.kafka.connect.rest.basic.auth.extension.PropertyFileLoginModule';
/** The JAAS entry Kafka's extension logs in with. */
export const JAAS_ENTRY_NAME = 'KafkaConnect';
/** Kafka's 401 body, sent as text/plain. */
export const UNAUTHORIZED_BODY = 'User cannot access the resource.';

export interface BasicCredentials {
  readonly username: string;
  readonly password: string;
}

/**
 * The user and password of an Authorization header, as Kafka's BasicAuthCallBackHandler reads it:
 * the scheme (before the first space) is "basic" in any letter case, the rest is base64 of
 * "user:password" split at the first colon, and the user may not be empty. Undefined otherwise.
 */
export function parseBasicAuthorization(header: string | undefined): BasicCredentials | undefined {
  if (header === undefined) return undefined;
  const space = header.indexOf(' ');
  if (space <= 0 || header.slice(0, space).toLowerCase() !== 'basic') return undefined;
  const encoded = header.slice(space + 1);
  // Java's Base64 decoder is strict (Node's skips bad characters): padding is optional, nothing else goes.
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded) || encoded.length % 4 === 1) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Checks requests against the users of a users file. */
export class BasicAuthenticator {
  readonly source: string;
  readonly #passwordDigests: ReadonlyMap<string, Buffer>;

  constructor(users: Readonly<Record<string, string>>, source: string) {
    if (Object.keys(users).length === 0) {
      throw new ConfigException(`The REST users file ${source} has no users; Kafka would let every request in, Polyconnect refuses to start`);
    }
    this.source = source;
    this.#passwordDigests = new Map(Object.entries(users).map(([user, password]) => [user, digest(password)]));
  }

  /** Users from a properties file (`user: password` per line), read now. */
  static fromUsersFile(path: string): BasicAuthenticator {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new ConfigException(`Error loading Property Credentials file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    let users: Record<string, string>;
    try {
      users = parseProperties(text, path);
    } catch {
      throw new ConfigException(`Error loading Property Credentials file ${path}: not a valid properties file`);
    }
    return new BasicAuthenticator(users, path);
  }

  get userCount(): number {
    return this.#passwordDigests.size;
  }

  /** The user a request authenticates as, or undefined. Passwords are compared in constant time. */
  authenticatedUser(authorization: string | undefined): string | undefined {
    const credentials = parseBasicAuthorization(authorization);
    if (credentials === undefined) return undefined;
    const expected = this.#passwordDigests.get(credentials.username);
    if (expected === undefined) return undefined;
    return timingSafeEqual(expected, digest(credentials.password)) ? credentials.username : undefined;
  }

  authenticate(request: IncomingMessage): boolean {
    return this.authenticatedUser(request.headers.authorization) !== undefined;
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Kafka's answer to a request without valid credentials. */
export function sendUnauthorized(response: ServerResponse): void {
  response.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(UNAUTHORIZED_BODY) });
  response.end(UNAUTHORIZED_BODY);
}

export interface JaasLoginModule {
  readonly className: string;
  readonly flag: string;
  readonly options: Readonly<Record<string, string>>;
}

/**
 * A JAAS login configuration file (the format of -Djava.security.auth.login.config): entries
 * `Name { module.Class flag key="value" ...; ... };`, with //, /* *\/ and # comments and
 * quoted or bare option values. ${system.property} expansion is not supported.
 */
export function parseJaasConfig(text: string, source = 'JAAS config'): Map<string, JaasLoginModule[]> {
  const tokens = tokenizeJaas(text, source);
  let i = 0;
  const fail = (message: string): never => {
    throw new ConfigException(`${source}: ${message}`);
  };
  const next = (): string => tokens[i++] ?? fail('unexpected end of file');
  const expect = (wanted: string): void => {
    const token = next();
    if (token !== wanted) fail(`expected "${wanted}" but found "${token}"`);
  };
  const entries = new Map<string, JaasLoginModule[]>();
  while (i < tokens.length) {
    const name = next();
    expect('{');
    const modules: JaasLoginModule[] = [];
    while (tokens[i] !== '}') {
      const className = next();
      const flag = next().toLowerCase();
      if (!['required', 'requisite', 'sufficient', 'optional'].includes(flag)) fail(`login module ${className} has an invalid flag "${flag}"`);
      const options: Record<string, string> = {};
      while (tokens[i] !== ';') {
        if (tokens[i] === '}' || tokens[i] === '{' || tokens[i] === '=') fail(`expected ";" after the options of ${className} but found "${tokens[i]}"`);
        const key = next();
        expect('=');
        options[key] = unquote(next());
      }
      i++; // ;
      modules.push({ className, flag, options });
    }
    i++; // }
    expect(';');
    entries.set(name, modules);
  }
  return entries;
}

/** The users file a JAAS file's KafkaConnect entry names (PropertyFileLoginModule's file option). */
export function usersFileFromJaasConfig(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigException(`Cannot read the JAAS file ${path} (rest.basic.auth.jaas.config.file): ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const modules = parseJaasConfig(text, path).get(JAAS_ENTRY_NAME);
  if (modules === undefined || modules.length === 0) throw new ConfigException(`${path}: no "${JAAS_ENTRY_NAME}" entry; Kafka's basic-auth extension logs in with that entry`);
  const others = modules.filter((module) => module.className !== PROPERTY_FILE_LOGIN_MODULE_CLASS && !PROPERTY_FILE_LOGIN_MODULE_CLASS.endsWith(`.${module.className}`));
  if (others.length > 0 || modules.length !== 1) {
    throw new ConfigException(`${path}: the ${JAAS_ENTRY_NAME} entry may hold only ${PROPERTY_FILE_LOGIN_MODULE_CLASS} (found ${modules.map((m) => m.className).join(', ')})`);
  }
  const file = modules[0]!.options['file'];
  if (file === undefined || file.trim() === '') throw new ConfigException(`${path}: Property Credentials file must be specified (file="..." in the ${JAAS_ENTRY_NAME} entry)`);
  return file;
}

/**
 * The authenticator the worker config asks for, or undefined when basic authentication is off:
 * on when rest.basic.auth.users.file or rest.basic.auth.jaas.config.file is set; listing Kafka's
 * extension in rest.extension.classes without either is an error, as is any other extension.
 */
export function basicAuthFromWorkerConfig(originals: Readonly<Record<string, string>>): BasicAuthenticator | undefined {
  const extensions = (originals['rest.extension.classes'] ?? '').split(',').map((c) => c.trim()).filter((c) => c !== '');
  const unknown = extensions.filter((c) => c !== BASIC_AUTH_EXTENSION_CLASS && c !== 'BasicAuthSecurityRestExtension');
  if (unknown.length > 0) {
    throw ConfigException.invalidValue('rest.extension.classes', originals['rest.extension.classes'], `Polyconnect cannot load Java REST extensions (${unknown.join(', ')}); the only one built in is ${BASIC_AUTH_EXTENSION_CLASS}`);
  }
  const usersFile = (originals['rest.basic.auth.users.file'] ?? '').trim();
  const jaasFile = (originals['rest.basic.auth.jaas.config.file'] ?? '').trim();
  if (usersFile !== '' && jaasFile !== '') throw new ConfigException('Set rest.basic.auth.users.file or rest.basic.auth.jaas.config.file, not both');
  if (usersFile === '' && jaasFile === '') {
    if (extensions.length > 0) {
      throw new ConfigException(`${BASIC_AUTH_EXTENSION_CLASS} needs its users: set rest.basic.auth.jaas.config.file (the JAAS file Kafka reads through -Djava.security.auth.login.config) or rest.basic.auth.users.file`);
    }
    return undefined;
  }
  return BasicAuthenticator.fromUsersFile(usersFile !== '' ? usersFile : usersFileFromJaasConfig(jaasFile));
}

function tokenizeJaas(text: string, source: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '#' || text.startsWith('//', i)) i = lineEnd(text, i);
    else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) throw new ConfigException(`${source}: unterminated comment`);
      i = end + 2;
    } else if ('{};='.includes(c)) tokens.push(text[i++]!);
    else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) throw new ConfigException(`${source}: unterminated quoted string`);
      tokens.push(text.slice(i, j + 1));
      i = j + 1;
    } else {
      let j = i;
      while (j < text.length && !/[\s{};="]/.test(text[j]!) && !text.startsWith('//', j) && !text.startsWith('/*', j)) j++;
      tokens.push(text.slice(i, j));
      i = j;
    }
  }
  return tokens;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end + 1;
}

function unquote(token: string): string {
  if (!token.startsWith('"')) return token;
  const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r' };
  return token.slice(1, -1).replace(/\\(.)/g, (_, char: string) => escapes[char] ?? char);
}
