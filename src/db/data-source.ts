import pg from 'pg';
import { DataSource } from 'typeorm';
import { ENTITIES } from '../entities/index.js';
import { SnakeNamingStrategy } from '../entities/snake-naming.strategy.js';
import { MIGRATIONS } from '../migrations/index.js';
import type { Logger } from '../logger.js';
import { SqlLogger } from './sql-logger.js';
import { pgWithListeningPool } from './listening-pool.js';

export interface DataSourceOptions {
  url: string;
  poolSize: number;
  /** Connection and statement timeouts (ms; 0: none), see DATABASE_STATEMENT_TIMEOUT_MS. */
  connectTimeoutMs?: number;
  statementTimeoutMs?: number;
  logger: Logger;
}

// A DATE is a local calendar day, never an instant: keep it as "YYYY-MM-DD" text everywhere.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

/** The application's TypeORM data source. The schema only ever changes through migrations. */
export function createDataSource({
  url,
  poolSize,
  connectTimeoutMs,
  statementTimeoutMs,
  logger,
}: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    driver: pgWithListeningPool,
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    uuidExtension: 'pgcrypto',
    synchronize: false,
    migrationsRun: false,
    maxQueryExecutionTime: 500,
    logger: new SqlLogger(logger.child({ component: 'sql' })),
    extra: {
      max: poolSize,
      application_name: 'maxon',
      connectionTimeoutMillis: connectTimeoutMs,
      ...timeoutSettings(statementTimeoutMs),
    },
  });
}

export function sqlLoggerOf(dataSource: DataSource): SqlLogger {
  return dataSource.logger as SqlLogger;
}

/**
 * The server cancels a statement after `ms`; the client gives up waiting a second later (a
 * partition: no answer, no error), and TCP keep-alive finds connections that died silently.
 */
export function timeoutSettings(ms = 0) {
  return ms > 0
    ? { statement_timeout: ms, query_timeout: ms + 1000, keepAlive: true }
    : { keepAlive: true };
}
