import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Gives the calling test file a database of its own (dropped by global-teardown with the
 * run's main one). Job workers sweep, reconcile and offer across the whole database, so
 * files that run workers must not share one. Call at the top of the file's module.
 */
export async function useOwnDatabase(): Promise<void> {
  const admin = process.env.MAXON_TEST_ADMIN_DATABASE_URL;
  const main = process.env.MAXON_TEST_DATABASE;
  if (!admin || !main)
    throw new Error('Run the tests through jest (global-setup sets the database)');
  const name = `${main}_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  process.env.MAXON_TEST_DATABASE_URL = url.toString();
}
