import { ApiError } from '../../api-client.js';
import { keyOf, nonNegativeInt, uuid, type Field } from '../../callback-data.js';
import { beginDialog, endDialog } from '../../dialog.js';
import {
  AdminStatsDocument,
  AdminUserCardDocument,
  AdminUsersDocument,
  BlockUserDocument,
  BroadcastAudienceDocument,
  BroadcastStatusDocument,
  CancelBroadcastDocument,
  StartBroadcastDocument,
  UnblockUserDocument,
} from '../../gql/graphql.js';
import { markup } from '../../html.js';
import { screen, type Screen } from '../../screen.js';
import type { Turn } from '../../turn.js';
import type { ButtonSpec, CallbackShape, DialogOutcome, Dialogs, Feature } from '../feature.js';
import { helpScreen, mainMenu } from '../menu/menu.views.js';
import { watchProgress } from './broadcast-progress.js';
import {
  adminScreen,
  AUDIENCES,
  audienceChoice,
  broadcastPreview,
  confirmBlock,
  progressScreen,
  userCard,
  userChoice,
  type Audience,
} from './admin.views.js';

export type AdminCallback =
  | { a: 'admin' }
  | { a: 'adminFind' }
  | { a: 'adminUser'; userId: string }
  | { a: 'adminBlock'; userId: string }
  | { a: 'adminBlockYes'; userId: string }
  | { a: 'adminUnblock'; userId: string }
  | { a: 'adminCompose' }
  /** `n`: the draft's length, so a button of an older draft does not send a newer text. */
  | { a: 'adminAudience'; audience: Audience; n: number }
  | { a: 'adminSend'; audience: Audience; n: number }
  | { a: 'adminDrop' }
  | { a: 'adminProgress'; broadcastId: string }
  | { a: 'adminStop'; broadcastId: string };

export type AdminDialog =
  { kind: 'adminFind' } | { kind: 'adminBroadcast' } | { kind: 'adminDraft'; text: string };

/** The API refused an operator operation: the caller is not (or no longer) an operator. */
const notOperator = (error: unknown) =>
  error instanceof ApiError && error.code === 'FORBIDDEN' && error.extensions.reason !== 'BLOCKED';

/**
 * Anyone but an operator is answered as if the admin screens did not exist: /admin as an
 * unknown command, a button as an outdated one.
 */
async function asIfUnknown(turn: Turn): Promise<void> {
  if (turn.incoming.kind !== 'callback') return turn.show(helpScreen(turn.t));
  await turn.answer(turn.t.outdatedButton);
  await turn.send(mainMenu(turn.t, turn.timezone, turn.messenger, turn.t.outdatedWithMenu));
}

/** Runs `handle` for operators only (checked by the bot and again by the API). */
function operatorsOnly<A extends unknown[]>(handle: (turn: Turn, ...args: A) => Promise<void>) {
  return async (turn: Turn, ...args: A): Promise<void> => {
    if (!turn.operator) return asIfUnknown(turn);
    try {
      await handle(turn, ...args);
    } catch (error) {
      if (notOperator(error)) return asIfUnknown(turn);
      throw error;
    }
  };
}

async function statsScreen(turn: Turn): Promise<Screen> {
  const { adminStats } = await turn.api(AdminStatsDocument, {});
  return adminScreen(turn.t, adminStats);
}

async function cardOf(turn: Turn, userId: string): Promise<Screen> {
  const { adminUser } = await turn.api(AdminUserCardDocument, { query: userId });
  if (!adminUser) return screen(markup`${turn.t.adminNobody(userId)}`);
  return userCard(turn.t, adminUser, turn.timezone);
}

/** The draft of a broadcast the operator is writing, if `n` (its length) matches. */
function draftOf(turn: Turn, n: number): string | null {
  const dialog = turn.state.dialog;
  return dialog?.kind === 'adminDraft' && dialog.text.length === n ? dialog.text : null;
}

/** A text written: keep it as the draft and ask whom it goes to. */
const draft = (turn: Turn, text: string): DialogOutcome => ({
  screen: audienceChoice(turn.t, text),
  continueWith: { kind: 'adminDraft', text },
});

const text: Field<string> = (raw) => (raw.trim() ? raw : undefined);

const dialogs: Dialogs<AdminDialog> = {
  adminFind: {
    prompt: (t) => t.adminAskUser,
    fields: {},
    async answer(turn, _dialog, query) {
      if (!turn.operator) return helpScreen(turn.t);
      const { adminUsers } = await turn.api(AdminUsersDocument, { query });
      const [only] = adminUsers;
      if (!only)
        return { retry: `${turn.t.adminNobody(query)} ${turn.t.adminAskUser}`, keep: true };
      if (adminUsers.length > 1) return userChoice(turn.t, query, adminUsers);
      return userCard(turn.t, only, turn.timezone);
    },
  },
  adminBroadcast: {
    prompt: (t) => t.adminAskBroadcast,
    fields: {},
    answer: async (turn, _dialog, message) =>
      turn.operator ? draft(turn, message) : helpScreen(turn.t),
  },
  adminDraft: {
    prompt: (t) => t.adminAskBroadcast,
    fields: { text },
    answer: async (turn, _dialog, message) =>
      turn.operator ? draft(turn, message) : helpScreen(turn.t),
  },
};

