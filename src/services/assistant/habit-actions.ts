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
import { bestMatches } from '../../assistant/title-match.js';
import { isFinalDay } from '../habits/local-date.js';
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

  /**
   * The active habit picked (`pickedId`) or named by the words; without either, the only one
   * still pending today.
   */
  async find(
    user: User,
    words: string | undefined,
    now: Date,
    pickedId?: string,
  ): Promise<Habit | undefined> {
    if (!words && !pickedId) {
      const view = await this.services.today.view(user, now);
      const pending = view.habits.filter((h) => h.checkIn === null);
      return pending.length === 1 ? pending[0]!.habit : undefined;
    }
    const found = await this.candidates(user, words, pickedId);
    return found.length === 1 ? found[0] : undefined;
  }

  /** The active habits the words name equally well: one, several to ask between, or none. */
  async candidates(user: User, words: string | undefined, pickedId?: string): Promise<Habit[]> {
    const active = await this.active(user);
    if (pickedId) return active.filter((habit) => habit.id === pickedId);
    return bestMatches(active, (habit) => habit.title, words ?? '');
  }

  /** Active habits, the ones still pending today first (to offer when none was named). */
  async dueFirst(user: User, now: Date): Promise<Habit[]> {
    const view = await this.services.today.view(user, now);
    const pending = new Set(view.habits.filter((h) => h.checkIn === null).map((h) => h.habit.id));
    const active = await this.active(user);
    return [...active].sort((a, b) => Number(pending.has(b.id)) - Number(pending.has(a.id)));
  }

  private active(user: User): Promise<Habit[]> {
    return this.services.habits.list(
      user,
      { status: HabitStatus.ACTIVE },
      { offset: 0, limit: 100 },
    );
  }

  async checkIn(
    user: User,
    habit: Habit,
    intent: Pick<HabitCheckInIntent, 'date' | 'status'>,
    say: Replies,
    now: Date,
  ): Promise<HabitReply> {
    const status = intent.status === 'skipped' ? CheckInStatus.SKIPPED : CheckInStatus.DONE;
    // Days before yesterday are final (the rules): said, not thrown at the user.
    const today = this.services.habits.today(user, now);
    if (intent.date && isFinalDay(intent.date, today)) {
      return { text: say.habitDayFinal(habit.title), actions: [] };
    }
    const change = await this.services.habitCheckIns.checkIn(user, habit.id, {
      // The day of the conversation's clock (the same as the service's, but for tests' clocks).
      date: intent.date ?? today,
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
