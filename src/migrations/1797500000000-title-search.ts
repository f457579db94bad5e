import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finding a goal, step or event by the words a person uses for it: trigram indexes
 * (pg_trgm, for typos and word parts) and full-text indexes over the Russian and English
 * stems of titles. Expression indexes, so the entities do not declare them (TypeORM does not
 * read expression indexes back, and leaves them alone).
 */
export class TitleSearch1797500000000 implements MigrationInterface {
  name = 'TitleSearch1797500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    for (const table of ['events', 'goals', 'steps']) {
      await queryRunner.query(
        `CREATE INDEX "IDX_${table}_title_trgm" ON "${table}" USING gin (lower("title") gin_trgm_ops)`,
      );
      await queryRunner.query(
        `CREATE INDEX "IDX_${table}_title_fts" ON "${table}" USING gin ((to_tsvector('russian', "title") || to_tsvector('english', "title")))`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['events', 'goals', 'steps']) {
      await queryRunner.query(`DROP INDEX "IDX_${table}_title_fts"`);
      await queryRunner.query(`DROP INDEX "IDX_${table}_title_trgm"`);
    }
  }
}
