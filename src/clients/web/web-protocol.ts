/**
 * What the web client's server side and its page exchange (no GraphQL: this is the chat the
 * shared bot core renders, the same screens Telegram and MAX show).
 */

/** A button as the page shows it: a packed callback to post back, or a link. */
export type WebButton = { label: string; data: string } | { label: string; url: string };

/** One message in the chat: HTML from the shared views (the bots' safe subset) and buttons. */
export interface ShownScreen {
  id: string;
  html: string;
  buttons: WebButton[][];
  /** A picture above the text (a habit heatmap, a goal chart), as a data: URL. */
  image?: string;
}

/** Server → page, over Server-Sent Events. */
export type WebEvent =
  | { type: 'history'; messages: ShownScreen[] }
  | { type: 'message'; message: ShownScreen }
  | { type: 'toast'; text: string }
  | { type: 'typing' };

/** Page → server: what a person does in the chat. */
export type WebInput =
  { kind: 'text'; text: string } | { kind: 'callback'; data: string; messageId: string };
