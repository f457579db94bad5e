import type { IncomingMessage } from 'node:http';

/**
 * At most `maxPerIp` open WebSockets per client address, counted from the upgrade until the
 * TCP connection closes. For ws's `verifyClient`: a refused upgrade gets HTTP 429.
 */
export function connectionsPerIp(maxPerIp: number) {
  const open = new Map<string, number>();
  return (
    info: { req: IncomingMessage },
    done: (accept: boolean, code?: number, message?: string) => void,
  ) => {
    const address = info.req.socket.remoteAddress ?? 'unknown';
    const count = open.get(address) ?? 0;
    if (count >= maxPerIp) return done(false, 429, 'Too many WebSocket connections');
    open.set(address, count + 1);
    info.req.socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
    done(true);
  };
}
