import type { Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { formatError } from '../errors/format-error.js';
import type { Context } from '../graphql/context.type.js';
import {
  complexityError,
  depthLimitRule,
  type OperationLimits,
} from '../graphql/operation-limits.js';
import type { Logger } from '../logger.js';
import { graphqlMetricsPlugin } from '../metrics/graphql-plugin.js';
import { asHttpError, chargeOperation, mutationFieldsRule } from '../graphql/operation-budget.js';

function complexityPlugin(
  schema: GraphQLSchema,
  maxComplexity: number,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, contextValue }) {
          const error = complexityError(
            schema,
            document,
            request.variables,
            request.operationName ?? undefined,
            maxComplexity,
          );
          if (error) throw error;
          await chargeOperation(contextValue, document, request.operationName).catch(
            (refused: unknown) => {
              throw asHttpError(refused);
            },
          );
        },
      };
    },
  };
}

/** Apollo Server for HTTP POST /graphql with our limits and the one error mapping. */
export function createApolloServer(
  schema: GraphQLSchema,
  httpServer: Server,
  limits: OperationLimits,
  logger: Logger,
  options: { metrics: boolean; introspection: boolean } = { metrics: true, introspection: true },
): ApolloServer<Context> {
  return new ApolloServer<Context>({
    schema,
    introspection: options.introspection,
    // main.ts owns shutdown: it stops WebSockets, Apollo and the database in order.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    validationRules: [
      depthLimitRule(limits.maxDepth),
      mutationFieldsRule(limits.maxMutationsPerOperation),
    ],
    formatError: (formatted, error) => formatError(formatted, error, logger),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // No HTTP caching of API answers, so skip the per-field cache-hint bookkeeping.
      ApolloServerPluginCacheControlDisabled(),
      complexityPlugin(schema, limits.maxComplexity),
      ...(options.metrics ? [graphqlMetricsPlugin()] : []),
    ],
  });
}
