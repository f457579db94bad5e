import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { ApiClient, ChannelIdentity } from './api-client.js';
import type { BackgroundTasks } from './background.js';
import type { ClientState } from './dialog.js';
import { SetDialogStateDocument, type SettingsFieldsFragment } from './gql/graphql.js';
import { fitForEdit, sendScreen, type Incoming, type Messenger } from './messenger.js';
import type { Button, Screen } from './screen.js';
import type { Lang, Texts } from './texts.js';

export interface BotLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Everything one update is handled with: who, in which language, and how to answer. */
export class Turn {
  private answered = false;
  /** The pressed message's buttons, read back (a button press; empty when not reported). */
  shownButtons: Button[][] = [];

  constructor(
    readonly incoming: Incoming,
    readonly identity: ChannelIdentity,
    readonly settings: SettingsFieldsFragment,
    readonly lang: Lang,
    readonly t: Texts,
    public state: ClientState,
    private readonly apiClient: ApiClient,
    readonly messenger: Messenger,
    readonly logger: BotLogger,
    /** An ADMIN_IDS identity (the API checks again on every operator operation). */
    readonly operator: boolean,
    readonly background: BackgroundTasks,
  ) {}

  get isAnswered() {
    return this.answered;
  }

  get chatId() {
    return this.incoming.chatId;
  }

  get timezone() {
    return this.settings.timezone;
  }

  /** Deletes the user's text message being answered (it held a secret), where possible. */
  async forgetIncomingText(): Promise<void> {
    const incoming = this.incoming;
    if (incoming.kind !== 'text' || !incoming.messageId) return;
    await this.messenger.deleteMessage?.(this.chatId, incoming.messageId);
  }

  /** A typed API call acting for this user. */
  api<TResult, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
  ): Promise<TResult> {
    return this.apiClient.request(document, variables, this.identity);
  }

  subscribe: ApiClient['subscribe'] = (document, variables, handlers) =>
    this.apiClient.subscribe(document, variables, handlers, this.identity);

  /** Shows a screen: edits the pressed message in place, or sends a new one. */
  async show(screen: Screen): Promise<void> {
    if (this.incoming.kind === 'callback') {
      await this.messenger.edit(
        this.chatId,
        this.incoming.messageId,
        fitForEdit(this.messenger, screen),
      );
      await this.answer();
    } else {
      await sendScreen(this.messenger, this.chatId, screen);
    }
  }

  /** Always a new message (answers to typed text, notifications of a result). */
  send(screen: Screen): Promise<string> {
    return sendScreen(this.messenger, this.chatId, screen);
  }

  /**
   * Downloads a picture the API signed (its `url`) and sends it as a photo with a short
   * caption (HTML; titles are at most 200 characters, within every platform's caption limit); answers the button press first, as the upload takes a moment.
   */
  async sendPicture(url: string, filename: string, caption: string): Promise<string> {
    await this.answer();
    await this.messenger.typing(this.chatId);
    const png = await this.apiClient.picture(url);
    return this.messenger.sendPhoto(this.chatId, { png, filename }, { html: caption, buttons: [] });
  }

  /** Answers the button press once; a toast text is shown briefly by the messenger. */
  async answer(toast?: string): Promise<void> {
    if (this.incoming.kind !== 'callback' || this.answered) return;
    this.answered = true;
    await this.messenger.answerCallback(this.incoming.callbackId, toast);
  }

  /** Saves through the API, only when it changed (most turns end with nothing to keep). */
  async saveState(state: ClientState): Promise<void> {
    const stored = (value: ClientState) =>
      !value.dialog &&
      !value.quickReplies?.length &&
      !value.lastMade &&
      !value.lastAnswer &&
      !value.edited
        ? null
        : { ...value };
    const unchanged = JSON.stringify(stored(state)) === JSON.stringify(stored(this.state));
    this.state = state;
    if (!unchanged) await this.api(SetDialogStateDocument, { state: stored(state) });
  }
}
