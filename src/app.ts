import 'reflect-metadata';
import type { Server } from 'node:http';
import type { DataSource } from 'typeorm';
import type { Config } from './config.js';
import { createDataSource } from './db/data-source.js';
import { openDatabaseServer } from './db/database-server.js';
import { runMigrations } from './db/migrate.js';
import type { ContextDeps } from './graphql/build-context.js';
import { startApiServer } from './http/api-server.js';
import type { Logger } from './logger.js';
import { watchNotificationOutbox } from './metrics/notifications.js';
import { createAppPubSub } from './pubsub.js';
import { createServices } from './services/index.js';
import { modelClientFrom } from './assistant/model/model-config.js';
import { openAgendaQueue, type AgendaQueue } from './jobs/agenda/agenda-queue.js';
import { jobContext } from './jobs/job-context.js';
import { startWorker, type Worker } from './jobs/worker.js';

/** What the api and worker roles share: database (migrated), PubSub, job queue, services. */
export interface Core {
  db: DataSource;
  queue: AgendaQueue;
  deps: ContextDeps;
  /** Closes the queue, PubSub and database; the roles using them stop first. */
  close(): Promise<void>;
}

export async function openCore(config: Config, logger: Logger): Promise<Core> {
  const database = await openDatabaseServer(config);
  const db = createDataSource({
    url: database.url,
    poolSize: config.DATABASE_POOL_SIZE,
    logger,
  });
  await db.initialize();
  await runMigrations(db);

  const pubsub = createAppPubSub(config.REDIS_URL);
  const queue = await openAgendaQueue({
    databaseUrl: database.url,
    embedded: database.embedded,
    mongodbUrl: config.MONGODB_URL,
    table: config.JOBS_TABLE,
    processEveryMs: config.JOBS_PROCESS_EVERY_MS,
  });
  const services = createServices(db, pubsub, queue, logger, {
    serviceKey: config.SERVICE_API_KEY,
    notifications: {
      ackTimeoutSeconds: config.NOTIFICATION_ACK_TIMEOUT_SECONDS,
      maxAttempts: config.NOTIFICATION_MAX_ATTEMPTS,
      webhookRetry: {
        maxAttempts: config.WEBHOOK_MAX_ATTEMPTS,
        baseDelayMs: config.WEBHOOK_RETRY_BASE_SECONDS * 1000,
      },
    },
    webhooks: { allowLocalhost: config.WEBHOOK_ALLOW_LOCALHOST, timeoutMs: 10_000 },
    reminderPayloadMaxBytes: config.REMINDER_PAYLOAD_MAX_BYTES,
    model: modelClientFrom(config),
  });
  const unwatchOutbox = watchNotificationOutbox(db);
  return {
    db,
    queue,
    deps: { db, services, pubsub },
    async close() {
      unwatchOutbox();
      await queue.close();
      await pubsub.close();
      await db.destroy();
      await database.stop();
    },
  };
}

/** Runs the jobs (reminders, digests, deliveries) on the core's queue. */
export function startJobWorker(core: Core, config: Config, logger: Logger): Promise<Worker> {
  return startWorker(core.queue, jobContext(core.db, core.deps.services, logger, config), {
    sweepEveryMs: config.NOTIFICATION_SWEEP_SECONDS * 1000,
    stopTimeoutMs: config.SHUTDOWN_TIMEOUT_MS / 2,
  });
}

export interface App {
  url: string;
  httpServer: Server;
  db: DataSource;
  deps: ContextDeps;
  /** Null when WORKER_ENABLED is false. */
  worker: Worker | null;
  stop(): Promise<void>;
}

/**
 * Starts the API in this process (GraphQL over HTTP and WebSocket), and the job worker when
 * WORKER_ENABLED. The roles in src/roles/ start the same parts one by one.
 */
export async function startApi(config: Config, logger: Logger): Promise<App> {
  const core = await openCore(config, logger);
  const worker = config.WORKER_ENABLED ? await startJobWorker(core, config, logger) : null;
  const server = await startApiServer(core.deps, config, logger);
  return {
    url: server.url,
    httpServer: server.httpServer,
    db: core.db,
    deps: core.deps,
    worker,
    async stop() {
      await worker?.stop();
      await server.stop();
      await core.close();
    },
  };
}
