import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import {
  chunkMinutes,
  endOfLocalDate,
  schedulePlan,
  type BusyInterval,
  type PlanStep,
  type SchedulePlanInput,
} from '../../../src/services/scheduling/index.js';

const MSK = 'Europe/Moscow';
const NY = 'America/New_York';
const at = (local: string, zone = MSK) => DateTime.fromISO(local, { zone }).toJSDate();
const busy = (title: string, start: string, end: string): BusyInterval => ({
  title,
  start: at(start),
  end: at(end),
});
const step = (id: string, title: string, minutes: number): PlanStep => ({ id, title, minutes });

// Monday 2024-11-11 in Moscow: a stand-up and a client meeting.
const monday: Omit<SchedulePlanInput, 'steps'> = {
  busy: [
    busy('Стендап', '2024-11-11T09:00', '2024-11-11T09:30'),
    busy('Встреча с клиентом', '2024-11-11T11:00', '2024-11-11T12:00'),
  ],
  hours: { timezone: MSK, dayStart: '09:00', dayEnd: '18:00', workDays: [1, 2, 3, 4, 5] },
  from: at('2024-11-11T08:00'),
  deadline: endOfLocalDate('2024-11-15', MSK),
  language: 'ru',
};
const steps = [
  step('a', 'Собрать требования', 45),
  step('b', 'Черновик плана', 90),
  step('c', 'Написать отчёт', 300),
  step('d', 'Проверка', 30),
];

