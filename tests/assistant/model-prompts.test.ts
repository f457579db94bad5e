import { describe, expect, it } from '@jest/globals';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { INTENT_JSON_SCHEMA } from '../../src/assistant/model/intent-schema.js';
import {
  contextVars,
  fillTemplate,
  findProjectRoot,
  type PromptName,
  renderPrompt,
} from '../../src/assistant/model/prompts.js';

describe('model prompts', () => {
  it('finds the project root from the sources and from the build', () => {
    const root = findProjectRoot();
    const built = pathToFileURL(join(root, 'dist/src/assistant/model/prompts.js')).href;
    expect(findProjectRoot(built)).toBe(root);
  });

  it.each<PromptName>(['intent', 'smart-analysis', 'plan'])('renders %s fully', (name) => {
    const vars = contextVars(new Date('2026-03-29T00:30:00Z'), 'Europe/Berlin', 'en');
    const text = renderPrompt(name, vars);
    expect(text).toContain('2026-03-29');
    expect(text).toContain('Europe/Berlin');
    expect(text).toContain('English');
    expect(text).not.toMatch(/\{\{|\}\}/u);
  });

  it('gives the local date, weekday and offset', () => {
    expect(contextVars(new Date('2026-03-04T22:30:00Z'), 'Europe/Moscow', undefined)).toEqual({
      today: '2026-03-05',
      weekday: 'Thursday',
      now: '2026-03-05T01:30:00+03:00',
      timezone: 'Europe/Moscow',
      language: 'not set',
      known: '- Goals: none\n- Upcoming events: none\n- Habits: none',
    });
  });

  it("lists the user's own items for the model to match names against", () => {
    const known = { goals: ['Пробежать марафон'], events: ['Стоматолог', 'Ужин'], habits: [] };
    expect(contextVars(new Date(), 'UTC', 'ru', known).known).toBe(
      '- Goals: "Пробежать марафон"\n- Upcoming events: "Стоматолог", "Ужин"\n- Habits: none',
    );
  });

  it('refuses a placeholder without a value', () => {
    expect(fillTemplate('{{ a }} and {{b}}', { a: '1', b: '2' })).toBe('1 and 2');
    expect(() => fillTemplate('{{a}} {{c}}', { a: '1' })).toThrow('{{c}}');
  });
});

describe('the intent JSON schema', () => {
  it('is what strict structured outputs accept', () => {
    const schema = INTENT_JSON_SCHEMA as {
      $schema?: string;
      type: string;
      properties: Record<string, { anyOf?: { pattern?: string; format?: string }[] }>;
      required: string[];
      additionalProperties: boolean;
    };
    expect(schema.$schema).toBeUndefined();
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect([...schema.required].sort()).toEqual(Object.keys(schema.properties).sort());
    expect(schema.properties.start.anyOf).toEqual([
      { type: 'string', format: 'date-time' },
      { type: 'null' },
    ]);
    expect(schema.properties.newTime.anyOf?.[0].pattern).toBeDefined();
  });
});
