import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Counter, Histogram } from 'prom-client';
import { LATENCY_BUCKETS, registry } from './registry.js';

const labelNames = ['operation', 'type', 'result'] as const;

const operations = new Counter({
  name: 'maxon_graphql_operations_total',
  help: 'GraphQL operations over HTTP, by operation name, type (query, mutation) and result (ok, error)',
  labelNames,
  registers: [registry],
});

const duration = new Histogram({
  name: 'maxon_graphql_operation_duration_seconds',
  help: 'Time from receiving a GraphQL operation to its response, by operation name, type and result',
  labelNames,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

/**
 * Operation names come from clients: a name longer than this, or new past this many distinct
 * ones, counts as "other", so a client cannot inflate the labels (and /metrics) at will.
 */
const MAX_OPERATION_NAMES = 200;
const MAX_OPERATION_NAME_LENGTH = 64;

/**
 * Counts and times each GraphQL operation. Only operations that parsed and validated keep
 * their name ("anonymous" when unnamed); the rest are "invalid" with type "unknown".
 */
export function graphqlMetricsPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  const seen = new Set<string>();
  const nameLabel = (name: string | null | undefined) => {
    const label = name ?? 'anonymous';
    if (label.length > MAX_OPERATION_NAME_LENGTH) return 'other';
    if (seen.has(label)) return label;
    if (seen.size >= MAX_OPERATION_NAMES) return 'other';
    seen.add(label);
    return label;
  };
  return {
    async requestDidStart() {
      const stop = duration.startTimer();
      let operation = 'invalid';
      let type = 'unknown';
      return {
        async didResolveOperation({ operationName, operation: definition }) {
          operation = nameLabel(operationName);
          type = definition?.operation ?? 'unknown';
        },
        async willSendResponse({ response, errors }) {
          const failed =
            Boolean(errors?.length) ||
            (response.body.kind === 'single' && Boolean(response.body.singleResult.errors?.length));
          const labels = { operation, type, result: failed ? 'error' : 'ok' };
          operations.inc(labels);
          stop(labels);
        },
      };
    },
  };
}
