import type { DataSource } from 'typeorm';
import {
  ConversationMessage,
  ConversationState,
  Language,
  type User,
} from '../../entities/index.js';
import type {
  AssistantLanguage,
  IntentEngine,
  IntentName,
  ParsedIntent,
} from '../../assistant/intent.types.js';
import { questionFor } from '../../assistant/offline/questions.js';
import { asCorrectedHour, readAnswer } from '../../assistant/offline/answers.js';
import { offlineEngine, parseMessageAs } from '../../assistant/offline/offline-engine.js';
import { hasCheckMark, isBareDone, readDoneReport, saysPast } from './done-reports.js';
import type { AssistantAction, IntentExecutor } from './intent-executor.js';
import { knownNamesOf } from './known-names.js';
import { moveOfNamedEvent } from './named-move.js';
import { repliesIn } from './replies.js';
import { weekAsked } from './week-asked.js';
import type { UndoRecord } from './undo.js';

export interface AssistantReply {
  text: string;
  actions: AssistantAction[];
  quickReplies: string[];
  /** The question asked when something is missing; the next message answers it. */
  question: string | null;
  intent: string;
  /** Which engine understood the message: model or offline. */
  engine: string;
}

interface PendingRequest {
  intent: ParsedIntent;
  text: string;
}

const DATE_FIELDS = ['start', 'alternativeStart', 'newStart', 'from', 'to'];
const HISTORY_KEPT = 50;
const CANCEL =
  /^(отмена|отмени|не надо|не нужно|стоп|забей|проехали|передумал\p{L}*|cancel|stop|never ?mind|nvm|forget it)(?![\p{L}\p{N}_])/iu;
