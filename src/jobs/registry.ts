import type { JobDefinition } from './define-job.js';
import { broadcastJob } from './broadcast.job.js';
import { calendarSyncJob } from './calendar-sync.job.js';
import { deadlineCheckJob } from './deadline-check.job.js';
import { eventReminderJob } from './event-reminder.job.js';
import { habitDayEndJob } from './habit-day-end.job.js';
import { habitReminderJob } from './habit-reminder.job.js';
import { morningDigestJob } from './morning-digest.job.js';
import { overdueStepsJob } from './overdue-steps.job.js';
import { redeliverNotificationsJob } from './redeliver-notifications.job.js';
import { releaseNotificationJob } from './release-notification.job.js';
import { reminderJob } from './reminder.job.js';
import { webhookDeliveryJob } from './webhook-delivery.job.js';
import { weeklyReviewJob } from './weekly-review.job.js';

/** Every job the worker runs; adding a job is its file plus one line here. */
export const JOBS: readonly JobDefinition<unknown>[] = [
  eventReminderJob,
  morningDigestJob,
  deadlineCheckJob,
  overdueStepsJob,
  reminderJob,
  releaseNotificationJob,
  webhookDeliveryJob,
  redeliverNotificationsJob,
  habitDayEndJob,
  habitReminderJob,
  weeklyReviewJob,
  broadcastJob,
  calendarSyncJob,
];
