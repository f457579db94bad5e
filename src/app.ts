import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { DataSource } from 'typeorm';
import type { Config } from './config.js';
import { createDataSource } from './db/data-source.js';
import { runMigrations } from './db/migrate.js';
import { contextFor, authenticate, type ContextDeps } from './graphql/build-context.js';
import { buildAppSchema } from './graphql/build-schema.js';
import { createApolloServer } from './http/graphql-http.js';
import { attachGraphqlWs } from './http/graphql-ws.js';
import { healthRouter } from './http/health.js';
import { playgroundRouter } from './http/playground.js';
import { bodyErrorHandler, requestContext } from './http/request-context.js';
import type { Logger } from './logger.js';
import { createAppPubSub } from './pubsub.js';
import { createServices } from './services/index.js';
import { modelClientFrom } from './assistant/model/model-config.js';
import { openAgendaQueue } from './jobs/agenda-queue.js';
import { jobContext } from './jobs/job-context.js';
import { startWorker, type Worker } from './jobs/worker.js';

export interface App {
  url: string;
  httpServer: Server;
  db: DataSource;
  deps: ContextDeps;
  /** Null when WORKER_ENABLED is false. */
  worker: Worker | null;
  stop(): Promise<void>;
}

/** Starts the API: database (migrated), services, GraphQL over HTTP and WebSocket. */
export async function startApi(config: Config, logger: Logger): Promise<App> {
  const db = createDataSource({
    url: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    logger,
  });
  await db.initialize();
  await runMigrations(db);

  const pubsub = createAppPubSub(config.REDIS_URL);
  const queue = await openAgendaQueue({
    databaseUrl: config.DATABASE_URL,
    mongodbUrl: config.MONGODB_URL,
    table: config.JOBS_TABLE,
    processEveryMs: config.JOBS_PROCESS_EVERY_MS,
  });
  const services = createServices(db, pubsub, queue, logger, {
    serviceKey: config.SERVICE_API_KEY,
    notifications: {
      ackTimeoutSeconds: config.NOTIFICATION_ACK_TIMEOUT_SECONDS,
      maxAttempts: config.NOTIFICATION_MAX_ATTEMPTS,
    },
    webhooks: { allowLocalhost: config.WEBHOOK_ALLOW_LOCALHOST, timeoutMs: 10_000 },
    reminderPayloadMaxBytes: config.REMINDER_PAYLOAD_MAX_BYTES,
    model: modelClientFrom(config),
  });
  const worker = config.WORKER_ENABLED
    ? await startWorker(queue, jobContext(db, services, logger, config), {
        sweepEveryMs: config.NOTIFICATION_SWEEP_SECONDS * 1000,
        stopTimeoutMs: config.SHUTDOWN_TIMEOUT_MS / 2,
      })
    : null;
  const deps: ContextDeps = { db, services, pubsub };
  const schema = await buildAppSchema(pubsub);
  const limits = {
    maxDepth: config.GRAPHQL_MAX_DEPTH,
    maxComplexity: config.GRAPHQL_MAX_COMPLEXITY,
  };

  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const apollo = createApolloServer(schema, httpServer, limits, logger);
  await apollo.start();
  const ws = attachGraphqlWs(
    httpServer,
    schema,
    deps,
    { ...limits, maxPayloadBytes: config.HTTP_BODY_LIMIT },
    logger,
  );

  app.use(requestContext(logger));
  app.use(healthRouter(db));
  if (config.PLAYGROUND_ENABLED) app.use(playgroundRouter());
  app.use(
    '/graphql',
    express.json({ limit: config.HTTP_BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const { caller, authError } = await authenticate(deps, {
          authorization: req.header('authorization'),
          platform: req.header('x-maxon-platform'),
          platformUserId: req.header('x-maxon-platform-user-id'),
        });
        return contextFor(deps, caller, authError, req.requestId, req.log);
      },
    }),
  );
  app.use(bodyErrorHandler());

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.PORT, config.HOST, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST;
  const url = `http://${host}:${port}`;

  return {
    url,
    httpServer,
    db,
    deps,
    worker,
    async stop() {
      await worker?.stop();
      await ws.close();
      await apollo.stop();
      await queue.close();
      await pubsub.close();
      await db.destroy();
    },
  };
}
