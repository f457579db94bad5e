import { badInput } from '../../errors/domain-error.js';
import { HabitScheduleKind } from '../../entities/index.js';
import type { Schedule } from './habit-schedule.js';

export interface HabitScheduleInput {
  kind: HabitScheduleKind;
  weekdays?: number[] | null;
  count?: number | null;
}

/** The allowed `count` of each kind that has one. */
const COUNT_RANGE: Partial<Record<HabitScheduleKind, [number, number]>> = {
  [HabitScheduleKind.TIMES_PER_WEEK]: [1, 7],
  [HabitScheduleKind.TIMES_PER_MONTH]: [1, 31],
  [HabitScheduleKind.EVERY_N_DAYS]: [2, 365],
};

/** Checks a schedule and drops what its kind does not use (weekdays of a daily habit…). */
export function normalizeSchedule(input: HabitScheduleInput): Schedule {
  const field = { field: 'schedule' };
  if (input.kind === HabitScheduleKind.WEEKDAYS) {
    const weekdays = [...new Set(input.weekdays ?? [])].sort();
    if (
      weekdays.length === 0 ||
      weekdays.some((day) => !Number.isInteger(day) || day < 1 || day > 7)
    ) {
      throw badInput('A WEEKDAYS schedule needs weekdays, ISO 1 (Monday) … 7 (Sunday)', field);
    }
    return { kind: input.kind, weekdays, count: null };
  }
  const range = COUNT_RANGE[input.kind];
  if (!range) return { kind: input.kind, weekdays: [], count: null };
  const [min, max] = range;
  const count = input.count;
  if (count == null || !Number.isInteger(count) || count < min || count > max) {
    throw badInput(
      `A ${input.kind.toUpperCase()} schedule needs a count from ${min} to ${max}`,
      field,
    );
  }
  return { kind: input.kind, weekdays: [], count };
}

export const MAX_REMINDER_TIMES = 5;

/** Distinct reminder times in order; the scalar has already checked each is "HH:MM". */
export function normalizeReminderTimes(times: readonly string[] | null | undefined): string[] {
  const distinct = [...new Set(times ?? [])].sort();
  if (distinct.length > MAX_REMINDER_TIMES) {
    throw badInput(`A habit has at most ${MAX_REMINDER_TIMES} reminder times`, {
      field: 'reminderTimes',
    });
  }
  return distinct;
}
