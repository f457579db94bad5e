/** The closed set of error codes a client can receive in `extensions.code`. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  /** Retryable: the service is briefly unavailable (its database is away); see retryAfterSeconds. */
  'UNAVAILABLE',
  /** Retryable: the caller's budget is spent for now; wait retryAfterSeconds. */
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The one error type services throw; the edge maps it to a GraphQL error. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string): DomainError =>
  new DomainError('NOT_FOUND', `${what} not found`);

export const signInRequired = (): DomainError =>
  new DomainError('UNAUTHENTICATED', 'Sign in to do this');

export const badInput = (message: string, details?: Record<string, unknown>): DomainError =>
  new DomainError('BAD_USER_INPUT', message, details);

/** Over a per-user budget: the client should wait `retryAfterSeconds` and try again. */
export const rateLimited = (message: string, retryAfterSeconds: number): DomainError =>
  new DomainError('RATE_LIMITED', message, { retryAfterSeconds });