/** Answers to "an event, a goal or a habit?" (the buttons send the first word). */
const KIND_ANSWERS: [RegExp, 'event_create' | 'goal_create' | 'habit_create'][] = [
  [/(?:📅\s*)?(?:событи\p{L}*|event|в\s+календарь|calendar)/iu, 'event_create'],
  [/(?:🎯\s*)?(?:цель|цели|goal)/iu, 'goal_create'],
  [/(?:🔁\s*)?(?:привычк\p{L}*|habit)/iu, 'habit_create'],
];
/** Words around the kind in an answer: "это цель -", "it's a habit,". */
const KIND_NOISE =
  /^(?:[\s,.:;!—–-]*(?:это|it['’]?s|its|a|an)(?![\p{L}]))+|^[\s,.:;!—–-]+|[\s,.:;!—–-]+$/giu;
const NEXT_ONE = /следующ|next/iu;
/** The ↩️ button, or said: "отмени последнее", "верни как было", "undo". */
const UNDO =
  /^(?:↩️\s*)?(?:отменить|undo|отмени\s+(?:это|последнее(?:\s+действие)?)|верни\s+как\s+было|вернуть\s+как\s+было)[\s.!]*$/iu;
const EDIT = /^(?:✏️\s*)?(?:изменить|edit)[\s.!]*$/iu;
const THIS_ONE = /^(эт|this|today|сегодня|ближайш)/iu;
/**
 * "нет, в 8:30", "ой нет, в час", "no sorry 7:30", "ой, не завтра, а в среду": the event just
 * made, said again otherwise.
 */
const CORRECTION =
  /^(?:(?:ой|ай|oh|oops)[\s,]+)?(?:(?:нет|no|nope|sorry|wait|actually|точнее|вернее)(?:[\s,]+(?:нет|sorry|wait|i\s+meant?))*[\s,.!—–-]+(?=\S)|(?=(?:не|not)\s+(?:сегодня|завтра|послезавтра|today|tomorrow)[\s,]))/iu;

/**
 * One turn of the conversation: understand the message (completing a pending question when
 * it answers one), act, persist the exchange and what is still awaited.
 */
export class ConversationService {
  constructor(
    private readonly db: DataSource,
    private readonly engine: IntentEngine & { parseWithSource?: IntentEngine['parseMessage'] },
    private readonly executor: IntentExecutor,
  ) {}

  async sendMessage(user: User, rawText: string, now = new Date()): Promise<AssistantReply> {
    const text = rawText.trim().slice(0, 2000);
    const context = {
      now,
      timezone: user.settings.timezone,
      language: user.settings.language,
      // Only a model reads the user's item names (the offline engine matches in the database).
      ...(this.engine.name === 'offline'
        ? {}
        : { known: await knownNamesOf(this.db, user.id, now) }),
    };
    const pending = await this.pendingOf(user);
    let engine = this.engine.name === 'offline' ? 'offline' : 'model';
    let intent: ParsedIntent;
    if (UNDO.test(text) || EDIT.test(text)) return this.undoOrEdit(user, text, pending);
    if (pending && CANCEL.test(text) && !(await this.opensNewRequest(text, context))) {
      return this.finish(user, text, null, {
        text: repliesIn(pending.intent.language).cancelled,
        actions: [],
        quickReplies: [],
        question: null,
        intent: 'cancel',
        engine: 'offline',
      });
    }
    const fresh = await this.understand(text, context);
    engine = fresh.engine;
    intent = fresh.intent;
    if (!pending) intent = (await this.correctionOfLast(user, text, intent, context)) ?? intent;
    if (!pending)
      intent = (await moveOfNamedEvent(this.db, user.id, text, intent, context)) ?? intent;
    if (pending) {
      // The answer to what was asked first; a request of its own only when it clearly is one.
      const answered = readAnswer(pending.intent, text, context);
      // "it's a goal - reach B1 by september": the kind asked for, whatever else it reads as.
      // "wait, what's on my calendar tomorrow" names no kind: it asks about the calendar.
      const saysKind =
        pending.intent.missing[0] === 'kind' &&
        KIND_ANSWERS.some(([p]) => p.test(text)) &&
        !(intent.intent === 'event_search' && isCompleteNewRequest(intent));
      if (saysKind) intent = await this.complete(pending, text, context);
      // "kickboxing" + "i wanna track it 3 times a week": the kind said, about the thing asked.
      else if (refersBack(pending.intent, intent, text)) {
        intent = parseMessageAs(`${pending.text} ${text}`, context, intent.intent as CreateKind);
      }
      // A pick among the offered items is an answer, even if it reads as a request too.
      else if (
        answered &&
        (isShortPick(answered.intent, text) ||
          answered.changedMind ||
          namesGoalAndStep(answered.intent, pending.intent) ||
          narrowsDay(answered.intent) ||
          !isClearlyNew(intent, pending.intent))
      ) {
        intent = answered.intent;
      } else if (!isCompleteNewRequest(intent) || namesWhatWasAsked(intent, pending.intent)) {
        intent = await this.complete(pending, text, context);
      }
    }
    // "витамины выпила", "в пятницу бегал": the rules did not read it (or would ask when),
    // but it names a habit or step as done; "есть! сделала ✅" alone asks which habit.
    if (
      !pending &&
      (intent.intent === 'unknown' ||
        wouldAskWhen(intent) ||
        (intent.intent === 'event_create' && saysPast(text)) ||
        (intent.intent !== 'small_talk' && (isBareDone(text) || hasCheckMark(text))))
    ) {
      intent = (await readDoneReport(this.db, user.id, text, context)) ?? intent;
    }
    if (!pending && isUnnamedDone(intent) && !SAYS_STEP.test(text)) {
      intent = await this.doneWhich(user, intent, text, now);
    }
    // Never "I did not get that": ask what kind of thing it is, with buttons.
    if (intent.intent === 'unknown' && intent.missing.length === 0) intent = askKind(intent);
    if (intent.missing[0] === 'target' && !intent.options) {
      // "Which one?" with the user's items as buttons ("одну цель надо удалить").
      const options = await this.executor.optionsFor(user, intent, now);
      if (options.length > 0) intent = { ...intent, options };
    }
    // "как прошла прошлая неделя?" is the previous calendar week, not the last 7 days.
    if (intent.intent === 'week_review' && !intent.week)
      intent = { ...intent, week: weekAsked(text) };
    if (intent.missing.length > 0) {
      const question = intent.question ?? repliesIn(intent.language).unknown;
      return this.finish(
        user,
        text,
        { intent, text: pending ? `${pending.text} ${text}` : text },
        {
          text: question,
          actions: [],
          quickReplies: quickRepliesFor(intent),
          question,
          intent: intent.intent,
          engine,
        },
      );
    }
    const {
      performed,
      question,
      pending: waiting,
      undo,
      ...result
    } = await this.executor.execute(user, intent, now);
    // Several items fit: the question waits for the pick (its buttons are the options).
    const next = waiting
      ? { intent: waiting, text: pending ? `${pending.text} ${text}` : text }
      : null;
    return this.finish(
      user,
      text,
      next,
      { ...result, question: question ?? null, intent: performed ?? intent.intent, engine },
      undo,
    );
  }

  async history(user: User, limit: number): Promise<ConversationMessage[]> {
    const rows = await this.db.getRepository(ConversationMessage).find({
      where: { userId: user.id },
      // Both messages of a turn share created_at (one transaction's now()): the user's comes
      // first, so in this reversed list the assistant's reply must come before it.
      order: { createdAt: 'DESC', role: 'ASC' },
      take: limit,
    });
    return rows.reverse();
  }

  /**
   * "нет, в 8:30" right after an event was made or moved: a new time or day for that event,
   * read as the answer to ✏️ Edit; undefined when the message says anything more.
   */
  private async correctionOfLast(
    user: User,
    text: string,
    fresh: ParsedIntent,
    context: Parameters<IntentEngine['parseMessage']>[1],
  ): Promise<ParsedIntent | undefined> {
    const said = CORRECTION.exec(text);
    if (!said) return undefined;
    // Only right after: the reply just before this message made or moved the event.
    const [last] = await this.history(user, 1);
    if (last?.intent !== 'event_create' && last?.intent !== 'event_update') return undefined;
    const state = await this.db.getRepository(ConversationState).findOneBy({ userId: user.id });
    const record = state?.undo as UndoRecord | null | undefined;
    if (record?.kind !== 'event_created' && record?.kind !== 'event_updated') return undefined;
    const edit: ParsedIntent = {
      intent: 'event_update',
      language: fresh.language,
      missing: ['change'],
      target: { text: record.title },
      pickedId: record.id,
    };
    const answered = readAnswer(edit, asCorrectedHour(text.slice(said[0].length)), context);
    if (!answered || answered.leftover || answered.intent.missing.length > 0) return undefined;
    return answered.intent;
  }

  /** "стоп, сначала покажи пятницу": a cancel word opening a complete request of its own. */
  private async opensNewRequest(
    text: string,
    context: Parameters<IntentEngine['parseMessage']>[1],
  ): Promise<boolean> {
    const rest = text.replace(CANCEL, '').replace(/^[\s,.!;:—–-]+/u, '');
    if (!/\p{L}{2,}/u.test(rest)) return false;
    const { intent } = await this.understand(rest, context);
    return intent.intent !== 'small_talk' && isCompleteNewRequest(intent);
  }

  private async understand(text: string, context: Parameters<IntentEngine['parseMessage']>[1]) {
    const sourced = this.engine as {
      parseWithSource?: (
        t: string,
        c: typeof context,
      ) => Promise<{ intent: ParsedIntent; engine: string }>;
    };
    if (sourced.parseWithSource) return sourced.parseWithSource(text, context);
    return { intent: await this.engine.parseMessage(text, context), engine: this.engine.name };
  }

  /** Fills the first missing slot of the pending request from the answer. */
  private async complete(
    pending: PendingRequest,
    answer: string,
    context: Parameters<IntentEngine['parseMessage']>[1],
  ): Promise<ParsedIntent> {
    const intent = pending.intent;
    const [slot] = intent.missing;
    if (slot === 'kind') {
      const kind = KIND_ANSWERS.find(([pattern]) => pattern.test(answer));
      // "привычка, по будням в 6:45": the kind, and more about the thing.
      const more = kind ? answer.replace(kind[0], ' ').replace(KIND_NOISE, ' ').trim() : answer;
      const said = more ? `${pending.text} ${more}` : pending.text;
      if (kind) return parseMessageAs(said, context, kind[1]);
      // A day or a time as the answer: it was an event.
      const event = parseMessageAs(said, context, 'event_create');
      return event.intent === 'event_create' && (event.start || event.date) ? event : intent;
    }
    if (slot === 'weekday' && intent.intent === 'event_create') {
      // The parse's `start` is the later reading (next week's day), `alternativeStart` the
      // nearer one (this week's, or today).
      if (NEXT_ONE.test(answer)) return { ...intent, missing: intent.missing.slice(1) };
      if (THIS_ONE.test(answer) && intent.alternativeStart) {
        return { ...intent, start: intent.alternativeStart, missing: intent.missing.slice(1) };
      }
    }
    if (slot === 'title' && intent.intent === 'step_add') {
      // "добавь шаг" + "to python: read …": the step, and maybe its goal.
      const step = parseMessageAs(answer, context, 'step_add');
      if (step.intent === 'step_add' && step.title) {
        return { ...intent, ...step, goalTarget: step.goalTarget ?? intent.goalTarget };
      }
    }
    if (slot === 'title' && intent.intent === 'event_create') {
      // "поставь напоминалку" + "через 15 минут выключить суп": the request read whole.
      const event = parseMessageAs(`${pending.text} ${answer}`, context, 'event_create');
      if (event.intent === 'event_create' && event.title) return event;
    }
    if (slot === 'title' && 'title' in intent) {
      return {
        ...intent,
        title: capitalize(answer),
        missing: intent.missing.slice(1),
      } as ParsedIntent;
    }
    // Otherwise read the request again with the answer added: "встреча в пятницу" + "в 15".
    const combined = await offlineEngine.parseMessage(`${pending.text} ${answer}`, context);
    const better =
      combined.intent === intent.intent && combined.missing.length < intent.missing.length;
    return better ? combined : intent;
  }

  /**
   * "mark it done", "сделано", "есть! ✅": which habit of today (likelier than a step, when
   * there is one), or which step.
   */
  private async doneWhich(
    user: User,
    intent: ParsedIntent,
    text: string,
    now: Date,
  ): Promise<ParsedIntent> {
    const said = parseMessageAs(text, { now, timezone: user.settings.timezone }, 'habit_check_in');
    const language = intent.language;
    const asHabit: ParsedIntent = {
      intent: 'habit_check_in',
      language,
      status: 'done',
      missing: ['target'],
      question: questionFor('habit_check_in', 'target', language),
      ...(said.intent === 'habit_check_in' && said.date ? { date: said.date } : {}),
    };
    const habits = await this.executor.optionsFor(user, asHabit, now);
    if (habits.length > 0) return { ...asHabit, options: habits };
    return {
      intent: 'step_status',
      language,
      status: 'done',
      missing: ['target'],
      question: questionFor('step_status', 'target', language),
    };
  }

  private async pendingOf(user: User): Promise<PendingRequest | null> {
    const state = await this.db.getRepository(ConversationState).findOneBy({ userId: user.id });
    if (!state?.pending) return null;
    const stored = state.pending as unknown as PendingRequest;
    const intent = { ...stored.intent } as Record<string, unknown>;
    for (const field of DATE_FIELDS) {
      if (typeof intent[field] === 'string') intent[field] = new Date(intent[field] as string);
    }
    return { intent: intent as unknown as ParsedIntent, text: stored.text };
  }

  /**
   * ↩️ Undo puts back what the last action changed (undo.ts); ✏️ Edit asks what to change in
   * the event just made or moved, and reads the next message as that change.
   */
  private async undoOrEdit(
    user: User,
    text: string,
    pending: PendingRequest | null,
  ): Promise<AssistantReply> {
    const language: AssistantLanguage = user.settings.language === Language.EN ? 'en' : 'ru';
    const say = repliesIn(language);
    const state = await this.db.getRepository(ConversationState).findOneBy({ userId: user.id });
    const record = state?.undo as UndoRecord | null | undefined;
    const reply = (said: string, intent: string): AssistantReply => ({
      text: said,
      actions: [],
      quickReplies: [],
      question: null,
      intent,
      engine: 'offline',
    });
    if (EDIT.test(text)) {
      if (record?.kind !== 'event_created' && record?.kind !== 'event_updated') {
        return this.finish(user, text, pending, reply(say.nothingToUndo, 'edit'));
      }
      const question = say.whatToChange(record.title);
      const edit: ParsedIntent = {
        intent: 'event_update',
        language,
        missing: ['change'],
        question,
        target: { text: record.title },
        pickedId: record.id,
      };
      return this.finish(
        user,
        text,
        { intent: edit, text: record.title },
        {
          ...reply(question, 'edit'),
          question,
          quickReplies: [say.quick.cancel],
        },
      );
    }
    if (!record) return this.finish(user, text, pending, reply(say.nothingToUndo, 'undo'));
    await this.executor.undo(user, record);
    return this.finish(
      user,
      text,
      null,
      {
        ...reply(say.undone(record.title), 'undo'),
        actions: [{ kind: 'undone', entityId: record.id, title: record.title }],
      },
      null,
    );
  }

  /**
   * Saves both messages, what is awaited now and (when given) what undoes the last action,
   * in one transaction. `undo` undefined keeps the stored one ("спасибо" after an action).
   */
  private async finish(
    user: User,
    text: string,
    pending: PendingRequest | null,
    reply: AssistantReply,
    undo?: UndoRecord | null,
  ): Promise<AssistantReply> {
    await this.db.transaction(async (manager) => {
      await manager.insert(ConversationMessage, [
        { userId: user.id, role: 'user', text, intent: reply.intent },
        { userId: user.id, role: 'assistant', text: reply.text, intent: reply.intent },
      ]);
      await manager.query(
        `INSERT INTO conversation_states (user_id, pending, undo) VALUES ($1, $2::jsonb, $3::jsonb)
         ON CONFLICT (user_id) DO UPDATE SET pending = EXCLUDED.pending,
           undo = CASE WHEN $4 THEN EXCLUDED.undo ELSE conversation_states.undo END,
           updated_at = now()`,
        [
          user.id,
          pending ? JSON.stringify(pending) : null,
          undo ? JSON.stringify(undo) : null,
          undo !== undefined,
        ],
      );
      await manager.query(
        `DELETE FROM conversation_messages WHERE user_id = $1 AND id NOT IN (
           SELECT id FROM conversation_messages WHERE user_id = $1
            ORDER BY created_at DESC LIMIT ${HISTORY_KEPT})`,
        [user.id],
      );
    });
    return reply;
  }
}

const KINDS: IntentName[] = ['event_create', 'goal_create', 'habit_create'];

function askKind(intent: ParsedIntent & { intent: 'unknown' }): ParsedIntent {
  return {
    ...intent,
    missing: ['kind'],
    choices: intent.choices ?? KINDS,
    question: questionFor('unknown', 'kind', intent.language) ?? repliesIn(intent.language).unknown,
  };
}

/** An event whose day or time would be asked: maybe a report of something done instead. */
const wouldAskWhen = (intent: ParsedIntent) =>
  intent.intent === 'event_create' && intent.missing.length > 0;

/** Words around an item's name that do not make an answer longer ("the second location goal"). */
const PICK_NOISE =
  /(?<![\p{L}])(?:the|a|my|one|goal|step|habit|цель|цели|шаг|привычк\p{L}*)(?![\p{L}])/giu;

/** "flossing" after "which habit?": a few words picking an offered item are an answer. */
const isShortPick = (answered: ParsedIntent, text: string) =>
  Boolean(answered.pickedId) && text.replace(PICK_NOISE, ' ').trim().split(/\s+/).length <= 3;

/** "which goal?" for a new step, answered "to the 10k goal: buy a foam roller". */
const namesGoalAndStep = (answered: ParsedIntent, pending: ParsedIntent) =>
  pending.intent === 'step_add' &&
  answered.intent === 'step_add' &&
  !pending.title &&
  Boolean(answered.title);

/** "mark a step done", "галочку поставь на шаге": a step said, so no habit is asked for. */
const SAYS_STEP = /(?<![\p{L}])(?:шаг\p{L}*|пункт(?:а|ов|ы|ом|е)?|steps?)(?![\p{L}])/iu;

/** A step or habit marked done without saying which ("сделано", "mark it done"). */
const isUnnamedDone = (intent: ParsedIntent) =>
  (intent.intent === 'step_status' || intent.intent === 'habit_check_in') &&
  intent.status === 'done' &&
  !intent.target &&
  !intent.pickedId &&
  // "mark one of the ccrn steps done": the goal is said, its steps are asked between.
  !(intent.intent === 'step_status' && (intent.stepNumber !== undefined || intent.goalTarget));

/** "поставь напоминалку" + "через 15 минут выключить суп": the name asked for, said whole. */
const namesWhatWasAsked = (fresh: ParsedIntent, pending: ParsedIntent) =>
  pending.missing[0] === 'title' &&
  (fresh.intent === pending.intent ||
    (pending.intent === 'step_add' && READ_AS_STEP.includes(fresh.intent)));

/** "какой шаг добавить?" + "купить нарукавники, это для сына": a step, whatever else it reads as. */
const READ_AS_STEP: ParsedIntent['intent'][] = ['goal_create', 'habit_create', 'step_status'];

/** A complete request that is not about the pending event ("как мои цели?" instead of a time). */
function isClearlyNew(fresh: ParsedIntent, pending: ParsedIntent): boolean {
  return (
    isCompleteNewRequest(fresh) &&
    fresh.intent !== 'event_create' &&
    fresh.intent !== pending.intent
  );
}

type CreateKind = 'event_create' | 'goal_create' | 'habit_create';
/** "it", "это": the answer speaks of the thing asked about. */
const BACK_REFERENCE = /(?<![\p{L}])(?:it|this|that|это|его|её|ее|их)(?![\p{L}])/iu;
const refersBack = (pending: ParsedIntent, fresh: ParsedIntent, text: string) =>
  pending.missing[0] === 'kind' &&
  ['event_create', 'goal_create', 'habit_create'].includes(fresh.intent) &&
  BACK_REFERENCE.test(text);
/** "на следующей неделе" alone after "when?": the period of the new event, its day asked next. */
function narrowsDay(answered: ParsedIntent): boolean {
  return answered.intent === 'event_create' && answered.missing[0] === 'date' && !!answered.within;
}

/** A message that is a whole new request replaces the pending question. */
function isCompleteNewRequest(intent: ParsedIntent): boolean {
  // "спасибо" or "привет" instead of an answer ends the question too.
  return (
    intent.intent === 'small_talk' || (intent.intent !== 'unknown' && intent.missing.length === 0)
  );
}

function quickRepliesFor(intent: ParsedIntent): string[] {
  const say = repliesIn(intent.language as AssistantLanguage);
  if (intent.options) return [...intent.options.map((option) => option.label), say.quick.cancel];
  if (intent.missing[0] === 'weekday')
    return [say.quick.thisOne, say.quick.nextOne, say.quick.cancel];
  if (intent.intent === 'unknown' && intent.choices) {
    return [
      ...intent.choices.map(
        (choice) => say.kindLabels[choice as keyof typeof say.kindLabels] ?? choice,
      ),
      say.quick.cancel,
    ];
  }
  return [say.quick.cancel];
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
