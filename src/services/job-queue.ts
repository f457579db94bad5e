import type { JobDefinition, OccurrencePayload } from '../jobs/define-job.js';

/**
 * The queue that runs the domain's jobs (Agenda, in src/jobs). Services schedule with a
 * job's definition (`src/jobs/<name>.job.ts`, free of Agenda), so the scheduler and the
 * handler share one payload type; they know nothing of Agenda.
 */
export interface JobQueue {
  /**
   * Schedules one occurrence of `job` at `at`; a job with the same name and payload key is
   * kept, not doubled.
   */
  schedule<P extends OccurrencePayload>(job: JobDefinition<P>, payload: P, at: Date): Promise<void>;
  /** `schedule` for many occurrences of one job at once (one statement where the backend can). */
  scheduleMany<P extends OccurrencePayload>(
    job: JobDefinition<P>,
    items: { payload: P; at: Date }[],
  ): Promise<void>;
  /** Removes the not-yet-run jobs of `job` whose payload contains `match`. */
  cancel<P>(job: JobDefinition<P>, match: Partial<P>): Promise<number>;
  list(options: { name?: string; limit: number; offset: number }): Promise<ScheduledJob[]>;
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
