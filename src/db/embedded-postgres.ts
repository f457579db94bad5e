import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { replaceQueryQueue, SessionQueue } from './pglite-session-queue.js';

/**
 * Every client of one process together (TypeORM's pool, Agenda's, the migration lock) stays
 * far below this; a connection beyond it is refused, not queued.
 */
const MAX_CONNECTIONS = 100;

export interface EmbeddedPostgres {
  /** A postgres:// URL on 127.0.0.1: `pg` (TypeORM, Agenda) talks to it as to any server. */
  url: string;
  /** Clients connected now. */
  connections(): number;
  /** Closes the port and its connections, then PGlite. */
  stop(): Promise<void>;
}

/**
 * PostgreSQL compiled to WebAssembly (PGlite) in this process, served on a free local port
 * by pglite-socket. With `pgdata` it keeps its files in that folder, written through to disk
 * as PostgreSQL writes them (a committed change survives `kill -9`); without, in memory.
 *
 * Limits: one PostgreSQL session serves every connection, so an open transaction makes the
 * others wait, session state is shared (advisory locks never block, LISTEN/NOTIFY does not
 * reach the listening connection), and every database name leads to the same database.
 * PGlite takes no lock on its folder: see data-dir-lock.ts.
 */
export async function startEmbeddedPostgres(
  options: { pgdata?: string } = {},
): Promise<EmbeddedPostgres> {
  // TypeORM asks for pgcrypto at connect (uuidExtension); gen_random_uuid() is built in.
  // pg_trgm: the assistant finds items by name with trigram similarity (title-search.ts).
  const db = await PGlite.create({
    dataDir: options.pgdata,
    extensions: { pgcrypto, pg_trgm },
  });
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: 0,
    maxConnections: MAX_CONNECTIONS,
  });
  replaceQueryQueue(server, new SessionQueue(db));
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    connections: () => server.getStats().activeConnections,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
