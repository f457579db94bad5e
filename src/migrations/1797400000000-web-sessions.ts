import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WebSessions1797400000000 implements MigrationInterface {
  name = 'WebSessions1797400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "web_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "csrf_token" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_3ae6bbf6cb5ac95b7f617d395d3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_099af5f73522b589358b3d1189" ON "web_sessions"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_6959865ff07869ea46a236b221" ON "web_sessions"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "web_sign_in_links" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ae508ac516d285a7ed973690af3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3b809be4c736c8ebba1adb699d" ON "web_sign_in_links"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_8551cf34bc7a1374f2c519fa79" ON "web_sign_in_links"  ("token_hash") `,
    );
    await queryRunner.query(
      `ALTER TABLE "web_sessions" ADD CONSTRAINT "FK_099af5f73522b589358b3d1189f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "web_sign_in_links" ADD CONSTRAINT "FK_3b809be4c736c8ebba1adb699da" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "web_sign_in_links" DROP CONSTRAINT "FK_3b809be4c736c8ebba1adb699da"`,
    );
    await queryRunner.query(
      `ALTER TABLE "web_sessions" DROP CONSTRAINT "FK_099af5f73522b589358b3d1189f"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_8551cf34bc7a1374f2c519fa79"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3b809be4c736c8ebba1adb699d"`);
    await queryRunner.query(`DROP TABLE "web_sign_in_links"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6959865ff07869ea46a236b221"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_099af5f73522b589358b3d1189"`);
    await queryRunner.query(`DROP TABLE "web_sessions"`);
  }
}
