import pg from 'pg';
// jest loads this file as CommonJS without the tests' `.js` → `.ts` mapping: a module of
// ours is named by its source file, and imports none itself.
import {
  startEmbeddedPostgresProcess,
  type EmbeddedPostgresProcess,
} from './embedded-postgres-process.ts';

declare global {
  /** The run's embedded database, for global-teardown (same process). */
  var maxonTestEmbeddedPostgres: EmbeddedPostgresProcess | undefined;
}

/**
 * Each test run gets a fresh database: on the PostgreSQL server at DATABASE_URL when it is
 * set (a new database there; global-teardown drops it), else on an in-memory embedded
 * PostgreSQL that lives as long as the run. The first test app to start migrates it (under
 * an advisory lock).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) await createServerDatabase(process.env.DATABASE_URL);
  else await startEmbeddedDatabase();
}

async function createServerDatabase(adminUrl: string): Promise<void> {
  const name = `maxon_test_${Date.now()}_${process.pid}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  process.env.MAXON_TEST_ADMIN_DATABASE_URL = adminUrl;
  process.env.MAXON_TEST_DATABASE = name;
  process.env.MAXON_TEST_DATABASE_URL = url.toString();
}

/** The embedded PostgreSQL has one database: the whole run shares it. */
async function startEmbeddedDatabase(): Promise<void> {
  const embedded = await startEmbeddedPostgresProcess();
  globalThis.maxonTestEmbeddedPostgres = embedded;
  process.env.MAXON_TEST_EMBEDDED = 'true';
  process.env.MAXON_TEST_DATABASE_URL = embedded.url;
}
