import { type ApiClient, ApiError, type ChannelIdentity } from './api-client.js';
import type { BackgroundTasks } from './background.js';
import type { Callback } from './callback-data.js';
import { endDialog } from './dialog.js';
import type { ButtonSpec } from './features/feature.js';
import { askAssistantByVoice } from './features/assistant/assistant.feature.js';
import { answerEdit } from './features/assistant/edit-replies.js';
import { ADMIN_TEXTS } from './features/admin/admin.texts.js';
import { helpScreen, mainMenu } from './features/menu/menu.views.js';
import { zoneForLanguageCode } from './features/menu/onboarding.js';
import { handledNotification } from './features/notifications/notifications.views.js';
import { answerReminderReply } from './features/notifications/reminder-reply.js';
import { goneKindOf } from './recovery.texts.js';
import { BUTTONS, commandHandler, readClientState, unpackCallback } from './features/registry.js';
import { RegisterChannelAccountDocument, SessionDocument } from './gql/graphql.js';
import { markup } from './html.js';
import { platformEnum, type Incoming, type Messenger, type ShownButton } from './messenger.js';
import { button, screen, type Button } from './screen.js';
import { answerText } from './text-input.js';
import { langOf, textsFor } from './texts.js';
import type { Lang } from '../../common/texts.js';
import { Turn, type BotLogger } from './turn.js';

/**
 * The platform-neutral bot: turns an update into API calls and screens. Updates of one chat
 * are handled in order, one at a time; chats never wait for each other. An error in one
 * update is logged and answered with a short apology: the bot keeps running.
 */
export class BotCore {
  private readonly chats = new Map<string, Promise<void>>();

  constructor(
    private readonly api: ApiClient,
    private readonly messenger: Messenger,
    private readonly logger: BotLogger,
    private readonly background: BackgroundTasks,
  ) {}

  handle(incoming: Incoming): Promise<void> {
    const previous = this.chats.get(incoming.chatId) ?? Promise.resolve();
    const current = previous.then(() => this.handleNow(incoming));
    this.chats.set(incoming.chatId, current);
    void current.finally(() => {
      if (this.chats.get(incoming.chatId) === current) this.chats.delete(incoming.chatId);
    });
    return current;
  }

  /** Waits for the updates being handled (graceful stop). */
  async idle(): Promise<void> {
    while (this.chats.size) await Promise.allSettled([...this.chats.values()]);
  }

  private async handleNow(incoming: Incoming): Promise<void> {
    let turn: Turn | null = null;
    try {
      turn = await this.openTurn(incoming);
      await this.dispatch(turn);
      await turn.answer();
    } catch (error) {
      if (turn && isGone(error) && incoming.kind === 'callback') {
        // A button on an old message pointing at something deleted since: say what is gone.
        await showGone(turn, incoming.data).catch(() => {});
        return;
      }
      const polite = error instanceof ApiError ? politeRefusal(error) : null;
      if (polite) {
        // An expected refusal (a budget spent, a cap reached): say so, not "something went wrong".
        await this.reply(incoming, turn, polite).catch(() => {});
        return;
      }
      this.logger.error(
        { err: error, platform: this.messenger.platform, kind: incoming.kind },
        'bot update failed',
      );
      await this.apologize(incoming, turn).catch(() => {});
    }
  }

  private async dispatch(turn: Turn): Promise<void> {
    const { incoming } = turn;
    switch (incoming.kind) {
      case 'command': {
        const handler = commandHandler(incoming.command);
        // Any command but /cancel (which says what it cancelled) leaves a dialog in progress.
        if (incoming.command !== 'cancel') await endDialog(turn);
        return handler ? handler(turn) : turn.show(helpScreen(turn.t));
      }
      case 'text': {
        // A reply to a reminder in words ("через час") snoozes it, whatever else is going on.
        const reminder = incoming.replyTo && {
          ...incoming.replyTo,
          buttons: readButtons(incoming.replyTo.buttons),
        };
        if (reminder && (await answerReminderReply(turn, reminder, incoming.text))) return;
        return answerText(turn, incoming.text, incoming.forwarded ? undefined : incoming.messageId);
      }
      case 'edited':
        return answerEdit(turn, incoming.text, incoming.messageId);
      case 'callback':
        return this.press(turn, incoming.data);
      case 'voice':
        return askAssistantByVoice(turn, incoming.download);
      case 'unsupported':
        await turn.send(screen(markup`${turn.t.unsupported}`));
    }
  }

  /** A button press. Every press is answered; an outdated or forged button gets a polite toast. */
  private async press(turn: Turn, data: string): Promise<void> {
    const callback = unpackCallback(data);
    if (!callback) {
      // A button of an older version (or forged): say so, and where to go on from.
      await turn.answer(turn.t.outdatedButton);
      await turn.send(mainMenu(turn.t, turn.timezone, turn.messenger, turn.t.outdatedWithMenu));
      return;
    }
    const spec = BUTTONS[callback.a] as ButtonSpec<Callback>;
    await spec.press(turn, callback);
    await turn.answer();
  }

