import { DateTime } from 'luxon';
import {
  GoalStatus,
  StepStatus,
  type Event,
  type Goal,
  type Step,
  type User,
} from '../../entities/index.js';
import { offsetsLabel } from '../../common/reminder-offsets.js';
import type { Services } from '../index.js';
import type { EventOccurrence } from '../event.service.js';
import type {
  AssistantLanguage,
  EventCreateIntent,
  EventTarget,
  ParsedIntent,
} from '../../assistant/intent.types.js';
import { goalProgressLine } from '../notifications/texts.js';
import { bestMatch, matches } from '../../assistant/title-match.js';
import { HabitActions } from './habit-actions.js';
import { repliesIn, type Replies } from './replies.js';

/** Something the assistant did, for the client to show or link to. */
export interface AssistantAction {
  kind: string;
  entityId: string | null;
  title: string | null;
}

export interface ExecutionResult {
  text: string;
  actions: AssistantAction[];
  quickReplies: string[];
  /** The intent performed, when the user's own items showed it was another ("сделал
   * зарядку" names a habit, "купил кроссовки" a step). */
  performed?: string;
}

const SEARCH_DAYS = 60;
const LIST_LIMIT = 10;

/**
 * Performs a complete intent (no missing slots) with the domain services, for the user, and
 * says what happened in their language. Shared by the model and offline engines.
 */
export class IntentExecutor {
  private readonly habits: HabitActions;

  constructor(
    private readonly services: Pick<
      Services,
      'events' | 'goals' | 'steps' | 'autoSchedule' | 'habits' | 'habitCheckIns' | 'today'
    >,
  ) {
    this.habits = new HabitActions(services);
  }

