import { DateTime } from 'luxon';
import type { Lang } from '../../common/texts.js';
import type { DataSource } from 'typeorm';
import { Goal, GoalStatus, NotificationKind, Step, User } from '../../entities/index.js';
import type { DailyJobName } from '../../jobs/daily-job.js';
import type { EventService } from '../event.service.js';
import { habitRemindersOn } from '../habits/habit-scheduler.js';
import { habitDayOf } from '../habits/local-date.js';
import type { TodayService } from '../habits/today.service.js';
import { dailyJobOn } from '../reminder-scheduler.js';
import { localDatePlusDays, startOfLocalDay } from '../timezone.js';
import type { NotificationDraft } from './outbox.js';
import {
  checkInHabitAction,
  completeStepAction,
  doneAndSnoozeActions,
  goalProgressLine,
  localDateLabel,
  motivationFor,
  textsFor,
} from './texts.js';
import type { ReviewWeek } from './review-week.js';
import { buildWeeklyReview, type WeeklyReview } from './weekly-review.js';

interface Sources {
  db: DataSource;
  events: EventService;
  today: TodayService;
}

type Compose = (user: User, dueAt: Date, sources: Sources) => Promise<NotificationDraft[]>;

const DEADLINE_DAYS = [0, 1, 3, 7];
const MAX_STEP_BUTTONS = 5;
const MAX_HABIT_BUTTONS = 5;

/** What the daily jobs say: the morning digest, deadline warnings, the evening nudge, the weekly review. */
export class DailyNotifications {
  constructor(private readonly sources: Sources) {}

  /**
   * The notifications of one daily run for a user (maybe none), or null when the user is
   * gone or has switched this job off (then its chain of daily runs ends).
   */
  async compose(
    name: DailyJobName,
    userId: string,
    dueAt: Date,
  ): Promise<{ user: User; drafts: NotificationDraft[] } | null> {
    const user = await this.sources.db.getRepository(User).findOneBy({ id: userId });
    if (!user || !dailyJobOn(user.settings, name)) return null;
    return { user, drafts: await COMPOSERS[name](user, dueAt, this.sources) };
  }

  /** The review of this calendar week so far, or of last week: the assistant's answer to "how was my week?". */
  weeklyReview(user: User, now: Date, language?: Lang, week?: ReviewWeek): Promise<WeeklyReview> {
    return buildWeeklyReview(this.sources.db, this.sources.events, user, now, language, week);
  }
}

const morningDigest: Compose = async (user, dueAt, { db, events }) => {
  const { timezone, language } = user.settings;
  const dayStart = startOfLocalDay(dueAt, timezone);
  const dayEnd = DateTime.fromJSDate(dayStart, { zone: timezone }).plus({ days: 1 }).toJSDate();
  const [occurrences, goals] = await Promise.all([
    events.occurrences(user, dayStart, dayEnd),
    db.getRepository(Goal).find({
      where: { userId: user.id, status: GoalStatus.ACTIVE },
      order: { targetDate: { direction: 'ASC', nulls: 'LAST' }, createdAt: 'ASC' },
      take: 10,
    }),
  ]);
  if (occurrences.length === 0 && goals.length === 0) return [];
  const texts = textsFor(language);
  const date = localDatePlusDays(dueAt, timezone, 0);
  const agenda = occurrences.map(({ event, start }) => {
    const time = event.allDay
      ? '📅'
      : `⏰ ${DateTime.fromJSDate(start, { zone: timezone }).toFormat('HH:mm')}`;
    return `${time} ${event.title}`;
  });
  const lines = [
    texts.digestHeader(localDateLabel(date, language)),
    ...(agenda.length ? agenda : [texts.digestNoEvents]),
    ...(goals.length ? ['', texts.digestGoals, ...goals.map(goalProgressLine)] : []),
    '',
    motivationFor(language, date),
  ];
  return [
    {
      user,
      kind: NotificationKind.MORNING_DIGEST,
      source: `digest:${user.id}`,
      occurrenceAt: dueAt,
      text: lines.join('\n'),
      payload: {
        actions: [],
        refs: {
          eventIds: occurrences.map(({ event }) => event.id),
          goalIds: goals.map((goal) => goal.id),
        },
      },
    },
  ];
};

