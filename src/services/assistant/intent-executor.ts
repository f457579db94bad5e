import { DateTime } from 'luxon';
import {
  GoalStatus,
  NotificationActionKind,
  StepStatus,
  type Event,
  type Goal,
  type Step,
  type User,
} from '../../entities/index.js';
import { offsetsLabel } from '../../common/reminder-offsets.js';
import { recurrenceLabel } from '../../common/recurrence-label.js';
import type { Services } from '../index.js';
import type { EventOccurrence } from '../event.service.js';
import type {
  AssistantLanguage,
  EventCreateIntent,
  EventTarget,
  ItemOption,
  ParsedIntent,
} from '../../assistant/intent.types.js';
import { goalProgressLine } from '../notifications/texts.js';
import type { WeeklyReview } from '../notifications/weekly-review.js';
import { matches } from '../../assistant/title-match.js';
import { snapshotOf, undo, type UndoRecord } from './undo.js';
import { pickBest, type ItemPick, type TitleKind, type TitleSearch } from './title-search.js';
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
  /** Several items fit the words: the question, and the intent waiting for the pick. */
  question?: string;
  pending?: ParsedIntent;
  /** What undoes this action (↩️ Undo), when it changed something. */
  undo?: UndoRecord;
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
      | 'events'
      | 'goals'
      | 'steps'
      | 'autoSchedule'
      | 'habits'
      | 'habitCheckIns'
      | 'today'
      | 'dailyNotifications'
    >,
    private readonly titles: TitleSearch,
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
        return {
          ...done(
            createdText(event, intent, user, now),
            [{ kind: 'event_created', entityId: event.id, title: event.title }],
            [say.quick.undo, say.quick.edit],
          ),
          undo: { kind: 'event_created', id: event.id, title: event.title },
        };
      }
      case 'event_update': {
        const pick = await this.findEvent(user, intent, now);
        if ('several' in pick) return this.askWhich(intent, pick.several, say.whichEvent);
        if ('none' in pick) return done(say.eventNotFound);
        const found = pick.one;
        const before = snapshotOf(found.event);
        const start = newStartOf(intent, found, user);
        const durationMinutes = newDurationOf(intent, found, start, user);
        const event = await this.services.events.update(user, found.event.id, {
          start,
          durationMinutes,
          reminderMinutesBefore: intent.reminderMinutesBefore ?? null,
          title: intent.newTitle ?? null,
        });
        const onlyReminders =
          intent.reminderMinutesBefore && !start && !durationMinutes && !intent.newTitle;
        // Everything the event is now: when, how long, and when it reminds.
        const whenNow = eventWhen(event, user, intent.language);
        const text = onlyReminders
          ? remindersText(event, intent.language)
          : `${start ? say.eventMoved(event.title, whenNow) : say.eventChanged(event.title, whenNow)}\n${remindersText(event, intent.language, false)}`;
        return {
          ...done(
            text,
            [{ kind: 'event_updated', entityId: event.id, title: event.title }],
            [say.quick.undo, say.quick.edit],
          ),
          undo: { kind: 'event_updated', id: event.id, title: event.title, before },
        };
      }
      case 'event_delete': {
        const pick = await this.findEvent(user, intent, now);
        if ('several' in pick) return this.askWhich(intent, pick.several, say.whichEvent);
        if ('none' in pick) {
          // "scrap 'outline the plot'": no event of that name, but a step of theirs is.
          const step = intent.target.text
            ? await this.findStep(user, intent.target.text)
            : undefined;
          if (!step) return done(say.eventNotFound);
          const deleted = await this.changeStep(
            user,
            { intent: 'step_delete', language: intent.language, missing: [], target: step.title },
            say,
          );
          return deleted ? { ...deleted, performed: 'step_delete' } : done(say.eventNotFound);
        }
        const found = pick.one;
        await this.services.events.delete(user, found.event.id);
        const { id, title } = found.event;
        return {
          ...done(
            say.eventDeleted(title),
            [{ kind: 'event_deleted', entityId: id, title }],
            [say.quick.undo],
          ),
          undo: { kind: 'event_deleted', id, title, before: snapshotOf(found.event) },
        };
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
        return {
          ...done(
            // "к лету" says which date it became.
            goal.targetDate
              ? say.goalCreatedBy(goal.title, longDate(goal.targetDate, intent.language))
              : say.goalCreated(goal.title),
            [{ kind: 'goal_created', entityId: goal.id, title: goal.title }],
            [say.quick.plan, say.quick.smart],
          ),
          undo: { kind: 'goal_created', id: goal.id, title: goal.title },
        };
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
        const pick = await this.pickGoal(user, intent, intent.target);
        if ('several' in pick) return this.askWhich(intent, pick.several, say.whichGoal);
        if ('none' in pick) return done(say.goalNotFound);
        const goal = pick.one;
        await this.services.goals.delete(user, goal.id);
        return done(say.goalDeleted(goal.title), [
          { kind: 'goal_deleted', entityId: goal.id, title: goal.title },
        ]);
      }
      case 'step_add': {
        const pick = await this.pickGoal(user, intent, intent.goalTarget);
        if ('several' in pick) return this.askWhich(intent, pick.several, say.whichGoal);
        if ('none' in pick) return done(intent.goalTarget ? say.goalNotFound : say.noGoalForStep);
        const goal = pick.one;
        const step = await this.services.steps.add(user, goal.id, { title: intent.title ?? '' });
        return {
          ...done(
            say.stepAdded(step.title, goal.title),
            [{ kind: 'step_added', entityId: step.id, title: step.title }],
            [say.quick.undo],
          ),
          undo: { kind: 'step_added', id: step.id, title: step.title },
        };
      }
      case 'step_status': {
        const changed = await this.changeStep(user, intent, say);
        if (changed) return changed;
        // Not a step of theirs: a habit of theirs, done ("пробежал" for «Пробежка»)?
        const habit = intent.target ? await this.habits.find(user, intent.target, now) : undefined;
        if (!habit || intent.status === 'in_progress' || intent.status === 'todo') {
          return done(say.stepNotFound);
        }
        const reply = await this.habits.checkIn(user, habit, { status: intent.status }, say, now);
        return { ...done(reply.text, reply.actions), performed: 'habit_check_in' };
      }
      case 'step_delete':
        return (await this.changeStep(user, intent, say)) ?? done(say.stepNotFound);
      case 'habit_create': {
        const reply = await this.habits.create(user, intent, say);
        return done(reply.text, reply.actions);
      }
      case 'habit_check_in': {
        // "давление померил" with two habits about "давление": which one is asked, not guessed.
        const named =
          intent.target || intent.pickedId
            ? await this.habits.candidates(user, intent.target, intent.pickedId)
            : undefined;
        if (named && named.length > 1) {
          const options = named.map(({ id, title }) => ({ id, label: title }));
          return this.askWhich(intent, options, say.habitWhich);
        }
        const habit = named ? named[0] : await this.habits.find(user, undefined, now);
        if (habit) {
          const reply = await this.habits.checkIn(user, habit, intent, say, now);
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
      case 'week_review': {
        const review = await this.services.dailyNotifications.weeklyReview(
          user,
          now,
          intent.language,
          intent.week,
        );
        return done(review.text, reviewActions(review));
      }
      case 'unknown':
        return done(say.unknown, [], []);
    }
  }

  private async changeStep(
    user: User,
    intent: Extract<ParsedIntent, { intent: 'step_status' | 'step_delete' }>,
    say: Replies,
  ): Promise<ExecutionResult | undefined> {
    if (intent.stepNumber !== undefined) {
      const goal = await this.pickGoal(user, intent, intent.goalTarget);
      if ('several' in goal) return this.askWhich(intent, goal.several, say.whichGoal);
      const placed = 'one' in goal ? await this.stepAt(user, goal.one.id, intent.stepNumber) : null;
      if (placed) return this.applyToStep(user, intent, placed, say);
      const missing = 'one' in goal ? say.stepNotFound : say.goalNotFound;
      return { text: missing, actions: [], quickReplies: [] };
    }
    const pick = await this.pickStep(user, intent, intent.target);
    if ('several' in pick) return this.askWhich(intent, pick.several, say.whichStep);
    if ('none' in pick) return undefined;
    return this.applyToStep(user, intent, pick.one, say);
  }

  /** The goal's step at a place in its list (1-based; -1 is the last). */
  private async stepAt(user: User, goalId: string, place: number): Promise<Step | undefined> {
    const steps = (await this.services.steps.ofActiveGoals(user)).filter(
      (step) => step.goalId === goalId,
    );
    return place < 0 ? steps.at(place) : steps[place - 1];
  }

  private async applyToStep(
    user: User,
    intent: Extract<ParsedIntent, { intent: 'step_status' | 'step_delete' }>,
    step: Step,
    say: Replies,
  ): Promise<ExecutionResult> {
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
      todo: StepStatus.PENDING,
    }[intent.status];
    const before = step.status;
    await this.services.steps.update(user, step.id, { status });
    return {
      text: say.stepStatus(step.title),
      actions: [{ kind: 'step_updated', entityId: step.id, title: step.title }],
      quickReplies: [say.quick.undo],
      undo: { kind: 'step_updated', id: step.id, title: step.title, before },
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

  /**
   * The active goal the words name (looked up in the database: TitleSearch), the close ones
   * to ask between, or none; without words, the newest active goal.
   */
  private async pickGoal(
    user: User,
    intent: ParsedIntent,
    words?: string,
  ): Promise<ItemPick<Goal & ItemOption>> {
    const goals = (await this.goals(user, GoalStatus.ACTIVE)).map((goal) =>
      Object.assign(goal, { label: goal.title }),
    );
    if (intent.pickedId) return oneOf(goals.filter((goal) => goal.id === intent.pickedId));
    // A step said without its goal, with several goals: which one is asked, not guessed.
    if (!words) return goals.length > 1 ? { several: goals } : oneOf(goals);
    return this.ranked(user, 'goals', words, goals);
  }

  private async pickStep(
    user: User,
    intent: ParsedIntent,
    words?: string,
  ): Promise<ItemPick<Step & ItemOption>> {
    if (!words && !intent.pickedId) return { none: true };
    const steps = (await this.services.steps.ofActiveGoals(user)).map((step) =>
      Object.assign(step, { label: step.title }),
    );
    if (intent.pickedId) return oneOf(steps.filter((step) => step.id === intent.pickedId));
    return this.ranked(user, 'steps', words ?? '', steps);
  }

  private async findStep(user: User, words?: string): Promise<Step | undefined> {
    const pick = await this.pickStep(
      user,
      { intent: 'unknown', language: 'ru', missing: [] },
      words,
    );
    return 'one' in pick ? pick.one : undefined;
  }

  /** `items` that the words name, best first, as a pick. */
  private async ranked<T extends { id: string }>(
    user: User,
    kind: TitleKind,
    words: string,
    items: T[],
  ): Promise<ItemPick<T>> {
    const byId = new Map(items.map((item) => [item.id, item]));
    const found = (await this.titles.find(user.id, kind, words, 20)).filter((c) => byId.has(c.id));
    const pick = pickBest(found, (c) => c.score);
    if ('one' in pick) return { one: byId.get(pick.one.id)! };
    if ('several' in pick) return { several: pick.several.map((c) => byId.get(c.id)!) };
    return pick;
  }

  /**
   * The user's items a request without a name could mean ("одну цель надо удалить", "mark it
   * done", "добавь шаг …" with several goals), offered as buttons with the question.
   */
  async optionsFor(user: User, intent: ParsedIntent, now: Date): Promise<ItemOption[]> {
    const labelled = <T extends { id: string; title: string }>(items: T[]) =>
      items.slice(0, MAX_OPTIONS).map(({ id, title }) => ({ id, label: title }));
    switch (intent.intent) {
      case 'goal_delete':
      case 'goal_progress':
      case 'step_add':
        return labelled(await this.goals(user, GoalStatus.ACTIVE));
      case 'step_status':
      case 'step_delete': {
        const steps = await this.services.steps.ofActiveGoals(user);
        const open = steps.filter((step) => step.status !== StepStatus.DONE);
        const status = intent.intent === 'step_status' ? intent.status : undefined;
        const finished = steps.filter((step) => step.status === StepStatus.DONE);
        const wanted = status === 'done' ? open : status === 'todo' ? finished : steps;
        return labelled(await this.ofGoalNamed(user, intent, wanted));
      }
      case 'habit_check_in':
        return labelled(await this.habits.dueFirst(user, now));
      default:
        return [];
    }
  }

  /** "one of the ccrn steps": only the steps of the goal named, when one goal is found. */
  private async ofGoalNamed(
    user: User,
    intent: Extract<ParsedIntent, { intent: 'step_status' | 'step_delete' }>,
    steps: Step[],
  ): Promise<Step[]> {
    if (!intent.goalTarget || intent.stepNumber !== undefined) return steps;
    const goal = await this.pickGoal(user, { ...intent, pickedId: undefined }, intent.goalTarget);
    return 'one' in goal ? steps.filter((step) => step.goalId === goal.one.id) : steps;
  }

  /** Puts back what the last action changed (↩️ Undo). */
  async undo(user: User, record: UndoRecord): Promise<void> {
    await undo(this.services, user, record);
  }

  /** "Which one?" with the close matches as buttons; the intent waits for the pick. */
  private askWhich(intent: ParsedIntent, options: ItemOption[], question: string): ExecutionResult {
    const say = repliesIn(intent.language);
    const labels = options.slice(0, MAX_OPTIONS);
    return {
      text: question,
      actions: [],
      quickReplies: [...labels.map((option) => option.label), say.quick.cancel],
      question,
      pending: { ...intent, missing: ['target'], question, options: labels },
    };
  }

  /**
   * The upcoming (or today's) occurrence that the target's words, date and time name: the
   * words are looked up in the database (full text + trigrams, TitleSearch); several close
   * ones are offered to pick from, with their day and time.
   */
  private async findEvent(
    user: User,
    intent: Extract<ParsedIntent, { intent: 'event_update' | 'event_delete' }>,
    now: Date,
  ): Promise<ItemPick<EventOccurrence & ItemOption>> {
    const target = intent.target;
    const labelled = (o: EventOccurrence) => ({
      ...o,
      id: o.event.id,
      label: `${o.event.title} · ${localWhen(o.start, user, intent.language)}`,
    });
    const upcoming = await this.upcomingOccurrences(user, target, now);
    if (intent.pickedId) {
      const picked = upcoming.find((o) => o.event.id === intent.pickedId);
      return picked ? { one: labelled(picked) } : { none: true };
    }
    // Only a day or a time: the one event then, or the ones to choose from.
    if (!target.text) {
      const first = firstPerEvent(upcoming).map(labelled);
      if (first.length === 0) return { none: true };
      return first.length === 1 ? { one: first[0]! } : { several: first };
    }
    const candidates = await this.titles.find(user.id, 'events', target.text, 30);
    const scores = new Map(candidates.map((c) => [c.id, c.score]));
    const ranked = firstPerEvent(upcoming.filter((o) => scores.has(o.event.id)))
      .sort((a, b) => scores.get(b.event.id)! - scores.get(a.event.id)!)
      .map(labelled);
    return pickBest(ranked, (o) => scores.get(o.event.id) ?? 0);
  }

  private async upcomingOccurrences(
    user: User,
    target: EventTarget,
    now: Date,
  ): Promise<EventOccurrence[]> {
    const { timezone } = user.settings;
    const from = DateTime.fromJSDate(now, { zone: timezone }).startOf('day').toJSDate();
    const to = new Date(from.getTime() + SEARCH_DAYS * 86_400_000);
    return (await this.services.events.occurrences(user, from, to)).filter((o) => {
      const local = DateTime.fromJSDate(o.start, { zone: timezone });
      return (
        (!target.date || local.toISODate() === target.date) &&
        (!target.time || local.toFormat('HH:mm') === target.time)
      );
    });
  }
}

