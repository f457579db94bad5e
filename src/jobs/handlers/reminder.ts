import type { Notification } from '../../entities/index.js';
import { isMissed, type JobHandler } from '../job-context.js';

/** A generic reminder: fire (or mark missed), then queue the next cron run if recurring. */
export const reminderJob: JobHandler = async (data, context) => {
  const now = new Date();
  const missed = isMissed(data, context, now);
  const written: Notification[] = [];
  const fired = await context.reminders.fire(String(data.reminderId), new Date(data.dueAt), {
    now,
    missed,
    write: async (manager, draft) => {
      const rows = await context.notifications.write(manager, draft, now, { missed });
      written.push(...rows);
      return rows;
    },
  });
  if (!missed) await context.notifications.dispatch(written);
  if (fired?.next) await context.planner.scheduleReminder(fired.reminder, fired.next);
};
