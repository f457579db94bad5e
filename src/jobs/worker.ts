import { exponential, type BackoffStrategy, type Job } from 'agenda';
import { instrumentJobs } from '../metrics/jobs.js';
import type { AgendaQueue } from './agenda/agenda-queue.js';
import { manageLocks } from './agenda/agenda-locks.js';
import { unrefAgendaWatchdogs } from './agenda/agenda-timers.js';
import { InvalidJobPayloadError, parsePayload, type JobDefinition } from './define-job.js';
import type { JobContext } from './job-context.js';
import { redeliverNotificationsJob } from './redeliver-notifications.job.js';
import { JOBS } from './registry.js';

/**
 * Agenda locks jobs only when it looks for due ones (every processEvery), up to the lock
 * limit: enough for those that come due before the next look, plus those running. With no
 * limit (0) it locks every due job, one query each, before running any.
 */
function lockLimit(job: JobDefinition<unknown>, processEveryMs: number): number {
  return job.concurrency + (job.burstPerSecond * processEveryMs) / 1000;
}

/**
 * A failed run (the database went away mid-firing) is tried again with back-off until it
 * succeeds: without it a one-time job, which has no next run once started, was lost. A
 * payload that does not parse fails the same way every time, so it is not retried.
 */
export function retryUntilDone(baseMs: number, maxMs: number): BackoffStrategy {
  const backoff = exponential({
    delay: baseMs,
    maxDelay: maxMs,
    maxRetries: Infinity,
    jitter: 0.2,
  });
  return (context) => (context.error instanceof InvalidJobPayloadError ? null : backoff(context));
}

export interface WorkerOptions {
  sweepEveryMs: number;
  /** Back-off of failed runs: first delay, and the longest. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** How long stop() waits for running handlers. */
  stopTimeoutMs: number;
}

export interface Worker {
  stop(): Promise<void>;
}

/**
 * Runs the jobs: defines every job of the registry, starts processing (overdue jobs run
 * first and are judged against the missed-run grace), starts the redelivery sweep, and
 * reconciles the schedule with the database.
 */
export async function startWorker(
  queue: AgendaQueue,
  context: JobContext,
  options: WorkerOptions,
): Promise<Worker> {
  const { agenda } = queue;
  for (const job of JOBS) {
    agenda.define(
      job.name,
      // A payload its schema rejects throws: Agenda marks the job failed with the reason.
      async ({ attrs }: Job) => job.handle(parsePayload(job, attrs.data), context),
      {
        concurrency: job.concurrency,
        lockLimit: lockLimit(job, agenda.attrs.processEvery),
        backoff: retryUntilDone(options.retryBaseMs, options.retryMaxMs),
      },
    );
  }
  // The process-wide cap (default 20) is shared by every name: with the sum of theirs, a
  // burst of one never holds back the others (a webhook POST, a release after quiet hours).
  agenda.maxConcurrency(JOBS.reduce((sum, { concurrency }) => sum + concurrency, 0));
  agenda.on('fail', (error: Error, job: Job) => {
    context.logger.error({ err: error, job: job.attrs.name, data: job.attrs.data }, 'job failed');
  });
  agenda.on('error', (error: Error) => context.logger.error({ err: error }, 'job queue error'));
  instrumentJobs(agenda);
  context.services.outbox.redeliverWhenPubSubReturns((error) =>
    context.logger.error({ err: error }, 'redelivery after Redis came back failed'),
  );
  const locks = manageLocks(agenda, {
    lockMany: queue.lockMany,
    renew: queue.renewLocks,
    renewEveryMs: Math.floor(queue.lockLifetimeMs / 3),
  });
  await agenda.start();
  unrefAgendaWatchdogs(agenda);
  // What a worker that died had written but not yet published is offered now, not after
  // the acknowledgement timeout.
  const reoffered = await context.services.outbox.reofferInFlight().catch((error: unknown) => {
    context.logger.error({ err: error }, 'offering unacknowledged notifications failed');
    return 0;
  });
  if (reoffered) context.logger.info({ reoffered }, 'unacknowledged notifications offered again');
  await agenda.every(options.sweepEveryMs, redeliverNotificationsJob.name, undefined, {
    skipImmediate: true,
  });
  await context.services.reminderScheduler.reconcile();
  await context.services.calendarSync.reconcile();
  context.logger.info({ backend: queue.backend }, 'job worker started');

  return {
    /** Ends processing; waits for running handlers, and leaves no job locked. */
    stop: () => locks.stop(Date.now() + options.stopTimeoutMs),
  };
}
