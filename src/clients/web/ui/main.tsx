import { render } from 'preact';
import { useState } from 'preact/hooks';
import { post, RequestError, setCsrfToken } from './api.js';
import { Calendar } from './calendar.js';
import { Chat } from './chat.js';
import { Goals } from './goals.js';
import { Settings } from './settings.js';
import { applyMessengerTheme } from './theme.js';
import { webTexts, type WebTexts } from './web.texts.js';
import './styles.css';

type Tab = 'chat' | 'calendar' | 'goals' | 'settings';
interface Session {
  csrfToken: string;
  language: string;
}

function App({ t }: { t: WebTexts }) {
  const [tab, setTab] = useState<Tab>('chat');
  // The calendar stays mounted once opened: it keeps itself current while the chat is used.
  const [calendarOpened, setCalendarOpened] = useState(false);
  const show = (name: Tab) => {
    setTab(name);
    if (name === 'calendar') setCalendarOpened(true);
  };
  return (
    <div class="app">
      <nav class="tabs">
        {(Object.keys(t.tabs) as Tab[]).map((name) => (
          <button
            key={name}
            class={name === tab ? 'tab active' : 'tab'}
            data-tab={name}
            onClick={() => show(name)}
          >
            {t.tabs[name]}
          </button>
        ))}
      </nav>
      <main>
        {/* The chat stays mounted: its subscription keeps receiving notifications on other tabs. */}
        <div hidden={tab !== 'chat'} class="pane">
          <Chat t={t} />
        </div>
        {calendarOpened && (
          <div hidden={tab !== 'calendar'} class="pane">
            <Calendar t={t} />
          </div>
        )}
        {tab === 'goals' && <Goals t={t} />}
        {tab === 'settings' && <Settings t={t} />}
      </main>
    </div>
  );
}

function SignIn({ t, failure }: { t: WebTexts; failure: string | null }) {
  return (
    <div class="sign-in">
      <h1>{t.signInTitle}</h1>
      {failure && <p class="error">{t.signInFailed(failure)}</p>}
      <p>{t.signInHelp}</p>
    </div>
  );
}

/**
 * Signs in from what the URL's fragment brings (a one-time link's token, Telegram's or MAX's
 * init data), forgets the fragment, then asks the server who it is.
 */
async function start(): Promise<{ session: Session | null; failure: string | null }> {
  const fragment = new URLSearchParams(location.hash.slice(1));
  applyMessengerTheme(fragment);
  history.replaceState(null, '', location.pathname);
  const attempts: [string, string, string][] = [
    ['signin', '/app/auth/link', 'token'],
    ['tgWebAppData', '/app/auth/telegram', 'initData'],
    ['WebAppData', '/app/auth/max', 'initData'],
  ];
  let failure: string | null = null;
  for (const [key, path, field] of attempts) {
    const value = fragment.get(key);
    if (!value) continue;
    try {
      return { session: await post<Session>(path, { [field]: value }), failure: null };
    } catch (error) {
      failure = error instanceof RequestError ? error.message : String(error);
    }
  }
  const response = await fetch('/app/auth/session', { credentials: 'same-origin' });
  return { session: response.ok ? ((await response.json()) as Session) : null, failure };
}

const root = document.getElementById('app')!;
void start().then(({ session, failure }) => {
  const t = webTexts(session?.language ?? navigator.language);
  document.documentElement.lang = session?.language?.toLowerCase().startsWith('en') ? 'en' : 'ru';
  if (!session) return render(<SignIn t={t} failure={failure} />, root);
  setCsrfToken(session.csrfToken);
  render(<App t={t} />, root);
});
