import type { Job } from 'agenda';
import { JOB, type JobData } from '../services/job-queue.js';
import { instrumentJobs } from '../metrics/jobs.js';
import type { AgendaQueue } from './agenda/agenda-queue.js';
import { manageLocks } from './agenda/agenda-locks.js';
import { unrefAgendaWatchdogs } from './agenda/agenda-timers.js';
import type { JobContext, JobHandler } from './job-context.js';
import { DAILY_HANDLERS } from './handlers/daily-jobs.js';
import {
  redeliverNotifications,
  releaseNotification,
  webhookDelivery,
} from './handlers/delivery.js';
import { eventReminder } from './handlers/event-reminder.js';
import { reminderJob } from './handlers/reminder.js';

/** Per job name: how many run at once, and how many are locked (running ones included). */
interface Limits {
  concurrency: number;
  lockLimit: number;
}

/** Jobs of one name that may come due in a second (many reminders set for one minute). */
const BURST_PER_SECOND = 1000;

/**
 * Agenda locks jobs only when it looks for due ones (every processEvery), up to the lock
 * limit: enough for those that come due before the next look, plus those running. With no
 * limit (0) it locks every due job, one query each, before running any.
 */
function limits(concurrency: number, processEveryMs: number): Limits {
  return { concurrency, lockLimit: concurrency + (BURST_PER_SECOND * processEveryMs) / 1000 };
}

const HANDLERS: { name: string; handler: JobHandler; concurrency: number }[] = [
  { name: JOB.EVENT_REMINDER, handler: eventReminder, concurrency: 100 },
  ...DAILY_HANDLERS.map((daily) => ({ ...daily, concurrency: 100 })),
  { name: JOB.REMINDER, handler: reminderJob, concurrency: 100 },
  { name: JOB.RELEASE_NOTIFICATION, handler: releaseNotification, concurrency: 100 },
  // Outbound POSTs to third parties, each up to its timeout: a few at a time.
  { name: JOB.WEBHOOK_DELIVERY, handler: webhookDelivery, concurrency: 20 },
  { name: JOB.REDELIVER_NOTIFICATIONS, handler: redeliverNotifications, concurrency: 1 },
];

export interface WorkerOptions {
  sweepEveryMs: number;
  /** How long stop() waits for running handlers. */
  stopTimeoutMs: number;
}

export interface Worker {
  stop(): Promise<void>;
}

/**
 * Runs the jobs: defines every handler, starts processing (overdue jobs run first and are
 * judged against the missed-run grace), starts the redelivery sweep, and reconciles the
 * schedule with the database.
 */
export async function startWorker(
  queue: AgendaQueue,
  context: JobContext,
  options: WorkerOptions,
): Promise<Worker> {
  const { agenda } = queue;
  for (const { name, handler, concurrency } of HANDLERS) {
    agenda.define(
      name,
      async (job: Job<JobData>) => {
        await handler(job.attrs.data, context);
      },
      limits(concurrency, agenda.attrs.processEvery),
    );
  }
  // The process-wide cap (default 20) is shared by every name: with the sum of theirs, a
  // burst of one never holds back the others (a webhook POST, a release after quiet hours).
  agenda.maxConcurrency(HANDLERS.reduce((sum, { concurrency }) => sum + concurrency, 0));
  agenda.on('fail', (error: Error, job: Job) => {
    context.logger.error({ err: error, job: job.attrs.name, data: job.attrs.data }, 'job failed');
  });
  agenda.on('error', (error: Error) => context.logger.error({ err: error }, 'job queue error'));
  instrumentJobs(agenda);
  const locks = manageLocks(agenda, queue.lockMany);
  await agenda.start();
  unrefAgendaWatchdogs(agenda);
  await agenda.every(options.sweepEveryMs, JOB.REDELIVER_NOTIFICATIONS, undefined, {
    skipImmediate: true,
  });
  await context.reminderScheduler.reconcile();
  context.logger.info({ backend: queue.backend }, 'job worker started');

  return {
    /** Ends processing; waits for running handlers, and leaves no job locked. */
    stop: () => locks.stop(Date.now() + options.stopTimeoutMs),
  };
}
