import type { MixedList } from 'typeorm';
import { Initial1795277559494 } from './1795277559494-initial.js';
import { RemindersAndNotifications1795279969362 } from './1795279969362-reminders-and-notifications.js';
import { AssistantConversationsAndPlans1795281652883 } from './1795281652883-assistant-conversations-and-plans.js';
import { ChannelDialogState1795290000000 } from './1795290000000-channel-dialog-state.js';
import { EventRemindersDisabledReason1795300000000 } from './1795300000000-event-reminders-disabled-reason.js';
import { DefaultReminderMinutes1795310000000 } from './1795310000000-default-reminder-minutes.js';
import { AddHabits1796616483022 } from './1796616483022-add-habits.js';
import { HabitRemindersEnabled1796700000000 } from './1796700000000-habit-reminders-enabled.js';
import { WeeklyReview1797700000000 } from './1797700000000-weekly-review.js';
import { AdminUserSearch1797810000000 } from './1797810000000-admin-user-search.js';
import { CalendarPushChannels1797820000000 } from './1797820000000-calendar-push-channels.js';
import { EventExceptions1797831600000 } from './1797831600000-event-exceptions.js';
import { WebhookSecretsAtRest1797000000000 } from './1797000000000-webhook-secrets-at-rest.js';
import { RateLimits1797010000000 } from './1797010000000-rate-limits.js';
import { CalendarConnections1797300000000 } from './1797300000000-calendar-connections.js';
import { OperatorTools1797020000000 } from './1797020000000-operator-tools.js';
import { WebSessions1797400000000 } from './1797400000000-web-sessions.js';
import { TitleSearch1797500000000 } from './1797500000000-title-search.js';
import { AssistantUndo1797500000001 } from './1797500000001-assistant-undo.js';

/** Every migration, oldest first. `npm run migration:generate -- Name` writes a new one. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: MixedList<Function> = [
  Initial1795277559494,
  RemindersAndNotifications1795279969362,
  AssistantConversationsAndPlans1795281652883,
  ChannelDialogState1795290000000,
  EventRemindersDisabledReason1795300000000,
  DefaultReminderMinutes1795310000000,
  AddHabits1796616483022,
  HabitRemindersEnabled1796700000000,
  WebhookSecretsAtRest1797000000000,
  RateLimits1797010000000,
  OperatorTools1797020000000,
  CalendarConnections1797300000000,
  WebSessions1797400000000,
  TitleSearch1797500000000,
  AssistantUndo1797500000001,
  WeeklyReview1797700000000,
  AdminUserSearch1797810000000,
  CalendarPushChannels1797820000000,
  EventExceptions1797831600000,
];
