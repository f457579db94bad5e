import type { Lang } from '../../common/texts.js';
import { addDays, daysBetween, type LocalDate } from '../habits/local-date.js';
import { pictureTexts } from './picture-texts.js';
import { renderPng } from './render-chart.js';

/** One step as the chart sees it: the local days it was planned for and done on. */
export interface ChartStep {
  plannedOn: LocalDate | null;
  doneOn: LocalDate | null;
}

export interface GoalProgressInput {
  title: string;
  /** The first day drawn (the goal's creation), and the last (today, or the target date). */
  from: LocalDate;
  to: LocalDate;
  steps: ChartStep[];
  language: Lang;
}

/** At most this many days on the axis: a longer goal is drawn week by week. */
const MAX_POINTS = 120;

/**
 * Two cumulative lines over the days of a goal: how many steps the plan put on or before
 * each day, and how many were done by then. A done line under the planned one is a slip.
 */
export function goalProgressSeries(input: Omit<GoalProgressInput, 'title' | 'language'>) {
  const span = Math.max(0, daysBetween(input.from, input.to));
  const stride = Math.max(1, Math.ceil((span + 1) / MAX_POINTS));
  const days: LocalDate[] = [];
  for (let offset = 0; offset < span; offset += stride) days.push(addDays(input.from, offset));
  days.push(input.to);
  const countBy = (day: LocalDate, pick: (step: ChartStep) => LocalDate | null) =>
    input.steps.filter((step) => {
      const on = pick(step);
      return on !== null && on <= day;
    }).length;
  return {
    days,
    planned: days.map((day) => countBy(day, (step) => step.plannedOn)),
    done: days.map((day) => countBy(day, (step) => step.doneOn)),
  };
}

/** A goal's progress over time: steps done against the plan, as a PNG. */
export function renderGoalProgress(input: GoalProgressInput): Promise<Buffer> {
  const t = pictureTexts(input.language);
  const { days, planned, done } = goalProgressSeries(input);
  return renderPng(
    {
      title: { text: input.title, left: 'center', top: 12, textStyle: { fontSize: 20 } },
      legend: { bottom: 10, data: [t.planned, t.doneSteps] },
      grid: { top: 60, left: 50, right: 30, bottom: 60 },
      xAxis: { type: 'category', data: days.map((day) => day.slice(5)), boundaryGap: false },
      yAxis: { type: 'value', minInterval: 1, max: Math.max(1, input.steps.length) },
      series: [
        {
          name: t.planned,
          type: 'line',
          step: 'end',
          data: planned,
          lineStyle: { type: 'dashed', color: '#9e9e9e' },
          itemStyle: { color: '#9e9e9e' },
          showSymbol: false,
        },
        {
          name: t.doneSteps,
          type: 'line',
          step: 'end',
          data: done,
          areaStyle: { opacity: 0.15 },
          lineStyle: { width: 3, color: '#2e7d32' },
          itemStyle: { color: '#2e7d32' },
          showSymbol: false,
        },
      ],
    },
    { width: 720, height: 360 },
  );
}
