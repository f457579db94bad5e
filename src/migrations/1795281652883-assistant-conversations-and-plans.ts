import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AssistantConversationsAndPlans1795281652883 implements MigrationInterface {
  name = 'AssistantConversationsAndPlans1795281652883';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "conversation_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "role" character varying(16) NOT NULL, "text" text NOT NULL, "intent" character varying(32), CONSTRAINT "PK_113248f25c4c0a7c179b3f5a609" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1db9904ad89779dd871006ef76" ON "conversation_messages"  ("user_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "conversation_states" ("user_id" uuid NOT NULL, "pending" jsonb, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c4c3558ac442d4b8bc8de103b2d" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "plan_proposals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "goal_id" uuid NOT NULL, "steps" jsonb NOT NULL, "source" character varying(40) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'proposed', CONSTRAINT "PK_fd33833c6b14438a153096a6d96" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_072ac1b0eb7b38a2e1d248cf5a" ON "plan_proposals"  ("goal_id", "created_at") `,
    );
    await queryRunner.query(`ALTER TABLE "steps" ADD "if_then_cue" character varying(300)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "steps" DROP COLUMN "if_then_cue"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_072ac1b0eb7b38a2e1d248cf5a"`);
    await queryRunner.query(`DROP TABLE "plan_proposals"`);
    await queryRunner.query(`DROP TABLE "conversation_states"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1db9904ad89779dd871006ef76"`);
    await queryRunner.query(`DROP TABLE "conversation_messages"`);
  }
}
