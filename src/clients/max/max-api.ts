import { MaxError } from '@maxhub/max-bot-api';
import type {
  Button as MaxButton,
  InlineKeyboardAttachmentRequest,
} from '@maxhub/max-bot-api/types';
import { packCallback } from '../shared/features/registry.js';
import type { SendFailure, SendLimits } from '../shared/outbound/send-queue.js';
import type { Button } from '../shared/screen.js';

/**
 * MAX's published limits: 2 messages (and 2 callback answers) per second in one chat, about
 * 30 requests per second in all. MAX has no separate group limit; the per-chat one covers it.
 */
export const MAX_LIMITS: SendLimits = {
  globalPerSecond: 30,
  perChatPerSecond: 2,
  groupPerMinute: 120,
};

export const MAX_TEXT_LIMIT = 4000;
/** Inline keyboards: at most 30 rows of at most 7 buttons (so at most 210 buttons). */
export const MAX_KEYBOARD_ROWS = 30;
export const MAX_BUTTONS_PER_ROW = 7;

/** MAX answers 429 without saying for how long; its windows are one second. */
const RATE_LIMIT_PAUSE_MS = 1000;

export function classifyMaxError(error: unknown): SendFailure {
  if (error instanceof MaxError) {
    if (error.status === 429) return { retryAfterMs: RATE_LIMIT_PAUSE_MS };
    return error.status >= 500 ? 'retry' : 'fatal';
  }
  // fetch's TypeError ("fetch failed": refused, reset, DNS). An AbortError means we gave up.
  return error instanceof TypeError ? 'retry' : 'fatal';
}

/** The message is gone or too old to change: show the screen as a new message instead. */
export const cannotEdit = (error: unknown) =>
  error instanceof MaxError && (error.status === 404 || /not\.found/i.test(error.code ?? ''));

/**
 * A screen's buttons as a MAX inline keyboard. Rows longer than 7 are wrapped; beyond 30 rows
 * the first 29 and the last (navigation) are kept, which also keeps within 210 buttons.
 */
export function keyboardOf(buttons: Button[][]): InlineKeyboardAttachmentRequest | undefined {
  const rows = buttons.flatMap((row) => chunks(row, MAX_BUTTONS_PER_ROW));
  const fitted =
    rows.length > MAX_KEYBOARD_ROWS
      ? [...rows.slice(0, MAX_KEYBOARD_ROWS - 1), rows[rows.length - 1]!]
      : rows;
  if (!fitted.length) return undefined;
  return {
    type: 'inline_keyboard',
    payload: {
      buttons: fitted.map((row) =>
        row.map((button): MaxButton =>
          'callback' in button
            ? { type: 'callback', text: button.label, payload: packCallback(button.callback) }
            : // MAX's open_app opens the mini app registered in its partner platform, not a URL
              // of ours: the web client is a link here.
              {
                type: 'link',
                text: button.label,
                url: 'url' in button ? button.url : button.webApp,
              },
        ),
      ),
    },
  };
}

function chunks<T>(row: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < row.length; index += size) out.push(row.slice(index, index + size));
  return out;
}
