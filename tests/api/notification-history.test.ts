import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  DeliveryChannel,
  Notification,
  NotificationKind,
  NotificationStatus,
} from '../../src/entities/index.js';
import { buildUser, type TestUser } from '../support/factories.js';
import { MoreANotificationHistoryPageDocument as HISTORY } from '../gql/graphql.js';
import { errorCode, executeOperation, executeOperationOk } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

/** Delivered notifications (so nothing offers them again), one minute apart, oldest first. */
async function delivered(user: TestUser, texts: string[]): Promise<void> {
  const start = Date.now() - 3_600_000;
  const repository = app.db.getRepository(Notification);
  for (const [index, text] of texts.entries()) {
    const at = new Date(start + index * 60_000);
    await repository.save(
      repository.create({
        userId: user.id,
        channel: DeliveryChannel.TELEGRAM,
        target: user.platformUserId,
        kind: NotificationKind.REMINDER,
        text,
        payload: { actions: [], refs: {} },
        status: NotificationStatus.DELIVERED,
        idempotencyKey: `page-test:${user.id}:${index}`,
        occurrenceAt: at,
        availableAt: at,
        deliveredAt: at,
        createdAt: at,
      }),
    );
  }
}

describe('notificationHistory, a generic page', () => {
  it('pages newest first with hasMore and nextOffset, and only the caller’s own', async () => {
    const user = await buildUser(app);
    await delivered(user, ['first', 'second', 'third']);
    await delivered(await buildUser(app), ['someone else’s']);

    const first = await executeOperationOk(app, HISTORY, { limit: 2 }, user);
    expect(first.notificationHistory).toEqual({
      items: [{ text: 'third' }, { text: 'second' }],
      hasMore: true,
      nextOffset: 2,
    });
    const last = await executeOperationOk(app, HISTORY, { offset: 2, limit: 2 }, user);
    expect(last.notificationHistory).toEqual({
      items: [{ text: 'first' }],
      hasMore: false,
      nextOffset: null,
    });
  });

  it('rejects a page size above the maximum, or below one, with BAD_USER_INPUT', async () => {
    const user = await buildUser(app);
    for (const limit of [101, 0]) {
      const result = await executeOperation(app, HISTORY, { limit }, user);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
    }
    const negative = await executeOperation(app, HISTORY, { offset: -1 }, user);
    expect(errorCode(negative)).toBe('BAD_USER_INPUT');
  });
});
