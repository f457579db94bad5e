/**
 * What the API needs of the web client's chats (src/clients/web/web-hub.ts, in the api
 * process) to serve the `webChat` subscription: the screens the shared bot core rendered,
 * the same ones Telegram and MAX show.
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

/** What a page open on a chat receives. */
export type WebEvent =
  | { type: 'history'; messages: ShownScreen[] }
  | { type: 'message'; message: ShownScreen }
  | { type: 'toast'; text: string }
  | { type: 'typing' };

export interface WebChatFeed {
  /** Opens a page on a chat: it gets the recent messages now, then every change, until closed. */
  listen(chatId: string, listener: (event: WebEvent) => void): () => void;
}
