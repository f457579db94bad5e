import { isMissed, type JobHandler } from '../job-context.js';

/**
 * A generic reminder: fire (or mark missed) in a batch with the others due now, then queue
 * the next cron run if recurring.
 */
export const reminderJob: JobHandler = async (data, context) => {
  const missed = isMissed(data, context, new Date());
  const fired = await context.reminderFirings.add({
    reminderId: String(data.reminderId),
    dueAt: new Date(data.dueAt),
    missed,
  });
  if (!fired) return;
  if (!missed) await context.notifications.dispatch(fired.written);
  if (fired.next) await context.reminderScheduler.scheduleReminder(fired.reminder, fired.next);
};
