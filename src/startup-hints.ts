import type { Config } from './config.js';

/** The settings the hints look at. */
export type HintedSettings = Pick<
  Config,
  | 'SERVICE_API_KEY'
  | 'TELEGRAM_BOT_TOKEN'
  | 'MAX_BOT_TOKEN'
  | 'MODEL_BASE_URL'
  | 'MODEL_API_KEY'
  | 'DATABASE_URL'
  | 'DATA_DIR'
  | 'MONGODB_URL'
  | 'REDIS_URL'
  | 'SECRETS_KEY'
>;

/**
 * One line for each optional part that is off or replaced by a built-in stand-in, naming
 * the setting that turns it on. Logged once at start-up, so a first run says what to set.
 */
export function startupHints(config: HintedSettings): string[] {
  const hints: string[] = [];
  if (!config.SERVICE_API_KEY) {
    hints.push('Bots cannot call the API: set SERVICE_API_KEY (32+ characters) to enable them');
  }
  if (!config.TELEGRAM_BOT_TOKEN) {
    hints.push('Telegram bot off: set TELEGRAM_BOT_TOKEN to enable it');
  }
  if (!config.MAX_BOT_TOKEN) hints.push('MAX bot off: set MAX_BOT_TOKEN to enable it');
  if (!config.MODEL_BASE_URL && !config.MODEL_API_KEY) {
    hints.push('Assistant runs offline (rule-based RU/EN): set MODEL_BASE_URL to use a model');
  }
  if (!config.DATABASE_URL) {
    hints.push(
      `Embedded PostgreSQL with data in ${config.DATA_DIR}: set DATABASE_URL to use a PostgreSQL server`,
    );
  }
  if (!config.MONGODB_URL) {
    hints.push('Jobs are kept in PostgreSQL: set MONGODB_URL to keep them in MongoDB');
  }
  if (!config.SECRETS_KEY) {
    hints.push(
      'Secrets at rest are sealed with the development key: set SECRETS_KEY (required in production)',
    );
  }
  if (!config.REDIS_URL) {
    hints.push('Subscriptions reach this process only: set REDIS_URL to share them via Redis');
  }
  return hints;
}
