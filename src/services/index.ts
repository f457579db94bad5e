import type { CalendarAccountsService } from './calendar-sync/calendar-accounts.service.js';
import type { CalendarFeedService } from './calendar-sync/calendar-feed.service.js';
import type { CalendarSyncService } from './calendar-sync/calendar-sync.service.js';
import type { CalendarConnectionService } from './calendar-sync/calendar-connection.service.js';
import type { GoogleOAuthService } from './calendar-sync/google-oauth.service.js';
import type { ApiTokenService } from './api-token.service.js';
import type { AuthService } from './auth.service.js';
import type { WebAuthService } from './web-auth/web-auth.service.js';
import type { EventService } from './event.service.js';
import type { GoalService } from './goal.service.js';
import type { JobQueue } from './job-queue.js';
import type { DailyNotifications } from './notifications/daily-notifications.js';
import type { NotificationService } from './notifications/notification.service.js';
import type { NotificationOutbox } from './notifications/outbox.js';
import type { ReminderFiring } from './notifications/reminder-firing.js';
import type { MissedReminderSummary } from './notifications/missed-summary.js';
import type { HabitNotifications } from './notifications/habit-notifications.js';
import type { ReminderNotifications } from './notifications/reminder-notifications.js';
import type { WebhookService } from './notifications/webhook.service.js';
import type { ReminderScheduler } from './reminder-scheduler.js';
import type { ReminderService } from './reminder.service.js';
import type { StepService } from './step.service.js';
import type { UserService } from './user.service.js';
import type { AutoScheduleService } from './auto-schedule.service.js';
import type { CoachService } from './assistant/coach.service.js';
import type { ConversationService } from './assistant/conversation.service.js';
import type { HabitCheckInService } from './habits/habit-check-in.service.js';
import type { HabitService } from './habits/habit.service.js';
import type { TodayService } from './habits/today.service.js';
import type { PictureService } from './pictures/picture.service.js';
import type { ModelClient } from '../assistant/model/model-client.js';
import type { SecretBox } from '../common/secret-box.js';
import type { RateLimits } from './rate-limits.js';
import type { AuditLog } from './audit-log.js';
import type { AdminService } from './admin/admin.service.js';
import type { BroadcastService } from './admin/broadcast.service.js';

/** The domain services of one process, built once by `composeServices()` (src/compose.ts). */
export interface Services {
  users: UserService;
  goals: GoalService;
  habits: HabitService;
  habitCheckIns: HabitCheckInService;
  today: TodayService;
  pictures: PictureService;
  steps: StepService;
  events: EventService;
  apiTokens: ApiTokenService;
  auth: AuthService;
  webAuth: WebAuthService;
  reminderScheduler: ReminderScheduler;
  reminders: ReminderService;
  notifications: NotificationService;
  outbox: NotificationOutbox;
  reminderNotifications: ReminderNotifications;
  habitNotifications: HabitNotifications;
  dailyNotifications: DailyNotifications;
  reminderFiring: ReminderFiring;
  /** After an outage: one message per user listing the reminders that were missed. */
  missedSummary: MissedReminderSummary;
  webhooks: WebhookService;
  jobs: JobQueue;
  autoSchedule: AutoScheduleService;
  calendarConnections: CalendarConnectionService;
  /** Connecting Google Calendar (OAuth2 + PKCE), its providers, revoking on disconnect. */
  googleOAuth: GoogleOAuthService;
  calendarFeeds: CalendarFeedService;
  calendarSync: CalendarSyncService;
  calendarAccounts: CalendarAccountsService;
  coach: CoachService;
  conversation: ConversationService;
  /** Null when no model is configured: the offline engine answers, voice is unavailable. */
  model: ModelClient | null;
  /** Seals secrets at rest (webhook secrets, calendar credentials) under SECRETS_KEY. */
  secrets: SecretBox;
  /** Per-user budgets of mutations and assistant calls (operation-budget.ts charges them). */
  rateLimits: RateLimits;
  /** Operator actions and security events. */
  audit: AuditLog;
  /** Operator tools: stats, user lookup, block/unblock. */
  admin: AdminService;
  broadcasts: BroadcastService;
  /** What the assistant takes as now: the real clock, except where a benchmark pins it. */
  clock: () => Date;
}
