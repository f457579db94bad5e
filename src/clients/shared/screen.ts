import type { Callback } from './callback-data.js';

/**
 * A button: a callback handled by the bot, a link, or the web client opened as the
 * messenger's mini app (only where the Messenger has a `webAppUrl`).
 */
export type Button =
  | { label: string; callback: Callback }
  | { label: string; url: string }
  | { label: string; webApp: string };

/** What a bot shows: HTML text (see html.ts) and rows of inline buttons. */
export interface Screen {
  html: string;
  buttons: Button[][];
}

export const screen = (html: string, buttons: Button[][] = []): Screen => ({ html, buttons });

export const button = (label: string, callback: Callback): Button => ({ label, callback });
