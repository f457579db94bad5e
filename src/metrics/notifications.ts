import { Counter, Gauge } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { Notification } from '../entities/notification.entity.js';
import { DeliveryChannel, NotificationStatus } from '../entities/notification-enums.js';
import { registry } from './registry.js';

/** The databases of this process's open cores; the gauge reads the first. */
const databases = new Set<DataSource>();

// Registered for its collect(), which reads the database at scrape time.
new Gauge({
  name: 'maxon_notifications_pending',
  help: 'Notifications in the outbox waiting to be delivered (status pending), by channel; counted at scrape time',
  labelNames: ['channel'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    const [db] = databases;
    if (!db?.isInitialized) return;
    try {
      // Served by the (channel, status, available_at) index; pending rows are few.
      const rows = (await db.query(
        `SELECT channel, count(*)::int AS n FROM notifications WHERE status = 'pending' GROUP BY channel`,
      )) as { channel: string; n: number }[];
      // Every channel has a value, 0 included, so a dashboard's series never goes missing.
      for (const channel of Object.values(DeliveryChannel)) this.set({ channel }, 0);
      for (const { channel, n } of rows) this.set({ channel }, n);
    } catch {
      // The database is away: report nothing rather than fail the whole scrape.
    }
  },
});

const delivered = new Counter({
  name: 'maxon_notifications_delivered_total',
  help: 'Notifications acknowledged by a bot or accepted by a webhook, by channel',
  labelNames: ['channel'] as const,
  registers: [registry],
});

const failed = new Counter({
  name: 'maxon_notifications_failed_total',
  help: 'Notifications given up on (not acknowledged after the last offer, webhook attempts spent), by channel',
  labelNames: ['channel'] as const,
  registers: [registry],
});

/** Counts pending notifications in this database at scrape time; the returned function stops it. */
export function watchNotificationOutbox(db: DataSource): () => void {
  databases.add(db);
  return () => void databases.delete(db);
}

/** Counts one notification that reached an end: delivered or failed. */
export function countNotificationOutcome(
  channel: DeliveryChannel | `${DeliveryChannel}`,
  outcome: 'delivered' | 'failed',
): void {
  (outcome === 'delivered' ? delivered : failed).inc({ channel });
}

/** Counts the rows an update left delivered or failed; other statuses are ignored. */
export function countNotificationOutcomes(
  rows: readonly Pick<Notification, 'channel' | 'status'>[],
) {
  for (const row of rows) {
    if (row.status === NotificationStatus.DELIVERED)
      countNotificationOutcome(row.channel, 'delivered');
    if (row.status === NotificationStatus.FAILED) countNotificationOutcome(row.channel, 'failed');
  }
}

/** Counts a webhook notification that was accepted, or given up on; a retry counts nothing. */
export function countWebhookOutcome(delivered: boolean, gaveUp: boolean): void {
  if (delivered) countNotificationOutcome('webhook', 'delivered');
  else if (gaveUp) countNotificationOutcome('webhook', 'failed');
}
