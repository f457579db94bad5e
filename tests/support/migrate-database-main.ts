import 'reflect-metadata';
import { createDataSource } from '../../src/db/data-source.js';
import { runMigrations } from '../../src/db/migrate.js';
import { createLogger } from '../../src/logger.js';

// The process global-setup.ts spawns to migrate the run's template database (the URL is its
// one argument) with the app's own migrations, as the app would on its first start.

const [url] = process.argv.slice(2);
if (!url) throw new Error('usage: migrate-database-main <database url>');
const db = createDataSource({ url, poolSize: 2, logger: createLogger('silent') });
await db.initialize();
await runMigrations(db);
await db.destroy();
