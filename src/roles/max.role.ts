import { startMaxBot } from '../clients/max/start.js';
import { RoleUnavailableError, type StartRole } from './role.js';

/** The MAX bot; it calls the API (BOT_API_URL or this process's), never the database. */
export const startMaxRole: StartRole = async (config, logger) => {
  if (!config.MAX_BOT_TOKEN) {
    throw new RoleUnavailableError('Set MAX_BOT_TOKEN to start the MAX bot');
  }
  return startMaxBot(config, logger);
};
