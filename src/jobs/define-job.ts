import { z } from 'zod';
import type { JobContext } from './job-context.js';

/**
 * One kind of job: its name (the string stored in the jobs table), how many run at once,
 * the schema of its payload and its handler. A definition imports no Agenda and no
 * service at run time, so services schedule with it (`jobs.schedule(definition, …)`) and
 * the worker runs it with the same payload type.
 */
export interface JobDefinition<P> {
  readonly name: string;
  /** How many of this job run at once in one worker. */
  readonly concurrency: number;
  /**
   * How many may come due within one second (many reminders set for one minute). With
   * `concurrency` it sets the lock limit: Agenda locks only when it looks for due jobs,
   * so it locks ahead what comes due before the next look.
   */
  readonly burstPerSecond: number;
  readonly payload: z.ZodType<P>;
  handle(payload: P, context: JobContext): Promise<void>;
}

/** What every one-off job carries: a key that names its occurrence, and when it is due. */
export const occurrencePayload = z.object({
  /** Scheduling a job with a key already queued keeps the first: never doubled. */
  key: z.string().min(1),
  /** The moment the occurrence is due (ISO); lateness is measured from it. */
  dueAt: z.iso.datetime({ offset: true }),
});

export type OccurrencePayload = z.infer<typeof occurrencePayload>;

/** Most jobs: a hundred at once, a thousand due in a second. */
const DEFAULTS = { concurrency: 100, burstPerSecond: 1000 };

export function defineJob<P>(job: {
  name: string;
  concurrency?: number;
  burstPerSecond?: number;
  payload: z.ZodType<P>;
  handle(payload: P, context: JobContext): Promise<void>;
}): JobDefinition<P> {
  return { ...DEFAULTS, ...job };
}

/** A job whose stored payload does not match its schema: it fails, and Agenda keeps the reason. */
export class InvalidJobPayloadError extends Error {
  constructor(jobName: string, error: z.ZodError) {
    super(`Job "${jobName}" has a malformed payload: ${z.prettifyError(error)}`);
    this.name = 'InvalidJobPayloadError';
  }
}

/** The payload as the handler sees it, or InvalidJobPayloadError. */
export function parsePayload<P>(job: JobDefinition<P>, data: unknown): P {
  const parsed = job.payload.safeParse(data);
  if (!parsed.success) throw new InvalidJobPayloadError(job.name, parsed.error);
  return parsed.data;
}
