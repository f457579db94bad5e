import { pino } from 'pino';
import { QueryFailedError } from 'typeorm';

/** What identifies a failed statement; values a row held (parameters, `detail`) are left out. */
const QUERY_ERROR_FIELDS = ['code', 'constraint', 'table', 'column', 'schema', 'routine'];

/**
 * pino's `err` serializer, minus the values of a failed SQL statement: TypeORM's
 * QueryFailedError carries the parameters (message texts, a webhook secret) and PostgreSQL's
 * `detail` echoes key values. The log keeps the query text and the parameter count.
 */
export function serializeError(error: unknown): unknown {
  if (!(error instanceof QueryFailedError)) {
    return error instanceof Error ? pino.stdSerializers.err(error) : error;
  }
  const source = error as unknown as Record<string, unknown>;
  const kept = Object.fromEntries(
    QUERY_ERROR_FIELDS.filter((field) => source[field] !== undefined).map((field) => [
      field,
      source[field],
    ]),
  );
  return {
    type: error.name,
    message: error.message,
    stack: error.stack,
    ...kept,
    query: error.query,
    parameterCount: parameterCount(error.parameters),
  };
}

export function parameterCount(parameters: unknown): number {
  if (Array.isArray(parameters)) return parameters.length;
  return parameters && typeof parameters === 'object' ? Object.keys(parameters).length : 0;
}
