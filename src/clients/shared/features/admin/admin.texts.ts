import { defineTexts } from '../../../../common/texts.js';

/** What /admin says (operators only). */
export const ADMIN_TEXTS = defineTexts({
  ru: {
    blocked: 'Ваш доступ к боту ограничен администратором.',
    adminStats: (s: Record<string, number>) =>
      [
        '🛠 Администрирование',
        `Пользователи: ${s.usersTotal} (сегодня ${s.activeToday}, за неделю ${s.activeThisWeek}, заблокировано ${s.blockedUsers})`,
        `Сообщений ассистенту за 24 ч: ${s.messagesHandled24h}`,
        `Цели: ${s.goals}, события: ${s.events}`,
        `Уведомления за 24 ч: ${s.notificationsFired24h}, не доставлено: ${s.notificationsFailed24h}`,
        `Ответов 429: ${s.messenger429s}, в очереди: ${s.pendingNotifications}`,
      ].join('\n'),
  },
  en: {
    blocked: 'Your access to this bot has been restricted by an administrator.',
    adminStats: (s: Record<string, number>) =>
      [
        '🛠 Administration',
        `Users: ${s.usersTotal} (today ${s.activeToday}, this week ${s.activeThisWeek}, blocked ${s.blockedUsers})`,
        `Messages to the assistant in 24 h: ${s.messagesHandled24h}`,
        `Goals: ${s.goals}, events: ${s.events}`,
        `Notifications in 24 h: ${s.notificationsFired24h}, failed: ${s.notificationsFailed24h}`,
        `429 answers: ${s.messenger429s}, queued: ${s.pendingNotifications}`,
      ].join('\n'),
  },
});
