import { startApiServer } from '../http/api-server.js';
import type { Config } from '../config.js';
import type { StartRole } from './role.js';

/** Zero setup: no bot to send a link from; development only (never in production or tests). */
export const localSignInAllowed = (config: Config) =>
  config.WEB_APP_ENABLED &&
  config.NODE_ENV === 'development' &&
  !config.TELEGRAM_BOT_TOKEN &&
  !config.MAX_BOT_TOKEN;

/** GraphQL over HTTP and WebSocket, health, metrics and the playground. */
export const startApiRole: StartRole = async (config, logger, shared) => {
  const core = await shared.core();
  const server = await startApiServer(core.deps, config, logger);
  logger.info(
    { url: `${server.url}/graphql` },
    `maxOn API ready; playground at ${server.url}/graphql`,
  );
  if (localSignInAllowed(config)) {
    const { token } = await core.deps.services.webAuth.localLink();
    // One line a newcomer can act on: no bot token is needed to try maxOn.
    logger.info(`Open ${server.url}/app#signin=${token} to talk to maxOn`);
  }
  return server;
};
