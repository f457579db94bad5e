import type { ApiClient } from './api-client.js';
import {
  AcknowledgeNotificationDocument,
  NotificationsDocument,
  PendingNotificationsDocument,
  type NotificationFieldsFragment,
} from './gql/graphql.js';
import { sendScreen, type Messenger } from './messenger.js';
import { asBulk } from './outbound/send-queue.js';
import type { BotLogger } from './turn.js';
import { notificationScreen } from './features/notifications/notifications.views.js';

/**
 * Delivers the outbox to one messenger: each notification published on the `notifications`
 * subscription, plus the pending ones at start and after a reconnect, is sent with its
 * buttons and acknowledged once the messenger accepted it. A failed send is not acknowledged,
 * so the API offers it again later (bounded attempts).
 */
export class NotificationRelay {
  private readonly inFlight = new Map<string, Promise<void>>();
  private unsubscribe: (() => void) | null = null;
  private stopped = false;

  constructor(
    private readonly api: ApiClient,
    private readonly messenger: Messenger,
    private readonly logger: BotLogger,
  ) {}

  private get platform() {
    return this.messenger.platform === 'max' ? ('MAX' as const) : ('TELEGRAM' as const);
  }

  async start(): Promise<void> {
    this.unsubscribe = this.api.subscribe(
      NotificationsDocument,
      { platform: this.platform },
      {
        onData: ({ notifications }) => this.deliver(notifications),
        onError: (error) => this.logger.warn({ err: error }, 'notifications subscription error'),
        onReconnected: () => void this.catchUp(),
      },
    );
    await this.catchUp();
  }

  /** Stops taking new notifications and waits for the sends in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    await Promise.allSettled([...this.inFlight.values()]);
  }

  private async catchUp(): Promise<void> {
    try {
      const { pendingNotifications } = await this.api.request(PendingNotificationsDocument, {
        platform: this.platform,
        limit: 500,
      });
      for (const notification of pendingNotifications) this.deliver(notification);
    } catch (error) {
      this.logger.warn({ err: error }, 'could not fetch pending notifications');
    }
  }

  private deliver(notification: NotificationFieldsFragment): void {
    if (this.stopped || this.inFlight.has(notification.id) || !notification.target) return;
    const sending = this.send(notification).finally(() => this.inFlight.delete(notification.id));
    this.inFlight.set(notification.id, sending);
  }

  private async send(notification: NotificationFieldsFragment): Promise<void> {
    try {
      await asBulk(() =>
        sendScreen(this.messenger, notification.target!, notificationScreen(notification)),
      );
    } catch (error) {
      this.logger.warn({ err: error, notificationId: notification.id }, 'notification not sent');
      return;
    }
    await this.api
      .request(AcknowledgeNotificationDocument, { id: notification.id })
      .catch((error: unknown) =>
        this.logger.warn({ err: error, notificationId: notification.id }, 'acknowledge failed'),
      );
  }
}