  /** Loads the user and the saved dialog; a messenger user seen for the first time is registered. */
  private async openTurn(incoming: Incoming): Promise<Turn> {
    const identity: ChannelIdentity = {
      platform: this.messenger.platform,
      platformUserId: incoming.user.id,
    };
    const isStart = incoming.kind === 'command' && incoming.command === 'start';
    let session = isStart ? null : await this.session(identity);
    if (!session) {
      await this.register(identity, incoming);
      session = await this.session(identity);
      if (!session) throw new Error('registration did not take effect');
    }
    const lang = langOf(session.me.settings.language);
    const turn = new Turn(
      incoming,
      identity,
      session.me.settings,
      lang,
      textsFor(lang),
      readClientState(session.dialogState),
      this.api,
      this.messenger,
      this.logger,
      session.isOperator,
      this.background,
    );
    if (incoming.kind === 'callback') turn.shownButtons = readButtons(incoming.messageButtons);
    return turn;
  }

  private async session(identity: ChannelIdentity) {
    try {
      return await this.api.request(SessionDocument, {}, identity);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return null;
      throw error;
    }
  }

  /** Idempotent on the API side: also keeps the chat id current. */
  private async register(identity: ChannelIdentity, incoming: Incoming): Promise<void> {
    const languageCode = incoming.user.languageCode?.toLowerCase() ?? '';
    await this.api.request(RegisterChannelAccountDocument, {
      input: {
        platform: platformEnum(identity.platform),
        platformUserId: identity.platformUserId,
        chatId: incoming.chatId,
        displayName: incoming.user.name.slice(0, 100) || null,
        language: languageCode.startsWith('en') ? 'EN' : 'RU',
        // Not Moscow for everyone: the greeting then asks (onboarding.ts).
        timezone: zoneForLanguageCode(languageCode),
      },
    });
  }

  private apologize(incoming: Incoming, turn: Turn | null): Promise<void> {
    return this.reply(incoming, turn, (t) => t.apology);
  }

  /** One line instead of a screen: a toast for a button, a message otherwise. */
  private async reply(incoming: Incoming, turn: Turn | null, say: PoliteText): Promise<void> {
    const lang = turn?.lang ?? langOf(incoming.user.languageCode);
    const text = say(turn?.t ?? textsFor(lang), lang);
    if (incoming.kind === 'callback' && !turn?.isAnswered) {
      await this.messenger.answerCallback(incoming.callbackId, text);
      return;
    }
    await this.messenger.send(incoming.chatId, screen(markup`${text}`));
  }
}

type PoliteText = (t: ReturnType<typeof textsFor>, lang: Lang) => string;

/** What the bot says to an API refusal a user can act on, or null for a real failure. */
function politeRefusal(error: ApiError): PoliteText | null {
  if (error.code === 'FORBIDDEN' && error.extensions.reason === 'BLOCKED') {
    // A blocked user gets this one line, and nothing is done.
    return (_t, lang) => ADMIN_TEXTS[lang].blocked;
  }
  if (error.code === 'RATE_LIMITED') {
    const seconds = Number(error.extensions.retryAfterSeconds) || 60;
    return (t) => t.rateLimited(seconds);
  }
  if (error.code === 'CONFLICT' && typeof error.extensions.limit === 'number') {
    const limit = error.extensions.limit;
    return (t) => t.limitReached(limit);
  }
  return null;
}

/** Buttons of a message in the chat back as screen buttons; unreadable ones are dropped. */
function readButtons(shown: ShownButton[][] = []): Button[][] {
  return shown
    .map((row) =>
      row.flatMap((b): Button[] => {
        if (b.url) return [{ label: b.label, url: b.url }];
        const callback = b.data ? unpackCallback(b.data) : null;
        return callback ? [button(b.label, callback)] : [];
      }),
    )
    .filter((row) => row.length > 0);
}

/**
 * A button whose object was deleted: a toast and a line saying what is gone, with the menu; under
 * a notification its text stays and the line is added.
 */
async function showGone(turn: Turn, data: string): Promise<void> {
  const callback = unpackCallback(data);
  const gone = turn.t.gone[callback ? goneKindOf(callback) : 'other'];
  await turn.answer(gone);
  if (turn.incoming.kind === 'callback' && callback?.a.startsWith('notify')) {
    return turn.show(handledNotification(turn.incoming.messageText, gone));
  }
  await turn.show(
    screen(markup`${gone}. ${turn.t.goneHint}`, [
      [button(turn.t.menu.goals, { a: 'goals', offset: 0 }), button(turn.t.toMenu, { a: 'menu' })],
    ]),
  );
}

const isGone = (error: unknown) => error instanceof ApiError && error.code === 'NOT_FOUND';