  async execute(user: User, intent: ParsedIntent, now: Date): Promise<ExecutionResult> {
    const say = repliesIn(intent.language);
    const done = (text: string, actions: AssistantAction[] = [], quickReplies: string[] = []) => ({
      text,
      actions,
      quickReplies,
    });
    const when = (instant: Date) => localWhen(instant, user, intent.language);
    switch (intent.intent) {
      case 'small_talk':
        return done(say[intent.kind]);
      case 'event_create': {
        const event = await this.services.events.create(user, {
          title: intent.title ?? '',
          start: intent.start!,
          durationMinutes: intent.durationMinutes,
          recurrence: intent.recurrence ?? null,
          allDay: intent.allDay ?? false,
          reminderMinutesBefore: intent.reminderMinutesBefore ?? null,
        });
        return done(createdText(event, intent, user, now), [
          { kind: 'event_created', entityId: event.id, title: event.title },
        ]);
      }
      case 'event_update': {
        const found = await this.findEvent(user, intent.target, now);
        if (!found) return done(say.eventNotFound);
        const start = newStartOf(intent, found, user);
        const event = await this.services.events.update(user, found.event.id, {
          start,
          durationMinutes: intent.newDurationMinutes ?? null,
          reminderMinutesBefore: intent.reminderMinutesBefore ?? null,
        });
        const onlyReminders = intent.reminderMinutesBefore && !start && !intent.newDurationMinutes;
        const text = onlyReminders
          ? remindersText(event, intent.language)
          : say.eventMoved(event.title, when(start ?? event.startsAt));
        return done(text, [{ kind: 'event_updated', entityId: event.id, title: event.title }]);
      }
      case 'event_delete': {
        const found = await this.findEvent(user, intent.target, now);
        if (!found) return done(say.eventNotFound);
        await this.services.events.delete(user, found.event.id);
        return done(say.eventDeleted(found.event.title), [
          { kind: 'event_deleted', entityId: found.event.id, title: found.event.title },
        ]);
      }
      case 'event_search': {
        const occurrences = (await this.services.events.occurrences(user, intent.from, intent.to))
          .filter((o) => !intent.query || matches(o.event.title, intent.query))
          .slice(0, LIST_LIMIT);
        if (occurrences.length === 0) return done(say.eventsNone);
        return done(
          [
            say.eventsHeader,
            ...occurrences.map((o) => `⏰ ${when(o.start)} ${o.event.title}`),
          ].join('\n'),
        );
      }
      case 'free_slots': {
        const slots = await this.services.autoSchedule.freeSlots(
          user,
          intent.from,
          intent.to,
          intent.minMinutes ?? 30,
        );
        if (slots.length === 0) return done(say.freeNone);
        const lines = slots
          .slice(0, LIST_LIMIT)
          .map(
            (slot: { start: Date; end: Date }) =>
              `🟢 ${when(slot.start)}–${localTime(slot.end, user)}`,
          );
        return done([say.freeHeader, ...lines].join('\n'));
      }
      case 'goal_create': {
        const goal = await this.services.goals.create(user, {
          title: intent.title ?? '',
          targetDate: intent.targetDate ?? null,
        });
        return done(
          say.goalCreated(goal.title),
          [{ kind: 'goal_created', entityId: goal.id, title: goal.title }],
          [say.quick.plan, say.quick.smart],
        );
      }
      case 'goal_search':
      case 'goal_progress': {
        const goals = await this.goals(
          user,
          intent.intent === 'goal_search' ? intent.status : 'active',
        );
        const target = intent.intent === 'goal_progress' ? intent.target : undefined;
        const shown = goals.filter((goal) => !target || matches(goal.title, target));
        if (shown.length === 0) return done(target ? say.goalNotFound : say.goalsNone);
        return done([say.goalsHeader, ...shown.map(goalProgressLine)].join('\n'));
      }
      case 'goal_delete': {
        const goal = await this.findGoal(user, intent.target);
        if (!goal) return done(say.goalNotFound);
        await this.services.goals.delete(user, goal.id);
        return done(say.goalDeleted(goal.title), [
          { kind: 'goal_deleted', entityId: goal.id, title: goal.title },
        ]);
      }
      case 'step_add': {
        const goal = await this.findGoal(user, intent.goalTarget);
        if (!goal) return done(say.noGoalForStep);
        const step = await this.services.steps.add(user, goal.id, { title: intent.title ?? '' });
        return done(say.stepAdded(step.title, goal.title), [
          { kind: 'step_added', entityId: step.id, title: step.title },
        ]);
      }
      case 'step_status': {
        const changed = await this.changeStep(user, intent, say);
        if (changed) return changed;
        // Not a step of theirs: a habit of theirs, done ("пробежал" for «Пробежка»)?
        const habit = intent.target ? await this.habits.find(user, intent.target, now) : undefined;
        if (!habit || intent.status === 'in_progress') return done(say.stepNotFound);
        const reply = await this.habits.checkIn(user, habit, { status: intent.status }, say);
        return { ...done(reply.text, reply.actions), performed: 'habit_check_in' };
      }
      case 'step_delete':
        return (await this.changeStep(user, intent, say)) ?? done(say.stepNotFound);
      case 'habit_create': {
        const reply = await this.habits.create(user, intent, say);
        return done(reply.text, reply.actions);
      }
      case 'habit_check_in': {
        const habit = await this.habits.find(user, intent.target, now);
        if (habit) {
          const reply = await this.habits.checkIn(user, habit, intent, say);
          return done(reply.text, reply.actions);
        }
        // Not a habit of theirs: a step of theirs, done ("купил кроссовки")?
        const step = intent.target ? await this.findStep(user, intent.target) : undefined;
        if (step && intent.status === 'done') {
          const changed = await this.changeStep(
            user,
            {
              intent: 'step_status',
              language: intent.language,
              missing: [],
              status: 'done',
              target: intent.target,
            },
            say,
          );
          if (changed) return { ...changed, performed: 'step_status' };
        }
        return done(intent.target ? say.habitNotFound : say.habitWhich);
      }
      case 'habit_list':
        return done((await this.habits.list(user, say, now)).text);
      case 'unknown':
        return done(say.unknown, [], []);
    }
  }

  private async changeStep(
    user: User,
    intent: Extract<ParsedIntent, { intent: 'step_status' | 'step_delete' }>,
    say: Replies,
  ): Promise<ExecutionResult | undefined> {
    const step = await this.findStep(user, intent.target);
    if (!step) return undefined;
    if (intent.intent === 'step_delete') {
      await this.services.steps.delete(user, step.id);
      return {
        text: say.stepDeleted(step.title),
        actions: [{ kind: 'step_deleted', entityId: step.id, title: step.title }],
        quickReplies: [],
      };
    }
    const status = {
      done: StepStatus.DONE,
      skipped: StepStatus.SKIPPED,
      in_progress: StepStatus.IN_PROGRESS,
    }[intent.status];
    await this.services.steps.update(user, step.id, { status });
    return {
      text: say.stepStatus(step.title),
      actions: [{ kind: 'step_updated', entityId: step.id, title: step.title }],
      quickReplies: [],
    };
  }

  private async goals(user: User, status?: string | null): Promise<Goal[]> {
    const { items } = await this.services.goals.list(user, {
      status: (status as GoalStatus | undefined) ?? null,
      offset: 0,
      limit: 50,
    });
    return items;
  }

