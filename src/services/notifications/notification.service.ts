import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { queryEntities } from '../../db/entity-rows.js';
import { isDatabaseUnavailable } from '../../db/unavailable.js';
import { badInput, notFound } from '../../errors/domain-error.js';
import {
  Notification,
  NotificationKind,
  SnoozePreset,
  type DeliveryChannel,
  type User,
} from '../../entities/index.js';
import { countNotificationOutcomes } from '../../metrics/notifications.js';
import { nextLocalTime } from '../timezone.js';
import type { NotificationOutbox } from './outbox.js';
import type { ReminderNotifications } from './reminder-notifications.js';

export interface SnoozeChoice {
  minutes?: number | null;
  preset?: SnoozePreset | null;
}

/** Who may touch a notification: its owner, or a bot with the service key (any). */
export type NotificationScope = { userId: string } | 'service';

const MAX_SNOOZE_MINUTES = 7 * 24 * 60;
/** Waits between reads of an offered notification while the database is away (~32 s). */
const OFFER_READ_RETRIES_MS = [250, 500, 1000, 2000, 4000, 8000, 8000, 8000];

/**
 * A user's (or a bot's) side of notifications: what to send now, acknowledging, snoozing,
 * the history. Writing, offering and redelivering is the outbox's (outbox.ts).
 */
export class NotificationService {
  constructor(
    private readonly db: DataSource,
    private readonly outbox: NotificationOutbox,
    private readonly reminderNotifications: ReminderNotifications,
  ) {}

  /**
   * What a client should send now: pending rows of its platform that are not held. Rows
   * offered before and not acknowledged are included (the client may have restarted).
   */
  pending(channel: DeliveryChannel, limit: number, now = new Date()): Promise<Notification[]> {
    return this.outbox.pending(channel, limit, now);
  }

  /** Marks a notification delivered. Acknowledging twice (or late) is harmless. */
  async acknowledge(scope: NotificationScope, notificationId: string): Promise<Notification> {
    const [updated] = await queryEntities(
      this.db,
      Notification,
      `UPDATE notifications SET status = 'delivered', delivered_at = now(), updated_at = now()
        WHERE id = $1 AND status IN ('pending', 'failed') AND ($2::uuid IS NULL OR user_id = $2)
        RETURNING *`,
      [notificationId, scope === 'service' ? null : scope.userId],
    );
    if (updated) countNotificationOutcomes([updated]);
    return updated ?? this.get(scope, notificationId);
  }

  async get(scope: NotificationScope, notificationId: string): Promise<Notification> {
    const notification = await this.db.getRepository(Notification).findOne({
      where: { id: notificationId, ...(scope === 'service' ? {} : { userId: scope.userId }) },
    });
    if (!notification) throw notFound('Notification');
    return notification;
  }

  /**
   * The row of a notification just offered, for the `notifications` subscription; null when
   * it is gone. An offer is a message on PubSub that comes once: if the read failed because
   * the database is away (a blip, a reset, a full pool after one), the offer would be lost
   * and the notification wait for the acknowledgement timeout (minutes). So the read is
   * tried again with back-off while the database is unavailable.
   */
  async getForOffer(notificationId: string): Promise<Notification | null> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.db.getRepository(Notification).findOneBy({ id: notificationId });
      } catch (error) {
        const wait = OFFER_READ_RETRIES_MS[attempt];
        if (wait === undefined || !isDatabaseUnavailable(error)) return null;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  async listForUser(user: User, options: { limit: number; offset: number }) {
    return this.db.getRepository(Notification).find({
      where: { userId: user.id },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: options.limit,
      skip: options.offset,
    });
  }

  /**
   * Acknowledges the notification and writes a copy due at the chosen moment. The source
   * (an event series, a recurring reminder) is not touched, so a series never shifts.
   */
  async snooze(user: User, notificationId: string, choice: SnoozeChoice, now = new Date()) {
    const until = snoozeUntil(user, choice, now);
    const rows = await this.db.transaction(async (manager) => {
      const [original] = await queryEntities(
        manager,
        Notification,
        `SELECT * FROM notifications WHERE id = $1 AND user_id = $2 FOR UPDATE`,
        [notificationId, user.id],
      );
      if (!original) throw notFound('Notification');
      const text = (await this.textAt(user, original, until)) ?? original.text;
      await manager.query(
        `UPDATE notifications SET status = 'delivered', delivered_at = COALESCE(delivered_at, now()),
                updated_at = now() WHERE id = $1 AND status <> 'delivered'`,
        [notificationId],
      );
      return queryEntities(
        manager,
        Notification,
        `INSERT INTO notifications (user_id, channel, target, kind, text, payload, status,
                attempts, idempotency_key, occurrence_at, available_at)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, 'pending', 0, $7, $8, $8)
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING *`,
        [
          user.id,
          original.channel,
          original.target,
          original.kind,
          text,
          JSON.stringify(original.payload),
          snoozeKey(original.id, choice),
          until,
        ],
      );
    });
    await this.outbox.dispatch(rows);
    if (rows[0]) return rows[0];
    // The same choice on the same notification again (a button pressed twice): that copy.
    const [copy] = await queryEntities(
      this.db,
      Notification,
      `SELECT * FROM notifications WHERE idempotency_key = $1 AND user_id = $2`,
      [snoozeKey(notificationId, choice), user.id],
    );
    return copy ?? this.get({ userId: user.id }, notificationId);
  }

  /** An event reminder says how it stands when the snooze ends, not when it first fired. */
  private textAt(user: User, original: Notification, until: Date): Promise<string | null> {
    const { eventId, occurrenceStart } = original.payload.refs ?? {};
    if (original.kind !== NotificationKind.EVENT_REMINDER || !eventId || !occurrenceStart) {
      return Promise.resolve(null);
    }
    return this.reminderNotifications.eventReminderTextAt(
      user,
      String(eventId),
      new Date(String(occurrenceStart)),
      until,
    );
  }
}

/** One snooze copy per notification and choice, so a button pressed twice snoozes once. */
const snoozeKey = (notificationId: string, choice: SnoozeChoice) =>
  `snooze:${notificationId}:${choice.preset ?? `${choice.minutes}m`}`;

/** The moment a snooze ends; presets follow the user's own evening and morning times. */
export function snoozeUntil(user: User, choice: SnoozeChoice, now: Date): Date {
  const { timezone, eveningNudgeTime, digestTime } = user.settings;
  if (choice.minutes != null && choice.preset != null) {
    throw badInput('Give either minutes or preset, not both', { field: 'minutes' });
  }
  switch (choice.preset) {
    case SnoozePreset.MINUTES_10:
      return new Date(now.getTime() + 10 * 60_000);
    case SnoozePreset.HOUR_1:
      return new Date(now.getTime() + 60 * 60_000);
    case SnoozePreset.THIS_EVENING:
      return nextLocalTime(eveningNudgeTime, timezone, now);
    case SnoozePreset.TOMORROW_MORNING: {
      const endOfToday = DateTime.fromJSDate(now, { zone: timezone }).endOf('day').toJSDate();
      return nextLocalTime(digestTime, timezone, endOfToday);
    }
    default:
      break;
  }
  const minutes = choice.minutes;
  if (
    minutes == null ||
    !Number.isInteger(minutes) ||
    minutes < 1 ||
    minutes > MAX_SNOOZE_MINUTES
  ) {
    throw badInput(`Snooze for 1…${MAX_SNOOZE_MINUTES} minutes, or choose a preset`, {
      field: 'minutes',
    });
  }
  return new Date(now.getTime() + minutes * 60_000);
}
