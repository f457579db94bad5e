import { DateTime } from 'luxon';
import type {
  AdminStatsQuery,
  AdminUserFieldsFragment,
  BroadcastFieldsFragment,
} from '../../gql/graphql.js';
import { markup } from '../../html.js';
import { button, screen, type Screen } from '../../screen.js';
import type { Texts } from '../../texts.js';

/** Who a broadcast goes to, as its buttons carry it. */
export const AUDIENCES = { all: null, ru: 'RU', en: 'EN' } as const;
export type Audience = keyof typeof AUDIENCES;

const backRow = (t: Texts) => [button(t.adminBack, { a: 'admin' })];

/** /admin: the service at a glance, and the operator's tools. */
export function adminScreen(t: Texts, stats: AdminStatsQuery['adminStats']): Screen {
  const counts = Object.fromEntries(
    Object.entries(stats).filter(([, value]) => typeof value === 'number'),
  ) as Record<string, number>;
  return screen(markup`${t.adminStats(counts)}`, [
    [button(t.adminRefresh, { a: 'admin' })],
    [button(t.adminFind, { a: 'adminFind' }), button(t.adminBroadcast, { a: 'adminCompose' })],
  ]);
}

const nameOf = (t: Texts, user: AdminUserFieldsFragment) => user.displayName ?? t.adminNoName;
const identities = (user: AdminUserFieldsFragment) =>
  user.accounts.map((a) => `${a.platform.toLowerCase()}:${a.platformUserId}`).join(', ') || '—';

/** A user as support sees them, with block or unblock. */
export function userCard(t: Texts, user: AdminUserFieldsFragment, timezone: string): Screen {
  const when = (iso: string | null) =>
    iso ? DateTime.fromISO(iso, { zone: timezone }).toFormat('dd.MM.yyyy HH:mm') : t.adminNever;
  const text = t.adminUserCard({
    name: nameOf(t, user),
    accounts: identities(user),
    language: user.language.toLowerCase(),
    created: when(user.createdAt),
    lastActive: when(user.lastActiveAt),
    goals: user.goals,
    events: user.events,
    blocked: user.blockedAt !== null,
  });
  const action = user.blockedAt
    ? button(t.adminUnblock, { a: 'adminUnblock', userId: user.id })
    : button(t.adminBlock, { a: 'adminBlock', userId: user.id });
  return screen(markup`${text}`, [[action], backRow(t)]);
}

/** Several users matched: one button each. */
export function userChoice(t: Texts, query: string, users: AdminUserFieldsFragment[]): Screen {
  return screen(markup`${t.adminSeveral(query)}`, [
    ...users.map((user) => [
      button(`${nameOf(t, user)} · ${identities(user)}`.slice(0, 60), {
        a: 'adminUser',
        userId: user.id,
      }),
    ]),
    backRow(t),
  ]);
}

export function confirmBlock(t: Texts, user: AdminUserFieldsFragment): Screen {
  return screen(markup`${t.adminConfirmBlock(nameOf(t, user))}`, [
    [
      button(t.adminBlockYes, { a: 'adminBlockYes', userId: user.id }),
      button(t.adminCancel, { a: 'adminUser', userId: user.id }),
    ],
  ]);
}

/** The text written; the operator picks whom it goes to. */
export function audienceChoice(t: Texts, text: string): Screen {
  const n = text.length;
  return screen(markup`${t.adminAudience(text)}`, [
    [
      button(t.adminToAll, { a: 'adminAudience', audience: 'all', n }),
      button(t.adminToRu, { a: 'adminAudience', audience: 'ru', n }),
      button(t.adminToEn, { a: 'adminAudience', audience: 'en', n }),
    ],
    [button(t.adminCancel, { a: 'adminDrop' })],
  ]);
}

/** The last look before sending: the text, whom to, how many. */
export function broadcastPreview(
  t: Texts,
  text: string,
  audience: Audience,
  count: number,
): Screen {
  if (count === 0) {
    return screen(markup`${t.adminNoRecipients}`, [[button(t.adminCancel, { a: 'adminDrop' })]]);
  }
  const body = markup`${t.adminPreview(text, t.adminAudienceName[audience], count)}`;
  return screen(body, [
    [
      button(t.adminConfirm, { a: 'adminSend', audience, n: text.length }),
      button(t.adminCancel, { a: 'adminDrop' }),
    ],
  ]);
}

const BAR_CELLS = 10;

/** "▓▓▓░░░░░░░": how much of the total is handled (delivered or failed). */
export function progressBar(done: number, total: number): string {
  const full = total > 0 ? Math.min(BAR_CELLS, Math.floor((done / total) * BAR_CELLS)) : BAR_CELLS;
  return '▓'.repeat(full) + '░'.repeat(BAR_CELLS - full);
}

/** Running: handled and total; cancelled; done: nothing is left to deliver. */
export function broadcastState(progress: BroadcastFieldsFragment) {
  const { broadcast, delivered, failed } = progress;
  if (broadcast.status === 'CANCELLED') return 'cancelled';
  return broadcast.status === 'DONE' && delivered + failed >= broadcast.written
    ? 'done'
    : 'running';
}

/** The live progress message: a bar while it runs (with stop), the outcome at the end. */
export function progressScreen(t: Texts, progress: BroadcastFieldsFragment): Screen {
  const { broadcast, delivered, failed } = progress;
  const lines = {
    bar: progressBar(delivered + failed, broadcast.total),
    sent: delivered,
    failed,
    total: broadcast.total,
  };
  const state = broadcastState(progress);
  if (state === 'cancelled') return screen(markup`${t.adminCancelled(lines)}`, [backRow(t)]);
  if (state === 'done') return screen(markup`${t.adminDone(lines)}`, [backRow(t)]);
  const id = broadcast.id;
  return screen(markup`${t.adminProgress(lines)}`, [
    [
      button(t.adminRefreshProgress, { a: 'adminProgress', broadcastId: id }),
      button(t.adminStopBroadcast, { a: 'adminStop', broadcastId: id }),
    ],
  ]);
}
