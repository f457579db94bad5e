import type { ApiClient } from './api-client.js';
import {
  AcknowledgeNotificationDocument,
  NotificationsDocument,
  PendingNotificationsDocument,
  type NotificationFieldsFragment,
} from './gql/graphql.js';
import { platformEnum, sendScreen, type Messenger } from './messenger.js';
import { asBulk } from './outbound/send-queue.js';
import type { BotLogger } from './turn.js';
import { languageOf, notificationScreen } from './features/notifications/notifications.views.js';
import { textsFor } from './texts.js';

/**
 * Ids seen recently, oldest forgotten first: at most `capacity` of them, each for `ttlMs`.
 * A Map keeps insertion order, so the first key is the least recently remembered.
 */
export class RecentIds<State> {
  private readonly entries = new Map<string, { state: State; until: number }>();

  constructor(
    private readonly capacity: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(id: string): State | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.state;
  }

  remember(id: string, state: State): void {
    this.entries.delete(id);
    this.entries.set(id, { state, until: this.now() + this.ttlMs });
    while (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value!);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

/** How long a sent notification is remembered: longer than a catch-up after a restart takes. */
const SENT_MEMORY_MS = 60 * 60_000;
const SENT_MEMORY_SIZE = 10_000;
/** Pending notifications asked for at a time when catching up… */
const CATCH_UP_PAGE = 500;
/** …and at most this many pages in one catch-up (acknowledgements failing would loop). */
const CATCH_UP_MAX_PAGES = 20;

/**
 * Delivers the outbox to one messenger: each notification published on the `notifications`
 * subscription, plus the pending ones at start and after a reconnect, is sent with its
 * buttons and acknowledged once the messenger accepted it. A failed send is not acknowledged,
 * so the API offers it again later (bounded attempts).
 */
export class NotificationRelay {
  private readonly inFlight = new Map<string, Promise<void>>();
  /**
   * Sent (and maybe acknowledged) lately. After an API restart the catch-up can return a row
   * the subscription just delivered and this relay acknowledged (the acknowledgement raced the
   * query): it must not be sent twice. One sent but not acknowledged is only acknowledged.
   */
  private readonly sent = new RecentIds<'sent' | 'acknowledged'>(SENT_MEMORY_SIZE, SENT_MEMORY_MS);
  private unsubscribe: (() => void) | null = null;
  private stopped = false;

  constructor(
    private readonly api: ApiClient,
    private readonly messenger: Messenger,
    private readonly logger: BotLogger,
  ) {}

  private get platform() {
    return platformEnum(this.messenger.platform);
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

  /**
   * Sends what is pending, a page at a time: after an outage there may be more than one page
   * (the rest would wait for the acknowledgement timeout). A row offered and not yet
   * acknowledged comes back in the next page, so each page is sent and acknowledged first.
   */
  private async catchUp(): Promise<void> {
    try {
      for (let page = 0; page < CATCH_UP_MAX_PAGES && !this.stopped; page += 1) {
        const { pendingNotifications } = await this.api.request(PendingNotificationsDocument, {
          platform: this.platform,
          limit: CATCH_UP_PAGE,
        });
        const fresh = pendingNotifications.filter((n) => !this.inFlight.has(n.id));
        for (const notification of pendingNotifications) this.deliver(notification);
        if (pendingNotifications.length < CATCH_UP_PAGE || fresh.length === 0) return;
        await Promise.allSettled([...this.inFlight.values()]);
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'could not fetch pending notifications');
    }
  }

  private deliver(notification: NotificationFieldsFragment): void {
    const { id } = notification;
    if (this.stopped || this.inFlight.has(id) || !notification.target) return;
    const already = this.sent.get(id);
    if (already === 'acknowledged') return;
    const sending = (already === 'sent' ? this.acknowledge(id) : this.send(notification)).finally(
      () => this.inFlight.delete(id),
    );
    this.inFlight.set(id, sending);
  }

  private async send(notification: NotificationFieldsFragment): Promise<void> {
    try {
      await asBulk(() =>
        sendScreen(
          this.messenger,
          notification.target!,
          notificationScreen(notification, textsFor(languageOf(notification.text))),
        ),
      );
    } catch (error) {
      this.logger.warn({ err: error, notificationId: notification.id }, 'notification not sent');
      return;
    }
    this.sent.remember(notification.id, 'sent');
    await this.acknowledge(notification.id);
  }

  private async acknowledge(id: string): Promise<void> {
    try {
      await this.api.request(AcknowledgeNotificationDocument, { id });
      this.sent.remember(id, 'acknowledged');
    } catch (error) {
      this.logger.warn({ err: error, notificationId: id }, 'acknowledge failed');
    }
  }
}
