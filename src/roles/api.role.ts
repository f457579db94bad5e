import { startApiServer } from '../http/api-server.js';
import type { StartRole } from './role.js';

/** GraphQL over HTTP and WebSocket, health, metrics and the playground. */
export const startApiRole: StartRole = async (config, logger, shared) => {
  const core = await shared.core();
  const server = await startApiServer(core.deps, config, logger);
  logger.info(
    { url: `${server.url}/graphql` },
    `maxOn API ready; playground at ${server.url}/graphql`,
  );
  return server;
};
