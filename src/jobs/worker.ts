import type { Job } from 'agenda';
import { JOB, type JobData } from '../services/job-queue.js';
import type { AgendaQueue } from './agenda-queue.js';
import { unrefAgendaWatchdogs } from './agenda-timers.js';
import type { JobContext, JobHandler } from './job-context.js';
import { DAILY_HANDLERS } from './handlers/daily-jobs.js';
import {
  redeliverNotifications,
  releaseNotification,
  webhookDelivery,
} from './handlers/delivery.js';
import { eventReminder } from './handlers/event-reminder.js';
import { reminderJob } from './handlers/reminder.js';

const HANDLERS: { name: string; handler: JobHandler }[] = [
  { name: JOB.EVENT_REMINDER, handler: eventReminder },
  ...DAILY_HANDLERS,
  { name: JOB.REMINDER, handler: reminderJob },
  { name: JOB.RELEASE_NOTIFICATION, handler: releaseNotification },
  { name: JOB.WEBHOOK_DELIVERY, handler: webhookDelivery },
  { name: JOB.REDELIVER_NOTIFICATIONS, handler: redeliverNotifications },
];

export interface WorkerOptions {
  sweepEveryMs: number;
  /** Jobs of one name run at most this many at a time in this process. */
  concurrency?: number;
  /** How long stop() waits for running handlers. */
  stopTimeoutMs: number;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
  for (const { name, handler } of HANDLERS) {
    agenda.define(
      name,
      async (job: Job<JobData>) => {
        await handler(job.attrs.data, context);
      },
      { concurrency: options.concurrency ?? 20, lockLimit: 0 },
    );
  }
  agenda.on('fail', (error: Error, job: Job) => {
    context.logger.error({ err: error, job: job.attrs.name, data: job.attrs.data }, 'job failed');
  });
  agenda.on('error', (error: Error) => context.logger.error({ err: error }, 'job queue error'));
  let running = 0;
  agenda.on('start', () => (running += 1));
  agenda.on('complete', () => (running -= 1));
  await agenda.start();
  unrefAgendaWatchdogs(agenda);
  await agenda.every(options.sweepEveryMs, JOB.REDELIVER_NOTIFICATIONS, undefined, {
    skipImmediate: true,
  });
  await context.planner.reconcile();
  context.logger.info({ backend: queue.backend }, 'job worker started');

  return {
    async stop() {
      // stop() clears the polling timer and unlocks the jobs locked ahead (drain() would
      // leave them locked for the lock lifetime); then wait for the handlers still running.
      await agenda.stop(false);
      const deadline = Date.now() + options.stopTimeoutMs;
      while (running > 0 && Date.now() < deadline) await delay(20);
    },
  };
}
