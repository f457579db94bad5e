import { TOKEN_REVOCATIONS, type AppPubSub } from './pubsub.js';
import type { DomainEvents } from './services/domain-events.js';
import type { ReminderScheduler } from './services/reminder-scheduler.js';

/**
 * What follows a committed change, in one place: `grep` an event's name to see every
 * consequence. Each handler runs after commit; a failure is logged and never undoes the
 * change (see DomainEvents).
 */
export function wireDomainEventHandlers(
  events: DomainEvents,
  { reminderScheduler, pubsub }: { reminderScheduler: ReminderScheduler; pubsub: AppPubSub },
): void {
  // An event's reminders: one job per offset for its next occurrence, or none any more.
  events.on('eventChanged', ({ eventId }) => reminderScheduler.syncEvent(eventId));
  // Daily jobs at the new local times; event reminders on or off with the switches.
  events.on('userSettingsChanged', ({ userId }) => reminderScheduler.syncUser(userId));
  // A generic reminder's next run: queued, moved, or removed with its state.
  events.on('reminderCreated', ({ reminder, nextRunAt }) =>
    reminderScheduler.scheduleReminder(reminder, nextRunAt),
  );
  // The end of each habit day (missed days written), while the user has active habits.
  events.on('habitsChanged', ({ userId }) => reminderScheduler.habits.syncDayEnd(userId));
  // A habit's reminders: one job per reminder time for its next occurrence, or none any more.
  events.on('habitChanged', ({ habitId }) => reminderScheduler.habits.syncHabit(habitId));
  events.on('reminderChanged', ({ reminderId }) => reminderScheduler.syncReminder(reminderId));
  // The goalProgress subscription, only once the change is visible to every reader.
  events.on('goalProgressChanged', (update) => {
    pubsub.publish('GOAL_PROGRESS', update.goalId, update);
  });
  // The habitProgress subscription of the habit's owner, after the check-in committed.
  events.on('habitProgressChanged', ({ userId, update }) => {
    pubsub.publish('HABIT_PROGRESS', userId, update);
  });
  // Every API instance closes the revoked token's open WebSockets (src/http/graphql-ws.ts).
  events.on('apiTokenRevoked', ({ tokenId }) => {
    pubsub.publish('API_TOKEN_REVOKED', TOKEN_REVOCATIONS, { tokenId });
  });
}
