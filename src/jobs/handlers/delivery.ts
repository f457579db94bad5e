import { Notification, NotificationStatus } from '../../entities/index.js';
import { JOB } from '../../services/job-queue.js';
import type { JobHandler } from '../job-context.js';

/** Offers a notification held by quiet hours or a snooze, at the moment the hold ends. */
export const releaseNotification: JobHandler = async (data, context) => {
  await context.notifications.release(String(data.notificationId), new Date());
};

/** The periodic sweep: offers again what was not acknowledged in time. */
export const redeliverNotifications: JobHandler = async (_data, context) => {
  const { offered, failed } = await context.notifications.redeliverDue();
  if (offered || failed) context.logger.info({ offered, failed }, 'notifications offered again');
};

/** One signed POST to a webhook; on failure the next attempt is queued with back-off. */
export const webhookDelivery: JobHandler = async (data, context) => {
  const attempt = Number(data.attempt);
  const notification = await context.db
    .getRepository(Notification)
    .findOneBy({ id: String(data.notificationId) });
  if (notification?.status !== NotificationStatus.PENDING) return;
  const outcome = await context.webhooks.deliver(notification, attempt);
  const { maxAttempts, baseDelayMs } = context.webhookRetry;
  if (outcome.ok || outcome.permanent || attempt >= maxAttempts) {
    const failure = outcome.ok
      ? undefined
      : `gave up after ${attempt} attempt${attempt === 1 ? '' : 's'}: ${outcome.error}`;
    await context.notifications.recordWebhookOutcome(notification.id, outcome.ok, failure);
    return;
  }
  await context.notifications.recordWebhookOutcome(notification.id, false);
  const retryAt = new Date(Date.now() + baseDelayMs * 2 ** (attempt - 1));
  await context.jobs.scheduleOnce(JOB.WEBHOOK_DELIVERY, retryAt, {
    key: `webhook:${notification.id}:${attempt + 1}`,
    dueAt: retryAt.toISOString(),
    notificationId: notification.id,
    attempt: attempt + 1,
  });
};
