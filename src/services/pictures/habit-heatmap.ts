import { CheckInStatus } from '../../entities/index.js';
import type { Lang } from '../../common/texts.js';
import { addDays, isoWeekday, type LocalDate } from '../habits/local-date.js';
import { pictureTexts } from './picture-texts.js';
import { renderPng } from './render-chart.js';

export const HEATMAP_WEEKS = 12;

/** Cell values: what a day's mark means on the map (no check-in: nothing drawn). */
const LEVEL: Record<CheckInStatus, number> = {
  [CheckInStatus.MISSED]: 1,
  [CheckInStatus.SKIPPED]: 2,
  [CheckInStatus.DONE]: 3,
};

export interface HeatmapInput {
  title: string;
  today: LocalDate;
  checkIns: { localDate: LocalDate; status: CheckInStatus }[];
  language: Lang;
}

/** The first day the map shows: the Monday `HEATMAP_WEEKS - 1` weeks before today's week. */
export function heatmapStart(today: LocalDate): LocalDate {
  return addDays(today, -(isoWeekday(today) - 1) - 7 * (HEATMAP_WEEKS - 1));
}

/** A habit's last 12 weeks as a calendar heatmap (a column per week, Monday on top). */
export function renderHabitHeatmap(input: HeatmapInput): Promise<Buffer> {
  const t = pictureTexts(input.language);
  const from = heatmapStart(input.today);
  const data = input.checkIns
    .filter((row) => row.localDate >= from && row.localDate <= input.today)
    .map((row) => [row.localDate, LEVEL[row.status]]);
  return renderPng(
    {
      title: { text: input.title, left: 'center', top: 12, textStyle: { fontSize: 20 } },
      visualMap: {
        type: 'piecewise',
        orient: 'horizontal',
        left: 'center',
        bottom: 10,
        pieces: [
          { value: 3, label: t.done, color: '#2e7d32' },
          { value: 2, label: t.skipped, color: '#9e9e9e' },
          { value: 1, label: t.missed, color: '#ef9a9a' },
        ],
      },
      calendar: {
        range: [from, input.today],
        top: 80,
        left: 60,
        right: 30,
        cellSize: ['auto', 26],
        orient: 'horizontal',
        dayLabel: { firstDay: 1, nameMap: t.weekdays },
        monthLabel: { nameMap: t.months },
        yearLabel: { show: false },
        itemStyle: { color: '#f5f5f5', borderColor: '#ffffff', borderWidth: 3 },
        splitLine: { show: false },
      },
      series: [{ type: 'heatmap', coordinateSystem: 'calendar', data }],
    },
    { width: 720, height: 320 },
  );
}
