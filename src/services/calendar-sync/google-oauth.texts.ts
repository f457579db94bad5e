import { defineTexts } from '../../common/texts.js';

/** What the browser shows at the end of the Google sign-in (/oauth/google/*). */
export const googleOAuthTexts = defineTexts({
  ru: {
    title: 'maxOn — Google Календарь',
    connected: 'Google Календарь подключён. Вернитесь в чат с maxOn, чтобы выбрать календари.',
    linkExpired: 'Ссылка устарела. Попросите у бота новую: «🔗 Google Calendar».',
    wrongBrowser:
      'Вход начат в другом браузере или ссылка подделана. Откройте новую ссылку от бота здесь же.',
    denied: 'Доступ к Google Календарю не выдан. Ничего не подключено.',
    failed: 'Google не подтвердил вход. Попробуйте ещё раз по новой ссылке от бота.',
    notConfigured: 'Google Календарь на этом сервере не настроен.',
  },
  en: {
    title: 'maxOn — Google Calendar',
    connected: 'Google Calendar is connected. Go back to the chat with maxOn to pick calendars.',
    linkExpired: 'This link has expired. Ask the bot for a new one: “🔗 Google Calendar”.',
    wrongBrowser:
      'The sign-in was started in another browser or the link was altered. Open a new link from the bot here.',
    denied: 'Access to Google Calendar was not granted. Nothing was connected.',
    failed: 'Google did not confirm the sign-in. Try again with a new link from the bot.',
    notConfigured: 'Google Calendar is not configured on this server.',
  },
});

export type GoogleOAuthMessage = Exclude<keyof (typeof googleOAuthTexts)['ru'], 'title'>;
