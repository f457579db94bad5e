import { startTelegramBot } from '../clients/telegram/start.js';
import { RoleUnavailableError, type StartRole } from './role.js';

/** The Telegram bot; it calls the API (BOT_API_URL or this process's), never the database. */
export const startTelegramRole: StartRole = async (config, logger) => {
  if (!config.TELEGRAM_BOT_TOKEN) {
    throw new RoleUnavailableError('Set TELEGRAM_BOT_TOKEN to start the Telegram bot');
  }
  return startTelegramBot(config, logger);
};
