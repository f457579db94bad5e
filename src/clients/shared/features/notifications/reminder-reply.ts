import { whenLabel } from '../../format.js';
import { SnoozeNotificationDocument } from '../../gql/graphql.js';
import { markup } from '../../html.js';
import { screen, type Button } from '../../screen.js';
import type { Turn } from '../../turn.js';
import { handledNotification, SNOOZE_PRESETS } from './notifications.views.js';
import { readSnoozeReply } from './snooze-reply.js';

/** A delivered notification the user replied to: its message and its buttons, read back. */
export interface RepliedReminder {
  messageId: string;
  text: string;
  buttons: Button[][];
}

/** The notification a message's Done / Snooze buttons act on; null for any other message. */
function notificationIdOf(buttons: Button[][]): string | null {
  for (const b of buttons.flat()) {
    if (!('callback' in b)) continue;
    const { callback } = b;
    if (callback.a === 'notifySnooze' || callback.a === 'notifyDone')
      return callback.notificationId;
  }
  return null;
}

/**
 * A reply in words to a reminder ("через час", "завтра в 9", "in 20 min", "skip"): snoozes or
 * skips that one notification (a series never shifts), marks the reminder as its buttons would
 * and says when it comes back. False when the message is not such a reply: it is then read as
 * any other message.
 */
export async function answerReminderReply(
  turn: Turn,
  reminder: RepliedReminder,
  text: string,
): Promise<boolean> {
  const notificationId = notificationIdOf(reminder.buttons);
  const reply = notificationId && readSnoozeReply(text, turn.timezone, new Date());
  if (!notificationId || !reply) return false;
  const { t } = turn;
  let status: string;
  if ('skip' in reply) status = t.skippedOnce;
  else if ('done' in reply) status = t.notificationDone;
  else {
    const { snoozeNotification } = await turn.api(SnoozeNotificationDocument, {
      id: notificationId,
      ...('preset' in reply
        ? { preset: SNOOZE_PRESETS[reply.preset] }
        : { minutes: reply.minutes }),
    });
    status = t.snoozedUntil(whenLabel(snoozeNotification.availableAt, turn.timezone, t, turn.lang));
  }
  // The reminder loses its buttons as if one was pressed; the answer says what was done.
  await turn.messenger
    .edit(turn.chatId, reminder.messageId, handledNotification(reminder.text, status))
    .catch((error: unknown) => turn.logger.warn({ err: error }, 'reminder not edited'));
  await turn.send(screen(markup`${status}`));
  return true;
}
