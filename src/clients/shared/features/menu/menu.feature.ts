import type { Feature } from '../feature.js';
import type { Turn } from '../../turn.js';
import { CreateWebSignInLinkDocument } from '../../gql/graphql.js';
import { helpScreen, mainMenu, notice, webLinkScreen } from './menu.views.js';
import { onboardingButtons, onboardingScreen, type OnboardingCallback } from './onboarding.js';

export type MenuCallback = { a: 'menu' } | { a: 'help' } | { a: 'web' } | OnboardingCallback;

const showMenu = async (turn: Turn) => turn.show(mainMenu(turn.t, turn.timezone, turn.messenger));
const showHelp = async (turn: Turn) => turn.show(helpScreen(turn.t));

/** /web and the menu's button where no mini app opens: a one-time sign-in link. */
async function sendWebLink(turn: Turn) {
  const { createWebSignInLink: link } = await turn.api(CreateWebSignInLinkDocument, {});
  const minutes = Math.max(1, Math.round((Date.parse(link.expiresAt) - Date.now()) / 60_000));
  await turn.show(webLinkScreen(turn.t, link.url, minutes));
}

/**
 * The main menu, help, /start (which also forgets a dialog), /cancel and /web (a sign-in link;
 * also the menu's web button where the messenger opens no mini app).
 */
export const menuFeature: Feature<
  MenuCallback,
  never,
  'start' | 'menu' | 'help' | 'cancel' | 'web'
> = {
  commands: {
    async start(turn) {
      await turn.saveState({});
      const { t, lang, timezone } = turn;
      // Two messages: the greeting stays; the menu below it is the one screens edit.
      await turn.send(onboardingScreen(t, lang, turn.incoming.user.name, timezone));
      await turn.send(mainMenu(t, timezone, turn.messenger));
    },
    menu: showMenu,
    help: showHelp,
    web: sendWebLink,
    async cancel(turn) {
      const { t } = turn;
      if (!turn.state.dialog) return turn.show(notice(t, t.nothingToCancel));
      await turn.saveState({ ...turn.state, dialog: undefined });
      await turn.show(notice(t, t.cancelled));
    },
  },
  buttons: {
    menu: { code: 'm', fields: {}, press: showMenu },
    help: { code: 'h', fields: {}, press: showHelp },
    web: { code: 'bw', fields: {}, press: sendWebLink },
    ...onboardingButtons,
  },
  dialogs: {},
};
