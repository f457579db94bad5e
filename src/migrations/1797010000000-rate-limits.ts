import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The per-user rate-limit counters of rate-limiter-flexible's PostgreSQL store (used with
 * DATABASE_URL and no REDIS_URL). Its own shape, not an entity: the library reads and
 * writes it; created here so no request waits for the library to create it.
 */
export class RateLimits1797010000000 implements MigrationInterface {
  name = 'RateLimits1797010000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rate_limits" ("key" varchar(255) PRIMARY KEY, "points" integer NOT NULL DEFAULT 0, "expire" bigint)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limits"`);
  }
}
