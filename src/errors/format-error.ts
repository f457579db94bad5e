import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { DomainError, type ErrorCode } from './domain-error.js';

/** Retryable codes whose extensions (retryAfterSeconds) a client needs as they are. */
const RETRYABLE_CODES = new Set<string>(['RATE_LIMITED', 'UNAVAILABLE']);
import type { Logger } from '../logger.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';

/** graphql-js and Apollo codes that mean "the request itself is wrong". */
const CLIENT_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** What a client is told to wait before sending a request that met an outage again. */
const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

const PASS_THROUGH_CODES: Record<string, ErrorCode> = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  UNAUTHORIZED: 'FORBIDDEN',
  FORBIDDEN: 'FORBIDDEN',
};

interface FieldProblem {
  field: string;
  problems: string[];
}

function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

function withCode(
  base: GraphQLFormattedError,
  code: ErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
): GraphQLFormattedError {
  return { message, locations: base.locations, path: base.path, extensions: { code, ...extra } };
}

function unwrap(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
}

/**
 * The one place where any error becomes what a client sees: a code from the closed set in
 * `extensions.code`, a readable message, and nothing internal (unknown errors are masked).
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  logger: Logger,
): GraphQLFormattedError {
  const original = unwrap(error);
  if (original instanceof DomainError) {
    return withCode(formatted, original.code, original.message, original.details ?? {});
  }
  if (original instanceof ArgumentValidationError) {
    return withCode(formatted, 'BAD_USER_INPUT', 'Argument validation failed', {
      fields: flattenValidationErrors(original.extensions.validationErrors),
    });
  }
  if (isDatabaseUnavailable(original)) {
    logger.warn({ err: original, path: formatted.path }, 'database unavailable');
    return withCode(formatted, 'UNAVAILABLE', 'The service is briefly unavailable; try again', {
      retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
    });
  }
  const pgCode = (original as { code?: unknown } | null)?.code;
  if (pgCode === '22P02') return withCode(formatted, 'BAD_USER_INPUT', 'Malformed identifier');
  if (pgCode === '23505') return withCode(formatted, 'CONFLICT', 'Already exists');
  // NUL in text (22021) or in a JSON string (22P05): what the argument check did not see.
  if (pgCode === '22021' || pgCode === '22P05') {
    return withCode(formatted, 'BAD_USER_INPUT', 'Text must not contain the NUL character');
  }
  if (original instanceof GraphQLError) {
    const code = String(original.extensions.code ?? '');
    // Formatted already (graphql-ws passes what onSubscribe refused through here once more).
    if (RETRYABLE_CODES.has(code) && !original.originalError) {
      const extra = Object.fromEntries(
        Object.entries(original.extensions).filter(([key]) => key !== 'code'),
      );
      return withCode(formatted, code as ErrorCode, original.message, extra);
    }
    const mapped = PASS_THROUGH_CODES[code];
    if (mapped) return withCode(formatted, mapped, original.message);
    // graphql-js's own errors (parse, validation, variable coercion) carry no cause and are safe to show.
    if (CLIENT_ERROR_CODES.has(code) || (!code && !original.originalError)) {
      return withCode(formatted, 'BAD_USER_INPUT', original.message);
    }
  }
  logger.error({ err: original, path: formatted.path }, 'unexpected error while handling GraphQL');
  return withCode(formatted, 'INTERNAL_SERVER_ERROR', 'Internal server error');
}
