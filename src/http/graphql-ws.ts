import type { Server } from 'node:http';
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { randomUUID } from 'node:crypto';
import { formatError } from '../errors/format-error.js';
import type { Logger } from '../logger.js';
import type { Caller } from '../services/auth.service.js';
import { authenticate, contextFor, type ContextDeps } from '../graphql/build-context.js';
import {
  complexityError,
  depthLimitRule,
  type OperationLimits,
} from '../graphql/operation-limits.js';
import { chargeOperation, mutationFieldsRule } from '../graphql/operation-budget.js';
import { connectionsPerIp } from './ws-connection-limits.js';
import { FORBIDDEN_CLOSE, trackTokenSockets } from './ws-token-sockets.js';
import { isSameOrigin, sessionTokenOf } from './web-session-cookie.js';

export interface WsLimits {
  maxPayloadBytes: number;
  introspection: boolean;
  maxConnectionsPerIp: number;
  /** An anonymous socket is closed after this long: idle sockets cost memory and a slot. */
  anonymousTimeoutMs: number;
  /** This server's public origin (PUBLIC_URL): a web page's socket may come from it. */
  publicUrl?: string;
}

/** graphql-ws's close code for missing credentials. */
const UNAUTHORIZED_CLOSE = 4401;

type ConnectionExtra = {
  caller?: Caller;
  logger?: Logger;
};

/** Closes with our code and reason (graphql-ws would say only 4403 Forbidden). */
function refuse(socket: WebSocket, code: number, reason: string): false {
  // A close reason is at most 123 bytes.
  socket.close(code, reason.slice(0, 100));
  return false;
}

const toGraphQLErrors = (errors: readonly unknown[], logger: Logger): GraphQLError[] =>
  errors.map((error) => {
    const formatted = formatError(
      error instanceof GraphQLError ? error.toJSON() : { message: String(error) },
      error,
      logger,
    );
    return new GraphQLError(formatted.message, { extensions: formatted.extensions });
  });

/**
 * graphql-ws on the same HTTP server and path as Apollo. Credentials come in the
 * connection params ({ authorization, platform, platformUserId }), or — the web client's page —
 * as its session cookie with { csrfToken } from an upgrade whose Origin is this server's, and
 * are checked at connect; an API token is checked again (cached, see ApiTokenService.isActive) before each
 * operation, and its sockets close with 4403 when it is revoked. Each operation gets its own
 * context (fresh loaders) and the same limits and error mapping as HTTP. A client address
 * holds at most `maxConnectionsPerIp` sockets; one that sends no connection_init within 3 s
 * (graphql-ws's default) or connects without credentials is closed.
 */
export function attachGraphqlWs(
  server: Server,
  schema: GraphQLSchema,
  deps: ContextDeps,
  limits: OperationLimits & WsLimits,
  logger: Logger,
) {
  const wsServer = new WebSocketServer({
    server,
    path: '/graphql',
    maxPayload: limits.maxPayloadBytes,
    verifyClient: connectionsPerIp(limits.maxConnectionsPerIp),
  });
  const rules = [
    ...specifiedRules,
    depthLimitRule(limits.maxDepth),
    mutationFieldsRule(limits.maxMutationsPerOperation),
    // Apollo turns introspection off over HTTP; the same setting holds here.
    ...(limits.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
  ];
  const tokenSockets = trackTokenSockets(deps.pubsub);
  const closeAnonymousLater = (socket: WebSocket) => {
    const timer = setTimeout(
      () => socket.close(UNAUTHORIZED_CLOSE, 'Unauthorized: credentials required'),
      limits.anonymousTimeoutMs,
    );
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  };
  const cleanup = useServer<Record<string, unknown>, ConnectionExtra>(
    {
      schema,
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const text = (name: string) => (typeof params[name] === 'string' ? params[name] : null);
        const connectionLogger = logger.child({ connectionId: randomUUID(), transport: 'ws' });
        const authorization = text('authorization');
        const session = authorization ? null : sessionTokenOf(ctx.extra.request);
        const csrf = text('csrfToken');
        if (session || csrf) {
          // The web page: its cookie, its CSRF token, and an upgrade sent by our own page.
          if (!isSameOrigin(ctx.extra.request, limits.publicUrl)) {
            return refuse(
              ctx.extra.socket,
              FORBIDDEN_CLOSE,
              'Forbidden: cross-site socket (Origin)',
            );
          }
          if (!session)
            return refuse(ctx.extra.socket, UNAUTHORIZED_CLOSE, 'Unauthorized: sign in');
        }
        const { caller, authError } = await authenticate(deps, {
          authorization,
          platform: text('platform'),
          platformUserId: text('platformUserId'),
          session,
          csrf,
        });
        if (authError && session) {
          // A page tells "sign in again" (4401, not retried) from a refusal (4403).
          return authError.code === 'UNAUTHENTICATED'
            ? refuse(ctx.extra.socket, UNAUTHORIZED_CLOSE, 'Unauthorized: the session has ended')
            : refuse(ctx.extra.socket, FORBIDDEN_CLOSE, `Forbidden: ${authError.message}`);
        }
        if (authError) return false;
        ctx.extra.caller = caller;
        ctx.extra.logger = connectionLogger;
        if (caller.kind === 'token') tokenSockets.add(caller.tokenId, ctx.extra.socket);
        if (caller.kind === 'anonymous') closeAnonymousLater(ctx.extra.socket);
        return true;
      },
      onSubscribe: async (ctx, id, payload) => {
        const operationLogger = (ctx.extra.logger ?? logger).child({ operationId: id });
        const caller = ctx.extra.caller;
        if (caller?.kind === 'token' && !(await deps.services.apiTokens.isActive(caller.tokenId))) {
          // Revoked elsewhere (another instance without Redis): this socket is done too.
          tokenSockets.closeToken(caller.tokenId);
          ctx.extra.socket.close(FORBIDDEN_CLOSE, 'Forbidden: API token revoked');
          return [new GraphQLError('Invalid or revoked credentials')];
        }
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return toGraphQLErrors([error], operationLogger);
        }
        const errors = validate(schema, document, rules);
        if (errors.length > 0) return toGraphQLErrors(errors, operationLogger);
        const tooComplex = complexityError(
          schema,
          document,
          payload.variables ?? undefined,
          payload.operationName ?? undefined,
          limits.maxComplexity,
        );
        if (tooComplex) return toGraphQLErrors([tooComplex], operationLogger);
        const contextValue = contextFor(
          deps,
          ctx.extra.caller!,
          null,
          randomUUID(),
          operationLogger,
        );
        try {
          await chargeOperation(contextValue, document, payload.operationName);
        } catch (error) {
          return toGraphQLErrors([error], operationLogger);
        }
        const args: ExecutionArgs = {
          schema,
          document,
          variableValues: payload.variables,
          operationName: payload.operationName,
          contextValue,
        };
        return args;
      },
      onNext: (ctx, _id, _payload, _args, result: ExecutionResult) => {
        if (!result.errors?.length) return result;
        return { ...result, errors: toGraphQLErrors(result.errors, ctx.extra.logger ?? logger) };
      },
      onError: (ctx, _id, _payload, errors) => toGraphQLErrors(errors, ctx.extra.logger ?? logger),
    },
    wsServer,
  );
  return {
    async close() {
      await tokenSockets.stop();
      await cleanup.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}
