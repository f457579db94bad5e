import { defineTexts, langOf } from '../../common/texts.js';
import { CalendarConnectionStatus, type CalendarConnection } from '../../entities/index.js';

const ago = {
  ru: (minutes: number) =>
    minutes < 1
      ? 'только что'
      : minutes < 60
        ? `${minutes} мин назад`
        : minutes < 48 * 60
          ? `${Math.floor(minutes / 60)} ч назад`
          : `${Math.floor(minutes / 1440)} дн назад`,
  en: (minutes: number) =>
    minutes < 1
      ? 'just now'
      : minutes < 60
        ? `${minutes} min ago`
        : minutes < 48 * 60
          ? `${Math.floor(minutes / 60)} h ago`
          : `${Math.floor(minutes / 1440)} d ago`,
};

const TEXTS = defineTexts({
  ru: {
    pending: 'ожидает первой синхронизации',
    synced: (when: string) => `синхронизировано ${when}`,
    error: (why: string) => `ошибка: ${why}; повторю позже`,
    revoked: 'ошибка: доступ отозван — переподключите',
  },
  en: {
    pending: 'waiting for the first sync',
    synced: (when: string) => `synced ${when}`,
    error: (why: string) => `error: ${why}; will retry`,
    revoked: 'error: access revoked — reconnect',
  },
});

/** The status a person reads: "синхронизировано 2 мин назад", "ошибка: доступ отозван — переподключите". */
export function connectionStatusText(
  connection: Pick<CalendarConnection, 'status' | 'lastSyncAt' | 'lastError'>,
  language: string,
  now = new Date(),
): string {
  const lang = langOf(language);
  const t = TEXTS[lang];
  if (connection.status === CalendarConnectionStatus.REVOKED) return t.revoked;
  if (connection.status === CalendarConnectionStatus.ERROR) {
    return t.error(connection.lastError ?? '?');
  }
  if (!connection.lastSyncAt) return t.pending;
  const minutes = Math.floor((now.getTime() - connection.lastSyncAt.getTime()) / 60_000);
  return t.synced(ago[lang](minutes));
}
