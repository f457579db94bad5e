/**
 * Where the outage benchmark's reminders end up: maxOn's own NotificationRelay (the bots'
 * code: subscription, catch-up, acknowledgement, memory of sent ids) with a Telegram-like
 * messenger that POSTs each message to a local HTTP sink instead of Telegram. The sink has
 * no flood limit, so the figures measure maxOn, not Telegram's 30 messages a second.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiClient } from '../src/clients/shared/api-client.js';
import type { Messenger } from '../src/clients/shared/messenger.js';
import { NotificationRelay } from '../src/clients/shared/notification-relay.js';

export interface Delivery {
  /** The reminder's text, e.g. "outage a #17". */
  key: string;
  at: number;
}

export interface Sink {
  deliveries: Delivery[];
  stop(): Promise<void>;
}

/** Every delivered message whose text carries `outage <scenario> #<n>` is recorded. */
const KEY = /outage [a-z0-9] #\d+/;

export async function startSink(graphqlUrl: string, serviceKey: string): Promise<Sink> {
  const deliveries: Delivery[] = [];
  let messages = 0;
  const server: Server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const key = KEY.exec((JSON.parse(body) as { html: string }).html)?.[0];
      if (key) deliveries.push({ key, at: Date.now() });
      messages += 1;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ id: String(messages) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const sinkUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;

  const messenger: Messenger = {
    platform: 'telegram',
    textLimit: 4096,
    async send(chatId, screen) {
      const response = await fetch(sinkUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ chatId, html: screen.html }),
      });
      return ((await response.json()) as { id: string }).id;
    },
    // Reminders are text: a photo never reaches this sink.
    sendPhoto: () => Promise.reject(new Error('the outage sink takes text only')),
    edit: async () => undefined,
    answerCallback: async () => undefined,
    typing: async () => undefined,
  };
  const api = new ApiClient(graphqlUrl, serviceKey);
  const quiet = { info: () => undefined, warn: () => undefined, error: console.error };
  const relay = new NotificationRelay(api, messenger, quiet);
  await relay.start();
  return {
    deliveries,
    async stop() {
      await relay.stop();
      await api.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
