import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The assistant's last action per user, with what undoes it (↩️ Undo). */
export class AssistantUndo1797500000001 implements MigrationInterface {
  name = 'AssistantUndo1797500000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "conversation_states" ADD "undo" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "conversation_states" DROP COLUMN "undo"`);
  }
}
