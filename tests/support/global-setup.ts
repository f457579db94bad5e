import pg from 'pg';

// Runs outside jest's module system (no path mapping), so it is self-contained: it only
// creates the database. The first test app to start migrates it (under an advisory lock).

/** Each test run gets its own fresh database; global-teardown drops it. */
export default async function globalSetup(): Promise<void> {
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
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
