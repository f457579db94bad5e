import type { DataSource } from 'typeorm';

/** Any fixed number shared by every maxOn process: the key of the migration lock. */
const MIGRATION_LOCK_KEY = 7_405_221;

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so several processes
 * starting at once (API replicas, workers, test workers) migrate one at a time.
 */
export async function runMigrations(db: DataSource): Promise<void> {
  const lock = db.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await db.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}
