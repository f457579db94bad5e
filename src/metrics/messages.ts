import { Counter } from 'prom-client';
import type { Platform } from '../entities/enums.js';
import { registry } from './registry.js';

/** A messenger, as the enum or its value ("telegram", "max"). */
export type MessengerPlatform = Platform | `${Platform}`;

const sent = new Counter({
  name: 'maxon_messages_sent_total',
  help: 'Messages the bots sent to a messenger, by platform',
  labelNames: ['platform'] as const,
  registers: [registry],
});

const rateLimited = new Counter({
  name: 'maxon_messages_rate_limited_total',
  help: 'Messenger API answers "429 Too Many Requests" the bots received, by platform',
  labelNames: ['platform'] as const,
  registers: [registry],
});

/** A bot calls this after each message the messenger accepted. */
export function countMessageSent(platform: MessengerPlatform): void {
  sent.inc({ platform });
}

/** A bot calls this on each 429 answer of the messenger's API. */
export function countRateLimited(platform: MessengerPlatform): void {
  rateLimited.inc({ platform });
}

/** 429 answers this process's bots received since it started (0 where no bot runs). */
export async function rateLimitedTotal(): Promise<number> {
  const metric = await rateLimited.get();
  return metric.values.reduce((sum, value) => sum + value.value, 0);
}
