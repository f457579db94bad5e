import { randomBytes } from 'node:crypto';
import { afterAll } from '@jest/globals';
import pg from 'pg';
import { startEmbeddedPostgresProcess } from './embedded-postgres-process.js';

/**
 * Gives the calling test file a database of its own, already migrated: a copy of the run's
 * template (dropped by global-teardown with the run's main one). Job workers sweep,
 * reconcile and offer across the whole database, so files that run workers must not share
 * one. Call at the top of the file's module.
 */
export async function useOwnDatabase(): Promise<void> {
  if (process.env.MAXON_TEST_EMBEDDED) return useOwnEmbeddedDatabase();
  const admin = process.env.MAXON_TEST_ADMIN_DATABASE_URL;
  const main = process.env.MAXON_TEST_DATABASE;
  const template = process.env.MAXON_TEST_TEMPLATE_DATABASE;
  if (!admin || !main || !template)
    throw new Error('Run the tests through jest (global-setup sets the database)');
  const name = `${main}_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  process.env.MAXON_TEST_DATABASE_URL = url.toString();
}

/** The embedded PostgreSQL has one database: the file gets an instance of its own. */
async function useOwnEmbeddedDatabase(): Promise<void> {
  const embedded = await startEmbeddedPostgresProcess();
  process.env.MAXON_TEST_DATABASE_URL = embedded.url;
  // Runs before the file's own afterAll hooks (registered later): the database stops once
  // the file's apps have disconnected, without waiting here for it.
  afterAll(() => void embedded.stop());
}
