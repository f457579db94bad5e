import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An operator finds a user by display name (`adminUsers`, case-insensitive): an expression
 * index, so the entity does not declare it (TypeORM does not read expression indexes back).
 */
export class AdminUserSearch1797810000000 implements MigrationInterface {
  name = 'AdminUserSearch1797810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_users_display_name_lower" ON "users" (lower("display_name"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_users_display_name_lower"`);
  }
}
