import { useEffect, useState } from 'preact/hooks';
import {
  MeDocument,
  UpdateSettingsDocument,
  type SettingsFieldsFragment,
} from '../../shared/gql/graphql.js';
import { gql, post, RequestError } from './api.js';
import type { WebTexts } from './web.texts.js';

type Toggle = keyof WebTexts['toggles'];

/** Settings as a form: one UpdateSettings call with what changed; errors shown as the API says. */
export function Settings({ t }: { t: WebTexts }) {
  const [settings, setSettings] = useState<SettingsFieldsFragment | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => void gql(MeDocument, {}).then(({ me }) => setSettings(me.settings)), []);
  if (!settings) return <section class="settings" />;
  const set = (changes: Partial<SettingsFieldsFragment>) =>
    setSettings({ ...settings, ...changes });

  const save = async (event: Event) => {
    event.preventDefault();
    try {
      const { updateSettings } = await gql(UpdateSettingsDocument, {
        input: {
          language: settings.language,
          timezone: settings.timezone,
          digestTime: settings.digestTime,
          quietHoursStart: settings.quietHoursStart || null,
          quietHoursEnd: settings.quietHoursEnd || null,
          ...Object.fromEntries(
            (Object.keys(t.toggles) as Toggle[]).map((key) => [key, settings[key]]),
          ),
        },
      });
      setSettings(updateSettings.settings);
      setStatus(t.saved);
    } catch (error) {
      setStatus(error instanceof RequestError ? error.message : String(error));
    }
  };
  const signOut = async (path: string) => {
    await post(path);
    location.reload();
  };

  return (
    <form class="settings" onSubmit={save} data-testid="settings">
      <label>
        {t.language}
        <select
          value={settings.language}
          onChange={(e) =>
            set({
              language: (e.target as HTMLSelectElement).value as SettingsFieldsFragment['language'],
            })
          }
        >
          <option value="RU">Русский</option>
          <option value="EN">English</option>
        </select>
      </label>
      <label>
        {t.timezone}
        <input
          value={settings.timezone}
          onInput={(e) => set({ timezone: (e.target as HTMLInputElement).value })}
        />
      </label>
      {(Object.keys(t.toggles) as Toggle[]).map((key) => (
        <label key={key} class="toggle">
          <input
            type="checkbox"
            checked={settings[key]}
            onChange={(e) => set({ [key]: (e.target as HTMLInputElement).checked })}
          />
          {t.toggles[key]}
        </label>
      ))}
      <label>
        {t.digestTime}
        <input
          type="time"
          value={String(settings.digestTime)}
          onInput={(e) => set({ digestTime: (e.target as HTMLInputElement).value })}
        />
      </label>
      <label>
        {t.quietHours}
        <span class="pair">
          <input
            type="time"
            value={String(settings.quietHoursStart ?? '')}
            onInput={(e) => set({ quietHoursStart: (e.target as HTMLInputElement).value })}
          />
          –
          <input
            type="time"
            value={String(settings.quietHoursEnd ?? '')}
            onInput={(e) => set({ quietHoursEnd: (e.target as HTMLInputElement).value })}
          />
        </span>
      </label>
      <button type="submit">{t.save}</button>
      {status && <p class="status">{status}</p>}
      <hr />
      <button type="button" onClick={() => signOut('/app/auth/sign-out')}>
        {t.signOut}
      </button>
      <button type="button" onClick={() => signOut('/app/auth/sign-out-everywhere')}>
        {t.signOutEverywhere}
      </button>
    </form>
  );
}
