import type { DataSource } from 'typeorm';
import { CronExpressionParser } from 'cron-parser';
import { Event, Reminder, ReminderStatus, ReminderType, User } from '../entities/index.js';
import type { UserSettings } from '../entities/index.js';
import type { Logger } from '../logger.js';
import type { DailyJobName, DailyJobPayload } from '../jobs/daily-job.js';
import type { JobDefinition } from '../jobs/define-job.js';
import { deadlineCheckJob } from '../jobs/deadline-check.job.js';
import { eventReminderJob } from '../jobs/event-reminder.job.js';
import { morningDigestJob } from '../jobs/morning-digest.job.js';
import { overdueStepsJob } from '../jobs/overdue-steps.job.js';
import { reminderJob } from '../jobs/reminder.job.js';
import { weeklyReviewJob } from '../jobs/weekly-review.job.js';
import { HabitScheduler } from './habits/habit-scheduler.js';
import type { JobQueue } from './job-queue.js';
import { forEachBounded, keysetPages } from '../common/batches.js';
import { isolated, planEventIsolated } from './planning-isolation.js';
import { nextOccurrenceStart } from './recurrence.js';
import { nextLocalTime } from './timezone.js';

/** The daily per-user jobs, each with its switch and its local time in the settings. */
export const DAILY_JOBS = {
  'morning-digest': { job: morningDigestJob, enabled: 'morningDigestEnabled', time: 'digestTime' },
  'deadline-check': {
    job: deadlineCheckJob,
    enabled: 'deadlineWarningsEnabled',
    time: 'deadlineCheckTime',
  },
  // The evening nudge: overdue steps and the habits still pending today, each by its switch.
  'overdue-steps': {
    job: overdueStepsJob,
    enabled: ['overdueStepRemindersEnabled', 'habitRemindersEnabled'],
    time: 'eveningNudgeTime',
  },
  // Weekly: Sunday (ISO 7) at the user's evening time.
  'weekly-review': {
    job: weeklyReviewJob,
    enabled: 'weeklyReviewEnabled',
    time: 'eveningNudgeTime',
    weekday: 7,
  },
} as const satisfies Record<
  DailyJobName,
  {
    job: JobDefinition<DailyJobPayload>;
    /** The switch; with several, the job runs while any is on. */
    enabled: keyof UserSettings | readonly (keyof UserSettings)[];
    time: keyof UserSettings;
    /** Only on this ISO weekday: a weekly job. */
    weekday?: number;
  }
>;

const DAILY_JOB_NAMES = Object.keys(DAILY_JOBS) as DailyJobName[];
/** Users whose jobs are queued at once at worker start. */
const RECONCILE_CONCURRENCY = 8;

export const eventRemindersOn = (settings: UserSettings) =>
  settings.notificationsEnabled && settings.eventRemindersEnabled;

export const dailyJobOn = (settings: UserSettings, name: DailyJobName) =>
  settings.notificationsEnabled &&
  [DAILY_JOBS[name].enabled].flat().some((key: keyof UserSettings) => Boolean(settings[key]));

/** The next moment a cron expression fires after `after`, read in `timezone`. */
export function nextCronRun(cron: string, timezone: string, after: Date): Date {
  return CronExpressionParser.parse(cron, { tz: timezone, currentDate: after }).next().toDate();
}

/**
 * Turns the domain (events, settings, reminders) into one queued job per next occurrence.
 * Called after a change commits, by the worker after each firing, and at worker start
 * (reconcile) to repair anything a crash between commit and scheduling left out.
 */
export class ReminderScheduler {
  constructor(
    private readonly db: DataSource,
    private readonly jobs: JobQueue,
    private readonly logger: Logger,
    /** The habits' part (day ends, habit reminders): its own file. */
    readonly habits: HabitScheduler = new HabitScheduler(db, jobs),
  ) {}

  /** After an event was created, changed or deleted. */
  async syncEvent(eventId: string, now = new Date()): Promise<void> {
    await this.jobs.cancel(eventReminderJob, { eventId });
    const event = await this.db.getRepository(Event).findOne({ where: { id: eventId } });
    if (!event?.reminderEnabled) return;
    const user = await this.db.getRepository(User).findOneBy({ id: event.userId });
    if (!user || !eventRemindersOn(user.settings)) return;
    await this.planEvent(event, now);
  }

  /** The reminder `offsetMinutes` before the first occurrence whose reminder is after `after`. */
  async scheduleEventReminder(event: Event, offsetMinutes: number, after: Date): Promise<void> {
    const start = nextOccurrenceStart(event, new Date(after.getTime() + offsetMinutes * 60_000));
    if (!start) return;
    const dueAt = new Date(start.getTime() - offsetMinutes * 60_000);
    const payload = {
      key: `event:${event.id}:${offsetMinutes}@${start.toISOString()}`,
      dueAt: dueAt.toISOString(),
      eventId: event.id,
      userId: event.userId,
      offsetMinutes,
      occurrenceStart: start.toISOString(),
    };
    await this.jobs.schedule(eventReminderJob, payload, dueAt);
  }

  /** After settings changed (times, timezone, switches) or the user was created. */
  async syncUser(userId: string, now = new Date()): Promise<void> {
    const user = await this.db.getRepository(User).findOneBy({ id: userId });
    if (!user) return;
    for (const name of DAILY_JOB_NAMES) {
      await this.jobs.cancel(DAILY_JOBS[name].job, { userId });
      await this.scheduleDaily(name, user, now);
    }
    await this.habits.syncUser(user, now);
    if (!eventRemindersOn(user.settings)) {
      await this.jobs.cancel(eventReminderJob, { userId });
      return;
    }
    await this.ensureEventReminders(user, now);
  }

