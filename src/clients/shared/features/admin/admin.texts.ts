import { defineTexts } from '../../../../common/texts.js';

/** A user as the card shows them (the view formats dates in the operator's timezone). */
export interface AdminUserLines {
  name: string;
  accounts: string;
  language: string;
  created: string;
  lastActive: string;
  goals: number;
  events: number;
  blocked: boolean;
}

/** What a broadcast's progress message shows. */
export interface BroadcastLines {
  bar: string;
  sent: number;
  failed: number;
  total: number;
}

/** What /admin says (operators only); in the bots' texts (keys start with `admin`, but `blocked`). */
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
    adminRefresh: '🔄 Статистика',
    adminRefreshed: 'Обновлено',
    adminFind: '🔍 Найти пользователя',
    adminBroadcast: '📣 Рассылка',
    adminBack: '⬅️ Админка',
    adminAskUser:
      'Кого найти? Пришлите id в мессенджере (telegram:123 или просто 123), id пользователя или имя. /cancel — выйти.',
    adminNobody: (query: string) => `Никого не нашёл по «${query}».`,
    adminSeveral: (query: string) => `По «${query}» нашлось несколько — выберите:`,
    adminUserCard: (u: AdminUserLines) =>
      [
        `👤 ${u.name}`,
        `Аккаунты: ${u.accounts}`,
        `Язык: ${u.language}`,
        `С нами с: ${u.created}`,
        `Последняя активность: ${u.lastActive}`,
        `Цели: ${u.goals}, события: ${u.events}`,
        u.blocked ? '⛔️ Заблокирован' : '✅ Не заблокирован',
      ].join('\n'),
    adminNoName: 'без имени',
    adminNever: 'нет',
    adminBlock: '⛔️ Заблокировать',
    adminUnblock: '✅ Разблокировать',
    adminConfirmBlock: (name: string) =>
      `Заблокировать ${name}? Бот будет отвечать ему одной строкой, API откажет во всём, напоминания остановятся.`,
    adminBlockYes: '⛔️ Да, заблокировать',
    adminCancel: '✖️ Отмена',
    adminBlockedToast: 'Заблокирован',
    adminUnblockedToast: 'Разблокирован',
    adminAskBroadcast:
      'Текст рассылки? Пришлите его одним сообщением (до 2000 символов). /cancel — выйти.',
    adminAudience: (text: string) =>
      `Текст рассылки:\n\n${text}\n\nКому отправить? Другой текст — просто пришлите его.`,
    adminToAll: 'Всем',
    adminToRu: 'Русскоязычным',
    adminToEn: 'Англоязычным',
    adminAudienceName: { all: 'всем', ru: 'русскоязычным', en: 'англоязычным' },
    adminPreview: (text: string, audience: string, count: number) =>
      `Текст рассылки:\n\n${text}\n\nПолучателей (${audience}): ${count}. Отправить?`,
    adminConfirm: '📣 Отправить',
    adminDraftGone: 'Эта рассылка уже отправлена или отменена.',
    adminNoRecipients: 'Получателей нет: отправлять некому.',
    adminProgress: (p: BroadcastLines) =>
      `📣 Рассылка идёт\n${p.bar} ${p.sent + p.failed}/${p.total}\nНе доставлено: ${p.failed}`,
    adminDone: (p: BroadcastLines) =>
      `✅ Рассылка завершена\n${p.bar} ${p.sent + p.failed}/${p.total}\nДоставлено: ${p.sent}, не доставлено: ${p.failed}`,
    adminCancelled: (p: BroadcastLines) =>
      `✖️ Рассылка отменена\nДоставлено: ${p.sent} из ${p.total}, не доставлено: ${p.failed}`,
    adminStopBroadcast: '✖️ Остановить рассылку',
    adminRefreshProgress: '🔄 Обновить',
    adminAlreadyDone: 'Рассылка уже доставлена.',
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
    adminRefresh: '🔄 Stats',
    adminRefreshed: 'Updated',
    adminFind: '🔍 Find a user',
    adminBroadcast: '📣 Broadcast',
    adminBack: '⬅️ Admin',
    adminAskUser:
      'Whom to find? Send a messenger id (telegram:123 or just 123), a user id or a name. /cancel to leave.',
    adminNobody: (query: string) => `Nobody found for “${query}”.`,
    adminSeveral: (query: string) => `Several users match “${query}” — pick one:`,
    adminUserCard: (u: AdminUserLines) =>
      [
        `👤 ${u.name}`,
        `Accounts: ${u.accounts}`,
        `Language: ${u.language}`,
        `Joined: ${u.created}`,
        `Last active: ${u.lastActive}`,
        `Goals: ${u.goals}, events: ${u.events}`,
        u.blocked ? '⛔️ Blocked' : '✅ Not blocked',
      ].join('\n'),
    adminNoName: 'no name',
    adminNever: 'never',
    adminBlock: '⛔️ Block',
    adminUnblock: '✅ Unblock',
    adminConfirmBlock: (name: string) =>
      `Block ${name}? The bot will answer them with one line, the API will refuse everything, reminders stop.`,
    adminBlockYes: '⛔️ Yes, block',
    adminCancel: '✖️ Cancel',
    adminBlockedToast: 'Blocked',
    adminUnblockedToast: 'Unblocked',
    adminAskBroadcast:
      'The broadcast text? Send it as one message (up to 2000 characters). /cancel to leave.',
    adminAudience: (text: string) =>
      `Broadcast text:\n\n${text}\n\nTo whom? To change the text, just send another one.`,
    adminToAll: 'Everyone',
    adminToRu: 'Russian speakers',
    adminToEn: 'English speakers',
    adminAudienceName: { all: 'everyone', ru: 'Russian speakers', en: 'English speakers' },
    adminPreview: (text: string, audience: string, count: number) =>
      `Broadcast text:\n\n${text}\n\nRecipients (${audience}): ${count}. Send it?`,
    adminConfirm: '📣 Send',
    adminDraftGone: 'This broadcast is sent or cancelled already.',
    adminNoRecipients: 'Nobody to send it to.',
    adminProgress: (p: BroadcastLines) =>
      `📣 Broadcast in progress\n${p.bar} ${p.sent + p.failed}/${p.total}\nFailed: ${p.failed}`,
    adminDone: (p: BroadcastLines) =>
      `✅ Broadcast finished\n${p.bar} ${p.sent + p.failed}/${p.total}\nDelivered: ${p.sent}, failed: ${p.failed}`,
    adminCancelled: (p: BroadcastLines) =>
      `✖️ Broadcast cancelled\nDelivered: ${p.sent} of ${p.total}, failed: ${p.failed}`,
    adminStopBroadcast: '✖️ Stop the broadcast',
    adminRefreshProgress: '🔄 Refresh',
    adminAlreadyDone: 'The broadcast is delivered already.',
  },
});
