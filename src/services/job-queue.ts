/**
 * The jobs the domain asks for, and the queue that runs them (Agenda, in src/jobs).
 * Services depend on this contract only, so they know nothing of Agenda.
 */
export const JOB = {
  EVENT_REMINDER: 'event-reminder',
  MORNING_DIGEST: 'morning-digest',
  DEADLINE_CHECK: 'deadline-check',
  OVERDUE_STEPS: 'overdue-steps',
  REMINDER: 'reminder',
  RELEASE_NOTIFICATION: 'release-notification',
  WEBHOOK_DELIVERY: 'webhook-delivery',
  REDELIVER_NOTIFICATIONS: 'redeliver-notifications',
} as const;

export type JobName = (typeof JOB)[keyof typeof JOB];

/** Every one-off job carries a key that names its occurrence; scheduling it twice is a no-op. */
export interface JobData {
  key: string;
  /** The moment the occurrence is due (ISO); lateness is measured from it. */
  dueAt: string;
  [field: string]: unknown;
}

export interface ScheduledJob {
  id: string;
  name: string;
  key: string | null;
  nextRunAt: Date | null;
  lastRunAt: Date | null;
  lastFinishedAt: Date | null;
  failCount: number;
  failReason: string | null;
  state: string;
}

export interface JobQueue {
  /** Schedules a one-off job at `at`; a job with the same name and key is kept, not doubled. */
  scheduleOnce(name: JobName, at: Date, data: JobData): Promise<void>;
  /** Removes the not-yet-run jobs of `name` whose data contains `match`. */
  cancel(name: JobName, match: Record<string, unknown>): Promise<number>;
  list(options: { name?: string; limit: number; offset: number }): Promise<ScheduledJob[]>;
}

/**
 * Runs scheduling that follows a committed change. A failure is logged, not thrown: the
 * change stands, and the worker's reconcile at start repairs the schedule.
 */
export async function scheduleAfterCommit(
  logger: { error(object: object, message: string): void },
  schedule: () => Promise<void>,
): Promise<void> {
  try {
    await schedule();
  } catch (error) {
    logger.error({ err: error }, 'scheduling after a change failed; reconcile will repair it');
  }
}
