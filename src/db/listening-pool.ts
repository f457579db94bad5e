import pg from 'pg';

/**
 * A pg.Pool whose clients always have an 'error' listener. pg-pool takes its own listener
 * off a client while it is checked out; when the server ends the session between two
 * queries of its holder (pg_terminate_backend, a failover, an idle-session timeout), the
 * client emits 'error' with nobody listening, which ends the process. Nothing is lost by
 * listening: the client is then unusable, its holder's next query fails (and is retried or
 * answered UNAVAILABLE), and the pool drops it on release.
 */
export class ListeningPool extends pg.Pool {
  constructor(config?: pg.PoolConfig) {
    super(config);
    this.on('connect', (client) => client.on('error', () => undefined));
  }
}

/** The pg module for TypeORM's `driver` option: the same, with ListeningPool as its Pool. */
export const pgWithListeningPool: typeof pg = Object.assign(Object.create(pg) as typeof pg, {
  Pool: ListeningPool,
});
