import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import WebSocket from 'ws';
import { asBot, type Credentials } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  // No web client: its own subscription socket from 127.0.0.1 would take one of the three slots.
  app = await startTestApp({
    WS_MAX_CONNECTIONS_PER_IP: '3',
    WS_ANONYMOUS_TIMEOUT_MS: '300',
    WEB_APP_ENABLED: 'false',
  });
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.terminate();
});
afterAll(() => app.stop());

/** A raw graphql-ws socket: opened, or refused with the upgrade's HTTP status. */
function open(): Promise<{ socket: WebSocket } | { refused: number }> {
  const socket = new WebSocket(app.wsUrl, 'graphql-transport-ws');
  sockets.push(socket);
  socket.on('error', () => undefined);
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket }));
    socket.once('unexpected-response', (_request, response) =>
      resolve({ refused: response.statusCode ?? 0 }),
    );
    socket.once('error', reject);
  });
}

async function opened(): Promise<WebSocket> {
  const result = await open();
  if (!('socket' in result)) throw new Error(`refused with ${result.refused}`);
  return result.socket;
}

/** The close code, once the socket closed (by `close()` here, or by the server). */
function closeCode(socket: WebSocket, close = false): Promise<number> {
  return new Promise((resolve) => {
    socket.once('close', (code) => resolve(code));
    if (close) socket.close();
  });
}

/** Sends connection_init and waits for the ack. */
async function initialised(credentials: Credentials): Promise<WebSocket> {
  const socket = await opened();
  const acked = new Promise<void>((resolve, reject) => {
    socket.once('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string };
      if (message.type === 'connection_ack') resolve();
      else reject(new Error(String(data)));
    });
  });
  socket.send(JSON.stringify({ type: 'connection_init', payload: credentials.connectionParams }));
  await acked;
  return socket;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('WebSocket connection limits', () => {
  it('refuses a client address beyond WS_MAX_CONNECTIONS_PER_IP with 429, and frees a slot on close', async () => {
    const first = await opened();
    await opened();
    await opened();
    expect(await open()).toEqual({ refused: 429 });

    await closeCode(first, true);
    await sleep(50);
    expect('socket' in (await open())).toBe(true);
  });

  it('closes a socket that connected without credentials (4401), but not one with them', async () => {
    const anonymous = await initialised({ headers: {}, connectionParams: {} });
    const bot = await initialised(asBot());
    const started = Date.now();
    expect(await closeCode(anonymous)).toBe(4401);
    expect(Date.now() - started).toBeLessThan(2_000);
    await sleep(400);
    expect(bot.readyState).toBe(WebSocket.OPEN);
  });
});
