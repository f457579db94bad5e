import type { DataSource } from 'typeorm';
import type { Notification, User } from '../entities/index.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Services } from '../services/index.js';
import type { NotificationDraft, WriteEntry } from '../services/notifications/outbox.js';
import type {
  FiredReminder,
  ReminderOccurrence,
} from '../services/notifications/reminder-firing.js';
import { Batcher } from './agenda/batcher.js';

/** Day ends per transaction: a few hundred users' habits, check-ins and stats at most. */
const DAY_END_BATCH = 100;

/** What every job handler gets; built once by the worker. */
export interface JobContext {
  services: Services;
  logger: Logger;
  /** Was the worker down for so long that an occurrence due at `dueAt` should not be sent? */
  isMissed(dueAt: string, now: Date): boolean;
  /**
   * Writes the notifications of one firing in one transaction, shared with the firings
   * running at the same time; offers them after commit. Missed occurrences are written as
   * expired, so they are visible and their key blocks a second firing, but never offered.
   */
  fire(drafts: NotificationDraft[], options: { missed: boolean }): Promise<Notification[]>;
  /** Records a generic reminder's firing, batched with the others due now (ReminderFiring). */
  fireReminder(occurrence: ReminderOccurrence): Promise<FiredReminder | null>;
  /**
   * Ends a user's habit day due at `at` (HabitCheckInService.closeDays) and, while they have
   * active habits, queues their next one: in one transaction and one insert with the other
   * day ends running now. The user while they have active habits, else null.
   */
  closeHabitDay(userId: string, at: Date): Promise<User | null>;
}

/** The handlers' view of this process: services, plus batching of concurrent firings. */
export function jobContext(
  db: DataSource,
  services: Services,
  logger: Logger,
  config: Config,
): JobContext {
  const { outbox, reminderFiring } = services;
  const write = outbox.write.bind(outbox);
  const missedGraceMs = config.MISSED_REMINDER_GRACE_SECONDS * 1000;
  // One transaction per batch of the firings that come due together, not one per firing.
  const firings = new Batcher<WriteEntry[], Notification[][]>(async (batch) => {
    const entries = batch.flat();
    const written = await db.transaction((manager) => write(manager, entries, new Date()));
    return batch.map((firing) => written.splice(0, firing.length));
  });
  const reminderFirings = new Batcher((occurrences: ReminderOccurrence[]) =>
    reminderFiring.fire(occurrences, new Date(), write),
  );
  // Every user of a timezone ends their day at the same moment: one transaction per batch,
  // then the next day ends of those still with habits queued in one statement.
  const dayEnds = new Batcher(async (ends: { userId: string; at: Date }[]) => {
    const users = await services.habitCheckIns.closeDays(ends);
    const now = Date.now();
    const next = ends.flatMap(({ at }, index) => {
      const user = users[index];
      return user ? [{ user, after: new Date(Math.max(now, at.getTime())) }] : [];
    });
    await services.reminderScheduler.habits.scheduleDayEnds(next);
    return users;
  }, DAY_END_BATCH);
  return {
    services,
    logger,
    isMissed: (dueAt, now) => now.getTime() - Date.parse(dueAt) > missedGraceMs,
    async fire(drafts, options) {
      const written = await firings.add(drafts.map((draft) => ({ draft, ...options })));
      const rows = written.flat();
      if (!options.missed) await outbox.dispatch(rows);
      return rows;
    },
    fireReminder: (occurrence) => reminderFirings.add(occurrence),
    closeHabitDay: (userId, at) => dayEnds.add({ userId, at }),
  };
}
