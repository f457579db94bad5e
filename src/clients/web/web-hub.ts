import type { WebChatFeed } from '../../graphql/web-chat-feed.js';
import type { ShownScreen, WebEvent } from './web-protocol.js';

/** A page listening to its chat (its `webChat` subscription). */
export type Listener = (event: WebEvent) => void;

const HISTORY = 50;

/**
 * The web client's chats, in this process: what each user's chat shows (the last messages,
 * so a reload shows them again) and the pages open on it. A chat is a user's web account.
 * Pages are served by this process's `webChat` subscriptions: behind a load balancer, a
 * page's socket and its POSTs must reach the same API process (sticky sessions).
 */
export class WebHub implements WebChatFeed {
  private readonly chats = new Map<string, { messages: ShownScreen[]; listeners: Set<Listener> }>();
  /**
   * Ids go on from the time this process started: a page that outlived a restart keeps its
   * messages, and a new one never takes (edits) an old one's id.
   */
  private nextId = Date.now();

  private chat(chatId: string) {
    let chat = this.chats.get(chatId);
    if (!chat) {
      chat = { messages: [], listeners: new Set() };
      this.chats.set(chatId, chat);
    }
    return chat;
  }

  /** Opens a page on a chat: it gets the recent messages now, then every change. */
  listen(chatId: string, listener: Listener): () => void {
    const chat = this.chat(chatId);
    chat.listeners.add(listener);
    listener({ type: 'history', messages: chat.messages });
    return () => chat.listeners.delete(listener);
  }

  isOpen(chatId: string): boolean {
    return (this.chats.get(chatId)?.listeners.size ?? 0) > 0;
  }

  show(chatId: string, screen: Omit<ShownScreen, 'id'>): string {
    const shown = { ...screen, id: String(this.nextId++) };
    const chat = this.chat(chatId);
    chat.messages.push(shown);
    if (chat.messages.length > HISTORY) chat.messages.shift();
    this.emit(chatId, { type: 'message', message: shown });
    return shown.id;
  }

  edit(chatId: string, id: string, screen: Omit<ShownScreen, 'id'>): void {
    const chat = this.chat(chatId);
    const shown = { ...screen, id };
    const index = chat.messages.findIndex((message) => message.id === id);
    if (index >= 0) chat.messages[index] = shown;
    this.emit(chatId, { type: 'message', message: shown });
  }

  find(chatId: string, id: string): ShownScreen | undefined {
    return this.chats.get(chatId)?.messages.find((message) => message.id === id);
  }

  emit(chatId: string, event: WebEvent): void {
    for (const listener of this.chats.get(chatId)?.listeners ?? []) listener(event);
  }
}
