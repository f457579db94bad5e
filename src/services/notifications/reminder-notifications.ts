import type { DataSource } from 'typeorm';
import { Event, NotificationKind, User, type Reminder } from '../../entities/index.js';
import type { EventReminderPayload } from '../../jobs/event-reminder.job.js';
import { nextOccurrenceStart } from '../recurrence.js';
import { eventRemindersOn } from '../reminder-scheduler.js';
import type { NotificationDraft } from './outbox.js';
import { completeStepAction, doneAndSnoozeActions, localWhen, textsFor } from './texts.js';

/** Whom an event reminder goes to and what it says; the worker only fires what it is given. */
export class ReminderNotifications {
  constructor(private readonly db: DataSource) {}

  /**
   * The notification for one occurrence of an event, or null when the job is stale (the
   * event moved or is gone, its reminder or the user's reminders were switched off): the
   * change already scheduled the right job.
   */
  async eventReminder(
    due: Pick<EventReminderPayload, 'eventId' | 'offsetMinutes' | 'occurrenceStart'>,
    now: Date,
  ): Promise<{ event: Event; draft: NotificationDraft } | null> {
    const offset = due.offsetMinutes;
    const occurrenceStart = new Date(due.occurrenceStart);
    const event = await this.db.getRepository(Event).findOneBy({ id: due.eventId });
    if (!event?.reminderEnabled || !event.reminderMinutesBefore.includes(offset)) return null;
    const stillThere =
      nextOccurrenceStart(event, new Date(occurrenceStart.getTime() - 1))?.getTime() ===
      occurrenceStart.getTime();
    if (!stillThere) return null;
    const user = await this.db.getRepository(User).findOneBy({ id: event.userId });
    if (!user || !eventRemindersOn(user.settings)) return null;

    const { language } = user.settings;
    const actions = event.stepId
      ? [completeStepAction(language, event.stepId, event.title), ...doneAndSnoozeActions(language)]
      : doneAndSnoozeActions(language);
    const draft: NotificationDraft = {
      user,
      kind: NotificationKind.EVENT_REMINDER,
      source: `event:${event.id}:${offset}`,
      occurrenceAt: occurrenceStart,
      text: eventReminderText(user, event.title, occurrenceStart, now),
      textAt: (shownAt) => eventReminderText(user, event.title, occurrenceStart, shownAt),
      payload: {
        actions,
        refs: {
          eventId: event.id,
          occurrenceStart: occurrenceStart.toISOString(),
          goalId: event.goalId,
          stepId: event.stepId,
        },
      },
    };
    return { event, draft };
  }

  /**
   * An event reminder's words as of `shownAt` (a snooze's end): "началось 5 мин назад" once
   * the event began, rather than the "через 2 мин" it said when it first fired. Null when the
   * event is gone.
   */
  async eventReminderTextAt(
    user: User,
    eventId: string,
    occurrenceStart: Date,
    shownAt: Date,
  ): Promise<string | null> {
    const event = await this.db.getRepository(Event).findOneBy({ id: eventId, userId: user.id });
    return event ? eventReminderText(user, event.title, occurrenceStart, shownAt) : null;
  }
}

/** "⏰ Через 15 мин: …", "⏰ Сейчас: …", "⏰ Началось 5 мин назад: …" as of `at`. */
function eventReminderText(user: User, title: string, start: Date, at: Date): string {
  const { language, timezone } = user.settings;
  const minutes = Math.round((start.getTime() - at.getTime()) / 60_000);
  return textsFor(language).eventSoon(title, localWhen(start, timezone, language, at), minutes);
}

/** "🔔 …" for one run of a generic reminder, with its caller's data passed through. */
export function reminderDraft(user: User, reminder: Reminder, dueAt: Date): NotificationDraft {
  const { language } = user.settings;
  return {
    user,
    kind: NotificationKind.REMINDER,
    source: `reminder:${reminder.id}`,
    occurrenceAt: dueAt,
    text: textsFor(language).reminder(reminder.text),
    payload: {
      actions: doneAndSnoozeActions(language),
      refs: { reminderId: reminder.id },
      data: reminder.payload,
    },
  };
}
