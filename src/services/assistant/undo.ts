import { type Event, type StepStatus, type User } from '../../entities/index.js';
import type { Services } from '../index.js';

/** An event's own fields, enough to put it back as it was. */
export interface EventSnapshot {
  title: string;
  start: string;
  timezone: string;
  allDay: boolean;
  durationMinutes: number;
  recurrence: string | null;
  notes: string | null;
  reminderMinutesBefore: number[];
  reminderEnabled: boolean;
}

/** What undoes the assistant's last action (stored per user as JSON). */
export type UndoRecord =
  | { kind: 'event_created'; id: string; title: string }
  | { kind: 'event_updated'; id: string; title: string; before: EventSnapshot }
  | { kind: 'event_deleted'; id: string; title: string; before: EventSnapshot }
  | { kind: 'goal_created'; id: string; title: string }
  | { kind: 'step_added'; id: string; title: string }
  | { kind: 'step_updated'; id: string; title: string; before: StepStatus };

export function snapshotOf(event: Event): EventSnapshot {
  return {
    title: event.title,
    start: event.startsAt.toISOString(),
    timezone: event.timezone,
    allDay: event.allDay,
    durationMinutes: event.durationMinutes,
    recurrence: event.recurrence,
    notes: event.notes,
    reminderMinutesBefore: [...event.reminderMinutesBefore],
    reminderEnabled: event.reminderEnabled,
  };
}

const fieldsOf = (snapshot: EventSnapshot) => ({ ...snapshot, start: new Date(snapshot.start) });

/**
 * Puts things back as they were before the assistant's last action, through the same
 * services that made the change (so reminders follow): a created event, goal or step is
 * deleted, a changed event gets every field back, a deleted event is created again with its
 * fields (under a new id), a step gets its status back.
 */
export async function undo(
  services: Pick<Services, 'events' | 'goals' | 'steps'>,
  user: User,
  record: UndoRecord,
): Promise<void> {
  switch (record.kind) {
    case 'event_created':
      await services.events.delete(user, record.id);
      return;
    case 'event_updated':
      await services.events.update(user, record.id, fieldsOf(record.before));
      return;
    case 'event_deleted':
      await services.events.create(user, fieldsOf(record.before));
      return;
    case 'goal_created':
      await services.goals.delete(user, record.id);
      return;
    case 'step_added':
      await services.steps.delete(user, record.id);
      return;
    case 'step_updated':
      await services.steps.update(user, record.id, { status: record.before });
      return;
  }
}
