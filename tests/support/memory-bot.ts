import { ApiClient } from '../../src/clients/shared/api-client.js';
import type { RunningBot } from '../../src/clients/shared/bot-process.js';
import { createBot, type BotAdapter } from '../../src/clients/shared/create-bot.js';
import { packCallback } from '../../src/clients/shared/features/registry.js';
import type { Incoming, Messenger, Photo } from '../../src/clients/shared/messenger.js';
import type { SendQueue } from '../../src/clients/shared/outbound/send-queue.js';
import type { Screen } from '../../src/clients/shared/screen.js';
import { createLogger } from '../../src/logger.js';
import { FAST_LIMITS } from './fast-limits.js';
import { pollUntil, type Truthy } from './poll-until.js';
import { TEST_SERVICE_KEY, type TestApp } from './test-app.js';

/** A message as the in-memory chat shows it now. */
export interface ShownMessage {
  id: string;
  chatId: string;
  html: string;
  /** The text without tags and with entities decoded, as a person reads it. */
  text: string;
  /** Button labels with their packed callback data (or url), by row. */
  buttons: { label: string; data?: string; url?: string }[][];
  edits: number;
  /** The bytes of a photo message (its caption is `html`). */
  photo?: Buffer;
}

const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

function render(chatId: string, id: string, screen: Screen, edits: number): ShownMessage {
  return {
    id,
    chatId,
    html: screen.html,
    text: plain(screen.html),
    buttons: screen.buttons.map((row) =>
      row.map((button) =>
        'callback' in button
          ? { label: button.label, data: packCallback(button.callback) }
          : { label: button.label, url: 'url' in button ? button.url : button.webApp },
      ),
    ),
    edits,
  };
}

/** Chats kept in memory: what a messenger would show, across bot restarts. */
export class MemoryChats {
  readonly messages: ShownMessage[] = [];
  readonly answers = new Map<string, string | undefined>();
  readonly typing: string[] = [];
  /** Ids of the user's messages the bot deleted (a message with a password). */
  readonly deleted: string[] = [];
  private nextId = 1;

  show(chatId: string, screen: Screen, photo?: Buffer): ShownMessage {
    const shown = { ...render(chatId, String(this.nextId++), screen, 0), ...(photo && { photo }) };
    this.messages.push(shown);
    return shown;
  }

  edit(chatId: string, id: string, screen: Screen): void {
    const index = this.messages.findIndex((m) => m.chatId === chatId && m.id === id);
    if (index < 0) throw new Error(`no message ${id} in chat ${chatId}`);
    this.messages[index] = render(chatId, id, screen, this.messages[index]!.edits + 1);
  }

  inChat(chatId: string): ShownMessage[] {
    return this.messages.filter((m) => m.chatId === chatId);
  }
}

/** A Messenger that shows screens in MemoryChats, through the bot's SendQueue like a real one. */
class MemoryMessenger implements Messenger {
  readonly platform = 'telegram' as const;
  readonly textLimit = 4096;

  constructor(
    private readonly chats: MemoryChats,
    private readonly queue: SendQueue,
  ) {}

  send(chatId: string, screen: Screen): Promise<string> {
    return this.queue.enqueue({ id: chatId }, async () => this.chats.show(chatId, screen).id);
  }

  sendPhoto(chatId: string, photo: Photo, caption: Screen): Promise<string> {
    return this.queue.enqueue(
      { id: chatId },
      async () => this.chats.show(chatId, caption, photo.png).id,
    );
  }

  edit(chatId: string, messageId: string, screen: Screen): Promise<void> {
    return this.queue.enqueue({ id: chatId }, async () =>
      this.chats.edit(chatId, messageId, screen),
    );
  }

  async answerCallback(callbackId: string, text?: string): Promise<void> {
    if (this.chats.answers.has(callbackId)) throw new Error(`${callbackId} answered twice`);
    this.chats.answers.set(callbackId, text);
  }

  async typing(chatId: string): Promise<void> {
    this.chats.typing.push(chatId);
  }

  async deleteMessage(_chatId: string, messageId: string): Promise<void> {
    this.chats.deleted.push(messageId);
  }
}

/**
 * The shared bot (createBot: core, relay, send queue) with an in-memory messenger, against the
 * real API. Each update resolves once the bot has handled it.
 */
export class MemoryBot {
  readonly chats = new MemoryChats();
  private bot: RunningBot | null = null;
  private onUpdate: ((incoming: Incoming) => Promise<void>) | null = null;
  private nextCallback = 1;

  constructor(private readonly app: TestApp) {}

  async start(): Promise<void> {
    const adapter: BotAdapter = {
      limits: FAST_LIMITS,
      classify: () => 'fatal',
      messenger: (queue) => new MemoryMessenger(this.chats, queue),
      init: async () => {},
      start: async (onUpdate) => {
        this.onUpdate = onUpdate;
      },
      stop: async () => {
        this.onUpdate = null;
      },
    };
    this.bot = await createBot(adapter, {
      api: new ApiClient(this.app.graphqlUrl, TEST_SERVICE_KEY),
      logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
      limits: FAST_LIMITS,
      progressEveryMs: 200,
    });
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    await this.bot?.stop();
    this.bot = null;
  }

  update(incoming: Incoming): Promise<void> {
    if (!this.onUpdate) throw new Error('the bot is not running');
    return this.onUpdate(incoming);
  }

  /** A fresh callback id for a press. */
  callbackId(): string {
    return `cb${this.nextCallback++}`;
  }

  waitFor<T>(predicate: () => T, timeoutMs = 10_000): Promise<Truthy<T>> {
    return pollUntil(
      predicate,
      timeoutMs,
      () => false,
      () => `waitFor timed out (${timeoutMs} ms)`,
    );
  }
}
