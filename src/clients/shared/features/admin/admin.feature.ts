import { ApiError } from '../../api-client.js';
import { AdminStatsDocument } from '../../gql/graphql.js';
import { markup } from '../../html.js';
import { screen } from '../../screen.js';
import type { Turn } from '../../turn.js';
import { helpScreen } from '../menu/menu.views.js';
import { ADMIN_TEXTS } from './admin.texts.js';

/**
 * /admin: not a published command. For an operator (ADMIN_IDS) the service stats; for anyone
 * else the API answers FORBIDDEN and the bot gives its usual answer to an unknown command.
 */
export async function adminCommand(turn: Turn): Promise<void> {
  try {
    const { adminStats } = await turn.api(AdminStatsDocument, {});
    const counts = Object.fromEntries(
      Object.entries(adminStats).filter(([, value]) => typeof value === 'number'),
    ) as Record<string, number>;
    await turn.show(screen(markup`${ADMIN_TEXTS[turn.lang].adminStats(counts)}`));
  } catch (error) {
    if (error instanceof ApiError && error.code === 'FORBIDDEN') {
      await turn.show(helpScreen(turn.t));
      return;
    }
    throw error;
  }
}
