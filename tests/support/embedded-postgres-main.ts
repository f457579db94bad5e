import 'reflect-metadata';
import { createDataSource } from '../../src/db/data-source.js';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.js';
import { runMigrations } from '../../src/db/migrate.js';
import { createLogger } from '../../src/logger.js';

// The process spawned by embedded-postgres-process.ts: an in-memory embedded PostgreSQL.
// Prints `{"url": …}` once it listens. On SIGTERM it stops once no client is connected any
// more (like PostgreSQL's smart shutdown); when its parent goes away (stdin closes), at once.

const embedded = await startEmbeddedPostgres();
// Migrated before any test app connects: its one session makes the advisory lock that
// serialises the apps' migrations on a server a no-op here.
const db = createDataSource({ url: embedded.url, poolSize: 2, logger: createLogger('silent') });
await db.initialize();
await runMigrations(db);
await db.destroy();
process.stdout.write(`${JSON.stringify({ url: embedded.url })}\n`);

const stop = async () => {
  await embedded.stop();
  process.exit(0);
};
process.once('SIGTERM', async () => {
  while (embedded.connections() > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  await stop();
});
process.stdin.on('end', () => void stop()).resume();
