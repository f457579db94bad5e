import { describe, expect, it } from '@jest/globals';
import { MaxError } from '@maxhub/max-bot-api';
import type { Update } from '@maxhub/max-bot-api/types';
import {
  classifyMaxError,
  keyboardOf,
  MAX_BUTTONS_PER_ROW,
  MAX_KEYBOARD_ROWS,
  MAX_LIMITS,
} from '../../src/clients/max/max-api.js';
import { toIncoming } from '../../src/clients/max/updates.js';
import { SendQueue } from '../../src/clients/shared/outbound/send-queue.js';
import { button, type Button } from '../../src/clients/shared/screen.js';

const user = {
  user_id: 42,
  first_name: 'Оля',
  last_name: 'К',
  name: 'Оля К',
  username: null,
  is_bot: false,
  last_activity_time: 0,
};
const message = (body: Record<string, unknown>) =>
  ({
    update_type: 'message_created',
    timestamp: 1,
    user_locale: 'ru',
    message: {
      sender: user,
      recipient: { chat_id: 9001, chat_type: 'dialog', user_id: 1 },
      timestamp: 1,
      body: { mid: 'mid.1', seq: 1, ...body },
    },
  }) as unknown as Update;

describe('MAX updates → Incoming', () => {
  it('maps /commands with arguments, plain text and the Start button', () => {
    expect(toIncoming(message({ text: '/NewGoal  Выучить испанский ' }))).toMatchObject({
      kind: 'command',
      command: 'newgoal',
      args: 'Выучить испанский',
      chatId: '9001',
      user: { id: '42', name: 'Оля К', languageCode: 'ru' },
    });
    expect(toIncoming(message({ text: 'привет' }))).toMatchObject({ kind: 'text', text: 'привет' });
    const started = {
      update_type: 'bot_started',
      timestamp: 1,
      chat_id: 9001,
      user,
      payload: 'ref1',
    };
    expect(toIncoming(started as unknown as Update)).toMatchObject({
      kind: 'command',
      command: 'start',
      args: 'ref1',
      chatId: '9001',
    });
  });

  it('never crashes on text null, a missing message or a bot sender', () => {
    expect(toIncoming(message({ text: null, attachments: [{ type: 'sticker' }] }))).toMatchObject({
      kind: 'unsupported',
    });
    expect(
      toIncoming(
        message({
          text: null,
          attachments: [{ type: 'audio', payload: { url: 'http://x/v', token: 't' } }],
        }),
      ),
    ).toMatchObject({ kind: 'voice' });
    const empty = { update_type: 'message_created', timestamp: 1, user_locale: 'ru' };
    expect(toIncoming(empty as unknown as Update)).toBeNull();
    const fromBot = message({ text: 'hi' }) as unknown as { message: { sender: object } };
    fromBot.message.sender = { ...user, is_bot: true };
    expect(toIncoming(fromBot as unknown as Update)).toBeNull();
  });
});

describe('MAX keyboards', () => {
  const many = (n: number, prefix: string): Button[] =>
    Array.from({ length: n }, (_, i) => button(`${prefix}${i}`, { a: 'menu' }));

  it('wraps rows longer than 7 and keeps the last row when there are more than 30', () => {
    const wide = keyboardOf([many(16, 'w')])!.payload.buttons;
    expect(wide.map((row) => row.length)).toEqual([7, 7, 2]);

    const tall = keyboardOf([...many(40, 'r').map((b) => [b]), [button('🏠', { a: 'menu' })]])!;
    const rows = tall.payload.buttons;
    expect(rows).toHaveLength(MAX_KEYBOARD_ROWS);
    expect(rows.at(-1)![0]!.text).toBe('🏠');
    expect(rows.every((row) => row.length <= MAX_BUTTONS_PER_ROW)).toBe(true);
    expect(rows.flat().length).toBeLessThanOrEqual(210);
    expect(rows[0]![0]).toEqual({ type: 'callback', text: 'r0', payload: 'm' });
    expect(keyboardOf([])).toBeUndefined();
    expect(keyboardOf([[{ label: 'site', url: 'https://example.com' }]])!.payload.buttons).toEqual([
      [{ type: 'link', text: 'site', url: 'https://example.com' }],
    ]);
  });
});

describe('MAX errors and limits', () => {
  it('classifies the library errors for the send queue', () => {
    expect(classifyMaxError(new MaxError(429, { code: 'too.many.requests', message: '' }))).toEqual(
      {
        retryAfterMs: 1000,
      },
    );
    expect(classifyMaxError(new MaxError(503, { code: 'internal', message: '' }))).toBe('retry');
    expect(classifyMaxError(new MaxError(400, { code: 'bad.request', message: '' }))).toBe('fatal');
    expect(classifyMaxError(new TypeError('fetch failed'))).toBe('retry');
    expect(classifyMaxError(new Error('aborted'))).toBe('fatal');
  });

  it('spaces one-at-a-time sends to a chat to 2 per second', async () => {
    const queue = new SendQueue({ limits: MAX_LIMITS, classify: classifyMaxError });
    const starts: number[] = [];
    for (let i = 0; i < 3; i++)
      await queue.enqueue({ id: 'chat' }, async () => starts.push(Date.now()));
    await queue.stop();
    expect(starts[2]! - starts[0]!).toBeGreaterThanOrEqual(1000);
  });
});
