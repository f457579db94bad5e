import { type ApiClient, ApiError, type ChannelIdentity } from './api-client.js';
import { readClientState } from './dialog.js';
import {
  AssistantCapabilitiesDocument,
  RegisterChannelAccountDocument,
  SendVoiceDocument,
  SessionDocument,
} from './gql/graphql.js';
import { markup } from './html.js';
import type { Incoming, Messenger } from './messenger.js';
import { screen } from './screen.js';
import { langOf, textsFor } from './texts.js';
import { askAssistant, beginDialog, handleCallback, withTyping } from './turns/callbacks.js';
import { continueDialog } from './turns/dialogs.js';
import { calendarOf, goalsScreen } from './turns/screens.js';
import { Turn, type BotLogger } from './turns/turn.js';
import { assistantReplyScreen } from './views/assistant.js';
import { helpScreen, mainMenu, notice, todayIn } from './views/menu.js';
import { settingsScreen } from './views/settings.js';

/** The commands both bots offer, with their menu descriptions in texts.ts. */
export const COMMANDS = [
  'start',
  'goals',
  'today',
  'events',
  'newgoal',
  'settings',
  'help',
  'cancel',
] as const;

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
        // A button on an old message pointing at something deleted since: show what is there now.
        await turn.answer(turn.t.alreadyGone);
        await turn.show(await goalsScreen(turn, 0)).catch(() => {});
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
      case 'command':
        return this.command(turn, incoming.command);
      case 'text':
        if (turn.state.dialog) return continueDialog(turn, turn.state.dialog, incoming.text);
        return askAssistant(turn, incoming.text);
      case 'callback':
        return handleCallback(turn, incoming.data, this.logger);
      case 'voice':
        return this.voice(turn, incoming.download);
      case 'unsupported':
        await turn.send(screen(markup`${turn.t.unsupported}`));
    }
  }

  private async command(turn: Turn, command: string): Promise<void> {
    const { t } = turn;
    switch (command) {
      case 'start':
        await turn.saveState({});
        return turn.show(mainMenu(t, turn.timezone, t.greeting(turn.incoming.user.name)));
      case 'menu':
        return turn.show(mainMenu(t, turn.timezone));
      case 'goals':
        return turn.show(await goalsScreen(turn, 0));
      case 'today':
        return turn.show(await calendarOf(turn, 'd', todayIn(turn.timezone)));
      case 'events':
      case 'week':
        return turn.show(await calendarOf(turn, 'w', todayIn(turn.timezone)));
      case 'newgoal':
        return beginDialog(turn, { kind: 'newGoal' });
      case 'settings':
        return turn.show(settingsScreen(t, turn.settings));
      case 'cancel':
        if (!turn.state.dialog) return turn.show(notice(t, t.nothingToCancel));
        await turn.saveState({ ...turn.state, dialog: undefined });
        return turn.show(notice(t, t.cancelled));
      default:
        return turn.show(helpScreen(t));
    }
  }

  private async voice(turn: Turn, download: () => Promise<{ data: Buffer; filename: string }>) {
    const { assistantCapabilities } = await turn.api(AssistantCapabilitiesDocument, {});
    if (!assistantCapabilities.voice) {
      await turn.send(screen(markup`${turn.t.voiceUnavailable}`));
      return;
    }
    const { sendVoice } = await withTyping(turn, async () => {
      const audio = await download();
      return turn.api(SendVoiceDocument, {
        audioBase64: audio.data.toString('base64'),
        filename: audio.filename,
      });
    });
    await turn.saveState({ ...turn.state, quickReplies: sendVoice.quickReplies });
    await turn.send(assistantReplyScreen(turn.t, sendVoice));
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
    return new Turn(
      incoming,
      identity,
      session.me.settings,
      lang,
      textsFor(lang),
      readClientState(session.dialogState),
      this.api,
      this.messenger,
    );
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
        platform: identity.platform === 'max' ? 'MAX' : 'TELEGRAM',
        platformUserId: identity.platformUserId,
        chatId: incoming.chatId,
        displayName: incoming.user.name.slice(0, 100) || null,
        language: languageCode.startsWith('en') ? 'EN' : 'RU',
      },
    });
  }

  private async apologize(incoming: Incoming, turn: Turn | null): Promise<void> {
    const t = turn?.t ?? textsFor(langOf(incoming.user.languageCode));
    if (incoming.kind === 'callback' && !turn?.isAnswered) {
      await this.messenger.answerCallback(incoming.callbackId, t.apology);
      return;
    }
    await this.messenger.send(incoming.chatId, screen(markup`${t.apology}`));
  }
}

const isGone = (error: unknown) => error instanceof ApiError && error.code === 'NOT_FOUND';
