import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import type { Config } from './config.js';
import { createDataSource } from './db/data-source.js';
import { openDatabaseServer } from './db/database-server.js';
import { runMigrations } from './db/migrate.js';
import type { ContextDeps } from './graphql/build-context.js';
import type { Logger } from './logger.js';
import { watchNotificationOutbox } from './metrics/notifications.js';
import { createAppPubSub } from './pubsub.js';
import { composeServices, type CompositionOptions } from './compose.js';
import { openAgendaQueue, type AgendaQueue } from './jobs/agenda/agenda-queue.js';

/**
 * What the api and worker roles of a process share: database (migrated), PubSub, job queue,
 * and the services built on them by the composition root (compose.ts).
 */
export interface Core {
  db: DataSource;
  queue: AgendaQueue;
  deps: ContextDeps;
  /** Closes the queue, PubSub and database; the roles using them stop first. */
  close(): Promise<void>;
}

export async function openCore(
  config: Config,
  logger: Logger,
  options: CompositionOptions = {},
): Promise<Core> {
  const database = await openDatabaseServer(config);
  const db = createDataSource({
    url: database.url,
    poolSize: config.DATABASE_POOL_SIZE,
    connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: database.embedded ? 0 : config.DATABASE_STATEMENT_TIMEOUT_MS,
    logger,
  });
  await migrateWithoutTimeouts(database.url, logger);
  await db.initialize();

  const pubsub = createAppPubSub(config.REDIS_URL, logger.child({ component: 'pubsub' }));
  const queue = await openAgendaQueue({
    databaseUrl: database.url,
    embedded: database.embedded,
    mongodbUrl: config.MONGODB_URL,
    table: config.JOBS_TABLE,
    processEveryMs: config.JOBS_PROCESS_EVERY_MS,
    lockLifetimeMs: config.JOBS_LOCK_LIFETIME_MS,
    connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: database.embedded ? 0 : config.DATABASE_STATEMENT_TIMEOUT_MS,
  });
  const services = composeServices(db, pubsub, queue, logger, config, options);
  const resealed = await services.webhooks.resealSecrets((webhookId, reason) =>
    // Its deliveries fail until the key is back in SECRETS_KEY or the webhook is registered anew.
    logger.error({ webhookId, reason }, 'a webhook secret cannot be opened with SECRETS_KEY'),
  );
  if (resealed) logger.info({ resealed }, 'webhook secrets sealed under the current SECRETS_KEY');
  const unwatchOutbox = watchNotificationOutbox(db);
  return {
    db,
    queue,
    deps: { db, services, pubsub },
    async close() {
      unwatchOutbox();
      await services.rateLimits.close();
      await queue.close();
      await pubsub.close();
      await db.destroy();
      await database.stop();
    },
  };
}

/**
 * Migrations (and the wait for another process's) may take longer than a request's
 * statement timeout: they run on a connection of their own without it.
 */
async function migrateWithoutTimeouts(url: string, logger: Logger): Promise<void> {
  const db = createDataSource({ url, poolSize: 2, logger });
  await db.initialize();
  try {
    await runMigrations(db);
  } finally {
    await db.destroy();
  }
}
