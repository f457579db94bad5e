import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddHabits1796616483022 implements MigrationInterface {
  name = 'AddHabits1796616483022';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "habits" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "goal_id" uuid, "reminder_times" character varying(5) array NOT NULL DEFAULT '{}', "target" integer, "status" character varying(16) NOT NULL DEFAULT 'active', "started_on" date NOT NULL, "pauses" jsonb NOT NULL DEFAULT '[]', "current_streak" integer NOT NULL DEFAULT '0', "best_streak" integer NOT NULL DEFAULT '0', "strength" double precision NOT NULL DEFAULT '0', "done_count" integer NOT NULL DEFAULT '0', "completed_at" TIMESTAMP WITH TIME ZONE, "schedule_kind" character varying(16) NOT NULL DEFAULT 'daily', "schedule_weekdays" smallint array NOT NULL DEFAULT '{}', "schedule_count" smallint, CONSTRAINT "PK_b3ec33c2d7af69d09fcf4af7e39" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_52237d08f2a4da7c9d4a367f9d" ON "habits"  ("goal_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c069d44e648ea5cadf89018077" ON "habits"  ("user_id", "status", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "habit_check_ins" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "habit_id" uuid NOT NULL, "local_date" date NOT NULL, "status" character varying(16) NOT NULL, "value" integer, "note" character varying(500), "source" character varying(16) NOT NULL, CONSTRAINT "UQ_deceb7d7751ad7f02612869e3bf" UNIQUE ("habit_id", "local_date"), CONSTRAINT "PK_1950e0762310dfed40f56efc610" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ff84a2805dea925b15b7a445eb" ON "habit_check_ins"  ("user_id", "local_date") `,
    );
    await queryRunner.query(
      `CREATE TABLE "vacations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "from_date" date NOT NULL, "to_date" date NOT NULL, CONSTRAINT "PK_830973008a9b7e114e612442750" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7483432adbbf72a858041efdc6" ON "vacations"  ("user_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD "day_start" character varying(5) NOT NULL DEFAULT '00:00'`,
    );
    await queryRunner.query(
      `ALTER TABLE "habits" ADD CONSTRAINT "FK_652ea1f27d16800eca4259546a1" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "habits" ADD CONSTRAINT "FK_52237d08f2a4da7c9d4a367f9d3" FOREIGN KEY ("goal_id") REFERENCES "goals"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "habit_check_ins" ADD CONSTRAINT "FK_d0e49003faaca9bca4518c2de71" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "habit_check_ins" ADD CONSTRAINT "FK_3c34c81dc4da828ac14b6d36d44" FOREIGN KEY ("habit_id") REFERENCES "habits"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vacations" ADD CONSTRAINT "FK_7483432adbbf72a858041efdc61" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "vacations" DROP CONSTRAINT "FK_7483432adbbf72a858041efdc61"`,
    );
    await queryRunner.query(
      `ALTER TABLE "habit_check_ins" DROP CONSTRAINT "FK_3c34c81dc4da828ac14b6d36d44"`,
    );
    await queryRunner.query(
      `ALTER TABLE "habit_check_ins" DROP CONSTRAINT "FK_d0e49003faaca9bca4518c2de71"`,
    );
    await queryRunner.query(
      `ALTER TABLE "habits" DROP CONSTRAINT "FK_52237d08f2a4da7c9d4a367f9d3"`,
    );
    await queryRunner.query(
      `ALTER TABLE "habits" DROP CONSTRAINT "FK_652ea1f27d16800eca4259546a1"`,
    );
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "day_start"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7483432adbbf72a858041efdc6"`);
    await queryRunner.query(`DROP TABLE "vacations"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ff84a2805dea925b15b7a445eb"`);
    await queryRunner.query(`DROP TABLE "habit_check_ins"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c069d44e648ea5cadf89018077"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_52237d08f2a4da7c9d4a367f9d"`);
    await queryRunner.query(`DROP TABLE "habits"`);
  }
}
