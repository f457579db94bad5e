import { registerEnumType } from 'type-graphql';

/** Where a notification goes: a messenger bot or a third party's webhook. */
export enum DeliveryChannel {
  TELEGRAM = 'telegram',
  MAX = 'max',
  WEB = 'web',
  WEBHOOK = 'webhook',
}

export enum NotificationKind {
  EVENT_REMINDER = 'event_reminder',
  DEADLINE_WARNING = 'deadline_warning',
  OVERDUE_STEPS = 'overdue_steps',
  MORNING_DIGEST = 'morning_digest',
  REMINDER = 'reminder',
  HABIT_REMINDER = 'habit_reminder',
  /** Once per user after an outage: the reminders that were missed, in one message. */
  MISSED_SUMMARY = 'missed_summary',
  WEEKLY_REVIEW = 'weekly_review',
  /** An operator's message to all users (or one language's). */
  BROADCAST = 'broadcast',
}

export enum NotificationStatus {
  PENDING = 'pending',
  DELIVERED = 'delivered',
  FAILED = 'failed',
  /** Never offered: the occurrence was missed (worker down too long) or superseded. */
  EXPIRED = 'expired',
}

export enum NotificationActionKind {
  /** Acknowledge; for a one-time reminder also completes it. */
  DONE = 'done',
  COMPLETE_STEP = 'complete_step',
  SNOOZE = 'snooze',
  /** Checks the habit in as done for the day the reminder is about. */
  CHECK_IN_HABIT = 'check_in_habit',
  /** Checks the habit in as skipped for that day. */
  SKIP_HABIT = 'skip_habit',
  /** Opens the habit's card (the weekly review). */
  OPEN_HABIT = 'open_habit',
  /** Schedules the goal's open steps into the calendar (the weekly review's "plan the week"). */
  SCHEDULE_GOAL = 'schedule_goal',
}

export enum SnoozePreset {
  MINUTES_10 = 'minutes_10',
  HOUR_1 = 'hour_1',
  THIS_EVENING = 'this_evening',
  TOMORROW_MORNING = 'tomorrow_morning',
}

export enum ReminderType {
  ONE_TIME = 'one_time',
  RECURRING = 'recurring',
}

export enum ReminderStatus {
  /** A one-time reminder waiting for its moment. */
  PENDING = 'pending',
  /** A recurring reminder that keeps firing. */
  ACTIVE = 'active',
  PAUSED = 'paused',
  COMPLETED = 'completed',
  CANCELLED = 'cancelled',
}

registerEnumType(DeliveryChannel, { name: 'DeliveryChannel' });
registerEnumType(NotificationKind, { name: 'NotificationKind' });
registerEnumType(NotificationStatus, { name: 'NotificationStatus' });
registerEnumType(NotificationActionKind, { name: 'NotificationActionKind' });
registerEnumType(SnoozePreset, {
  name: 'SnoozePreset',
  description: 'this_evening: the user’s evening time; tomorrow_morning: their digest time',
});
registerEnumType(ReminderType, { name: 'ReminderType' });
registerEnumType(ReminderStatus, { name: 'ReminderStatus' });
