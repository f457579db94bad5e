import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CalendarConnections1797300000000 implements MigrationInterface {
  name = 'CalendarConnections1797300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "calendar_connections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "name" character varying(200) NOT NULL, "url" character varying(2000), "credentials" text, "status" character varying(16) NOT NULL DEFAULT 'ok', "last_sync_at" TIMESTAMP WITH TIME ZONE, "last_error" character varying(500), "failure_count" integer NOT NULL DEFAULT '0', "next_sync_at" TIMESTAMP WITH TIME ZONE, "cursors" jsonb NOT NULL DEFAULT '{}', "busy_calendar_ids" text array NOT NULL DEFAULT '{}', "write_calendar_id" character varying(500), CONSTRAINT "PK_c2f78ae03c2e2a9389f6d8ddc64" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a6cfc47fdca0200897650f3639" ON "calendar_connections"  ("user_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "calendar_mappings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "connection_id" uuid NOT NULL, "calendar_id" character varying(500) NOT NULL, "local_kind" character varying(8) NOT NULL, "local_id" uuid NOT NULL, "remote_id" character varying(1000) NOT NULL, "etag" character varying(200), "pushed_hash" character varying(64), CONSTRAINT "UQ_26a05d578b6c9d7fc5289193e02" UNIQUE ("connection_id", "calendar_id", "remote_id"), CONSTRAINT "UQ_ad8b548964b3ce6102212c035fd" UNIQUE ("connection_id", "local_kind", "local_id"), CONSTRAINT "PK_8f8430edc7d519f135a48062595" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "external_busy_intervals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "connection_id" uuid NOT NULL, "calendar_id" character varying(500) NOT NULL, "remote_id" character varying(1000) NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "title" character varying(200), CONSTRAINT "PK_c52c4a76123564865fb38365ad4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_6fac5c3a48310ceae6cd43a520" ON "external_busy_intervals"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c307afb1bdbd14610c95d48a81" ON "external_busy_intervals"  ("connection_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d92ffd4ffd964eee6212ba63f3" ON "external_busy_intervals"  ("user_id", "starts_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "calendar_feeds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "last_fetched_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_045067d8bb57f971f3c5426ea71" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3212ce9ff23847e66347a6730d" ON "calendar_feeds"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_df53b5f17d35a6bac0fb13e16a" ON "calendar_feeds"  ("token_hash") `,
    );
    await queryRunner.query(
      `ALTER TABLE "calendar_connections" ADD CONSTRAINT "FK_f50ba81b8bc18cd53c456c1b30f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "calendar_mappings" ADD CONSTRAINT "FK_c022d539e237c9427d43b262760" FOREIGN KEY ("connection_id") REFERENCES "calendar_connections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "external_busy_intervals" ADD CONSTRAINT "FK_6fac5c3a48310ceae6cd43a5204" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "external_busy_intervals" ADD CONSTRAINT "FK_c307afb1bdbd14610c95d48a81b" FOREIGN KEY ("connection_id") REFERENCES "calendar_connections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "calendar_feeds" ADD CONSTRAINT "FK_3212ce9ff23847e66347a6730d3" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "calendar_feeds" DROP CONSTRAINT "FK_3212ce9ff23847e66347a6730d3"`,
    );
    await queryRunner.query(
      `ALTER TABLE "external_busy_intervals" DROP CONSTRAINT "FK_c307afb1bdbd14610c95d48a81b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "external_busy_intervals" DROP CONSTRAINT "FK_6fac5c3a48310ceae6cd43a5204"`,
    );
    await queryRunner.query(
      `ALTER TABLE "calendar_mappings" DROP CONSTRAINT "FK_c022d539e237c9427d43b262760"`,
    );
    await queryRunner.query(
      `ALTER TABLE "calendar_connections" DROP CONSTRAINT "FK_f50ba81b8bc18cd53c456c1b30f"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_df53b5f17d35a6bac0fb13e16a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3212ce9ff23847e66347a6730d"`);
    await queryRunner.query(`DROP TABLE "calendar_feeds"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d92ffd4ffd964eee6212ba63f3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c307afb1bdbd14610c95d48a81"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6fac5c3a48310ceae6cd43a520"`);
    await queryRunner.query(`DROP TABLE "external_busy_intervals"`);
    await queryRunner.query(`DROP TABLE "calendar_mappings"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a6cfc47fdca0200897650f3639"`);
    await queryRunner.query(`DROP TABLE "calendar_connections"`);
  }
}
