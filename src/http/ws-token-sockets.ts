import type { WebSocket } from 'ws';
import { TOKEN_REVOCATIONS, type AppPubSub } from '../pubsub.js';

/** graphql-ws's close code for refused credentials; clients stop retrying on it. */
export const FORBIDDEN_CLOSE = 4403;

/**
 * The open WebSockets of each API token, so a revocation (published by whichever API
 * instance handled `revokeApiToken`) closes them at once instead of at their next operation.
 */
export function trackTokenSockets(pubsub: AppPubSub) {
  const socketsByToken = new Map<string, Set<WebSocket>>();
  const closeToken = (tokenId: string) => {
    for (const socket of socketsByToken.get(tokenId) ?? []) {
      socket.close(FORBIDDEN_CLOSE, 'Forbidden: API token revoked');
    }
    socketsByToken.delete(tokenId);
  };
  const revocations = pubsub.subscribe('API_TOKEN_REVOKED', TOKEN_REVOCATIONS);
  void (async () => {
    for await (const { tokenId } of revocations) closeToken(tokenId);
  })();

  return {
    add(tokenId: string, socket: WebSocket) {
      const sockets = socketsByToken.get(tokenId) ?? new Set<WebSocket>();
      sockets.add(socket);
      socketsByToken.set(tokenId, sockets);
      socket.once('close', () => {
        sockets.delete(socket);
        if (sockets.size === 0 && socketsByToken.get(tokenId) === sockets) {
          socketsByToken.delete(tokenId);
        }
      });
    },
    closeToken,
    async stop() {
      await revocations.return?.(undefined);
    },
  };
}
