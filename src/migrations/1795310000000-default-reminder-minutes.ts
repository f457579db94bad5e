import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DefaultReminderMinutes1795310000000 implements MigrationInterface {
  name = 'DefaultReminderMinutes1795310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "users" ADD "default_reminder_minutes" integer array NOT NULL DEFAULT '{15}'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "default_reminder_minutes"`);
  }
}
