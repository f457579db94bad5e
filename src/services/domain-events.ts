import type { Reminder } from '../entities/index.js';
import type { GoalProgressUpdate, HabitProgressUpdate } from '../pubsub.js';

/**
 * What the domain announces after a change commits. Services emit these; what follows each
 * one (schedule reminders, publish progress) is wired in one place,
 * src/domain-event-handlers.ts.
 */
export interface DomainEventMap {
  /** An event was created, changed or deleted (also the events auto-scheduling created). */
  eventChanged: { eventId: string };
  /** A user was created or changed settings (times, timezone, notification switches). */
  userSettingsChanged: { userId: string };
  /** A step change re-derived its goal's progress. */
  goalProgressChanged: GoalProgressUpdate;
  /** A check-in, undo, vacation or edit re-derived a habit's streak and strength. */
  habitProgressChanged: { userId: string; update: HabitProgressUpdate };
  /** A habit was created or resumed: the user's habit days need their end-of-day job. */
  habitsChanged: { userId: string };
  /** A habit was created, edited, paused, resumed, archived or deleted: its reminders follow. */
  habitChanged: { habitId: string };
  /** A generic reminder was created; its first run is known. */
  reminderCreated: { reminder: Reminder; nextRunAt: Date };
  /** A generic reminder was paused, resumed, cancelled or deleted. */
  reminderChanged: { reminderId: string };
  /** An API token was revoked: its open WebSockets must close. */
  apiTokenRevoked: { tokenId: string; userId: string };
}

export type DomainEventName = keyof DomainEventMap;

export type DomainEventHandler<K extends DomainEventName> = (
  payload: DomainEventMap[K],
) => Promise<void> | void;

type Handlers = { [K in DomainEventName]?: DomainEventHandler<K>[] };

/**
 * A small typed event bus, in process. `emit` is called after the change commits and waits
 * for the handlers, one after another, so a mutation's answer already reflects them (its
 * reminders are queued). A handler that fails is logged and the others still run: the
 * change stands, and the worker's reconcile at start repairs a schedule left behind.
 */
export class DomainEvents {
  private readonly handlers: Handlers = {};

  constructor(private readonly logger: { error(object: object, message: string): void }) {}

  on<K extends DomainEventName>(name: K, handler: DomainEventHandler<K>): void {
    const list: DomainEventHandler<K>[] = this.handlers[name] ?? [];
    list.push(handler);
    (this.handlers as Record<K, DomainEventHandler<K>[]>)[name] = list;
  }

  async emit<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): Promise<void> {
    for (const handler of this.handlers[name] ?? []) {
      try {
        await handler(payload);
      } catch (error) {
        this.logger.error(
          { err: error, event: name, payload },
          'a domain event handler failed; the change stands',
        );
      }
    }
  }
}