  /** The next run of a daily job at the user's local time, if its switches are on. */
  async scheduleDaily(name: DailyJobName, user: User, after: Date): Promise<void> {
    if (!dailyJobOn(user.settings, name)) return;
    const entry = DAILY_JOBS[name];
    const { job, time } = entry;
    const weekday = 'weekday' in entry ? entry.weekday : null;
    const at = nextLocalTime(user.settings[time], user.settings.timezone, after, weekday);
    const payload = { key: `${name}:${user.id}@${at.toISOString()}`, dueAt: at.toISOString() };
    await this.jobs.schedule(job, { ...payload, userId: user.id }, at);
  }

  /** After a generic reminder was created, paused, resumed, cancelled or deleted. */
  async syncReminder(reminderId: string, now = new Date()): Promise<void> {
    await this.jobs.cancel(reminderJob, { reminderId });
    const reminder = await this.db.getRepository(Reminder).findOneBy({ id: reminderId });
    if (!reminder) return;
    const runnable = [ReminderStatus.PENDING, ReminderStatus.ACTIVE].includes(reminder.status);
    const next = runnable ? this.nextReminderRun(reminder, now) : null;
    await this.db.getRepository(Reminder).update({ id: reminder.id }, { nextRunAt: next });
    if (next) await this.scheduleReminder(reminder, next);
  }

  nextReminderRun(reminder: Reminder, after: Date): Date | null {
    if (reminder.type === ReminderType.ONE_TIME) {
      // A one-time reminder resumed after its moment fires at once.
      return reminder.triggerAt && reminder.triggerAt > after ? reminder.triggerAt : after;
    }
    return nextCronRun(reminder.cron ?? '', reminder.timezone, after);
  }

  async scheduleReminder(reminder: Reminder, at: Date): Promise<void> {
    const payload = {
      key: `reminder:${reminder.id}@${at.toISOString()}`,
      dueAt: at.toISOString(),
      reminderId: reminder.id,
      userId: reminder.userId,
    };
    await this.jobs.schedule(reminderJob, payload, at);
  }

  /**
   * At worker start: makes sure every user's daily jobs, every upcoming event reminder and
   * every live generic reminder has its job. Existing jobs are kept (keys make it a no-op).
   */
  async reconcile(now = new Date()): Promise<void> {
    let users = 0;
    // Users a page at a time (keyset), a few at once: bounded memory for any number of users.
    for await (const page of keysetPages((after, limit) => this.usersAfter(after, limit), 500)) {
      const habitPlan = await this.habits.reconcilePlan(page.map((user) => user.id));
      await forEachBounded(page, RECONCILE_CONCURRENCY, (user) =>
        isolated(this.logger, { userId: user.id }, async () => {
          for (const name of DAILY_JOB_NAMES) await this.scheduleDaily(name, user, now);
          await this.habits.reconcileUser(habitPlan, user, now);
        }),
      );
      users += page.length;
    }
    // One query for every user's upcoming reminded events, not one per user.
    const events = await this.upcomingRemindedEvents(now)
      .innerJoin(User, 'owner', 'owner.id = event.user_id')
      .andWhere('owner.notifications_enabled AND owner.event_reminders_enabled')
      .getMany();
    for (const event of events) await this.planEvent(event, now);
    const reminders = await this.db
      .getRepository(Reminder)
      .createQueryBuilder('reminder')
      .where('reminder.status IN (:...statuses)', {
        statuses: [ReminderStatus.PENDING, ReminderStatus.ACTIVE],
      })
      .andWhere('reminder.next_run_at IS NOT NULL')
      .getMany();
    for (const reminder of reminders) {
      await isolated(this.logger, { reminderId: reminder.id }, () =>
        this.scheduleReminder(reminder, reminder.nextRunAt ?? now),
      );
    }
    this.logger.info({ users, reminders: reminders.length }, 'jobs reconciled');
  }

  private usersAfter(after: string | null, limit: number): Promise<User[]> {
    const query = this.db
      .getRepository(User)
      .createQueryBuilder('user')
      .orderBy('user.id')
      .limit(limit);
    return (after ? query.where('user.id > :after', { after }) : query).getMany();
  }

  /** Each offset's reminder; an event whose schedule cannot be planned gets them switched off. */
  private planEvent(event: Event, now: Date) {
    return planEventIsolated(this.db, this.logger, event, async () => {
      for (const offset of event.reminderMinutesBefore) {
        await this.scheduleEventReminder(event, offset, now);
      }
    });
  }

  /** Events with reminders on that still have an occurrence ahead. */
  private upcomingRemindedEvents(now: Date) {
    return this.db
      .getRepository(Event)
      .createQueryBuilder('event')
      .where('event.reminder_enabled')
      .andWhere('(event.recurrence IS NOT NULL OR event.starts_at > :now)', { now });
  }

  private async ensureEventReminders(user: User, now: Date) {
    const events = await this.upcomingRemindedEvents(now)
      .andWhere('event.user_id = :userId', { userId: user.id })
      .getMany();
    for (const event of events) await this.planEvent(event, now);
  }
}
