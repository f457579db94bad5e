import { Event, NotificationKind, User } from '../../entities/index.js';
import { eventRemindersOn } from '../../services/reminder-scheduler.js';
import { nextOccurrenceStart } from '../../services/recurrence.js';
import {
  completeStepAction,
  doneAndSnoozeActions,
  localWhen,
  textsFor,
} from '../../services/notifications/texts.js';
import { fire, isMissed, type JobHandler } from '../job-context.js';

/**
 * "In 15 minutes: …" for one occurrence of an event. A stale job (the event moved, its
 * reminder was switched off) does nothing: the change already scheduled the right one.
 * After firing, a recurring event gets the job for its next occurrence.
 */
export const eventReminder: JobHandler = async (data, context) => {
  const now = new Date();
  const offset = Number(data.offsetMinutes);
  const occurrenceStart = new Date(String(data.occurrenceStart));
  const event = await context.db.getRepository(Event).findOneBy({ id: String(data.eventId) });
  if (!event?.reminderEnabled || !event.reminderMinutesBefore.includes(offset)) return;
  const stillThere =
    nextOccurrenceStart(event, new Date(occurrenceStart.getTime() - 1))?.getTime() ===
    occurrenceStart.getTime();
  if (!stillThere) return;
  const user = await context.db.getRepository(User).findOneBy({ id: event.userId });
  if (!user || !eventRemindersOn(user.settings)) return;

  const { language, timezone } = user.settings;
  const when = localWhen(occurrenceStart, timezone, language, now);
  const actions = event.stepId
    ? [completeStepAction(language, event.stepId, event.title), ...doneAndSnoozeActions(language)]
    : doneAndSnoozeActions(language);
  await fire(
    context,
    [
      {
        user,
        kind: NotificationKind.EVENT_REMINDER,
        source: `event:${event.id}:${offset}`,
        occurrenceAt: occurrenceStart,
        text: textsFor(language).eventSoon(event.title, when, offset),
        payload: {
          actions,
          refs: {
            eventId: event.id,
            occurrenceStart: occurrenceStart.toISOString(),
            goalId: event.goalId,
            stepId: event.stepId,
          },
        },
      },
    ],
    { missed: isMissed(data, context, now) },
  );
  if (event.recurrence) {
    const after = new Date(Math.max(now.getTime(), Date.parse(data.dueAt)));
    await context.reminderScheduler.scheduleEventReminder(event, offset, after);
  }
};
