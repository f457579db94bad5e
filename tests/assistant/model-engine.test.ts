import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { ParseContext } from '../../src/assistant/intent.types.js';
import { intentAnswerSchema } from '../../src/assistant/model/intent-schema.js';
import {
  createModelClient,
  ModelAnswerError,
  type ModelClient,
  ModelUnavailableError,
} from '../../src/assistant/model/model-client.js';
import { FallbackIntentEngine, ModelIntentEngine } from '../../src/assistant/model/model-engine.js';
import { parseMessage } from '../../src/assistant/offline/offline-engine.js';
import {
  answer,
  delay,
  type FakeOpenAiServer,
  httpError,
  rawAnswer,
  startFakeOpenAiServer,
} from '../support/fake-openai-server.js';

/** Wednesday 2026-03-04, 12:00 in Moscow. */
const CONTEXT: ParseContext = { now: new Date('2026-03-04T09:00:00Z'), timezone: 'Europe/Moscow' };
const API_KEY = 'sk-test-secret-key';

/** A full model answer: every slot null unless given. */
function intentAnswer(slots: Record<string, unknown>): Record<string, unknown> {
  const nulls = Object.fromEntries(Object.keys(intentAnswerSchema.shape).map((k) => [k, null]));
  return { ...nulls, missing: [], ...slots };
}

const CALL_MOM = intentAnswer({
  intent: 'event_create',
  language: 'ru',
  title: 'Позвонить маме',
  start: '2026-03-05T10:00:00+03:00',
  durationMinutes: 60,
});

