import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EventExceptions1797831600000 implements MigrationInterface {
  name = 'EventExceptions1797831600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "events" ADD "exceptions" jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "events" DROP COLUMN "exceptions"`);
  }
}
