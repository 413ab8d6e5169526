// Owns throwaway PostgreSQL clusters for tests. startPostgres() either adopts a server named by the
// libpq environment (PGHOST or PGPORT set; stop() then does nothing) or creates a cluster of its
// own: initdb into a fresh temp dir, wal_level=logical (for logical-decoding sources), listening on
// 127.0.0.1 at a free port with its unix socket inside the temp dir, trust auth for user
// "postgres". stop() shuts it down (fast mode) and deletes the temp dir; it is idempotent, and a
// process 'exit' hook stops a cluster that a crashed test run forgot.
// Running as root, initdb and the server run as the "postgres" OS user (initdb refuses root).
// Binaries: PG_BIN_DIR if set, else the newest /usr/lib/postgresql/<n>/bin (Debian's layout).
import { execFile, execFileSync } from 'node:child_process';
import { appendFile, chown, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A running PostgreSQL server, ready for connections. */
export interface PostgresServer {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly database: string;
  /** `postgresql://user[:password]@host:port/database`. */
  readonly connectionString: string;
  /** The cluster's temp dir (removed by stop()); undefined for a server taken from PG* env vars. */
  readonly dataDir: string | undefined;
  /** Stops the cluster and deletes its files. No-op for a server taken from PG* env vars. */
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
const DATABASE = 'postgres';

/** Starts (or adopts, see the module comment) a PostgreSQL server. */
export async function startPostgres(): Promise<PostgresServer> {
  const env = process.env;
  if (env['PGHOST'] !== undefined || env['PGPORT'] !== undefined) {
    return fromEnvironment(env);
  }
  const bin = await findBinDir();
  const asRoot = process.getuid?.() === 0;
  const dir = await mkdtemp(join(tmpdir(), 'polyconnect-pg-'));
  const pgData = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');
  // As root, everything runs as "postgres", which must own the dir; cwd=dir keeps it out of
  // directories it cannot enter.
  const pgRun = async (cmd: string, args: string[]): Promise<void> => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', SUPERUSER, '--', join(bin, cmd), ...args]]
      : [join(bin, cmd), args];
    try {
      await run(file, argv, { cwd: dir, timeout: 120_000 });
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string };
      const log = existsSync(logFile) ? await readTail(logFile) : '';
      throw new Error(`${cmd} ${args[0] ?? ''} failed:\n${e.stderr ?? ''}${e.stdout ?? ''}${log}`, {
        cause: err,
      });
    }
  };

  let started = false;
  const cleanUp = async (): Promise<void> => {
    try {
      if (started) await pgRun('pg_ctl', ['stop', '-D', pgData, '-m', 'fast', '-w', '-t', '60']);
      started = false;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
  const onExit = (): void => {
    if (!started) return;
    // Synchronous last resort: 'exit' handlers cannot await.
    const argv = ['stop', '-D', pgData, '-m', 'immediate', '-w'];
    const [file, args] = asRoot
      ? ['runuser', ['-u', SUPERUSER, '--', join(bin, 'pg_ctl'), ...argv]]
      : [join(bin, 'pg_ctl'), argv];
    try {
      execFileSync(file, args, { cwd: dir, stdio: 'ignore' });
    } catch {
      // nothing more to do while exiting
    }
  };

  try {
    if (asRoot) {
      const { uid, gid } = await lookupUser(SUPERUSER);
      await chown(dir, uid, gid);
    }
    await pgRun('initdb', ['-D', pgData, '-U', SUPERUSER, '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
    const port = await freePort();
    await appendFile(
      join(pgData, 'postgresql.conf'),
      [
        '# appended by test/support/postgres.ts',
        `port = ${port}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${dir}'`,
        'wal_level = logical',
        'max_wal_senders = 10',
        'max_replication_slots = 10',
        // durability is worthless for a throwaway cluster
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        '',
      ].join('\n'),
    );
    process.once('exit', onExit);
    started = true;
    await pgRun('pg_ctl', ['start', '-D', pgData, '-l', logFile, '-w', '-t', '60']);
    const host = '127.0.0.1';
    let stopped: Promise<void> | undefined;
    return {
      host,
      port,
      user: SUPERUSER,
      database: DATABASE,
      connectionString: `postgresql://${SUPERUSER}@${host}:${port}/${DATABASE}`,
      dataDir: dir,
      stop() {
        process.removeListener('exit', onExit);
        stopped ??= cleanUp();
        return stopped;
      },
    };
  } catch (err) {
    process.removeListener('exit', onExit);
    await cleanUp().catch(() => undefined);
    throw err;
  }
}

function fromEnvironment(env: NodeJS.ProcessEnv): PostgresServer {
  const host = env['PGHOST'] ?? '127.0.0.1';
  const port = Number(env['PGPORT'] ?? '5432');
  const user = env['PGUSER'] ?? userInfo().username;
  const database = env['PGDATABASE'] ?? user;
  const password = env['PGPASSWORD'];
  const auth = encodeURIComponent(user) + (password === undefined ? '' : `:${encodeURIComponent(password)}`);
  // A socket directory as host goes in the query string; libpq and pg both accept that form.
  const connectionString = host.startsWith('/')
    ? `postgresql://${auth}@/${encodeURIComponent(database)}?host=${encodeURIComponent(host)}&port=${port}`
    : `postgresql://${auth}@${host}:${port}/${encodeURIComponent(database)}`;
  return { host, port, user, database, connectionString, dataDir: undefined, stop: async () => {} };
}

async function findBinDir(): Promise<string> {
  const fromEnv = process.env['PG_BIN_DIR'];
  if (fromEnv !== undefined) return fromEnv;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? (await readdir(root)).filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    : [];
  versions.sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  const newest = versions[0];
  if (newest === undefined) {
    throw new Error(`no PostgreSQL found under ${root}/*/bin (apt-get install postgresql), and PG_BIN_DIR is not set`);
  }
  return join(root, newest, 'bin');
}

async function lookupUser(name: string): Promise<{ uid: number; gid: number }> {
  const { stdout } = await run('id', ['-u', name]);
  const { stdout: g } = await run('id', ['-g', name]);
  return { uid: Number(stdout.trim()), gid: Number(g.trim()) };
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('could not get a free port'))));
    });
  });
}

async function readTail(file: string): Promise<string> {
  const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
  return `--- tail of ${file}\n${lines.slice(-30).join('\n')}\n`;
}
