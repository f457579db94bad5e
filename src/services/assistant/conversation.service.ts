import type { DataSource } from 'typeorm';
import { ConversationMessage, ConversationState, type User } from '../../entities/index.js';
import type {
  AssistantLanguage,
  IntentEngine,
  ParsedIntent,
} from '../../assistant/intent.types.js';
import { offlineEngine, parseMessageAs } from '../../assistant/offline/offline-engine.js';
import type { AssistantAction, IntentExecutor } from './intent-executor.js';
import { knownNamesOf } from './known-names.js';
import { repliesIn } from './replies.js';

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
const CANCEL = /^(отмена|отмени|не надо|стоп|cancel|stop|never ?mind)(?![\p{L}\p{N}_])/iu;
/** Answers to "an event, a goal or a habit?" (the buttons send the first word). */
const KIND_ANSWERS: [RegExp, 'event_create' | 'goal_create' | 'habit_create'][] = [
  [/событ|event|календар|calendar|встреч/iu, 'event_create'],
  [/цел|goal/iu, 'goal_create'],
  [/привычк|habit/iu, 'habit_create'],
];
const NEXT_ONE = /следующ|next/iu;
const THIS_ONE = /^(эт|this|today|сегодня|ближайш)/iu;

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
    if (pending && CANCEL.test(text)) {
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
    if (pending && !isCompleteNewRequest(intent)) {
      intent = await this.complete(pending, text, context);
    }
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
    const { performed, ...result } = await this.executor.execute(user, intent, now);
    return this.finish(user, text, null, {
      ...result,
      question: null,
      intent: performed ?? intent.intent,
      engine,
    });
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
      const chosen = KIND_ANSWERS.find(([pattern]) => pattern.test(answer))?.[1];
      return chosen ? parseMessageAs(pending.text, context, chosen) : intent;
    }
    if (slot === 'weekday' && intent.intent === 'event_create') {
      // The parse's `start` is the later reading (next week's day), `alternativeStart` the
      // nearer one (this week's, or today).
      if (NEXT_ONE.test(answer)) return { ...intent, missing: intent.missing.slice(1) };
      if (THIS_ONE.test(answer) && intent.alternativeStart) {
        return { ...intent, start: intent.alternativeStart, missing: intent.missing.slice(1) };
      }
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

  /** Saves both messages and what is awaited now, in one transaction. */
  private async finish(
    user: User,
    text: string,
    pending: PendingRequest | null,
    reply: AssistantReply,
  ): Promise<AssistantReply> {
    await this.db.transaction(async (manager) => {
      await manager.insert(ConversationMessage, [
        { userId: user.id, role: 'user', text, intent: reply.intent },
        { userId: user.id, role: 'assistant', text: reply.text, intent: reply.intent },
      ]);
      await manager.query(
        `INSERT INTO conversation_states (user_id, pending) VALUES ($1, $2::jsonb)
         ON CONFLICT (user_id) DO UPDATE SET pending = EXCLUDED.pending, updated_at = now()`,
        [user.id, pending ? JSON.stringify(pending) : null],
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

/** A message that is a whole new request replaces the pending question. */
function isCompleteNewRequest(intent: ParsedIntent): boolean {
  return (
    intent.intent !== 'unknown' && intent.intent !== 'small_talk' && intent.missing.length === 0
  );
}

function quickRepliesFor(intent: ParsedIntent): string[] {
  const say = repliesIn(intent.language as AssistantLanguage);
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