const userButton = (
  code: string,
  press: (turn: Turn, userId: string) => Promise<void>,
): ButtonSpec<CallbackShape & { userId: string }> => ({
  code,
  fields: { userId: uuid },
  press: operatorsOnly((turn, { userId }) => press(turn, userId)),
});

/** /admin: stats, user lookup, block and unblock, broadcasts (operators only). */
export const adminFeature: Feature<AdminCallback, AdminDialog, 'admin'> = {
  commands: {
    admin: operatorsOnly(async (turn) => turn.show(await statsScreen(turn))),
  },
  buttons: {
    admin: {
      code: 'am',
      fields: {},
      press: operatorsOnly(async (turn) => {
        await endDialog(turn);
        const stats = await statsScreen(turn);
        await turn.answer(turn.t.adminRefreshed);
        await turn.show(stats);
      }),
    },
    adminFind: {
      code: 'af',
      fields: {},
      press: operatorsOnly((turn) => beginDialog(turn, dialogs.adminFind, { kind: 'adminFind' })),
    },
    adminUser: userButton('au', async (turn, userId) => turn.show(await cardOf(turn, userId))),
    adminBlock: userButton('ab', async (turn, userId) => {
      const { adminUser } = await turn.api(AdminUserCardDocument, { query: userId });
      await turn.show(adminUser ? confirmBlock(turn.t, adminUser) : await cardOf(turn, userId));
    }),
    adminBlockYes: userButton('aby', async (turn, userId) => {
      const { blockUser } = await turn.api(BlockUserDocument, { userId });
      await turn.answer(turn.t.adminBlockedToast);
      await turn.show(userCard(turn.t, blockUser, turn.timezone));
    }),
    adminUnblock: userButton('aub', async (turn, userId) => {
      const { unblockUser } = await turn.api(UnblockUserDocument, { userId });
      await turn.answer(turn.t.adminUnblockedToast);
      await turn.show(userCard(turn.t, unblockUser, turn.timezone));
    }),
    adminCompose: {
      code: 'ac',
      fields: {},
      press: operatorsOnly((turn) =>
        beginDialog(turn, dialogs.adminBroadcast, { kind: 'adminBroadcast' }),
      ),
    },
    adminAudience: {
      code: 'aa',
      fields: { audience: keyOf(AUDIENCES), n: nonNegativeInt },
      press: operatorsOnly(async (turn, { audience, n }) => {
        const text = draftOf(turn, n);
        if (text === null) return turn.answer(turn.t.adminDraftGone);
        const language = AUDIENCES[audience];
        const { broadcastAudience } = await turn.api(BroadcastAudienceDocument, { language });
        await turn.show(broadcastPreview(turn.t, text, audience, broadcastAudience));
      }),
    },
    adminSend: {
      code: 'asd',
      fields: { audience: keyOf(AUDIENCES), n: nonNegativeInt },
      press: operatorsOnly(async (turn, { audience, n }) => {
        const text = draftOf(turn, n);
        // Pressed twice: the first press took the draft; the second finds nothing to send.
        if (text === null || turn.incoming.kind !== 'callback') {
          return turn.answer(turn.t.adminDraftGone);
        }
        await endDialog(turn);
        const { startBroadcast } = await turn.api(StartBroadcastDocument, {
          text,
          language: AUDIENCES[audience],
        });
        const shown = progressScreen(turn.t, startBroadcast);
        await turn.show(shown);
        watchProgress(turn, startBroadcast.broadcast.id, turn.incoming.messageId, shown.html);
      }),
    },
    adminDrop: {
      code: 'ad',
      fields: {},
      press: operatorsOnly(async (turn) => {
        await endDialog(turn);
        await turn.show(await statsScreen(turn));
      }),
    },
    adminProgress: {
      code: 'ap',
      fields: { broadcastId: uuid },
      press: operatorsOnly(async (turn, { broadcastId }) => {
        const { broadcast } = await turn.api(BroadcastStatusDocument, { id: broadcastId });
        await turn.show(progressScreen(turn.t, broadcast));
      }),
    },
    adminStop: {
      code: 'ak',
      fields: { broadcastId: uuid },
      press: operatorsOnly(async (turn, { broadcastId }) => {
        try {
          const { cancelBroadcast } = await turn.api(CancelBroadcastDocument, { id: broadcastId });
          await turn.show(progressScreen(turn.t, cancelBroadcast));
        } catch (error) {
          // Delivered already (CONFLICT): say so and show the outcome.
          if (!(error instanceof ApiError) || error.code !== 'CONFLICT') throw error;
          await turn.answer(turn.t.adminAlreadyDone);
          const { broadcast } = await turn.api(BroadcastStatusDocument, { id: broadcastId });
          await turn.show(progressScreen(turn.t, broadcast));
        }
      }),
    },
  },
  dialogs,
};
