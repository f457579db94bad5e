import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { CoachContext, CoachGoal } from '../../src/assistant/coach/coach.types.js';
import {
  analyzeGoalWithModel,
  generatePlanWithModel,
} from '../../src/assistant/model/model-coach.js';
import {
  createModelClient,
  ModelAnswerError,
  type ModelClient,
  ModelUnavailableError,
} from '../../src/assistant/model/model-client.js';
import { transcribe } from '../../src/assistant/model/transcribe.js';
import {
  answer,
  type FakeOpenAiServer,
  httpError,
  rawAnswer,
  startFakeOpenAiServer,
  transcript,
} from '../support/fake-openai-server.js';

const CTX: CoachContext = {
  now: new Date('2026-03-04T09:00:00Z'),
  timezone: 'Europe/Moscow',
  language: 'ru',
};
const GOAL: CoachGoal = { title: 'Пробежать 10 км', targetDate: '2026-06-01' };

const review = (score: number, comment = 'Ясно.') => ({ score, comment });
const SMART = {
  specific: review(90),
  measurable: review(80),
  achievable: review(70),
  relevant: review(61),
  timeBound: review(100),
  suggestions: ['Добавьте, зачем вам это.'],
  rewrittenGoal: null,
};

const step = (title: string, estimatedMinutes = 30) => ({
  title,
  estimatedMinutes,
  ifThenCue: `если суббота 10:00 — ${title.toLowerCase()}`,
});
const PLAN = { steps: [step('Купить кроссовки', 60), step('Бегать 3 км'), step('Бегать 5 км')] };

describe('the model coach and transcription over HTTP', () => {
  let server: FakeOpenAiServer;
  let client: ModelClient;

  beforeAll(async () => {
    server = await startFakeOpenAiServer();
    client = createModelClient({
      baseUrl: server.url,
      apiKey: 'sk-coach',
      model: 'gpt-coach',
      timeoutMs: 300,
      transcriptionModel: 'whisper-test',
    });
  });
  afterEach(() => {
    expect(server.remaining()).toBe(0);
    server.reset();
  });
  afterAll(() => server.close());

  it('reviews a goal, computing the overall score as the rounded mean', async () => {
    server.script(answer(SMART));
    expect(await analyzeGoalWithModel(client, GOAL, CTX)).toEqual({ score: 80, ...SMART });
    const body = server.requests[0].body as {
      model: string;
      messages: { content: string }[];
      response_format: { json_schema: { name: string } };
    };
    expect(body.model).toBe('gpt-coach');
    expect(body.response_format.json_schema.name).toBe('smart_review');
    expect(body.messages[0].content).toContain('Russian');
    expect(JSON.parse(body.messages[1].content)).toEqual({
      title: 'Пробежать 10 км',
      description: null,
      targetDate: '2026-06-01',
    });
  });

  it('proposes a plan', async () => {
    server.script(answer(PLAN));
    expect(await generatePlanWithModel(client, GOAL, { ...CTX, language: 'en' })).toEqual({
      ...PLAN,
      source: 'model',
    });
    const system = (server.requests[0].body.messages as { content: string }[])[0].content;
    expect(system).toContain('English');
  });

  it.each([
    ['a score above 100', { ...SMART, specific: review(101) }],
    ['an empty comment', { ...SMART, relevant: review(50, '  ') }],
    ['six suggestions', { ...SMART, suggestions: ['a', 'b', 'c', 'd', 'e', 'f'] }],
    ['a missing criterion', { ...SMART, timeBound: undefined }],
  ])('rejects a review with %s', async (_case, bad) => {
    server.script(answer(bad));
    await expect(analyzeGoalWithModel(client, GOAL, CTX)).rejects.toThrow(ModelAnswerError);
  });

  it.each([
    ['two steps', { steps: PLAN.steps.slice(0, 2) }],
    ['eleven steps', { steps: Array.from({ length: 11 }, (_, i) => step(`Шаг ${i}`)) }],
    ['a 4-minute step', { steps: [...PLAN.steps, step('Размяться', 4)] }],
    ['a 601-minute step', { steps: [...PLAN.steps, step('Марафон', 601)] }],
    ['an empty cue', { steps: [...PLAN.steps, { ...step('Отдых'), ifThenCue: '' }] }],
  ])('rejects a plan with %s', async (_case, bad) => {
    server.script(answer(bad));
    await expect(generatePlanWithModel(client, GOAL, CTX)).rejects.toThrow(ModelAnswerError);
  });

  it('rejects an answer that is not JSON', async () => {
    server.script(rawAnswer('{"steps": ['));
    await expect(generatePlanWithModel(client, GOAL, CTX)).rejects.toThrow(ModelAnswerError);
  });

  it('reports an unavailable model after one retry', async () => {
    server.script(httpError(503), httpError(503));
    const failure = analyzeGoalWithModel(client, GOAL, CTX);
    await expect(failure).rejects.toThrow(ModelUnavailableError);
    await expect(failure).rejects.toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(2);
  });

  it('transcribes a voice message', async () => {
    server.script(transcript(' Напомни завтра в 10 позвонить маме '));
    const audio = Buffer.from('OggS fake audio');
    const text = await transcribe(client, audio, 'voice.ogg', 'ru');
    expect(text).toBe('Напомни завтра в 10 позвонить маме');
    const [request] = server.requests;
    expect(request.path).toBe('/v1/audio/transcriptions');
    expect(request.headers.authorization).toBe('Bearer sk-coach');
    expect(request.body).toMatchObject({
      model: 'whisper-test',
      language: 'ru',
      file: `voice.ogg (${audio.length} bytes)`,
    });
  });
});