const MAX_OPTIONS = 4;

const oneOf = <T>(items: T[]): ItemPick<T> => (items[0] ? { one: items[0] } : { none: true });

/** The review's buttons as the assistant's actions: plan a goal's open steps, open a habit. */
function reviewActions(review: WeeklyReview): AssistantAction[] {
  return review.actions.flatMap((action) => {
    if (action.kind === NotificationActionKind.SCHEDULE_GOAL && action.goalId) {
      return [{ kind: 'review_plan_goal', entityId: action.goalId, title: action.label }];
    }
    if (action.kind === NotificationActionKind.OPEN_HABIT && action.habitId) {
      return [{ kind: 'review_open_habit', entityId: action.habitId, title: action.label }];
    }
    return [];
  });
}

/** Each event once, at its first occurrence in the list (a weekly meeting is one choice). */
function firstPerEvent(occurrences: EventOccurrence[]): EventOccurrence[] {
  const seen = new Set<string>();
  return occurrences.filter((o) => !seen.has(o.event.id) && seen.add(o.event.id));
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
    const [said, minute] = (intent.newTime ?? local.toFormat('HH:mm')).split(':').map(Number);
    // "starts at 6:30 now" of an evening event: 18:30, as the event already is in the evening.
    const hour = intent.newTimeBare && said! < 12 && local.hour >= 12 ? said! + 12 : said;
    return date.set({ hour, minute, second: 0, millisecond: 0 }).toJSDate();
  }
  return null;
}

