import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795277559494 implements MigrationInterface {
  name = 'Initial1795277559494';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "display_name" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "timezone" character varying NOT NULL DEFAULT 'Europe/Moscow', "language" character varying(2) NOT NULL DEFAULT 'ru', "notifications_enabled" boolean NOT NULL DEFAULT true, "event_reminders_enabled" boolean NOT NULL DEFAULT true, "deadline_warnings_enabled" boolean NOT NULL DEFAULT true, "overdue_step_reminders_enabled" boolean NOT NULL DEFAULT true, "morning_digest_enabled" boolean NOT NULL DEFAULT true, "digest_time" character varying(5) NOT NULL DEFAULT '08:00', "deadline_check_time" character varying(5) NOT NULL DEFAULT '09:00', "evening_nudge_time" character varying(5) NOT NULL DEFAULT '20:00', "quiet_hours_start" character varying(5), "quiet_hours_end" character varying(5), "work_day_start" character varying(5) NOT NULL DEFAULT '09:00', "work_day_end" character varying(5) NOT NULL DEFAULT '18:00', "work_days" smallint array NOT NULL DEFAULT '{1,2,3,4,5}', CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "api_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "name" character varying(100) NOT NULL, "token_hash" character(64) NOT NULL, "token_prefix" character varying(16) NOT NULL, "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c587455266b5fa8dace7194caac" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b74883f5884a42fd8496d389b2" ON "api_tokens"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_bbd687a104e1921e6702c6e3aa" ON "api_tokens"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "channel_accounts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "platform" character varying(16) NOT NULL, "platform_user_id" character varying(64) NOT NULL, "chat_id" character varying(64) NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b23fdcb822c5261260a4c88041e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7b350d546f7a3502c506565896" ON "channel_accounts"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_7dcf1dd96233626f13bc78a8a3" ON "channel_accounts"  ("platform", "platform_user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "goals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "description" text, "status" character varying(16) NOT NULL DEFAULT 'active', "target_date" date, "progress" smallint NOT NULL DEFAULT '0', "is_scheduled" boolean NOT NULL DEFAULT false, "smart_analysis" jsonb, "completed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_26e17b251afab35580dff769223" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0b5f2d10496a1a02c6e4590c0c" ON "goals"  ("user_id", "status", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "steps" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "goal_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "position" integer NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'pending', "estimated_minutes" integer, "planned_start" TIMESTAMP WITH TIME ZONE, "planned_duration_minutes" integer, "completed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_65f86ac8996204d11f915f66a5b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c50cf9136e96802d002a5cb695" ON "steps"  ("goal_id", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "timezone" character varying(64) NOT NULL, "all_day" boolean NOT NULL DEFAULT false, "duration_minutes" integer NOT NULL DEFAULT '60', "recurrence" text, "notes" text, "kind" character varying(16) NOT NULL DEFAULT 'user', "goal_id" uuid, "step_id" uuid, "reminder_minutes_before" integer array NOT NULL DEFAULT '{15}', "reminder_enabled" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_40731c7151fe4be3116e45ddf73" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_09b120502ca834d65c4e754b9f" ON "events"  ("goal_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ebe6148a51daa00aeeba1d8917" ON "events"  ("step_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_226979ec12dc2dace6d8a26208" ON "events"  ("user_id", "starts_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "api_tokens" ADD CONSTRAINT "FK_b74883f5884a42fd8496d389b25" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "channel_accounts" ADD CONSTRAINT "FK_7b350d546f7a3502c5065658963" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "goals" ADD CONSTRAINT "FK_88b78010581f2d293699d064441" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "steps" ADD CONSTRAINT "FK_7d3dd5b34f582b0bf208ebba5f1" FOREIGN KEY ("goal_id") REFERENCES "goals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "events" ADD CONSTRAINT "FK_09f256fb7f9a05f0ed9927f406b" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "events" ADD CONSTRAINT "FK_09b120502ca834d65c4e754b9f1" FOREIGN KEY ("goal_id") REFERENCES "goals"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "events" ADD CONSTRAINT "FK_ebe6148a51daa00aeeba1d89176" FOREIGN KEY ("step_id") REFERENCES "steps"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "events" DROP CONSTRAINT "FK_ebe6148a51daa00aeeba1d89176"`,
    );
    await queryRunner.query(
      `ALTER TABLE "events" DROP CONSTRAINT "FK_09b120502ca834d65c4e754b9f1"`,
    );
    await queryRunner.query(
      `ALTER TABLE "events" DROP CONSTRAINT "FK_09f256fb7f9a05f0ed9927f406b"`,
    );
    await queryRunner.query(`ALTER TABLE "steps" DROP CONSTRAINT "FK_7d3dd5b34f582b0bf208ebba5f1"`);
    await queryRunner.query(`ALTER TABLE "goals" DROP CONSTRAINT "FK_88b78010581f2d293699d064441"`);
    await queryRunner.query(
      `ALTER TABLE "channel_accounts" DROP CONSTRAINT "FK_7b350d546f7a3502c5065658963"`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_tokens" DROP CONSTRAINT "FK_b74883f5884a42fd8496d389b25"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_226979ec12dc2dace6d8a26208"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ebe6148a51daa00aeeba1d8917"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_09b120502ca834d65c4e754b9f"`);
    await queryRunner.query(`DROP TABLE "events"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c50cf9136e96802d002a5cb695"`);
    await queryRunner.query(`DROP TABLE "steps"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0b5f2d10496a1a02c6e4590c0c"`);
    await queryRunner.query(`DROP TABLE "goals"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7dcf1dd96233626f13bc78a8a3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7b350d546f7a3502c506565896"`);
    await queryRunner.query(`DROP TABLE "channel_accounts"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bbd687a104e1921e6702c6e3aa"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b74883f5884a42fd8496d389b2"`);
    await queryRunner.query(`DROP TABLE "api_tokens"`);
    await queryRunner.query(`DROP TABLE "users"`);
  }
}
