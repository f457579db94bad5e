import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CalendarPushChannels1797820000000 implements MigrationInterface {
  name = 'CalendarPushChannels1797820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "calendar_connections" ADD "push_channels" jsonb NOT NULL DEFAULT '{}'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "calendar_connections" DROP COLUMN "push_channels"`);
  }
}
