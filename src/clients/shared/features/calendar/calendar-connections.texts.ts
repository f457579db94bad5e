import { defineTexts } from '../../../../common/texts.js';

/** "Connected calendars": the ICS feed out, Google, CalDAV and ICS subscriptions in. */
export const CALENDAR_CONNECTIONS_TEXTS = defineTexts({
  ru: {
    calendarsButton: '🗓 Календари',
    calendarsTitle: '🗓 Подключённые календари',
    calendarsHint:
      'Занятое время из них учитывается при планировании шагов, а события maxOn можно записывать в выбранный календарь.',
    calendarsNone: 'Пока ни одного. Подключите свой рабочий или личный календарь:',
    feedActive: (since: string) => `📤 Ссылка на календарь maxOn создана ${since}.`,
    feedButton: '📤 Подписка на календарь',
    feedNewButton: '🔄 Новая ссылка',
    feedRotateAsk:
      'Ссылка уже есть. Новая ссылка отключит старую (календари, подписанные на неё, перестанут обновляться). Создать новую?',
    feedCreated: (url: string) =>
      `📤 Ваша секретная ссылка (показывается один раз):\n${url}\n\n` +
      'Google Календарь: «Другие календари» → «+» → «Добавить по URL».\n' +
      'Apple Календарь: «Файл» → «Новая подписка на календарь».\n' +
      'Яндекс Календарь: «Новый календарь» → «Подписаться на календарь» (вкладка «Импорт»).\n' +
      'Никому её не пересылайте: по ней виден весь ваш план.',
    googleButton: '🔗 Google Calendar',
    googleHint: 'Ссылка для Google действует 10 минут.',
    caldavButton: '➕ CalDAV: Яндекс, iCloud, Nextcloud',
    icsButton: '➕ ICS-адрес календаря',
    askCalDavUrl:
      'Адрес CalDAV-сервера? Например: https://caldav.yandex.ru, https://caldav.icloud.com или адрес вашего Nextcloud (или /cancel).',
    askCalDavUser: 'Логин (обычно адрес почты)?',
    askCalDavPassword:
      'Пароль приложения (создайте его в настройках аккаунта; обычный пароль не подойдёт). Сообщение с ним я удалю, если мессенджер позволит.',
    askIcsUrl:
      'Пришлите секретный адрес календаря в формате iCal (https://… или webcal://…), или /cancel.',
    badUrl: 'Нужен адрес, начинающийся с https:// (или webcal://). Попробуйте ещё раз или /cancel.',
    caldavRefused:
      'Сервер не принял логин и пароль приложения. Пришлите пароль ещё раз или /cancel.',
    caldavUnreachable:
      'По этому адресу не удалось прочитать календари (сервер недоступен или это не CalDAV). Проверьте адрес и попробуйте снова.',
    icsRefused:
      'Этот адрес не подходит (нужен внешний https-адрес, не локальный). Пришлите другой или /cancel.',
    connected: (name: string) => `✅ Календарь «${name}» подключён, синхронизация уже идёт.`,
    kinds: { ICS: '📥 ICS', GOOGLE: '🔗 Google', CALDAV: '📆 CalDAV' },
    connectionCalendars:
      'Календари: ✅ — занятое время учитывается, ✍️ — сюда maxOn записывает свои события.',
    calendarsUnavailable: 'Список календарей сейчас недоступен.',
    busyOn: '✅',
    busyOff: '⬜',
    writeHere: '✍️ сюда',
    syncButton: '🔄 Синхронизировать',
    disconnectButton: '🔌 Отключить',
    disconnectAsk: (name: string) =>
      `Отключить «${name}»? Его занятое время перестанет учитываться.`,
    disconnectYes: '🔌 Да, отключить',
    disconnected: 'Календарь отключён.',
    busyLabel: 'Занято',
  },
  en: {
    calendarsButton: '🗓 Calendars',
    calendarsTitle: '🗓 Connected calendars',
    calendarsHint:
      'Their busy time counts when steps are planned, and maxOn can write its events to a calendar you choose.',
    calendarsNone: 'None yet. Connect your work or personal calendar:',
    feedActive: (since: string) => `📤 Your maxOn calendar link was created ${since}.`,
    feedButton: '📤 Calendar subscription',
    feedNewButton: '🔄 New link',
    feedRotateAsk:
      'You already have a link. A new one switches the old one off (calendars subscribed to it stop updating). Make a new one?',
    feedCreated: (url: string) =>
      `📤 Your secret link (shown only once):\n${url}\n\n` +
      'Google Calendar: "Other calendars" → "+" → "From URL".\n' +
      'Apple Calendar: "File" → "New Calendar Subscription".\n' +
      'Yandex Calendar: "New calendar" → "Subscribe to calendar" ("Import" tab).\n' +
      'Do not forward it: it shows your whole plan.',
    googleButton: '🔗 Google Calendar',
    googleHint: 'The Google link works for 10 minutes.',
    caldavButton: '➕ CalDAV: Yandex, iCloud, Nextcloud',
    icsButton: '➕ A calendar’s ICS address',
    askCalDavUrl:
      'The CalDAV server address? E.g. https://caldav.yandex.ru, https://caldav.icloud.com or your Nextcloud address (or /cancel).',
    askCalDavUser: 'Username (usually your email address)?',
    askCalDavPassword:
      'An app password (make one in your account settings; your usual password will not work). I delete the message with it where the messenger allows.',
    askIcsUrl: 'Send the calendar’s secret iCal address (https://… or webcal://…), or /cancel.',
    badUrl: 'I need an address starting with https:// (or webcal://). Try again or /cancel.',
    caldavRefused:
      'The server refused this username and app password. Send the password again or /cancel.',
    caldavUnreachable:
      'No calendars could be read at this address (the server is down or it is not CalDAV). Check the address and try again.',
    icsRefused:
      'This address will not do (it must be a public https address, not a local one). Send another or /cancel.',
    connected: (name: string) => `✅ "${name}" is connected; the first sync is under way.`,
    kinds: { ICS: '📥 ICS', GOOGLE: '🔗 Google', CALDAV: '📆 CalDAV' },
    connectionCalendars: 'Calendars: ✅ — its busy time counts, ✍️ — maxOn writes its events here.',
    calendarsUnavailable: 'The list of calendars is not available right now.',
    busyOn: '✅',
    busyOff: '⬜',
    writeHere: '✍️ here',
    syncButton: '🔄 Sync now',
    disconnectButton: '🔌 Disconnect',
    disconnectAsk: (name: string) => `Disconnect "${name}"? Its busy time will stop counting.`,
    disconnectYes: '🔌 Yes, disconnect',
    disconnected: 'Calendar disconnected.',
    busyLabel: 'Busy',
  },
});
