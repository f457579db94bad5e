import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  MySettingsDocument,
  UpdateSettingsDocument,
  type UpdateSettingsInput,
} from '../gql/graphql.js';
import { buildUser, seedUser } from '../support/factories.js';
import { errorCode, executeOperation, executeOperationOk } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

describe('user settings', () => {
  it('starts from the documented defaults', async () => {
    // Registration is what sets them up: through the API.
    const user = await buildUser(app);
    const data = await executeOperationOk(app, MySettingsDocument, {}, user);
    expect(data.me.settings).toEqual({
      timezone: 'Europe/Moscow',
      language: 'RU',
      notificationsEnabled: true,
      eventRemindersEnabled: true,
      deadlineWarningsEnabled: true,
      overdueStepRemindersEnabled: true,
      morningDigestEnabled: true,
      digestTime: '08:00',
      deadlineCheckTime: '09:00',
      eveningNudgeTime: '20:00',
      quietHoursStart: null,
      quietHoursEnd: null,
      workDayStart: '09:00',
      workDayEnd: '18:00',
      workDays: [1, 2, 3, 4, 5],
      dayStart: '00:00',
    });
  });

  it('changes only the fields given, and clears quiet hours with null', async () => {
    const user = await seedUser(app);
    const changed = await executeOperationOk(
      app,
      UpdateSettingsDocument,
      {
        input: {
          timezone: 'America/New_York',
          language: 'EN',
          morningDigestEnabled: false,
          digestTime: '07:30',
          quietHoursStart: '22:00',
          quietHoursEnd: '07:00',
          workDays: [1, 2, 3, 4, 5, 6],
        },
      },
      user,
    );
    expect(changed.updateSettings.settings).toMatchObject({
      timezone: 'America/New_York',
      language: 'EN',
      morningDigestEnabled: false,
      eventRemindersEnabled: true,
      digestTime: '07:30',
      eveningNudgeTime: '20:00',
      quietHoursStart: '22:00',
      quietHoursEnd: '07:00',
      workDays: [1, 2, 3, 4, 5, 6],
    });
    const cleared = await executeOperationOk(
      app,
      UpdateSettingsDocument,
      { input: { quietHoursStart: null, quietHoursEnd: null, notificationsEnabled: false } },
      user,
    );
    expect(cleared.updateSettings.settings).toMatchObject({
      quietHoursStart: null,
      quietHoursEnd: null,
      notificationsEnabled: false,
      timezone: 'America/New_York',
    });
  });

  it('rejects invalid settings with BAD_USER_INPUT and keeps the old ones', async () => {
    const user = await seedUser(app);
    const invalid: UpdateSettingsInput[] = [
      { timezone: 'Mars/Olympus_Mons' },
      { digestTime: '25:00' },
      { digestTime: '8:00' },
      { quietHoursStart: '22:00' },
      { workDayStart: '18:00', workDayEnd: '09:00' },
      { workDays: [1, 1, 2] },
      { workDays: [0] },
      { workDays: [] },
      { dayStart: '12:01' },
      { dayStart: '3:00' },
    ];
    for (const input of invalid) {
      const result = await executeOperation(app, UpdateSettingsDocument, { input }, user);
      expect({ input, code: errorCode(result) }).toEqual({ input, code: 'BAD_USER_INPUT' });
    }
    const data = await executeOperationOk(app, MySettingsDocument, {}, user);
    expect(data.me.settings).toMatchObject({
      timezone: 'Europe/Moscow',
      digestTime: '08:00',
      quietHoursStart: null,
      workDayStart: '09:00',
      workDays: [1, 2, 3, 4, 5],
    });
  });
});
