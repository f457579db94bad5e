import { defineDailyJob } from './daily-job.js';

/**
 * The weekly review, Sunday evening local time: habits kept, steps done against the plan,
 * events, steps that slipped. A "daily" job whose next run is the next Sunday (DAILY_JOBS).
 */
export const weeklyReviewJob = defineDailyJob('weekly-review');
