import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { loadConfig } from '../config.js';
import { createDataSource } from '../db/data-source.js';
import { startEmbeddedPostgres } from '../db/embedded-postgres.js';
import { runMigrations } from '../db/migrate.js';
import { createLogger } from '../logger.js';

/**
 * Writes a migration with the SQL that brings the database at DATABASE_URL (or, when unset, a
 * fresh in-memory embedded PostgreSQL), migrated to the latest migration, in line with the
 * entities. Usage: npm run migration:generate -- Name
 */
const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('usage: npm run migration:generate -- PascalCaseName');
  process.exit(2);
}
const config = loadConfig();
const embedded = config.DATABASE_URL ? null : await startEmbeddedPostgres();
const dataSource = createDataSource({
  url: config.DATABASE_URL ?? embedded!.url,
  poolSize: 2,
  logger: createLogger('warn'),
});
await dataSource.initialize();
await runMigrations(dataSource);
const sql = await dataSource.driver.createSchemaBuilder().log();
await dataSource.destroy();
await embedded?.stop();
if (sql.upQueries.length === 0) {
  console.log('The entities and the migrations agree: nothing to generate.');
  process.exit(0);
}
const timestamp = Date.now();
const escape = (query: string) => query.replace(/\\/g, '\\\\').replace(/`/g, '\\`');
const lines = (queries: { query: string }[]) =>
  queries.map(({ query }) => `    await queryRunner.query(\`${escape(query)}\`);`).join('\n');
const className = `${name}${timestamp}`;
const file = `src/migrations/${timestamp}-${name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.ts`;
writeFileSync(
  file,
  `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(sql.upQueries)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines([...sql.downQueries].reverse())}
  }
}
`,
);
console.log(`Wrote ${file}; add ${className} to src/migrations/index.ts.`);
