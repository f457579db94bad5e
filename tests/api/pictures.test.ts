import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CheckInStatus } from '../../src/entities/index.js';
import { addDays, habitDayOf } from '../../src/services/habits/local-date.js';
import { PictureKind, PictureUrlSigner } from '../../src/services/pictures/picture-urls.js';
import { GoalProgressChartDocument, HabitHeatmapDocument } from '../gql/graphql.js';
import { seedGoal, seedHabit, seedUser, type TestUser } from '../support/factories.js';
import { errorCode, executeOperation, executeOperationOk } from '../support/graphql-client.js';
import { startTestApp, TEST_SERVICE_KEY, type TestApp } from '../support/test-app.js';

const TZ = 'Europe/Moscow';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
let app: TestApp;
let alice: TestUser;
let bob: TestUser;
let habitId: string;

beforeAll(async () => {
  app = await startTestApp();
  alice = await seedUser(app, { timezone: TZ });
  bob = await seedUser(app, { timezone: TZ });
  const today = habitDayOf(new Date(), TZ, '00:00');
  habitId = await seedHabit(app, alice, {
    title: 'Зарядка',
    startedOn: addDays(today, -20),
    checkIns: {
      [addDays(today, -3)]: CheckInStatus.DONE,
      [addDays(today, -2)]: CheckInStatus.MISSED,
      [addDays(today, -1)]: CheckInStatus.SKIPPED,
    },
  });
});
afterAll(() => app.stop());

const fetchPicture = (url: string) => fetch(new URL(url, app.url));

describe('pictures', () => {
  it("a habit's heatmap: a signed URL the owner gets, then a PNG without credentials", async () => {
    const data = await executeOperationOk(app, HabitHeatmapDocument, { habitId }, alice);
    const { url, expiresAt } = data.habitHeatmap;
    expect(url).toMatch(new RegExp(`^/pictures/habit-heatmap/${habitId}\\.png\\?`));
    const ttl = new Date(expiresAt).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(200_000);
    expect(ttl).toBeLessThanOrEqual(300_000);
    const response = await fetchPicture(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await response.arrayBuffer());
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    // IHDR: width and height, big-endian, right after the signature and chunk header.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([720, 320]);
  });

  it("a goal's progress chart, the same way", async () => {
    const goal = await seedGoal(app, alice, { title: 'Испанский', steps: ['Урок 1', 'Урок 2'] });
    const data = await executeOperationOk(
      app,
      GoalProgressChartDocument,
      { goalId: goal.id },
      alice,
    );
    const response = await fetchPicture(data.goalProgressChart.url);
    expect(response.status).toBe(200);
    const png = Buffer.from(await response.arrayBuffer());
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([720, 360]);
  });

  it("another user's habit or goal is NOT_FOUND, as one that does not exist", async () => {
    const goal = await seedGoal(app, alice, { title: 'Её цель' });
    const heatmap = await executeOperation(app, HabitHeatmapDocument, { habitId }, bob);
    expect(errorCode(heatmap)).toBe('NOT_FOUND');
    const chart = await executeOperation(app, GoalProgressChartDocument, { goalId: goal.id }, bob);
    expect(errorCode(chart)).toBe('NOT_FOUND');
  });

  it('answers 404 to an altered, expired or foreign URL', async () => {
    const { habitHeatmap } = await executeOperationOk(
      app,
      HabitHeatmapDocument,
      { habitId },
      alice,
    );
    const altered = habitHeatmap.url.replace(/signature=.{4}/, 'signature=AAAA');
    expect((await fetchPicture(altered)).status).toBe(404);
    const otherKind = habitHeatmap.url.replace('habit-heatmap', 'goal-progress');
    expect((await fetchPicture(otherKind)).status).toBe(404);
    // Signed with the app's own key, as the API would sign them:
    const signer = new PictureUrlSigner(TEST_SERVICE_KEY, 300);
    const hourAgo = new Date(Date.now() - 3_600_000);
    const expired = signer.sign(PictureKind.HABIT_HEATMAP, habitId, alice.id, hourAgo);
    expect((await fetchPicture(expired.url)).status).toBe(404);
    // A grant naming Bob for Alice's habit (never issued by the API) renders nothing.
    const foreign = signer.sign(PictureKind.HABIT_HEATMAP, habitId, bob.id);
    expect((await fetchPicture(foreign.url)).status).toBe(404);
    expect(
      (await fetchPicture(signer.sign(PictureKind.HABIT_HEATMAP, habitId, alice.id).url)).status,
    ).toBe(200);
  });
});
