import { packCallback } from '../shared/features/registry.js';
import type { Messenger, Photo } from '../shared/messenger.js';
import type { SendQueue } from '../shared/outbound/send-queue.js';
import type { Screen } from '../shared/screen.js';
import type { WebHub } from './web-hub.js';
import type { ShownScreen } from './web-protocol.js';

/** No page is open on the chat: the send fails, so a notification stays unacknowledged. */
export class NoOpenPageError extends Error {
  constructor(chatId: string) {
    super(`no web page is open on chat ${chatId}`);
    this.name = 'NoOpenPageError';
  }
}

export const toShown = (screen: Screen): Omit<ShownScreen, 'id'> => ({
  html: screen.html,
  buttons: screen.buttons.map((row) =>
    row.map((button) =>
      'callback' in button
        ? { label: button.label, data: packCallback(button.callback) }
        : { label: button.label, url: 'url' in button ? button.url : button.webApp },
    ),
  ),
});

/** The shared core's Messenger for the web client: screens go to the pages open on the chat. */
export class WebMessenger implements Messenger {
  readonly platform = 'web' as const;
  /** A page has no message limit; long answers are still split like in a messenger. */
  readonly textLimit = 8000;

  constructor(
    private readonly hub: WebHub,
    private readonly queue: SendQueue,
  ) {}

  send(chatId: string, screen: Screen): Promise<string> {
    return this.queue.enqueue({ id: chatId }, async () => {
      if (!this.hub.isOpen(chatId)) throw new NoOpenPageError(chatId);
      return this.hub.show(chatId, toShown(screen));
    });
  }

  /** The page shows the PNG inline (a data: URL, so it needs no second request). */
  sendPhoto(chatId: string, photo: Photo, caption: Screen): Promise<string> {
    return this.queue.enqueue({ id: chatId }, async () => {
      if (!this.hub.isOpen(chatId)) throw new NoOpenPageError(chatId);
      const image = `data:image/png;base64,${photo.png.toString('base64')}`;
      return this.hub.show(chatId, { ...toShown(caption), image });
    });
  }

  edit(chatId: string, messageId: string, screen: Screen): Promise<void> {
    return this.queue.enqueue({ id: chatId }, async () =>
      this.hub.edit(chatId, messageId, toShown(screen)),
    );
  }

  /** Callback ids are "chatId:n" (web-client.ts), so a toast finds its page. */
  async answerCallback(callbackId: string, text?: string): Promise<void> {
    if (text)
      this.hub.emit(callbackId.slice(0, callbackId.lastIndexOf(':')), { type: 'toast', text });
  }

  async typing(chatId: string): Promise<void> {
    this.hub.emit(chatId, { type: 'typing' });
  }
}