const deadlineCheck: Compose = async (user, dueAt, { db }) => {
  const { timezone, language } = user.settings;
  const dates = DEADLINE_DAYS.map((days) => localDatePlusDays(dueAt, timezone, days));
  const goals = await db
    .getRepository(Goal)
    .createQueryBuilder('goal')
    .where('goal.user_id = :userId AND goal.status = :status', {
      userId: user.id,
      status: GoalStatus.ACTIVE,
    })
    .andWhere('goal.target_date IN (:...dates)', { dates })
    .getMany();
  return goals.map((goal) => {
    const days = DEADLINE_DAYS[dates.indexOf(goal.targetDate ?? '')] ?? 0;
    return {
      user,
      kind: NotificationKind.DEADLINE_WARNING,
      source: `deadline:${goal.id}:${days}`,
      occurrenceAt: dueAt,
      text: textsFor(language).deadline(
        goal.title,
        days,
        goal.progress,
        localDateLabel(goal.targetDate ?? '', language),
      ),
      payload: {
        actions: doneAndSnoozeActions(language),
        refs: { goalId: goal.id, daysLeft: days, progress: goal.progress },
      },
    };
  });
};

/**
 * The evening nudge: planned steps whose day has passed (with the steps switch) and the
 * habits due today not yet checked in (with the habit reminders switch), each with a
 * one-tap button. Nothing when both lists are empty.
 */
const eveningNudge: Compose = async (user, dueAt, { db, today }) => {
  const { timezone, language, dayStart } = user.settings;
  const day = habitDayOf(dueAt, timezone, dayStart);
  const [steps, habits] = await Promise.all([
    user.settings.overdueStepRemindersEnabled ? overdueStepsOf(db, user, dueAt) : [],
    habitRemindersOn(user.settings) ? today.dueHabits(user, day) : [],
  ]);
  const pending = habits.filter((due) => due.checkIn === null).map((due) => due.habit);
  if (steps.length === 0 && pending.length === 0) return [];
  const texts = textsFor(language);
  const byGoal = new Map<string, Step[]>();
  for (const step of steps) byGoal.set(step.goal.id, [...(byGoal.get(step.goal.id) ?? []), step]);
  const lines: string[] = [];
  if (steps.length) lines.push(texts.overdueHeader);
  for (const goalSteps of byGoal.values()) {
    lines.push('', `🎯 ${goalSteps[0]?.goal.title ?? ''}`);
    for (const step of goalSteps) {
      const planned = DateTime.fromJSDate(step.plannedStart ?? dueAt, { zone: timezone });
      lines.push(`• ${step.title} (${planned.setLocale(language).toFormat('d MMM')})`);
    }
  }
  if (steps.length) lines.push('', texts.overdueFooter);
  if (pending.length) {
    if (lines.length) lines.push('');
    lines.push(texts.habitsPendingHeader, ...pending.map((habit) => `⬜ ${habit.title}`));
    lines.push('', texts.habitsPendingFooter);
  }
  return [
    {
      user,
      kind: NotificationKind.OVERDUE_STEPS,
      source: `overdue:${user.id}`,
      occurrenceAt: dueAt,
      text: lines.join('\n'),
      payload: {
        actions: [
          ...steps
            .slice(0, MAX_STEP_BUTTONS)
            .map((step) => completeStepAction(language, step.id, step.title)),
          ...pending
            .slice(0, MAX_HABIT_BUTTONS)
            .map((habit) => checkInHabitAction(language, habit.id, habit.title)),
          ...doneAndSnoozeActions(language),
        ],
        refs: {
          stepIds: steps.map((step) => step.id),
          goalIds: [...byGoal.keys()],
          ...(pending.length ? { habitIds: pending.map((habit) => habit.id), localDate: day } : {}),
        },
      },
    },
  ];
};

/** Open steps of active goals planned before today (local), oldest goal first. */
function overdueStepsOf(db: DataSource, user: User, dueAt: Date): Promise<Step[]> {
  return db
    .getRepository(Step)
    .createQueryBuilder('step')
    .innerJoinAndSelect('step.goal', 'goal')
    .where('goal.user_id = :userId AND goal.status = :active', {
      userId: user.id,
      active: GoalStatus.ACTIVE,
    })
    .andWhere("step.status IN ('pending', 'in_progress')")
    .andWhere('step.planned_start < :today', {
      today: startOfLocalDay(dueAt, user.settings.timezone),
    })
    .orderBy('goal.created_at', 'ASC')
    .addOrderBy('step.position', 'ASC')
    .getMany();
}

const weeklyReview: Compose = async (user, dueAt, { db, events }) => {
  const review = await buildWeeklyReview(db, events, user, dueAt);
  if (review.empty) return [];
  return [
    {
      user,
      kind: NotificationKind.WEEKLY_REVIEW,
      source: `weekly-review:${user.id}`,
      occurrenceAt: dueAt,
      text: review.text,
      payload: { actions: review.actions, refs: review.refs },
    },
  ];
};

const COMPOSERS: Record<DailyJobName, Compose> = {
  'morning-digest': morningDigest,
  'deadline-check': deadlineCheck,
  'overdue-steps': eveningNudge,
  'weekly-review': weeklyReview,
};
