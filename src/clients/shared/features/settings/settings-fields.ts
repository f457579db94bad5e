/** The short codes buttons carry for settings fields (part of the callback wire format). */

export const TOGGLES = {
  all: 'notificationsEnabled',
  ev: 'eventRemindersEnabled',
  dl: 'deadlineWarningsEnabled',
  od: 'overdueStepRemindersEnabled',
  dg: 'morningDigestEnabled',
  wr: 'weeklyReviewEnabled',
} as const;
export type Toggle = keyof typeof TOGGLES;

export const DAILY_TIMES = {
  dg: 'digestTime',
  dl: 'deadlineCheckTime',
  ev: 'eveningNudgeTime',
} as const;
export type DailyTime = keyof typeof DAILY_TIMES;
