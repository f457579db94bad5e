import { startApi, type App } from '../../src/roles/start-api.js';
import type { CompositionOptions } from '../../src/compose.js';
import { loadConfig, type Config } from '../../src/config.js';
import { sqlLoggerOf } from '../../src/db/data-source.js';
import { createLogger } from '../../src/logger.js';

export const TEST_SERVICE_KEY = 'test-service-key-0123456789abcdef-0123456789';

let jobTables = 0;

export function testConfig(overrides: Record<string, string> = {}): Config {
  const url = process.env.MAXON_TEST_DATABASE_URL;
  if (!url) throw new Error('MAXON_TEST_DATABASE_URL is not set: run the tests through jest');
  return loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: url,
    DATABASE_POOL_SIZE: '4',
    SERVICE_API_KEY: TEST_SERVICE_KEY,
    // Each app gets its own job table, so workers of parallel test files never share jobs.
    JOBS_TABLE: `jobs_${process.pid}_${(jobTables += 1)}`,
    WORKER_ENABLED: 'false',
    // Tests drive one user far faster than a person could; tests/api/rate-limits.test.ts
    // (and any test about the budgets) sets the real ones.
    RATE_LIMIT_MUTATIONS_PER_MINUTE: '1000000',
    RATE_LIMIT_ASSISTANT_PER_MINUTE: '1000000',
    ...overrides,
  });
}

export interface TestApp extends App {
  graphqlUrl: string;
  wsUrl: string;
  /** SQL statements sent so far by this app. */
  sqlQueries(): number;
}

/**
 * Starts the real API server (HTTP + WebSocket) on a free port against the test database;
 * `options.clock` pins what the assistant takes as now.
 */
export async function startTestApp(
  overrides: Record<string, string> = {},
  options: CompositionOptions = {},
): Promise<TestApp> {
  const config = testConfig(overrides);
  const app = await startApi(config, createLogger(config.LOG_LEVEL), options);
  return {
    ...app,
    graphqlUrl: `${app.url}/graphql`,
    wsUrl: `${app.url.replace(/^http/, 'ws')}/graphql`,
    sqlQueries: () => sqlLoggerOf(app.db).queryCount,
  };
}
