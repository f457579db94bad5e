import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { expect } from '@jest/globals';
import { parseCommand, type Incoming } from '../../src/clients/shared/messenger.js';
import { asBot, executeOperationOk } from './graphql-client.js';
import type { MemoryBot, ShownMessage } from './memory-bot.js';
import type { TestApp } from './test-app.js';

/** An update without its chat and user (the test user adds them). */
export type Update = Incoming extends infer I
  ? I extends unknown
    ? Omit<I, 'chatId' | 'user'>
    : never
  : never;

let nextUserId = 7_000_000 + Math.floor(Math.random() * 1_000_000);

export const labels = (message: ShownMessage) => message.buttons.flat().map((b) => b.label);

/**
 * A messenger user talking to an in-memory bot (MemoryBot); every call resolves once the bot
 * has handled it.
 */
export function newBotUser(
  app: TestApp,
  bot: MemoryBot,
  languageCode = 'ru',
  id = String((nextUserId += 1)),
) {
  const base = { chatId: id, user: { id, name: `Tester${id}`, languageCode } };
  const messages = () => bot.chats.inChat(id);
  const user = {
    ...base.user,
    messages,
    last: () => messages().at(-1)!,
    /** What the chat shows now of a message seen before. */
    now: (message: ShownMessage) => messages().find((m) => m.id === message.id)!,
    /** A generated operation (tests/operations/*.graphql) as this user. */
    op: <TData, TVariables>(
      document: TypedDocumentNode<TData, TVariables>,
      variables: TVariables,
    ) => executeOperationOk(app, document, variables, asBot('telegram', id)),
    update: (incoming: Update) => bot.update({ ...base, ...incoming } as Incoming),
    /** Sends a text (a command when it starts with "/") and returns the bot's last message. */
    async say(text: string): Promise<ShownMessage> {
      const command = parseCommand(text);
      await user.update(command ? { kind: 'command', ...command } : { kind: 'text', text });
      return user.last();
    },
    /** Presses a button by its data; returns the toast the press was answered with. */
    async pressData(message: ShownMessage, data: string): Promise<string | undefined> {
      const callbackId = bot.callbackId();
      const shown = user.now(message) ?? message;
      await user.update({
        kind: 'callback',
        callbackId,
        data,
        messageId: message.id,
        messageText: shown.text,
        messageButtons: shown.buttons,
      });
      expect(bot.chats.answers.has(callbackId)).toBe(true); // every press is answered
      return bot.chats.answers.get(callbackId);
    },
    /** The data of the button whose label matches; fails loudly when there is none. */
    dataOf(message: ShownMessage, label: RegExp): string {
      const shown = user.now(message) ?? message;
      const button = shown.buttons.flat().find((b) => label.test(b.label));
      if (!button?.data) {
        throw new Error(`No button ${label} in: ${labels(shown).join(' | ')}`);
      }
      return button.data;
    },
    /** Presses the button whose label matches. */
    press(message: ShownMessage, label: RegExp): Promise<string | undefined> {
      return user.pressData(message, user.dataOf(message, label));
    },
  };
  return user;
}

export type BotUser = ReturnType<typeof newBotUser>;
