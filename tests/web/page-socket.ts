import WebSocket from 'ws';

export type PageSocket =
  | { accepted: true; socket: WebSocket; next(): Promise<Record<string, unknown>> }
  | { accepted: false; code: number; reason: string };

/**
 * A graphql-ws socket opened the way the web page opens it (its cookie with the upgrade, its
 * CSRF token in connection_init), with the Origin a browser would send: acknowledged, or
 * closed with a code and reason.
 */
export function openPageSocket(
  wsUrl: string,
  options: { origin?: string; cookie?: string; csrfToken?: string },
): Promise<PageSocket> {
  const headers: Record<string, string> = {};
  if (options.origin) headers.Origin = options.origin;
  if (options.cookie) headers.Cookie = options.cookie;
  const socket = new WebSocket(wsUrl, 'graphql-transport-ws', { headers });
  const messages: Record<string, unknown>[] = [];
  const waiting: ((message: Record<string, unknown>) => void)[] = [];
  return new Promise((resolve, reject) => {
    socket.on('error', reject);
    socket.on('open', () =>
      socket.send(
        JSON.stringify({ type: 'connection_init', payload: { csrfToken: options.csrfToken } }),
      ),
    );
    socket.on('close', (code, reason) =>
      resolve({ accepted: false, code, reason: reason.toString() }),
    );
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as Record<string, unknown>;
      if (message.type === 'connection_ack') {
        resolve({
          accepted: true,
          socket,
          next: () =>
            new Promise((take) => {
              const queued = messages.shift();
              if (queued) take(queued);
              else waiting.push(take);
            }),
        });
        return;
      }
      const take = waiting.shift();
      if (take) take(message);
      else messages.push(message);
    });
  });
}
