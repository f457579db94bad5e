import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook secrets become AES-256-GCM sealed values (`v1:<key id>:…`), longer than the
 * plaintext. The key lives in the config, which migrations do not see, so the existing
 * plaintext values are sealed right after the migrations at start-up
 * (`WebhookService.resealSecrets`, idempotent and safe with replicas starting).
 */
export class WebhookSecretsAtRest1797000000000 implements MigrationInterface {
  name = 'WebhookSecretsAtRest1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "webhooks" ALTER COLUMN "secret" TYPE varchar(400)`);
  }

  async down(): Promise<void> {
    // Sealed values do not fit the old column, and unsealing needs the key: not reversible.
    throw new Error('WebhookSecretsAtRest cannot be reverted (secrets are sealed)');
  }
}
