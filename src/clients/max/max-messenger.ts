import { MaxError, type Api } from '@maxhub/max-bot-api';
import type { Messenger, Photo } from '../shared/messenger.js';
import type { SendQueue } from '../shared/outbound/send-queue.js';
import type { Screen } from '../shared/screen.js';
import { cannotEdit, keyboardOf, MAX_TEXT_LIMIT } from './max-api.js';

const NOT_READY_ATTEMPTS = 5;
const NOT_READY_PAUSE_MS = 1000;
const notReady = (error: unknown) =>
  error instanceof MaxError && /attachment\.not\.ready/i.test(error.code ?? '');

/** Presses remembered until answered; a bound, in case an answer is never given. */
const PRESSES_KEPT = 1000;

/**
 * Shared screens as MAX messages (format 'html', inline keyboards, edits in place). Every call
 * goes through the SendQueue, bound to its chat: the library neither limits nor retries.
 */
export class MaxMessenger implements Messenger {
  readonly platform = 'max' as const;
  readonly textLimit = MAX_TEXT_LIMIT;
  /** callback_id → chat: MAX counts answers against the chat's limit, but answers name no chat. */
  private readonly presses = new Map<string, string>();

  constructor(
    private readonly api: Api,
    private readonly queue: SendQueue,
  ) {}

  /** Called for each incoming button press, so its answer is queued in its chat. */
  pressed(callbackId: string, chatId: string): void {
    this.presses.set(callbackId, chatId);
    if (this.presses.size > PRESSES_KEPT) this.presses.delete(this.presses.keys().next().value!);
  }

  async send(chatId: string, screen: Screen): Promise<string> {
    const keyboard = keyboardOf(screen.buttons);
    const message = await this.queue.enqueue({ id: chatId }, () =>
      this.api.sendMessageToChat(Number(chatId), screen.html, {
        format: 'html',
        disable_link_preview: true,
        ...(keyboard && { attachments: [keyboard] }),
      }),
    );
    return message.body.mid;
  }

  /**
   * Uploads the PNG (POST /uploads, then the file to the URL it names) and sends it as an
   * image attachment with the caption and buttons. MAX may still be processing a fresh
   * upload ("attachment.not.ready"): the send is tried again a few times, a second apart.
   */
  async sendPhoto(chatId: string, photo: Photo, caption: Screen): Promise<string> {
    const image = await this.queue.enqueue(null, () => this.api.uploadImage({ source: photo.png }));
    const keyboard = keyboardOf(caption.buttons);
    for (let attempt = 1; ; attempt++) {
      try {
        const message = await this.queue.enqueue({ id: chatId }, () =>
          this.api.sendMessageToChat(Number(chatId), caption.html, {
            format: 'html',
            attachments: [image.toJson(), ...(keyboard ? [keyboard] : [])],
          }),
        );
        return message.body.mid;
      } catch (error) {
        if (!notReady(error) || attempt >= NOT_READY_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, NOT_READY_PAUSE_MS));
      }
    }
  }

  async edit(chatId: string, messageId: string, screen: Screen): Promise<void> {
    const keyboard = keyboardOf(screen.buttons);
    try {
      const result = await this.queue.enqueue({ id: chatId }, () =>
        // An empty list removes the buttons (leaving attachments out would keep them).
        this.api.editMessage(messageId, {
          text: screen.html,
          format: 'html',
          attachments: keyboard ? [keyboard] : [],
        }),
      );
      if (result.success) return;
    } catch (error) {
      if (!cannotEdit(error)) throw error;
    }
    // Deleted, too old, or refused: show it as a new message instead.
    await this.send(chatId, screen);
  }

  async answerCallback(callbackId: string, text?: string): Promise<void> {
    const chatId = this.presses.get(callbackId);
    this.presses.delete(callbackId);
    // `notification` is MAX's toast; the library's type lists only `message`.
    const body = (text ? { notification: text } : {}) as { message?: undefined };
    await this.queue.enqueue(chatId ? { id: chatId } : null, () =>
      this.api.answerOnCallback(callbackId, body),
    );
  }

  async typing(chatId: string): Promise<void> {
    await this.queue.enqueue({ id: chatId, exempt: true }, () =>
      this.api.sendAction(Number(chatId), 'typing_on'),
    );
  }

  /** Best effort: a message MAX no longer lets the bot delete stays as it is. */
  async deleteMessage(chatId: string, messageId: string): Promise<void> {
    await this.queue
      .enqueue({ id: chatId }, () => this.api.deleteMessage(messageId))
      .catch(() => undefined);
  }
}
