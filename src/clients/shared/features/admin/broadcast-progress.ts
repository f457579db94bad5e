import { BroadcastStatusDocument } from '../../gql/graphql.js';
import type { Turn } from '../../turn.js';
import { broadcastState, progressScreen } from './admin.views.js';

/** Looks (every `background.everyMs`) without a change this many times → stops watching. */
const STALLED_LOOKS = 100;
/** Failed looks in a row (the API away) → stops; the message's Refresh button still works. */
const FAILED_LOOKS = 5;

/**
 * Keeps a broadcast's progress message live: polls its status and edits the message only when
 * what it shows changed (a look every few seconds stays within the messengers' edit limits),
 * until the broadcast is done or cancelled.
 */
export function watchProgress(turn: Turn, broadcastId: string, messageId: string, shown: string) {
  turn.background.run('broadcast progress', async (wait) => {
    let html = shown;
    let unchanged = 0;
    let failed = 0;
    while (await wait()) {
      let progress;
      try {
        ({ broadcast: progress } = await turn.api(BroadcastStatusDocument, { id: broadcastId }));
        failed = 0;
      } catch (error) {
        if ((failed += 1) >= FAILED_LOOKS) throw error;
        continue;
      }
      const view = progressScreen(turn.t, progress);
      if (view.html === html) unchanged += 1;
      else {
        unchanged = 0;
        html = view.html;
        await turn.messenger.edit(turn.chatId, messageId, view);
      }
      if (broadcastState(progress) !== 'running' || unchanged >= STALLED_LOOKS) return;
    }
  });
}
