import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EventRemindersDisabledReason1795300000000 implements MigrationInterface {
  name = 'EventRemindersDisabledReason1795300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "events" ADD "reminders_disabled_reason" character varying(300)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "events" DROP COLUMN "reminders_disabled_reason"`);
  }
}
