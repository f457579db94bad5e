import { DateTime } from 'luxon';
import { duration } from '../../format.js';
import type { EventCardFieldsFragment, StepCardFieldsFragment } from '../../gql/graphql.js';
import { markup } from '../../html.js';
import { button, screen, type Screen } from '../../screen.js';
import type { Lang, Texts } from '../../texts.js';

/** How an event can repeat from its card; each code is an RRULE (weekly: the event's own day). */
export const REPEATS = { none: 0, d: 1, wd: 2, w: 3, m: 4 } as const;
export type RepeatCode = keyof typeof REPEATS;

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

export function repeatRule(code: RepeatCode, event: EventCardFieldsFragment): string | null {
  const weekday = DateTime.fromISO(event.startsAt, { zone: event.timezone }).weekday;
  return {
    none: null,
    d: 'FREQ=DAILY',
    wd: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
    w: `FREQ=WEEKLY;BYDAY=${BYDAY[weekday - 1]}`,
    m: 'FREQ=MONTHLY',
  }[code];
}

export function repeatScreen(t: Texts, event: EventCardFieldsFragment): Screen {
  const eventId = event.id;
  const option = (rule: RepeatCode) => {
    const chosen = (repeatRule(rule, event) ?? null) === (event.recurrence ?? null);
    return button(`${chosen ? '✅ ' : ''}${t.repeatOptions[rule]}`, {
      a: 'eventRepeatSet',
      eventId,
      rule,
    });
  };
  return screen(markup`<b>${t.repeatTitle(event.title)}</b>`, [
    [option('none')],
    [option('d'), option('wd')],
    [option('w'), option('m')],
    [button(t.customRepeat, { a: 'eventRepeatCustom', eventId })],
    [button(t.back, { a: 'event', eventId })],
  ]);
}

/** "пт 11.12 18:00" where the user is. */
const plannedWhen = (instant: string, timezone: string, lang: Lang) =>
  DateTime.fromISO(instant, { zone: timezone })
    .setLocale(lang)
    .toFormat(lang === 'ru' ? 'ccc dd.MM HH:mm' : 'ccc MM/dd HH:mm');

export function stepCard(
  t: Texts,
  lang: Lang,
  timezone: string,
  step: StepCardFieldsFragment,
): Screen {
  const stepId = step.id;
  const lines = [
    markup`<b>${t.stepTitle(step.title)}</b>`,
    markup`${t.inGoal(step.goal.title)}`,
    markup`${t.stepStates[step.status] ?? step.status}`,
    markup`${step.estimatedMinutes ? t.estimateLine(duration(step.estimatedMinutes, lang)) : t.noEstimate}`,
    markup`${step.plannedStart ? t.plannedLine(plannedWhen(step.plannedStart, timezone, lang)) : t.notPlanned}`,
  ];
  const open = step.status === 'PENDING' || step.status === 'IN_PROGRESS';
  return screen(lines.join('\n'), [
    [
      button(t.editButtons.title, { a: 'stepEditTitle', stepId }),
      button(t.editButtons.estimate, { a: 'stepEditEstimate', stepId }),
      button(t.editButtons.planned, { a: 'stepEditTime', stepId }),
    ],
    [
      ...(open ? [button(t.editButtons.done, { a: 'stepDone', stepId })] : []),
      button(t.editButtons.delete, { a: 'stepDelete', stepId }),
    ],
    [
      button(t.editButtons.toGoal, { a: 'goal', goalId: step.goalId }),
      button(t.toMenu, { a: 'menu' }),
    ],
  ]);
}

export function stepDeleteConfirm(t: Texts, step: StepCardFieldsFragment): Screen {
  return screen(markup`${t.confirmDeleteStep(step.title)}`, [
    [
      button(t.goalButtons.yesDelete, { a: 'stepDeleteYes', stepId: step.id }),
      button(t.back, { a: 'step', stepId: step.id }),
    ],
  ]);
}

export { plannedWhen };
