import { ApiToken } from './api-token.entity.js';
import {
  CalendarConnection,
  CalendarFeed,
  CalendarMapping,
  ExternalBusyInterval,
} from './calendar-connection.entity.js';
import { AuditEvent } from './audit-event.entity.js';
import { Broadcast } from './broadcast.entity.js';
import { ChannelAccount } from './channel-account.entity.js';
import { ConversationMessage, ConversationState } from './conversation.entity.js';
import { Event } from './event.entity.js';
import { Goal } from './goal.entity.js';
import { Habit } from './habit.entity.js';
import { HabitCheckIn } from './habit-check-in.entity.js';
import { Notification, NotificationAction } from './notification.entity.js';
import { ReminderAudit } from './reminder-audit.entity.js';
import { Reminder } from './reminder.entity.js';
import { PlanProposal, ProposedStep } from './plan-proposal.entity.js';
import { Step } from './step.entity.js';
import { User } from './user.entity.js';
import { Vacation } from './vacation.entity.js';
import { Webhook, WebhookDelivery } from './webhook.entity.js';
import { WebSession, WebSignInLink } from './web-session.entity.js';

export {
  ApiToken,
  CalendarConnection,
  CalendarFeed,
  CalendarMapping,
  ExternalBusyInterval,
  AuditEvent,
  Broadcast,
  ChannelAccount,
  ConversationMessage,
  ConversationState,
  Event,
  Goal,
  Habit,
  HabitCheckIn,
  Notification,
  PlanProposal,
  ProposedStep,
  NotificationAction,
  Reminder,
  ReminderAudit,
  Step,
  User,
  Vacation,
  Webhook,
  WebhookDelivery,
  WebSession,
  WebSignInLink,
};
export type { NotificationPayload } from './notification.entity.js';
export type { PushChannel } from './calendar-connection.entity.js';
export type { EventException } from './event.entity.js';
export * from './notification-enums.js';
export { DEFAULT_REMINDER_MINUTES } from './user-settings.embedded.js';
export * from './enums.js';
export * from './habit-enums.js';
export * from './calendar-enums.js';
export { ApiTokenScope } from './api-token.entity.js';
export { BroadcastStatus } from './broadcast.entity.js';
export type { HabitPause } from './habit.entity.js';
export { HabitSchedule } from './habit-schedule.embedded.js';
export { UserSettings, DEFAULT_TIMEZONE } from './user-settings.embedded.js';
export { SmartAnalysis, SmartCriterion } from './smart-analysis.type.js';

/** Every TypeORM entity, for the data source. */
export const ENTITIES = [
  User,
  ChannelAccount,
  Goal,
  Step,
  Event,
  ApiToken,
  Reminder,
  ReminderAudit,
  Notification,
  Webhook,
  WebhookDelivery,
  ConversationMessage,
  ConversationState,
  PlanProposal,
  Habit,
  HabitCheckIn,
  Vacation,
  WebSession,
  WebSignInLink,
  CalendarConnection,
  CalendarMapping,
  ExternalBusyInterval,
  CalendarFeed,
  AuditEvent,
  Broadcast,
];