/**
 * The duration a change asks for: a new one, the current one longer or shorter ("на 45 минут
 * дольше", at least 5 minutes), or up to a new end ("продли до 23"); null keeps it.
 */
function newDurationOf(
  intent: Extract<ParsedIntent, { intent: 'event_update' }>,
  found: EventOccurrence,
  start: Date | null,
  user: User,
): number | null {
  if (intent.newDurationMinutes) return intent.newDurationMinutes;
  const current = found.event.durationMinutes;
  if (intent.durationDeltaMinutes) return Math.max(5, current + intent.durationDeltaMinutes);
  if (!intent.newEndTime) return null;
  const begins = DateTime.fromJSDate(start ?? found.start, { zone: user.settings.timezone });
  const [hour, minute] = intent.newEndTime.split(':').map(Number);
  let ends = begins.set({ hour, minute, second: 0, millisecond: 0 });
  // "до пяти" of a meeting at 15:00: 17:00 the same day, not 5 in the morning.
  if (ends <= begins && hour! < 12 && ends.plus({ hours: 12 }) > begins) {
    ends = ends.plus({ hours: 12 });
  }
  if (ends <= begins) ends = ends.plus({ days: 1 });
  const minutes = Math.round(ends.diff(begins, 'minutes').minutes);
  return minutes > 0 && minutes < 1440 ? minutes : null;
}

