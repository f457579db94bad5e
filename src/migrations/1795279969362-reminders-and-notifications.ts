import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RemindersAndNotifications1795279969362 implements MigrationInterface {
  name = 'RemindersAndNotifications1795279969362';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "channel" character varying(16) NOT NULL, "target" character varying(64), "kind" character varying(24) NOT NULL, "text" text NOT NULL, "payload" jsonb NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "idempotency_key" character varying(300) NOT NULL, "occurrence_at" TIMESTAMP WITH TIME ZONE NOT NULL, "available_at" TIMESTAMP WITH TIME ZONE NOT NULL, "delivered_at" TIMESTAMP WITH TIME ZONE, "failure_reason" character varying(300), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_5af2abaf70226e88b27ae3b639" ON "notifications"  ("idempotency_key") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_310667f935698fcd8cb319113a" ON "notifications"  ("user_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_782efde169629ee46025ef4ac6" ON "notifications"  ("channel", "status", "available_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "reminder_audit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "reminder_id" uuid NOT NULL, "user_id" uuid NOT NULL, "action" character varying(16) NOT NULL, "actor" character varying(120) NOT NULL, "details" jsonb, CONSTRAINT "PK_427d64112ff0e1f02e8eb9a0367" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7af5359bab81a915f0c2bdd0f4" ON "reminder_audit"  ("reminder_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "reminders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "type" character varying(16) NOT NULL, "text" character varying(500) NOT NULL, "trigger_at" TIMESTAMP WITH TIME ZONE, "cron" character varying(120), "timezone" character varying(64) NOT NULL, "payload" jsonb NOT NULL DEFAULT '{}', "status" character varying(16) NOT NULL, "next_run_at" TIMESTAMP WITH TIME ZONE, "last_triggered_at" TIMESTAMP WITH TIME ZONE, "created_by" character varying(120) NOT NULL, CONSTRAINT "PK_38715fec7f634b72c6cf7ea4893" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_aed4545e1082123c975e52539c" ON "reminders"  ("user_id", "status", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "webhooks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "url" character varying(500) NOT NULL, "secret" character varying(80) NOT NULL, "active" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_9e8795cfc899ab7bdaa831e8527" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0d523f6f997c86e052c49b1455" ON "webhooks"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "notification_id" uuid NOT NULL, "webhook_id" uuid NOT NULL, "attempt" integer NOT NULL, "status_code" integer, "error" character varying(300), "duration_ms" integer NOT NULL, CONSTRAINT "PK_535dd409947fb6d8fc6dfc0112a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_aab4e6506ada91b518c1e4b5df" ON "webhook_deliveries"  ("notification_id", "attempt") `,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reminders" ADD CONSTRAINT "FK_586e0b8e419125be507701cee2a" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhooks" ADD CONSTRAINT "FK_0d523f6f997c86e052c49b1455f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "webhooks" DROP CONSTRAINT "FK_0d523f6f997c86e052c49b1455f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "reminders" DROP CONSTRAINT "FK_586e0b8e419125be507701cee2a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "FK_9a8a82462cab47c73d25f49261f"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_aab4e6506ada91b518c1e4b5df"`);
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0d523f6f997c86e052c49b1455"`);
    await queryRunner.query(`DROP TABLE "webhooks"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_aed4545e1082123c975e52539c"`);
    await queryRunner.query(`DROP TABLE "reminders"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7af5359bab81a915f0c2bdd0f4"`);
    await queryRunner.query(`DROP TABLE "reminder_audit"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_782efde169629ee46025ef4ac6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_310667f935698fcd8cb319113a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5af2abaf70226e88b27ae3b639"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
  }
}
