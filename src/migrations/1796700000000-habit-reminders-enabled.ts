import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HabitRemindersEnabled1796700000000 implements MigrationInterface {
  name = 'HabitRemindersEnabled1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "users" ADD "habit_reminders_enabled" boolean NOT NULL DEFAULT true`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "habit_reminders_enabled"`);
  }
}
