/**
 * What the web client's server side and its page exchange: the chat the shared bot core
 * renders (the same screens Telegram and MAX show) goes to the page over the `webChat`
 * subscription (src/graphql/web-chat-feed.ts); what the person does comes back as a POST.
 */
export type { ShownScreen, WebButton, WebEvent } from '../../graphql/web-chat-feed.js';

/** Page → server: what a person does in the chat. */
export type WebInput =
  { kind: 'text'; text: string } | { kind: 'callback'; data: string; messageId: string };
