import { defineDailyJob } from './daily-job.js';

/** The morning plan: today's events, active goals and a line of motivation. */
export const morningDigestJob = defineDailyJob('morning-digest');
