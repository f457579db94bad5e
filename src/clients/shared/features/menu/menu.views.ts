import { todayIn } from '../../format.js';
import { markup } from '../../html.js';
import type { Messenger } from '../../messenger.js';
import { button, screen, type Button, type Screen } from '../../screen.js';
import type { Texts } from '../../texts.js';

/**
 * The menu's way into the web client: the mini app itself where the messenger opens one
 * (Telegram at a public https address), else a button that sends a one-time sign-in link
 * (like /web); none in the web client itself.
 */
function webButton(t: Texts, messenger: MenuPlatform): Button[][] {
  if (messenger.platform === 'web') return [];
  if (messenger.webAppUrl) return [[{ label: t.menu.web, webApp: messenger.webAppUrl }]];
  return [[button(t.menu.web, { a: 'web' })]];
}

/** What the menu needs to know of the messenger it is shown in. */
export type MenuPlatform = Pick<Messenger, 'platform' | 'webAppUrl'>;

export function mainMenu(
  t: Texts,
  timezone: string,
  messenger: MenuPlatform,
  greeting?: string,
): Screen {
  const today = todayIn(timezone);
  const title = markup`<b>${t.menuTitle}</b>`;
  return screen(greeting ? `${markup`${greeting}`}\n\n${title}` : title, [
    [
      button(t.menu.goals, { a: 'goals', offset: 0 }),
      button(t.menu.calendar, { a: 'calendar', mode: 'w', date: today }),
    ],
    [button(t.menu.newGoal, { a: 'newGoal' }), button(t.menu.newEvent, { a: 'newEvent' })],
    [button(t.menu.today, { a: 'today' }), button(t.menu.habits, { a: 'habits', offset: 0 })],
    [button(t.menu.settings, { a: 'settings' }), button(t.menu.help, { a: 'help' })],
    ...webButton(t, messenger),
  ]);
}

export function helpScreen(t: Texts): Screen {
  return screen(t.help, [[button(t.toMenu, { a: 'menu' })]]);
}

/** A short message with a way back to the menu. */
export function notice(t: Texts, text: string): Screen {
  return screen(markup`${text}`, [[button(t.toMenu, { a: 'menu' })]]);
}

/** /web: the one-time link to the web client, as a link button. */
export function webLinkScreen(t: Texts, url: string, minutes: number): Screen {
  return screen(markup`${t.webLink(minutes)}`, [[{ label: t.webOpen, url }]]);
}
