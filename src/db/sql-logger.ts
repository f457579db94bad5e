import type { Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from '../logger.js';
import { parameterCount } from './safe-error.js';

/**
 * Routes TypeORM's log calls to pino and counts every SQL statement sent, so tests and the
 * benchmark can check that a page costs a fixed number of queries.
 */
export class SqlLogger implements TypeOrmLogger {
  queryCount = 0;

  constructor(private readonly logger: Logger) {}

  logQuery(query: string): void {
    this.queryCount += 1;
    this.logger.trace({ query }, 'sql');
  }

  /** The query text and how many parameters it had, never their values (see safe-error.ts). */
  logQueryError(error: string | Error, query: string, parameters?: unknown[]): void {
    this.logger.debug(
      { err: error, query, parameterCount: parameterCount(parameters) },
      'sql failed',
    );
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ ms: time, query }, 'slow sql');
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.info(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn({ message }, 'typeorm');
    else this.logger.debug({ message }, 'typeorm');
  }
}
