import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit log, blocked users, activity for stats, admin-scoped API tokens and broadcasts. */
export class OperatorTools1797020000000 implements MigrationInterface {
  name = 'OperatorTools1797020000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor" character varying(120) NOT NULL, "action" character varying(40) NOT NULL, "target_user_id" uuid, "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_audit_events_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_497bb4f7c4c55db9749616cd2a" ON "audit_events" ("created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d1d10a12fc903c108b70b1e701" ON "audit_events" ("target_user_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "broadcasts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor" character varying(120) NOT NULL, "text" text NOT NULL, "language" character varying(2), "status" character varying(16) NOT NULL, "total" integer NOT NULL, "written" integer NOT NULL DEFAULT '0', "cursor" uuid, CONSTRAINT "PK_broadcasts_id" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`ALTER TABLE "users" ADD "blocked_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "users" ADD "blocked_reason" character varying(300)`);
    await queryRunner.query(`ALTER TABLE "users" ADD "last_active_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "api_tokens" ADD "scope" character varying(16) NOT NULL DEFAULT 'user'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_tokens" DROP COLUMN "scope"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "last_active_at"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "blocked_reason"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "blocked_at"`);
    await queryRunner.query(`DROP TABLE "broadcasts"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
  }
}
