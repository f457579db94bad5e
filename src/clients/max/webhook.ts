import { timingSafeEqual } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Bot } from '@maxhub/max-bot-api';
import { UPDATE_TYPES } from './updates.js';

const SECRET_HEADER = 'x-max-bot-api-secret';

export interface MaxWebhookOptions {
  /** The public URL MAX posts to (subscribed as is). */
  url: string;
  secret: string;
  /** Where this process listens. */
  host: string;
  port: number;
  path: string;
}

/**
 * Webhook mode: an HTTP server that takes only requests carrying the secret (401 without it,
 * 403 with a wrong one, nothing handled), subscribed at MAX; other subscriptions of the bot
 * are removed. The library's callback then parses the update, answers 200 and runs the bot's
 * middleware. Stopping keeps the subscription, so a restarted bot gets what MAX queued meanwhile.
 */
export async function serveMaxWebhook(
  bot: Bot,
  options: MaxWebhookOptions,
): Promise<{ port: number; close(): Promise<void> }> {
  const handle = bot.webhookCallback({
    domain: options.url,
    path: options.path,
    secret: options.secret,
  });
  const expected = Buffer.from(options.secret);
  const server = createServer((req, res) => {
    const given = req.headers[SECRET_HEADER];
    if (typeof given !== 'string' || !given) return refuse(res, 401, 'Unauthorized');
    const buffer = Buffer.from(given);
    if (buffer.length !== expected.length || !timingSafeEqual(buffer, expected)) {
      return refuse(res, 403, 'Forbidden');
    }
    handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  try {
    await bot.api.subscribe(options.url, options.secret, UPDATE_TYPES);
    const others = (await bot.api.getSubscriptions()).filter((s) => s.url !== options.url);
    await Promise.all(others.map((subscription) => bot.api.unsubscribe(subscription.url)));
  } catch (error) {
    await close();
    throw error;
  }
  return { port: (server.address() as AddressInfo).port, close };
}

function refuse(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(text);
}