  /** The goal the words name best; without words, the newest active goal. */
  private async findGoal(user: User, words?: string): Promise<Goal | undefined> {
    const goals = await this.goals(user, GoalStatus.ACTIVE);
    return words ? bestMatch(goals, (goal) => goal.title, words) : goals[0];
  }

  private async findStep(user: User, words?: string): Promise<Step | undefined> {
    if (!words) return undefined;
    const steps = await this.services.steps.ofActiveGoals(user);
    return bestMatch(steps, (step) => step.title, words);
  }

  /** The upcoming (or today's) occurrence that the target's words, date and time name. */
  private async findEvent(
    user: User,
    target: EventTarget,
    now: Date,
  ): Promise<EventOccurrence | undefined> {
    const { timezone } = user.settings;
    const from = DateTime.fromJSDate(now, { zone: timezone }).startOf('day').toJSDate();
    const to = new Date(from.getTime() + SEARCH_DAYS * 86_400_000);
    const occurrences = (await this.services.events.occurrences(user, from, to)).filter((o) => {
      const local = DateTime.fromJSDate(o.start, { zone: timezone });
      return (
        (!target.date || local.toISODate() === target.date) &&
        (!target.time || local.toFormat('HH:mm') === target.time)
      );
    });
    if (!target.text) return occurrences[0];
    return bestMatch(occurrences, (o) => o.event.title, target.text);
  }
}

function newStartOf(
  intent: Extract<ParsedIntent, { intent: 'event_update' }>,
  found: EventOccurrence,
  user: User,
): Date | null {
  if (intent.newStart) return intent.newStart;
  const local = DateTime.fromJSDate(found.start, { zone: user.settings.timezone });
  if (intent.shiftMinutes) return local.plus({ minutes: intent.shiftMinutes }).toJSDate();
  if (intent.newDate || intent.newTime) {
    const date = intent.newDate
      ? DateTime.fromISO(intent.newDate, { zone: user.settings.timezone })
      : local;
    const [hour, minute] = (intent.newTime ?? local.toFormat('HH:mm')).split(':').map(Number);
    return date.set({ hour, minute, second: 0, millisecond: 0 }).toJSDate();
  }
  return null;
}

/** What was created and when the person will be reminded, completely. */
function createdText(event: Event, intent: EventCreateIntent, user: User, now: Date): string {
  const say = repliesIn(intent.language);
  const asked = intent.reminderMinutesBefore;
  const offsets = event.reminderEnabled ? event.reminderMinutesBefore : [];
  const when = localWhen(event.startsAt, user, intent.language);
  // "напомни через 30 минут…": the reminder is the point, so say when it comes.
  if (!event.recurrence && asked?.length === 1 && asked[0] === 0 && offsets[0] === 0) {
    return say.reminderSet(event.title, dayAndTime(event.startsAt, user, intent.language, now));
  }
  if (offsets.length === 0) return say.eventCreatedSilent(event.title, when);
  return say.eventCreated(event.title, when, offsetsLabel(offsets, intent.language));
}

function remindersText(event: Event, language: AssistantLanguage): string {
  const say = repliesIn(language);
  const offsets = event.reminderEnabled ? event.reminderMinutesBefore : [];
  return offsets.length
    ? say.remindersChanged(event.title, offsetsLabel(offsets, language))
    : say.remindersOff(event.title);
}

/** "сегодня в 17:30", "завтра в 09:00", "пт 11 дек. в 09:00" in the user's timezone. */
function dayAndTime(instant: Date, user: User, language: AssistantLanguage, now: Date): string {
  const say = repliesIn(language);
  const zone = user.settings.timezone;
  const local = DateTime.fromJSDate(instant, { zone }).setLocale(language);
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const days = Math.round(local.startOf('day').diff(today, 'days').days);
  const day =
    days === 0
      ? say.today
      : days === 1
        ? say.tomorrow
        : local.toFormat(language === 'ru' ? 'ccc d MMM' : 'ccc, MMM d');
  return say.at(day, local.toFormat('HH:mm'));
}

function localWhen(instant: Date, user: User, language: AssistantLanguage): string {
  return DateTime.fromJSDate(instant, { zone: user.settings.timezone })
    .setLocale(language)
    .toFormat(language === 'ru' ? 'ccc d MMM, HH:mm' : 'ccc, MMM d, HH:mm');
}

function localTime(instant: Date, user: User): string {
  return DateTime.fromJSDate(instant, { zone: user.settings.timezone }).toFormat('HH:mm');
}
