import { describe, expect, it } from '@jest/globals';
import { GraphQLError } from 'graphql';
import { DomainError } from '../../src/errors/domain-error.js';
import { formatError } from '../../src/errors/format-error.js';
import { createLogger } from '../../src/logger.js';

const logger = createLogger('silent');
const located = (original: Error) =>
  new GraphQLError(original.message, { path: ['goal'], originalError: original });

describe('formatError', () => {
  it('maps a domain error to its code and keeps its message and details', () => {
    const error = located(new DomainError('CONFLICT', 'Already taken', { field: 'name' }));
    expect(formatError(error.toJSON(), error, logger)).toEqual({
      message: 'Already taken',
      path: ['goal'],
      locations: undefined,
      extensions: { code: 'CONFLICT', field: 'name' },
    });
  });

  it('masks unexpected errors so nothing internal reaches the client', () => {
    const error = located(new Error('connection to 10.0.0.5 refused: password=hunter2'));
    const formatted = formatError(error.toJSON(), error, logger);
    expect(formatted.message).toBe('Internal server error');
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(JSON.stringify(formatted)).not.toContain('hunter2');
  });

  it('maps PostgreSQL unique violations to CONFLICT', () => {
    const error = located(Object.assign(new Error('duplicate key'), { code: '23505' }));
    expect(formatError(error.toJSON(), error, logger).extensions?.code).toBe('CONFLICT');
  });
});
