import { CheckInStatus } from '../../entities/habit-enums.js';
import {
  frequencyOf,
  isQuotaKind,
  isScheduledDay,
  periodOf,
  type Schedule,
} from './habit-schedule.js';
import { addDays, type LocalDate } from './local-date.js';

/**
 * The habit rules, in one place and without a database: which days were missed, streaks,
 * strength and completion rates, all derived from the check-ins. The service recomputes
 * them in the transaction that writes a check-in and stores them on the habit row.
 *
 * Missed days:
 * - DAILY, WEEKDAYS, EVERY_N_DAYS: a due day before today without a done/skipped check-in.
 * - TIMES_PER_WEEK / TIMES_PER_MONTH (N times in an ISO week / calendar month): a day before
 *   today without a check-in is missed when, at its end, the period can no longer reach its
 *   quota: done days so far + available days left < quota. Available days are those on or
 *   after the start date, not excluded and not skipped; the quota is min(N, available days
 *   in the period), so a week half spent on vacation (or the first, partial week) asks for
 *   less. Days when the quota is still reachable, or already reached, are free.
 * - Excluded days (paused, vacation) are never missed and never counted; skipped days
 *   neither break nor extend a streak.
 * - Today (the user's habit day, see `habitDayOf`) is open: it is never missed yet. Yesterday
 *   counts as missed here but may still be checked off (the service allows it until today
 *   ends), which recomputes everything.
 */

export type DayOutcome = 'done' | 'skipped' | 'missed' | 'excluded' | 'open' | 'free';

export interface HabitHistory {
  schedule: Schedule;
  startedOn: LocalDate;
  /** The user's current habit day. */
  today: LocalDate;
  checkIns: ReadonlyMap<LocalDate, CheckInStatus>;
  /** Days that are neither missed nor counted: the habit was paused, or the user on vacation. */
  isExcluded: (date: LocalDate) => boolean;
}

export interface DayResult {
  date: LocalDate;
  outcome: DayOutcome;
}

export interface HabitStats {
  currentStreak: number;
  bestStreak: number;
  /** Loop Habit Tracker's score, 0…1. */
  strength: number;
  /** Done days that count (on or after the start, not excluded): what the target counts. */
  doneCount: number;
}

/** Outcome of every day from the start date to today, in order. */
export function classifyDays(history: HabitHistory): DayResult[] {
  const { startedOn, today } = history;
  const days: DayResult[] = [];
  for (let date = startedOn; date <= today; date = addDays(date, 1)) {
    days.push({ date, outcome: outcomeOf(history, date) });
  }
  return days;
}

function outcomeOf(history: HabitHistory, date: LocalDate): DayOutcome {
  if (history.isExcluded(date)) return 'excluded';
  const status = history.checkIns.get(date);
  if (status === CheckInStatus.DONE) return 'done';
  if (status === CheckInStatus.SKIPPED) return 'skipped';
  if (date >= history.today) return isDueOn(history, date) ? 'open' : 'free';
  if (status === CheckInStatus.MISSED) return 'missed';
  const { schedule, startedOn } = history;
  if (!isQuotaKind(schedule.kind)) {
    return isScheduledDay(schedule, startedOn, date) ? 'missed' : 'free';
  }
  const quota = quotaOf(history, date);
  const left = quota.available.filter((day) => day > date).length;
  return quota.doneUpTo(date) + left < quota.required ? 'missed' : 'free';
}

/** Whether the habit asks for a check-in on `date`: a due day, or a quota not yet met. */
export function isDueOn(history: HabitHistory, date: LocalDate): boolean {
  if (history.isExcluded(date) || date < history.startedOn) return false;
  const { schedule, startedOn } = history;
  if (!isQuotaKind(schedule.kind)) return isScheduledDay(schedule, startedOn, date);
  const quota = quotaOf(history, date);
  return history.checkIns.has(date) || quota.doneUpTo(addDays(date, -1)) < quota.required;
}

/** The quota of the period holding `date`, its available days, and done days up to a day. */
function quotaOf(history: HabitHistory, date: LocalDate) {
  const [first, last] = periodOf(history.schedule.kind, date);
  const available: LocalDate[] = [];
  const done: LocalDate[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) {
    if (day < history.startedOn || history.isExcluded(day)) continue;
    const status = history.checkIns.get(day);
    if (status === CheckInStatus.DONE) done.push(day);
    if (status !== CheckInStatus.SKIPPED) available.push(day);
  }
  return {
    available,
    required: Math.min(history.schedule.count ?? 1, available.length),
    doneUpTo: (day: LocalDate) => done.filter((each) => each <= day).length,
  };
}

/**
 * Loop Habit Tracker's score step (iSoron/uhabits, uhabits-core `models/Score.kt`,
 * `Score.compute`): multiplier = 0.5^(√frequency / 13); score = previous · multiplier +
 * value · (1 − multiplier). `frequency` is repetitions per interval (3 a week = 3/7).
 */
export function scoreStep(frequency: number, previous: number, value: number): number {
  const multiplier = Math.pow(0.5, Math.sqrt(frequency) / 13);
  return previous * multiplier + value * (1 - multiplier);
}

/**
 * Streaks, strength and the done count. Strength follows Loop's `ScoreList`: each day the
 * value is min(1, done days in the last `denominator` days / `numerator`), and skipped or
 * excluded days leave the score as it was. Today moves it only once checked in.
 */
export function computeStats(history: HabitHistory): HabitStats {
  const { numerator, denominator } = frequencyOf(history.schedule);
  const frequency = numerator / denominator;
  const days = classifyDays(history);
  let currentStreak = 0;
  let bestStreak = 0;
  let strength = 0;
  let doneCount = 0;
  let rollingDone = 0;
  days.forEach(({ date, outcome }, index) => {
    if (outcome === 'done') {
      doneCount += 1;
      rollingDone += 1;
      currentStreak += 1;
      bestStreak = Math.max(bestStreak, currentStreak);
    }
    if (outcome === 'missed') currentStreak = 0;
    const leaving = days[index - denominator];
    if (leaving?.outcome === 'done') rollingDone -= 1;
    const counts = outcome !== 'excluded' && outcome !== 'skipped';
    if (counts && (date < history.today || outcome === 'done')) {
      strength = scoreStep(frequency, strength, Math.min(1, rollingDone / numerator));
    }
  });
  return { currentStreak, bestStreak, strength, doneCount };
}

/** Done / (done + missed) over the last `days` days up to today; null when nothing was due. */
export function completionRate(history: HabitHistory, days: number): number | null {
  const from = addDays(history.today, 1 - days);
  let done = 0;
  let missed = 0;
  for (const { date, outcome } of classifyDays(history)) {
    if (date < from) continue;
    if (outcome === 'done') done += 1;
    if (outcome === 'missed') missed += 1;
  }
  return done + missed === 0 ? null : done / (done + missed);
}

/** Missed days up to `upTo` that have no check-in row yet: what the end of a day writes. */
export function unrecordedMissedDays(history: HabitHistory, upTo: LocalDate): LocalDate[] {
  return classifyDays(history)
    .filter(({ date, outcome }) => outcome === 'missed' && date <= upTo)
    .filter(({ date }) => !history.checkIns.has(date))
    .map(({ date }) => date);
}
