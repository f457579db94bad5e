import {
  CheckInSource,
  CheckInStatus,
  type Habit,
  HabitScheduleKind,
  HabitStatus,
  type User,
} from '../../entities/index.js';
import type {
  HabitCheckInIntent,
  HabitCreateIntent,
  HabitScheduleSaid,
} from '../../assistant/intent.types.js';
import { bestMatch } from '../../assistant/title-match.js';
import type { Services } from '../index.js';
import type { AssistantAction } from './intent-executor.js';
import type { Replies } from './replies.js';

type HabitServices = Pick<Services, 'habits' | 'habitCheckIns' | 'today'>;

export interface HabitReply {
  text: string;
  actions: AssistantAction[];
}

const KINDS: Record<HabitScheduleSaid['kind'], HabitScheduleKind> = {
  daily: HabitScheduleKind.DAILY,
  weekdays: HabitScheduleKind.WEEKDAYS,
  times_per_week: HabitScheduleKind.TIMES_PER_WEEK,
  times_per_month: HabitScheduleKind.TIMES_PER_MONTH,
  every_n_days: HabitScheduleKind.EVERY_N_DAYS,
};

/** "каждый день", "по дням: пн, ср", "3 р. в неделю". */
export function scheduleLabel(schedule: HabitScheduleSaid, say: Replies): string {
  const words = say.schedule;
  switch (schedule.kind) {
    case 'daily':
      return words.daily;
    case 'weekdays':
      return words.weekdays(
        (schedule.weekdays ?? []).map((day) => say.weekdayShort[day - 1]).join(', '),
      );
    default:
      return words[schedule.kind](schedule.count ?? 1);
  }
}

/** The assistant's habit intents, performed with the habit services. */
export class HabitActions {
  constructor(private readonly services: HabitServices) {}

  async create(user: User, intent: HabitCreateIntent, say: Replies): Promise<HabitReply> {
    const habit = await this.services.habits.create(user, {
      title: intent.title ?? '',
      schedule: {
        kind: KINDS[intent.schedule.kind],
        weekdays: intent.schedule.weekdays ?? null,
        count: intent.schedule.count ?? null,
      },
      reminderTimes: intent.reminderTime ? [intent.reminderTime] : null,
      target: intent.target ?? null,
    });
    return {
      text: say.habitCreated(
        habit.title,
        scheduleLabel(intent.schedule, say),
        intent.reminderTime ?? null,
      ),
      actions: [{ kind: 'habit_created', entityId: habit.id, title: habit.title }],
    };
  }

  /** The active habit the words name; without words, the only one still pending today. */
  async find(user: User, words: string | undefined, now: Date): Promise<Habit | undefined> {
    const view = await this.services.today.view(user, now);
    if (!words) {
      const pending = view.habits.filter((h) => h.checkIn === null);
      return pending.length === 1 ? pending[0]!.habit : undefined;
    }
    const active = await this.services.habits.list(
      user,
      { status: HabitStatus.ACTIVE },
      { offset: 0, limit: 100 },
    );
    return bestMatch(active, (habit) => habit.title, words);
  }

  async checkIn(
    user: User,
    habit: Habit,
    intent: Pick<HabitCheckInIntent, 'date' | 'status'>,
    say: Replies,
  ): Promise<HabitReply> {
    const status = intent.status === 'skipped' ? CheckInStatus.SKIPPED : CheckInStatus.DONE;
    const change = await this.services.habitCheckIns.checkIn(user, habit.id, {
      date: intent.date ?? null,
      status,
      source: CheckInSource.BOT,
    });
    const text =
      status === CheckInStatus.SKIPPED
        ? say.habitSkipped(habit.title)
        : say.habitCheckedIn(habit.title, change.habit.currentStreak);
    return {
      text,
      actions: [{ kind: 'habit_checked_in', entityId: habit.id, title: habit.title }],
    };
  }

  async list(user: User, say: Replies, now: Date): Promise<HabitReply> {
    const view = await this.services.today.view(user, now);
    const active = await this.services.habits.list(
      user,
      { status: HabitStatus.ACTIVE },
      { offset: 0, limit: 20 },
    );
    if (active.length === 0) return { text: say.habitsNone, actions: [] };
    const doneToday = new Set(
      view.habits.filter((h) => h.checkIn === CheckInStatus.DONE).map((h) => h.habit.id),
    );
    const lines = active.map((habit) =>
      say.habitLine(habit.title, doneToday.has(habit.id), habit.currentStreak),
    );
    return { text: [say.habitsHeader, ...lines].join('\n'), actions: [] };
  }
}
