import pg from 'pg';
import { DataSource } from 'typeorm';
import { ENTITIES } from '../entities/index.js';
import { SnakeNamingStrategy } from '../entities/snake-naming.strategy.js';
import { MIGRATIONS } from '../migrations/index.js';
import type { Logger } from '../logger.js';
import { SqlLogger } from './sql-logger.js';

export interface DataSourceOptions {
  url: string;
  poolSize: number;
  logger: Logger;
}

// A DATE is a local calendar day, never an instant: keep it as "YYYY-MM-DD" text everywhere.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

/** The application's TypeORM data source. The schema only ever changes through migrations. */
export function createDataSource({ url, poolSize, logger }: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
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
    extra: { max: poolSize, application_name: 'maxon' },
  });
}

export function sqlLoggerOf(dataSource: DataSource): SqlLogger {
  return dataSource.logger as SqlLogger;
}
