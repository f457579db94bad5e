import { defineDailyJob } from './daily-job.js';

/** Goals whose target date is today, tomorrow, in 3 or in 7 days. */
export const deadlineCheckJob = defineDailyJob('deadline-check');
