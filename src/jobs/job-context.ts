import type { DataSource } from 'typeorm';
import type { Notification } from '../entities/index.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Services } from '../services/index.js';
import type { JobData, JobQueue } from '../services/job-queue.js';
import type {
  NotificationDraft,
  NotificationService,
  WriteEntry,
} from '../services/notifications/notification.service.js';
import type { EventService } from '../services/event.service.js';
import type { ReminderScheduler } from '../services/reminder-scheduler.js';
import type {
  FiredReminder,
  ReminderOccurrence,
  ReminderService,
} from '../services/reminder.service.js';
import type { WebhookService } from '../services/notifications/webhook.service.js';
import { Batcher } from './agenda/batcher.js';

/** What every job handler needs; built once by the worker. */
export interface JobContext {
  db: DataSource;
  jobs: JobQueue;
  reminderScheduler: ReminderScheduler;
  notifications: NotificationService;
  webhooks: WebhookService;
  events: EventService;
  reminders: ReminderService;
  webhookRetry: { maxAttempts: number; baseDelayMs: number };
  logger: Logger;
  /** Occurrences later than this are marked missed instead of sent. */
  missedGraceMs: number;
  /** Notification writes of concurrent firings, one transaction per batch (see `fire`). */
  firings: Batcher<WriteEntry[], Notification[][]>;
  /** Concurrent generic reminders due, one transaction per batch (ReminderService.fire). */
  reminderFirings: Batcher<ReminderOccurrence, FiredReminder | null>;
}

export type JobHandler = (data: JobData, context: JobContext) => Promise<void>;

/** Was the worker down for so long that this occurrence should not be sent any more? */
export function isMissed(data: JobData, context: JobContext, now: Date): boolean {
  return now.getTime() - Date.parse(data.dueAt) > context.missedGraceMs;
}

/**
 * Writes the notifications of one firing in one transaction, shared with the firings
 * running at the same time; offers them after commit. Missed occurrences are written as
 * expired, so they are visible and their key blocks a second firing, but never offered.
 */
export async function fire(
  context: JobContext,
  drafts: NotificationDraft[],
  options: { missed: boolean },
): Promise<Notification[]> {
  const written = await context.firings.add(drafts.map((draft) => ({ draft, ...options })));
  const rows = written.flat();
  if (!options.missed) await context.notifications.dispatch(rows);
  return rows;
}

/** The handlers' view of this process: services plus the job settings from config. */
export function jobContext(
  db: DataSource,
  services: Services,
  logger: Logger,
  config: Config,
): JobContext {
  const { notifications, reminders } = services;
  const write = notifications.write.bind(notifications);
  return {
    db,
    jobs: services.jobs,
    reminderScheduler: services.reminderScheduler,
    notifications: services.notifications,
    webhooks: services.webhooks,
    events: services.events,
    reminders: services.reminders,
    logger,
    missedGraceMs: config.MISSED_REMINDER_GRACE_SECONDS * 1000,
    webhookRetry: {
      maxAttempts: config.WEBHOOK_MAX_ATTEMPTS,
      baseDelayMs: config.WEBHOOK_RETRY_BASE_SECONDS * 1000,
    },
    firings: new Batcher(async (firings) => {
      const entries = firings.flat();
      const written = await db.transaction((manager) => write(manager, entries, new Date()));
      return firings.map((firing) => written.splice(0, firing.length));
    }),
    reminderFirings: new Batcher((occurrences) => reminders.fire(occurrences, new Date(), write)),
  };
}
