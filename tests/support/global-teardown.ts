import pg from 'pg';

export default async function globalTeardown(): Promise<void> {
  await globalThis.maxonTestEmbeddedPostgres?.stop();
  const name = process.env.MAXON_TEST_DATABASE;
  if (!name) return;
  const client = new pg.Client({ connectionString: process.env.MAXON_TEST_ADMIN_DATABASE_URL });
  await client.connect();
  // The run's database, its template and the per-file ones made by own-database.ts.
  const { rows } = await client.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $1 || '\\_%'`,
    [name],
  );
  for (const { datname } of rows) {
    await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
  await client.end();
}
