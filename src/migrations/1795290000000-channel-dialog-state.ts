import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ChannelDialogState1795290000000 implements MigrationInterface {
  name = 'ChannelDialogState1795290000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "channel_accounts" ADD "dialog_state" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "channel_accounts" DROP COLUMN "dialog_state"`);
  }
}
