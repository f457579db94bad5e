import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Config } from '../config.js';
import { authenticate, contextFor, type ContextDeps } from '../graphql/build-context.js';
import { buildAppSchema } from '../graphql/build-schema.js';
import type { Logger } from '../logger.js';
import { httpMetrics } from '../metrics/http.js';
import { createApolloServer } from './graphql-http.js';
import { attachGraphqlWs } from './graphql-ws.js';
import { healthRouter } from './health.js';
import { metricsRouter } from './metrics.js';
import { icsFeedRouter } from './ics-feed.js';
import { googleOAuthRouter } from './google-oauth.js';
import { googlePushRouter } from './google-push.js';
import { picturesRouter } from './pictures.js';
import { playgroundRouter } from './playground.js';
import { bodyErrorHandler, requestContext } from './request-context.js';
import { webAppRouter } from './web-app.js';
import { webAppAssetsRouter, webAppDir } from './web-app-assets.js';
import { CSRF_HEADER, sessionTokenOf } from './web-session-cookie.js';
import { ApiClient } from '../clients/shared/api-client.js';
import { startWebClient, type WebClient } from '../clients/web/web-client.js';
import { WebHub } from '../clients/web/web-hub.js';

export interface ApiServer {
  url: string;
  httpServer: Server;
  /** Stops taking connections, finishes the requests in flight, closes WebSockets. */
  stop(): Promise<void>;
}

/** GraphQL over HTTP and WebSocket, health, metrics, the playground and the web client, listening. */
export async function startApiServer(
  deps: ContextDeps,
  config: Config,
  logger: Logger,
): Promise<ApiServer> {
  const schema = await buildAppSchema(deps.pubsub);
  // The web client's chats, which its page reads over the `webChat` subscription.
  const webHub = config.WEB_APP_ENABLED ? new WebHub() : undefined;
  deps = { ...deps, webChat: webHub };
  const limits = {
    maxDepth: config.GRAPHQL_MAX_DEPTH,
    maxComplexity: config.GRAPHQL_MAX_COMPLEXITY,
    maxMutationsPerOperation: config.MAX_MUTATIONS_PER_OPERATION,
  };

  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const apollo = createApolloServer(schema, httpServer, limits, logger, {
    metrics: config.METRICS_ENABLED,
    introspection: config.GRAPHQL_INTROSPECTION,
  });
  await apollo.start();
  const ws = attachGraphqlWs(
    httpServer,
    schema,
    deps,
    {
      ...limits,
      maxPayloadBytes: config.HTTP_BODY_LIMIT,
      introspection: config.GRAPHQL_INTROSPECTION,
      maxConnectionsPerIp: config.WS_MAX_CONNECTIONS_PER_IP,
      anonymousTimeoutMs: config.WS_ANONYMOUS_TIMEOUT_MS,
      publicUrl: config.PUBLIC_URL,
    },
    logger,
  );

  app.use(requestContext(logger));
  if (config.METRICS_ENABLED) app.use(httpMetrics(), metricsRouter(config.METRICS_TOKEN));
  const model = deps.services.model;
  app.use(
    healthRouter(deps.db, config.HEALTH_CHECK_TIMEOUT_MS, () =>
      model ? { model: model.health() } : {},
    ),
  );
  if (config.PLAYGROUND_ENABLED) app.use(playgroundRouter());
  let webClient: WebClient | null = null;
  const webDir = config.WEB_APP_ENABLED ? webAppDir() : null;
  if (config.WEB_APP_ENABLED) {
    const secureCookies = config.PUBLIC_URL?.startsWith('https:') ?? false;
    app.use(webAppRouter(deps.services, () => webClient, { secureCookies }));
    if (webDir) app.use(webAppAssetsRouter(webDir));
    else logger.warn('The web client is not built: run `npm run build` to serve /app');
  }
  app.use(picturesRouter(deps.services));
  app.use(icsFeedRouter(deps.services));
  app.use(googlePushRouter(deps.services));
  app.use(googleOAuthRouter(deps.services, config.PUBLIC_URL?.startsWith('https:') ?? false));
  app.use(
    '/graphql',
    express.json({ limit: config.HTTP_BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const { caller, authError } = await authenticate(deps, {
          authorization: req.header('authorization'),
          platform: req.header('x-maxon-platform'),
          platformUserId: req.header('x-maxon-platform-user-id'),
          session: sessionTokenOf(req),
          csrf: req.header(CSRF_HEADER),
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
  if (config.WEB_APP_ENABLED) {
    // The web client is one more client of this API, acting with this process's own key.
    const api = new ApiClient(`http://${host}:${port}/graphql`, deps.services.auth.internalKey);
    webClient = await startWebClient(api, webHub!, logger.child({ component: 'web' }));
  }

  return {
    url: `http://${host}:${port}`,
    httpServer,
    async stop() {
      await webClient?.stop();
      await ws.close();
      // Apollo's drain plugin closes the listener and waits for the requests in flight.
      await apollo.stop();
    },
  };
}
