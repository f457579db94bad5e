import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
// jest loads this file as CommonJS without the tests' `.js` → `.ts` mapping: a module of
// ours is named by its source file, and imports none itself.
import {
  startEmbeddedPostgresProcess,
  type EmbeddedPostgresProcess,
} from './embedded-postgres-process.ts';
import { nodeArguments } from './source-build.ts';

declare global {
  /** The run's embedded database, for global-teardown (same process). */
  var maxonTestEmbeddedPostgres: EmbeddedPostgresProcess | undefined;
}

/**
 * Each test run gets a fresh, migrated database: on the PostgreSQL server at DATABASE_URL
 * when it is set (a copy of a template migrated once here; global-teardown drops both), else
 * on an in-memory embedded PostgreSQL that lives as long as the run (migrated as it starts).
 */
export default async function globalSetup(): Promise<void> {
  buildWebClientOnce();
  if (process.env.DATABASE_URL) await createServerDatabase(process.env.DATABASE_URL);
  else await startEmbeddedDatabase();
}

/**
 * The browser tests (tests/web) load the built page: on a fresh checkout (the README's
 * `npm install && npm test`) nothing built it yet, so it is built here, once (a few seconds).
 */
function buildWebClientOnce(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  if (existsSync(join(root, 'dist/web/index.html'))) return;
  const built = spawnSync('npm', ['run', 'build:web'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build:web failed');
}

/**
 * Migrating takes a test app ~1.5 s, and every file with a database of its own
 * (own-database.ts) would pay it again: the migrations run once, on a template that the
 * run's database and those are copied from (`CREATE DATABASE … TEMPLATE`, a file copy).
 */
async function createServerDatabase(adminUrl: string): Promise<void> {
  const name = `maxon_test_${Date.now()}_${process.pid}`;
  // Named like the per-file databases, so global-teardown drops it with them.
  const template = `${name}_template`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${template}"`);
    await migrate(databaseUrl(adminUrl, template)).catch(async (error: unknown) => {
      // jest runs no global-teardown when the setup fails.
      await client.query(`DROP DATABASE "${template}"`);
      throw error;
    });
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await client.end();
  }
  process.env.MAXON_TEST_ADMIN_DATABASE_URL = adminUrl;
  process.env.MAXON_TEST_DATABASE = name;
  process.env.MAXON_TEST_TEMPLATE_DATABASE = template;
  process.env.MAXON_TEST_DATABASE_URL = databaseUrl(adminUrl, name);
}

function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs the app's migrations on `url` in a child process (this one cannot load src/). */
async function migrate(url: string): Promise<void> {
  const main = fileURLToPath(new URL('./migrate-database-main.ts', import.meta.url));
  const child = spawn(process.execPath, [...nodeArguments(main), url], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`migrating the test database failed (exit ${code})`);
}

/** The embedded PostgreSQL has one database: the whole run shares it. */
async function startEmbeddedDatabase(): Promise<void> {
  const embedded = await startEmbeddedPostgresProcess();
  globalThis.maxonTestEmbeddedPostgres = embedded;
  process.env.MAXON_TEST_EMBEDDED = 'true';
  process.env.MAXON_TEST_DATABASE_URL = embedded.url;
}