describe('schedulePlan', () => {
  it('paces the steps over the days until the deadline, in order, explaining each', () => {
    const result = schedulePlan({ ...monday, steps });
    expect(result.feasible).toBe(true);
    expect(result.placements.map((p) => p.explanation)).toEqual([
      'Пн 11.11 09:45–10:30: «Собрать требования» — первое свободное окно в рабочие часы после «Стендап»',
      'Вт 12.11 09:00–10:30: «Черновик плана» — шаги распределены равномерно до срока (шаг 2 из 4)',
      'Ср 13.11 09:00–11:00: «Написать отчёт», часть 1 из 3 — шаги распределены равномерно до срока (шаг 3 из 4)',
      'Ср 13.11 11:15–13:15: «Написать отчёт», часть 2 из 3 — продолжение после части 1 и перерыва',
      'Ср 13.11 13:30–14:30: «Написать отчёт», часть 3 из 3 — продолжение после части 2 и перерыва',
      // Friday stays free: the last fifth of the days is slack before the deadline.
      'Чт 14.11 09:00–09:30: «Проверка» — шаги распределены равномерно до срока (шаг 4 из 4)',
    ]);
  });

  it('places steps one after another as early as possible when the days are few', () => {
    const result = schedulePlan({
      ...monday,
      steps,
      deadline: endOfLocalDate('2024-11-12', MSK),
    });
    expect(result.feasible).toBe(true);
    expect(result.report).toBeUndefined();
    expect(result.placements.map((p) => [p.stepId, p.chunk, p.chunks, p.explanation])).toEqual([
      [
        'a',
        1,
        1,
        'Пн 11.11 09:45–10:30: «Собрать требования» — первое свободное окно в рабочие часы после «Стендап»',
      ],
      // 90 minutes do not fit before the client meeting, and a step this short is not split.
      [
        'b',
        1,
        1,
        'Пн 11.11 12:15–13:45: «Черновик плана» — первое свободное окно в рабочие часы после «Встреча с клиентом»',
      ],
      [
        'c',
        1,
        3,
        'Пн 11.11 14:00–16:00: «Написать отчёт», часть 1 из 3 — после шага «Черновик плана»: шаги идут по порядку',
      ],
      [
        'c',
        2,
        3,
        'Пн 11.11 16:15–18:00: «Написать отчёт», часть 2 из 3 — продолжение после части 1 и перерыва',
      ],
      [
        'c',
        3,
        3,
        'Вт 12.11 09:00–10:15: «Написать отчёт», часть 3 из 3 — первое свободное окно: с начала рабочего дня',
      ],
      [
        'd',
        1,
        1,
        'Вт 12.11 10:30–11:00: «Проверка» — после шага «Написать отчёт»: шаги идут по порядку',
      ],
    ]);
  });

  it('speaks English and starts on a round time from now', () => {
    const result = schedulePlan({
      ...monday,
      from: at('2024-11-11T13:03:27'),
      steps: [step('a', 'Draft', 20)],
      language: 'en',
    });
    expect(result.placements.map((p) => p.explanation)).toEqual([
      'Mon 11 Nov 13:05–13:25: “Draft” — the earliest free time from now',
    ]);
  });

  it('reports what does not fit, with a later deadline or steps to drop', () => {
    const ten = Array.from({ length: 10 }, (_, n) => step(`s${n + 1}`, `Шаг ${n + 1}`, 180));
    const input = { ...monday, steps: ten, deadline: endOfLocalDate('2024-11-12', MSK) };
    const result = schedulePlan(input);
    expect(result.feasible).toBe(false);
    // Monday: 09:45–10:45 and 12:15–18:00; Tuesday 09:00–18:00.
    expect(result.report).toMatchObject({
      neededMinutes: 1800,
      freeMinutes: 945,
      message: 'Нужно 30 ч, до дедлайна свободно 15 ч 45 мин',
    });
    const placedSteps = new Set(result.placements.map((p) => p.stepId));
    const scheduled = 180 * placedSteps.size;
    expect(result.report?.scheduledMinutes).toBe(scheduled);
    expect(result.report?.shortfallMinutes).toBe(1800 - scheduled);
    const [move, cut] = result.report!.options;
    expect(move).toMatchObject({ kind: 'move_deadline', newDeadline: '2024-11-15' });
    expect(move.description).toBe('Перенести дедлайн на 15.11.2024: тогда поместятся все шаги');
    expect(cut).toMatchObject({ kind: 'cut_steps' });
    const cutIds = cut.kind === 'cut_steps' ? cut.stepIdsToCut : [];
    expect(cutIds).toEqual(ten.slice(placedSteps.size).map((s) => s.id));
    expect(schedulePlan({ ...input, deadline: endOfLocalDate('2024-11-15', MSK) }).feasible).toBe(
      true,
    );
    expect(schedulePlan({ ...input, deadline: endOfLocalDate('2024-11-14', MSK) }).feasible).toBe(
      false,
    );

    const english = schedulePlan({ ...input, language: 'en' }).report!;
    expect(english.message).toBe('You need 30 h; only 15 h 45 min are free before the deadline');
    expect(english.options[0].description).toBe(
      'Move the deadline to 15 Nov 2024: then every step fits',
    );
  });

  it('says so when the time is there but breaks and order eat it', () => {
    // Two 30-minute windows, a 60-minute need: 60 free minutes, but no window holds the step.
    const result = schedulePlan({
      ...monday,
      busy: [busy('Обед', '2024-11-11T09:30', '2024-11-11T17:30')],
      deadline: endOfLocalDate('2024-11-11', MSK),
      bufferMinutes: 0,
      steps: [step('a', 'Звонок', 60)],
    });
    expect(result.placements).toEqual([]);
    expect(result.report?.message).toBe(
      'Нужно 1 ч, до дедлайна свободно 1 ч, но с перерывами и порядком шагов помещается 0 мин',
    );
    expect(result.report?.options.map((o) => o.kind)).toEqual(['move_deadline']);
  });

  it('plans on local working hours across the DST change', () => {
    const result = schedulePlan({
      steps: [step('a', 'Taxes', 60)],
      busy: [],
      hours: { timezone: NY, dayStart: '09:00', dayEnd: '18:00', workDays: [7] },
      from: at('2025-03-08T12:00', NY),
      deadline: endOfLocalDate('2025-03-09', NY),
      language: 'en',
    });
    expect(result.placements.map((p) => [p.start.toISOString(), p.explanation])).toEqual([
      [
        '2025-03-09T13:00:00.000Z',
        'Sun 9 Mar 09:00–10:00: “Taxes” — first free slot: the start of the working day',
      ],
    ]);
  });

  it('splits a step that is longer than the working day even when maxChunk would allow it', () => {
    const result = schedulePlan({
      ...monday,
      busy: [],
      hours: { ...monday.hours, dayStart: '09:00', dayEnd: '10:00' },
      maxChunkMinutes: 240,
      steps: [step('a', 'Долгий шаг', 90)],
    });
    expect(result.placements.map((p) => [p.start, p.end])).toEqual([
      [at('2024-11-11T09:00'), at('2024-11-11T10:00')],
      [at('2024-11-12T09:00'), at('2024-11-12T09:30')],
    ]);
  });

  it('has nothing to do for no steps, and rejects nonsense', () => {
    expect(schedulePlan({ ...monday, steps: [] })).toEqual({ placements: [], feasible: true });
    expect(() => schedulePlan({ ...monday, steps: [step('a', 'A', 0)] })).toThrow('minutes');
    expect(() => schedulePlan({ ...monday, steps, maxChunkMinutes: 20 })).toThrow('maxChunk');
  });
});

describe('chunkMinutes', () => {
  it('takes what fits up to the maximum and leaves enough for a later chunk', () => {
    expect(chunkMinutes(300, 500, 30, 120)).toBe(120);
    expect(chunkMinutes(130, 500, 30, 120)).toBe(100); // not 120 + a 10-minute scrap
    expect(chunkMinutes(70, 50, 30, 120)).toBe(40);
    expect(chunkMinutes(70, 45, 30, 120)).toBe(40);
    expect(chunkMinutes(70, 25, 30, 120)).toBe(0);
    expect(chunkMinutes(50, 500, 30, 45)).toBe(45); // no clean split exists: the rest is a scrap
  });
});
