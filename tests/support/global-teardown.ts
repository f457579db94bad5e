import pg from 'pg';

export default async function globalTeardown(): Promise<void> {
  const name = process.env.MAXON_TEST_DATABASE;
  if (!name) return;
  const client = new pg.Client({ connectionString: process.env.MAXON_TEST_ADMIN_DATABASE_URL });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
}