/** What was created and when the person will be reminded, completely. */
function createdText(event: Event, intent: EventCreateIntent, user: User, now: Date): string {
  const say = repliesIn(intent.language);
  const asked = intent.reminderMinutesBefore;
  const offsets = event.reminderEnabled ? event.reminderMinutesBefore : [];
  const when = eventWhen(event, user, intent.language);
  // "напомни через 30 минут…": the reminder is the point, so say when it comes.
  if (!event.recurrence && asked?.length === 1 && asked[0] === 0 && offsets[0] === 0) {
    return say.reminderSet(event.title, dayAndTime(event.startsAt, user, intent.language, now));
  }
  if (offsets.length === 0) return say.eventCreatedSilent(event.title, when);
  return say.eventCreated(event.title, when, offsetsLabel(offsets, intent.language));
}

/** The event's reminders: with its title (a change of them alone), or as a line under it. */
function remindersText(event: Event, language: AssistantLanguage, titled = true): string {
  const say = repliesIn(language);
  const offsets = event.reminderEnabled ? event.reminderMinutesBefore : [];
  if (!titled)
    return offsets.length ? say.remindLine(offsetsLabel(offsets, language)) : say.silentLine;
  return offsets.length
    ? say.remindersChanged(event.title, offsetsLabel(offsets, language))
    : say.remindersOff(event.title);
}

/**
 * "вт 8 дек., 15:00–16:00", a whole day "вт 8 дек.", and a series says how it repeats
 * ("· 🔁 по вт"), in the user's timezone.
 */
function eventWhen(event: Event, user: User, language: AssistantLanguage): string {
  const zone = user.settings.timezone;
  const start = DateTime.fromJSDate(event.startsAt, { zone }).setLocale(language);
  const day = start.toFormat(language === 'ru' ? 'ccc d MMM' : 'ccc, MMM d');
  const end = start.plus({ minutes: event.durationMinutes });
  const when = event.allDay
    ? day
    : `${day}, ${start.toFormat('HH:mm')}${event.durationMinutes ? `–${end.toFormat('HH:mm')}` : ''}`;
  return event.recurrence ? `${when} · 🔁 ${recurrenceLabel(event.recurrence, language)}` : when;
}

/** "1 июня 2027" / "June 1, 2027" for a goal's date. */
function longDate(isoDate: string, language: AssistantLanguage): string {
  return DateTime.fromISO(isoDate)
    .setLocale(language)
    .toFormat(language === 'ru' ? 'd MMMM yyyy' : 'MMMM d, yyyy');
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
