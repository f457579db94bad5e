/**
 * Telegram delivery benchmark: 2,000 messages to 2,000 different chats through the bot's
 * TelegramMessenger and its SendQueue, against the fake Bot API enforcing Telegram's flood
 * limits (≤ 30 messages in any second). Target: ≥ 95 % of 30 msg/s and no 429 at all.
 *
 *   npm run bench:telegram
 *   BENCH_MESSAGES=300 node dist/bench/telegram-delivery.bench.js
 */
import { performance } from 'node:perf_hooks';
import { Telegram } from 'telegraf';
import { SendQueue } from '../src/clients/shared/outbound/send-queue.js';
import { screen } from '../src/clients/shared/screen.js';
import { TELEGRAM_LIMITS, classifyTelegramError } from '../src/clients/telegram/telegram-api.js';
import { TelegramMessenger } from '../src/clients/telegram/telegram-messenger.js';
import { startFakeTelegramServer } from '../tests/support/fake-telegram-server.js';

const MESSAGES = Number(process.env.BENCH_MESSAGES) || 2000;
const FIRST_CHAT = 100_000;

const fake = await startFakeTelegramServer();
let rateLimited = 0;
const queue = new SendQueue({
  limits: TELEGRAM_LIMITS,
  classify: classifyTelegramError,
  onRateLimited: () => rateLimited++,
});
const messenger = new TelegramMessenger(new Telegram(fake.token, { apiRoot: fake.apiRoot }), queue);

const started = performance.now();
const results = await Promise.allSettled(
  Array.from({ length: MESSAGES }, (_, n) =>
    messenger.send(String(FIRST_CHAT + n), screen(`<b>Reminder</b>: step ${n + 1} is due`)),
  ),
);
const elapsedS = (performance.now() - started) / 1000;
await queue.stop();
await fake.close();

const sent = results.filter((r) => r.status === 'fulfilled').length;
const rate = sent / elapsedS;
const arrivals = fake.calls.filter((c) => c.method === 'sendMessage').map((c) => c.at);
console.log(`sent ${sent}/${MESSAGES} to ${MESSAGES} chats in ${elapsedS.toFixed(1)} s`);
console.log(`rate ${rate.toFixed(2)} msg/s = ${((rate / 30) * 100).toFixed(1)} % of 30 msg/s`);
console.log(`429 answers: ${fake.tooManyRequests} (queue saw ${rateLimited})`);
console.log(`most requests the fake saw in any 1,000 ms: ${busiestSecond(arrivals)}`);
if (sent < MESSAGES) {
  const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
  console.log('first failure:', failed.reason);
}

/** Sliding 1 s window over arrival times (ms, ascending). */
function busiestSecond(times: number[]): number {
  let most = 0;
  for (let end = 0, start = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= 1000) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}
