import { defineDailyJob } from './daily-job.js';

/**
 * The evening nudge (`eveningNudgeTime`, local): planned steps whose day has passed and the
 * habits due today not yet checked in, with one-tap buttons; skipped when there is neither.
 */
export const overdueStepsJob = defineDailyJob('overdue-steps');
