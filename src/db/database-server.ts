import { join } from 'node:path';
import type { Config } from '../config.js';
import { claimDataDir } from './data-dir-lock.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export interface DatabaseServer {
  /** What every part of maxOn connects to: TypeORM, Agenda, the health check. */
  url: string;
  /** True for the embedded PostgreSQL (no LISTEN/NOTIFY, one session for all connections). */
  embedded: boolean;
  /** Stops the embedded database; nothing for a server maxOn does not own. */
  stop(): Promise<void>;
}

/**
 * The one place that decides which PostgreSQL maxOn uses: the server at DATABASE_URL, or,
 * when it is unset, an embedded one keeping its files in DATA_DIR/pgdata.
 */
export async function openDatabaseServer(
  config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR'>,
): Promise<DatabaseServer> {
  if (config.DATABASE_URL) {
    return { url: config.DATABASE_URL, embedded: false, stop: async () => undefined };
  }
  const release = claimDataDir(config.DATA_DIR);
  try {
    const embedded = await startEmbeddedPostgres({ pgdata: join(config.DATA_DIR, 'pgdata') });
    return {
      url: embedded.url,
      embedded: true,
      async stop() {
        await embedded.stop();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