describe('the model engine over HTTP', () => {
  let server: FakeOpenAiServer;
  let client: ModelClient;
  const warn = jest.fn<(obj: object, msg: string) => void>();
  let engine: FallbackIntentEngine;

  beforeAll(async () => {
    server = await startFakeOpenAiServer();
    client = createModelClient({
      baseUrl: server.url,
      apiKey: API_KEY,
      model: 'gpt-test',
      timeoutMs: 300,
      transcriptionModel: 'whisper-test',
    });
    engine = new FallbackIntentEngine(new ModelIntentEngine(client), { warn });
  });
  afterEach(() => {
    expect(server.remaining()).toBe(0);
    server.reset();
    warn.mockClear();
  });
  afterAll(() => server.close());

  const MESSAGE = 'Напомни завтра в 10 позвонить маме';

  it('reads a Russian message and sends the model, schema and key', async () => {
    server.script(answer(CALL_MOM));
    const result = await engine.parseWithSource(MESSAGE, CONTEXT);
    expect(result).toEqual({
      engine: 'model',
      intent: {
        intent: 'event_create',
        language: 'ru',
        missing: [],
        title: 'Позвонить маме',
        start: new Date('2026-03-05T07:00:00Z'),
        durationMinutes: 60,
      },
    });
    const [request] = server.requests;
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request.body).toMatchObject({
      model: 'gpt-test',
      response_format: { type: 'json_schema', json_schema: { name: 'intent', strict: true } },
      messages: [{ role: 'system' }, { role: 'user', content: MESSAGE }],
    });
    const system = (request.body.messages as { content: string }[])[0].content;
    expect(system).toContain('2026-03-04');
    expect(system).toContain('Europe/Moscow');
    expect(system).not.toMatch(/\{\{/u);
  });

  it('reads an English message, with a clarifying question from the offline wording', async () => {
    server.script(
      answer(
        intentAnswer({
          intent: 'event_update',
          language: 'en',
          missing: ['change'],
          target: 'dentist',
          targetDate: '2026-03-06',
          targetTime: '09:30',
        }),
      ),
    );
    const intent = await engine.parseMessage('move the dentist on Friday 9:30', CONTEXT);
    expect(intent).toEqual({
      intent: 'event_update',
      language: 'en',
      missing: ['change'],
      question: 'When should I move it to?',
      target: { text: 'dentist', date: '2026-03-06', time: '09:30' },
    });
  });

  it('converts ranges and statuses', async () => {
    const model = new ModelIntentEngine(client);
    server.script(
      answer(
        intentAnswer({
          intent: 'free_slots',
          language: 'en',
          from: '2026-03-05T00:00:00+03:00',
          to: '2026-03-06T00:00:00+03:00',
          minMinutes: 30,
        }),
      ),
      answer(intentAnswer({ intent: 'step_status', language: 'ru', stepStatus: 'done' })),
    );
    expect(await model.parseMessage('when am I free tomorrow for 30 min', CONTEXT)).toEqual({
      intent: 'free_slots',
      language: 'en',
      missing: [],
      from: new Date('2026-03-04T21:00:00Z'),
      to: new Date('2026-03-05T21:00:00Z'),
      minMinutes: 30,
    });
    expect(await model.parseMessage('сделал', CONTEXT)).toEqual({
      intent: 'step_status',
      language: 'ru',
      missing: [],
      status: 'done',
    });
  });

  async function expectOfflineFallback(
    error: typeof ModelAnswerError | typeof ModelUnavailableError,
  ) {
    const result = await engine.parseWithSource(MESSAGE, CONTEXT);
    expect(result).toEqual({ engine: 'offline', intent: parseMessage(MESSAGE, CONTEXT) });
    expect(warn).toHaveBeenCalledTimes(1);
    const [logged] = warn.mock.calls[0];
    expect((logged as { err: unknown }).err).toBeInstanceOf(error);
    expect(JSON.stringify(logged)).not.toContain(API_KEY);
  }

  it('falls back to the offline engine on an answer that is not JSON', async () => {
    server.script(rawAnswer('Sure! The intent is event_create.'));
    await expectOfflineFallback(ModelAnswerError);
    expect(server.requests).toHaveLength(1);
  });

  it('falls back on JSON that breaks the schema', async () => {
    server.script(answer({ ...CALL_MOM, start: '2026-03-05 10:00', durationMinutes: -5 }));
    await expectOfflineFallback(ModelAnswerError);
  });

  it('falls back when a required slot is missing', async () => {
    server.script(answer(intentAnswer({ intent: 'event_search', language: 'ru' })));
    await expectOfflineFallback(ModelAnswerError);
  });

  it('retries a timeout once, then falls back', async () => {
    server.script(delay(1500, answer(CALL_MOM)), delay(1500, answer(CALL_MOM)));
    await expectOfflineFallback(ModelUnavailableError);
    expect(server.requests).toHaveLength(2);
  });

  it('succeeds when a 500 is followed by an answer, thanks to the retry', async () => {
    server.script(httpError(500), answer(CALL_MOM));
    const result = await engine.parseWithSource(MESSAGE, CONTEXT);
    expect(result.engine).toBe('model');
    expect(server.requests).toHaveLength(2);
    expect(warn).not.toHaveBeenCalled();
  });

  it('falls back after two 500s', async () => {
    server.script(httpError(500), httpError(500));
    await expectOfflineFallback(ModelUnavailableError);
    expect(server.requests).toHaveLength(2);
  });

  it('retries a 429 after the delay the server asks for', async () => {
    server.script(httpError(429, 20), answer(CALL_MOM));
    expect((await engine.parseWithSource(MESSAGE, CONTEXT)).engine).toBe('model');
    expect(server.requests).toHaveLength(2);
  });

  it('falls back when the server cannot be reached', async () => {
    const closed = await startFakeOpenAiServer();
    await closed.close();
    const unreachable = createModelClient({
      baseUrl: closed.url,
      apiKey: API_KEY,
      model: 'gpt-test',
      timeoutMs: 300,
      transcriptionModel: 'whisper-test',
    });
    const fallback = new FallbackIntentEngine(new ModelIntentEngine(unreachable), { warn });
    expect((await fallback.parseWithSource(MESSAGE, CONTEXT)).engine).toBe('offline');
    expect(JSON.stringify(unreachable)).not.toContain(API_KEY);
  });

  it('does not hide errors that are not the model’s', async () => {
    const broken = new FallbackIntentEngine(
      {
        name: 'broken',
        parseMessage: () => {
          throw new TypeError('bug');
        },
      },
      { warn },
    );
    await expect(broken.parseMessage(MESSAGE, CONTEXT)).rejects.toThrow(TypeError);
  });
});
