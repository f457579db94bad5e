import type { Feature } from '../feature.js';
import type { Turn } from '../../turn.js';
import { helpScreen, mainMenu, notice } from './menu.views.js';

export type MenuCallback = { a: 'menu' } | { a: 'help' };

const showMenu = async (turn: Turn) => turn.show(mainMenu(turn.t, turn.timezone));
const showHelp = async (turn: Turn) => turn.show(helpScreen(turn.t));

/** The main menu, help, /start (which also forgets a dialog) and /cancel. */
export const menuFeature: Feature<MenuCallback, never, 'start' | 'menu' | 'help' | 'cancel'> = {
  commands: {
    async start(turn) {
      await turn.saveState({});
      await turn.show(mainMenu(turn.t, turn.timezone, turn.t.greeting(turn.incoming.user.name)));
    },
    menu: showMenu,
    help: showHelp,
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
  },
  dialogs: {},
};
