import { defineDailyJob } from './daily-job.js';

/** The evening nudge: planned steps whose day has passed, with buttons to complete them. */
export const overdueStepsJob = defineDailyJob('overdue-steps');
