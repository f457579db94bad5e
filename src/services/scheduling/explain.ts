import { DateTime, type Zone } from 'luxon';
import type { ScheduleLanguage } from './types.js';

/** Why a chunk starts where it does. */
export type PlacementReason =
  | { kind: 'now' }
  | { kind: 'dayStart' }
  | { kind: 'afterBusy'; title?: string }
  | { kind: 'afterPart'; part: number }
  | { kind: 'afterStep'; title: string }
  | { kind: 'window' }
  /** The step's if-then cue names this time and it is free. */
  | { kind: 'cue' }
  /** Steps are spread evenly until the deadline; this is step `index` of `count`. */
  | { kind: 'paced'; index: number; count: number }
  /** Repeated practice: a recurring event on `weekdays` until `until` (YYYY-MM-DD). */
  | {
      kind: 'recurring';
      weekdays: number[];
      until: string;
      fromCue: boolean;
      /** Occurrences that fall on existing events (0 unless no time was free on every day). */
      clashes: number;
    };

export interface PlacementText {
  language: ScheduleLanguage;
  zone: Zone;
  title: string;
  start: number;
  end: number;
  chunk: number;
  chunks: number;
  reason: PlacementReason;
}

// Our own names rather than Intl's, so the text does not depend on the ICU build.
const WEEKDAYS = {
  ru: ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};
const MONTHS_EN = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

const quote = (language: ScheduleLanguage, text: string) =>
  language === 'ru' ? `«${text}»` : `“${text}”`;

function reasonText(language: ScheduleLanguage, reason: PlacementReason): string {
  const ru = language === 'ru';
  switch (reason.kind) {
    case 'now':
      return ru
        ? 'ближайшее свободное время с текущего момента'
        : 'the earliest free time from now';
    case 'dayStart':
      return ru
        ? 'первое свободное окно: с начала рабочего дня'
        : 'first free slot: the start of the working day';
    case 'afterBusy': {
      const after = reason.title
        ? quote(language, reason.title)
        : ru
          ? 'занятого времени'
          : 'a busy block';
      return ru
        ? `первое свободное окно в рабочие часы после ${after}`
        : `first free working-hours slot after ${after}`;
    }
    case 'afterPart':
      return ru
        ? `продолжение после части ${reason.part} и перерыва`
        : `continues after part ${reason.part} and a break`;
    case 'afterStep':
      return ru
        ? `после шага ${quote(language, reason.title)}: шаги идут по порядку`
        : `after step ${quote(language, reason.title)}: steps go in order`;
    case 'window':
      return ru ? 'первое свободное окно в рабочие часы' : 'first free working-hours slot';
    case 'cue':
      return ru
        ? 'время из подсказки шага, оно свободно'
        : 'the time the step’s cue names, and it is free';
    case 'paced':
      return ru
        ? `шаги распределены равномерно до срока (шаг ${reason.index} из ${reason.count})`
        : `steps are spread evenly until the deadline (step ${reason.index} of ${reason.count})`;
    case 'recurring':
      return recurringText(language, reason);
  }
}

function recurringText(
  language: ScheduleLanguage,
  reason: Extract<PlacementReason, { kind: 'recurring' }>,
): string {
  const ru = language === 'ru';
  const days =
    reason.weekdays.length === 7
      ? ru
        ? 'каждый день'
        : 'every day'
      : (ru ? 'по ' : 'on ') + reason.weekdays.map((day) => WEEKDAYS[language][day - 1]).join(', ');
  const until = DateTime.fromISO(reason.until);
  const date = ru ? until.toFormat('dd.MM.yyyy') : `${until.day} ${MONTHS_EN[until.month - 1]}`;
  const why = reason.fromCue
    ? ru
      ? 'время из подсказки шага'
      : 'the time the step’s cue names'
    : ru
      ? 'время, свободное во все эти дни'
      : 'a time that is free on all these days';
  const clashes =
    reason.clashes > 0
      ? ru
        ? `; ${reason.clashes} раз совпадает с другими делами — эти дни можно пропустить`
        : `; ${reason.clashes} occurrences meet other events — skip those days`
      : '';
  return ru
    ? `повторяется ${days} до ${date}: ${why}${clashes}`
    : `repeats ${days} until ${date}: ${why}${clashes}`;
}

/** E.g. "Пн 11.11 10:00–11:30: «Черновик», часть 2 из 3 — первое свободное окно …". */
export function describePlacement(text: PlacementText): string {
  const { language } = text;
  const start = DateTime.fromMillis(text.start, { zone: text.zone });
  const end = DateTime.fromMillis(text.end, { zone: text.zone });
  const weekday = WEEKDAYS[language][start.weekday - 1];
  const day =
    language === 'ru'
      ? `${weekday} ${start.toFormat('dd.MM')}`
      : `${weekday} ${start.day} ${MONTHS_EN[start.month - 1]}`;
  const part =
    text.chunks > 1
      ? language === 'ru'
        ? `, часть ${text.chunk} из ${text.chunks}`
        : `, part ${text.chunk} of ${text.chunks}`
      : '';
  const range = `${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}`;
  return `${day} ${range}: ${quote(language, text.title)}${part} — ${reasonText(language, text.reason)}`;
}

export function formatDuration(language: ScheduleLanguage, minutes: number): string {
  const total = Math.round(minutes);
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  const [h, min] = language === 'ru' ? ['ч', 'мин'] : ['h', 'min'];
  if (hours === 0) return `${rest} ${min}`;
  return rest === 0 ? `${hours} ${h}` : `${hours} ${h} ${rest} ${min}`;
}

export function describeShortfall(
  language: ScheduleLanguage,
  needed: number,
  free: number,
  scheduled: number,
): string {
  const [n, f, s] = [needed, free, scheduled].map((minutes) => formatDuration(language, minutes));
  if (language === 'ru') {
    const base = `Нужно ${n}, до дедлайна свободно ${f}`;
    return needed > free ? base : `${base}, но с перерывами и порядком шагов помещается ${s}`;
  }
  return needed > free
    ? `You need ${n}; only ${f} are free before the deadline`
    : `You need ${n} and ${f} are free before the deadline, but with breaks and step order only ${s} fit`;
}

export function describeMoveDeadline(language: ScheduleLanguage, isoDate: string): string {
  const date = DateTime.fromISO(isoDate);
  return language === 'ru'
    ? `Перенести дедлайн на ${date.toFormat('dd.MM.yyyy')}: тогда поместятся все шаги`
    : `Move the deadline to ${date.day} ${MONTHS_EN[date.month - 1]} ${date.year}: then every step fits`;
}

export function describeCut(language: ScheduleLanguage, titles: string[]): string {
  const list = titles.map((title) => quote(language, title)).join(', ');
  return language === 'ru'
    ? `Убрать ${titles.length > 1 ? 'шаги' : 'шаг'} ${list}: остальные поместятся до дедлайна`
    : `Drop ${titles.length > 1 ? 'steps' : 'step'} ${list}: the rest fits before the deadline`;
}
