import { describe, expect, it } from '@jest/globals';
import { CheckInStatus } from '../../src/entities/index.js';
import { goalProgressSeries } from '../../src/services/pictures/goal-progress-chart.js';
import { heatmapStart, renderHabitHeatmap } from '../../src/services/pictures/habit-heatmap.js';
import { renderPng } from '../../src/services/pictures/render-chart.js';

const titled = (text: string) =>
  renderPng({ title: { text, left: 'center' } }, { width: 200, height: 60 });

describe('pictures', () => {
  it('draw Cyrillic and Latin text with the shipped font (a title changes the pixels)', async () => {
    const blank = await titled('');
    // resvg draws nothing for glyphs its fonts lack: the PNG would equal the blank one.
    expect((await titled('Жизнь')).equals(blank)).toBe(false);
    expect((await titled('Life')).equals(blank)).toBe(false);
    expect((await titled('Жизнь')).equals(await titled('Жизнь'))).toBe(true);
  });

  it('a heatmap starts on the Monday 11 weeks before this week', () => {
    expect(heatmapStart('2026-12-07')).toBe('2026-09-21'); // a Monday
    expect(heatmapStart('2026-12-13')).toBe('2026-09-21'); // that week's Sunday
    expect(heatmapStart('2026-12-14')).toBe('2026-09-28');
  });

  it('a heatmap shows its check-ins (marks change the picture)', async () => {
    const base = { title: 'Зарядка', today: '2026-12-07', language: 'ru' as const };
    const empty = await renderHabitHeatmap({ ...base, checkIns: [] });
    const marked = await renderHabitHeatmap({
      ...base,
      checkIns: [{ localDate: '2026-12-06', status: CheckInStatus.DONE }],
    });
    expect(marked.equals(empty)).toBe(false);
  });

  it('goal progress counts steps planned and done up to each day', () => {
    const series = goalProgressSeries({
      from: '2026-12-01',
      to: '2026-12-04',
      steps: [
        { plannedOn: '2026-12-01', doneOn: '2026-12-02' },
        { plannedOn: '2026-12-03', doneOn: null },
        { plannedOn: null, doneOn: '2026-12-04' },
      ],
    });
    expect(series.days).toEqual(['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']);
    expect(series.planned).toEqual([1, 1, 2, 2]);
    expect(series.done).toEqual([0, 1, 1, 2]);
  });

  it('a long goal is drawn with at most ~120 points, ending on its last day', () => {
    const series = goalProgressSeries({ from: '2025-01-01', to: '2026-12-31', steps: [] });
    expect(series.days.length).toBeLessThanOrEqual(121);
    expect(series.days.at(-1)).toBe('2026-12-31');
    expect(series.days[0]).toBe('2025-01-01');
  });
});
