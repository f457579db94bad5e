import type { IncomingMessage, ServerResponse } from 'node:http';
import { pollUntil, type Truthy } from './poll-until.js';

/**
 * What the fake Telegram and MAX servers keep alike: the log of API calls, failures injected
 * for the next calls of a method (or '*'), the bot's messages with a per-chat cursor for
 * `nextMessage`, and waiting that gives up once the server is closed.
 */
export class FakeMessengerCore<
  Call extends { at: number; status: number | string },
  Stored extends { chat_id: number; deleted?: boolean },
  Shown,
  Failure,
> {
  readonly calls: Call[] = [];
  /** The bot's messages as stored, deleted ones included, oldest first. */
  readonly log: Stored[] = [];
  closed = false;
  private readonly failures: { key: string; failure: Failure; times: number }[] = [];
  private readonly cursors = new Map<number, number>();

  constructor(
    private readonly name: string,
    private readonly snapshot: (message: Stored) => Shown,
    /** "sendMessage → 429": how a call is named when a wait times out. */
    private readonly describe: (call: Call) => string,
  ) {}

  record(call: Call): Call {
    this.calls.push(call);
    return call;
  }

  failNext(key: string, failure: Failure, times = 1): void {
    this.failures.push({ key, failure, times });
  }

  /** The failure injected for this call, if any (used up as it is taken). */
  takeFailure(key: string): Failure | undefined {
    const entry = this.failures.find((f) => f.key === key || f.key === '*');
    if (!entry) return undefined;
    if (--entry.times <= 0) this.failures.splice(this.failures.indexOf(entry), 1);
    return entry.failure;
  }

  /** The bot's messages that were not deleted, oldest first, as they are now. */
  messages(chatId?: number): Shown[] {
    return this.log
      .filter((m) => !m.deleted && (chatId === undefined || m.chat_id === chatId))
      .map(this.snapshot);
  }

  waitFor<T>(predicate: () => T, timeoutMs = 5000): Promise<Truthy<T>> {
    return pollUntil(
      predicate,
      timeoutMs,
      () => this.closed,
      () => {
        const recent = this.calls.slice(-5).map(this.describe);
        return `fake ${this.name}: waitFor timed out after ${timeoutMs} ms; last calls: ${recent.join(', ') || 'none'}`;
      },
    );
  }

  /** The oldest bot message in the chat not yet returned by nextMessage (waits for one). */
  async nextMessage(chatId: number, timeoutMs = 5000): Promise<Shown> {
    const seen = this.cursors.get(chatId) ?? 0;
    const message = await this.waitFor(
      () => this.log.filter((m) => m.chat_id === chatId)[seen],
      timeoutMs,
    );
    this.cursors.set(chatId, seen + 1);
    return this.snapshot(message);
  }
}

/** How long until one more call fits `limit` per `spanMs` (0 = now), given past call times. */
export function windowWait(times: number[], limit: number, spanMs: number, now: number): number {
  const recent = times.filter((t) => t > now - spanMs);
  return recent.length >= limit ? recent[recent.length - limit]! + spanMs - now : 0;
}

/** The object without its undefined fields (as the platforms leave them out). */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export async function readRawBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
