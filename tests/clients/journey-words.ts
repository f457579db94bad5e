/**
 * What the full journey (onboarding → goal → SMART → plan → schedule → reminder → snooze →
 * done) types and expects to see, per language: shared by the in-memory journey
 * (bot-full-journey) and the one through the Telegram and MAX fakes (bot-platform-journeys).
 */
export const JOURNEY_RU = {
  zone: /Часовой пояс: Europe\/Moscow/,
  goal: 'хочу пробежать 10 км к маю',
  deadline: /📅 Срок: \d{1,2} мая \d{4}/,
  smart: /Проверить по SMART/,
  plan: /Разбить на шаги/,
  proposal: 'Предлагаю такие шаги',
  accept: /Принять план/,
  accepted: /План принят: \d+ шаг/,
  toCalendar: /В календарь/,
  scheduled: 'Расставил шаги в календаре',
  back: /Назад/,
  reminder: 'Пробежка 3 км',
  snooze: 'через 20 минут',
  snoozed: /⏰ Отложено: напомню (сегодня|завтра) в \d\d:\d\d/,
  done: /^Готово$/,
  doneStatus: '✅ Готово',
};

export const JOURNEY_EN: typeof JOURNEY_RU = {
  zone: /Timezone: UTC/,
  goal: 'I want to run 10 km by May',
  deadline: /📅 Deadline: May \d{1,2}, \d{4}/,
  smart: /Check SMART/,
  plan: /Break into steps/,
  proposal: 'Here are the steps I suggest',
  accept: /Accept plan/,
  accepted: /Plan accepted: \d+ step/,
  toCalendar: /To calendar/,
  scheduled: 'Your steps are in the calendar',
  back: /Back/,
  reminder: 'Run 3 km',
  snooze: 'in 20 min',
  snoozed: /⏰ Snoozed: I'll remind you (today|tomorrow) at \d\d:\d\d/,
  done: /^Done$/,
  doneStatus: '✅ Done',
};
