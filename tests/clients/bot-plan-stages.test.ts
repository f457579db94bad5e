import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BotCheckCreateGoalDocument } from '../gql/graphql.js';
import { journeySteps } from '../support/bot-journey.js';
import {
  answer,
  delay,
  startFakeOpenAiServer,
  type FakeOpenAiServer,
} from '../support/fake-openai-server.js';
import { MemoryBot } from '../support/memory-bot.js';
import { useOwnDatabase } from '../support/own-database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Issue 18, "Plan progress shows real stages (not 0% then the result)": while the model makes
// the plan, the message shows which stage it is at, edited in place, then the proposal.

await useOwnDatabase();

let server: FakeOpenAiServer;
let app: TestApp;
let bot: MemoryBot;

beforeAll(async () => {
  server = await startFakeOpenAiServer();
  app = await startTestApp({
    MODEL_BASE_URL: server.url,
    MODEL_API_KEY: 'sk-test',
    MODEL_TIMEOUT_MS: '5000',
  });
  bot = new MemoryBot(app);
  await bot.start();
});

afterAll(async () => {
  await bot?.stop();
  await app?.stop();
  await server?.close();
});

describe('plan progress', () => {
  it('shows the stage the plan is at, then the proposal, in one message', async () => {
    const steps = journeySteps(app, bot);
    const { user } = await steps.started();
    await user.op(BotCheckCreateGoalDocument, { input: { title: 'Выучить испанский' } });
    const list = await user.say('/goals');
    await user.press(list, /Выучить испанский/);
    const plan = {
      steps: ['Первый урок', 'Сто слов', 'Разговорный клуб'].map((title) => ({
        title,
        estimatedMinutes: 30,
        ifThenCue: 'если вторник 19:00 — урок',
      })),
    };
    server.script(delay(1_500, answer(plan)));
    const pressed = user.press(list, /План/);
    // The model is thinking: the goal is read, the steps are being chosen.
    const choosing = await bot.waitFor(() => {
      const text = user.now(list).text;
      return text.includes('⏳ Подбираю шаги') && text;
    });
    expect(choosing).toContain('✅ Читаю цель и срок');
    expect(choosing).toContain('⬜ Проверяю план и сохраняю');
    expect(choosing).toMatch(/\d+%/);
    await pressed;
    const proposal = await bot.waitFor(() => {
      const now = user.now(list);
      return now.text.includes('Предлагаю такие шаги') && now;
    });
    expect(proposal.text).toContain('Разговорный клуб');
    expect(user.messages().filter((m) => m.text.includes('Составляю план'))).toHaveLength(0);
    expect(server.remaining()).toBe(0);
    steps.expectNoApology(user);
  });
});
