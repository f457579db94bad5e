import { DateTime } from 'luxon';
import { type DataSource, In } from 'typeorm';
import { langOf, type Lang } from '../../common/texts.js';
import {
  Goal,
  GoalStatus,
  Habit,
  HabitStatus,
  NotificationActionKind,
  Step,
  StepStatus,
  type NotificationAction,
  type User,
} from '../../entities/index.js';
import type { EventService } from '../event.service.js';
import { loadHistory } from '../habits/habit-history.js';
import { classifyDays, computeStats } from '../habits/habit-stats.js';
import { addDays, habitDayOf, type LocalDate } from '../habits/local-date.js';
import { reviewWeekRange, type ReviewWeek } from './review-week.js';
import { WEEKLY_REVIEW_TEXTS } from './weekly-review.texts.js';

const MAX_HABITS = 10;
const MAX_SLIPPED = 5;
const MAX_BUTTONS = 3;
const DUE: ReadonlySet<string> = new Set(['done', 'skipped', 'missed', 'open']);

export interface WeeklyReview {
  /** Empty when the week had nothing to review. */
  empty: boolean;
  text: string;
  actions: NotificationAction[];
  refs: { habitIds: string[]; goalIds: string[]; stepIds: string[] };
}

/**
 * A calendar week (`reviewWeekRange`: this week up to today, the user's habit day, or last
 * week), from real data: each active habit's done days against its due days, streak and
 * strength at the week's end with its change over the week; steps done in the week against
 * those planned in it; the week's events so far; the planned steps that slipped. Buttons:
 * schedule a goal's open steps, open a habit. In the user's language, or in `language` (the
 * assistant answers in the language it was asked in).
 */
export async function buildWeeklyReview(
  db: DataSource,
  events: EventService,
  user: User,
  now: Date,
  language: Lang = langOf(user.settings.language),
  week: ReviewWeek = 'this',
): Promise<WeeklyReview> {
  const { timezone, dayStart } = user.settings;
  const texts = WEEKLY_REVIEW_TEXTS[language];
  const today = habitDayOf(now, timezone, dayStart);
  const { from, to, start: weekStart, end: weekEnd } = reviewWeekRange(today, timezone, week);
  // Habits are read as of the week's end: for last week, this Monday is "today" (still open).
  const asOf = addDays(to, 1) > today ? today : addDays(to, 1);

  const habits = await db.getRepository(Habit).find({
    where: { userId: user.id, status: In([HabitStatus.ACTIVE, HabitStatus.COMPLETED]) },
    order: { createdAt: 'ASC' },
    take: MAX_HABITS,
  });
  const habitLines: string[] = [];
  for (const habit of habits) {
    const loaded = await loadHistory(db.manager, habit, today);
    const upTo = (date: LocalDate) => new Map([...loaded.checkIns].filter(([day]) => day <= date));
    const history = { ...loaded, today: asOf, checkIns: upTo(to) };
    const days = classifyDays(history).filter((day) => day.date >= from && day.date <= to);
    const done = days.filter((day) => day.outcome === 'done').length;
    const due = days.filter((day) => DUE.has(day.outcome)).length;
    const before = computeStats({
      ...history,
      today: addDays(from, -1),
      checkIns: upTo(addDays(from, -1)),
    });
    const stats = computeStats(history);
    const strength = Math.round(stats.strength * 100);
    const change = strength - Math.round(before.strength * 100);
    habitLines.push(texts.habitLine(habit.title, done, due, stats.currentStreak, strength, change));
  }

  const steps = await db
    .getRepository(Step)
    .createQueryBuilder('step')
    .innerJoinAndSelect('step.goal', 'goal')
    .where('goal.user_id = :userId AND goal.status = :active', {
      userId: user.id,
      active: GoalStatus.ACTIVE,
    })
    .andWhere(
      '((step.planned_start >= :weekStart AND step.planned_start < :weekEnd) OR ' +
        '(step.completed_at >= :weekStart AND step.completed_at < :weekEnd))',
      { weekStart, weekEnd },
    )
    .orderBy('step.planned_start', 'ASC', 'NULLS LAST')
    .getMany();
  const inWeek = (at: Date | null) => at !== null && at >= weekStart && at < weekEnd;
  const planned = steps.filter((step) => inWeek(step.plannedStart));
  const done = steps.filter((step) => step.status === StepStatus.DONE && inWeek(step.completedAt));
  const open = (step: Step) =>
    step.status === StepStatus.PENDING || step.status === StepStatus.IN_PROGRESS;
  const slipped = planned.filter((step) => open(step) && step.plannedStart! < now);
  const occurrences = await events.occurrences(user, weekStart, weekEnd < now ? weekEnd : now);

  const label = (date: LocalDate) => DateTime.fromISO(date).setLocale(language).toFormat('d MMMM');
  const header = week === 'this' ? texts.header : texts.headerLast;
  const lines = [header(label(from), label(to))];
  if (habitLines.length) lines.push('', texts.habitsHeader, ...habitLines);
  if (steps.length) lines.push('', texts.steps(done.length, planned.length));
  if (occurrences.length) lines.push(texts.events(occurrences.length));
  if (slipped.length) {
    lines.push('', texts.slippedHeader);
    for (const step of slipped.slice(0, MAX_SLIPPED))
      lines.push(`• ${step.goal.title}: ${step.title}`);
  }

  // Goals with steps still open (slipped first) can be planned into next week.
  const goalsToPlan = await openGoals(db, user, slipped);
  const actions: NotificationAction[] = [
    ...goalsToPlan.slice(0, MAX_BUTTONS).map((goal) => ({
      kind: NotificationActionKind.SCHEDULE_GOAL,
      label: texts.planGoal(goal.title).slice(0, 64),
      goalId: goal.id,
    })),
    ...habits.slice(0, MAX_BUTTONS).map((habit) => ({
      kind: NotificationActionKind.OPEN_HABIT,
      label: texts.openHabit(habit.title).slice(0, 64),
      habitId: habit.id,
    })),
  ];
  const empty = !habitLines.length && !steps.length && !occurrences.length;
  if (goalsToPlan.length && !empty) lines.push('', texts.footer);
  return {
    empty,
    text: empty ? texts.nothing : lines.join('\n'),
    actions,
    refs: {
      habitIds: habits.map((habit) => habit.id),
      goalIds: goalsToPlan.map((goal) => goal.id),
      stepIds: slipped.map((step) => step.id),
    },
  };
}

/** Active goals with open steps: those with slipped steps first, then the oldest. */
async function openGoals(db: DataSource, user: User, slipped: Step[]): Promise<Goal[]> {
  const goals = await db
    .getRepository(Goal)
    .createQueryBuilder('goal')
    .where('goal.user_id = :userId AND goal.status = :active', {
      userId: user.id,
      active: GoalStatus.ACTIVE,
    })
    .andWhere(
      "EXISTS (SELECT 1 FROM steps s WHERE s.goal_id = goal.id AND s.status IN ('pending', 'in_progress'))",
    )
    .orderBy('goal.created_at', 'ASC')
    .take(MAX_BUTTONS * 2)
    .getMany();
  const first = new Set(slipped.map((step) => step.goal.id));
  return [...goals.filter((g) => first.has(g.id)), ...goals.filter((g) => !first.has(g.id))];
}
