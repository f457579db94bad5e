import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WeeklyReview1797700000000 implements MigrationInterface {
  name = 'WeeklyReview1797700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "users" ADD "weekly_review_enabled" boolean NOT NULL DEFAULT true`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "weekly_review_enabled"`);
  }
}
