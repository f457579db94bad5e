import { useEffect, useRef, useState } from 'preact/hooks';
import { WebChatDocument, type WebChatSubscription } from '../../shared/gql/graphql.js';
import { post } from './api.js';
import { subscribe, useOnline } from './live.js';
import type { WebTexts } from './web.texts.js';

type Message = WebChatSubscription['webChat']['messages'][number];
type Line = (Message & { mine?: false }) | { id: string; mine: true; text: string };

/** Adds new messages at the end; a message already shown (same id) is replaced: an edit. */
function upsert(lines: Line[], messages: Message[]): Line[] {
  const next = [...lines];
  for (const message of messages) {
    const index = next.findIndex((line) => !line.mine && line.id === message.id);
    if (index < 0) next.push(message);
    else next[index] = message;
  }
  return next;
}

/**
 * The chat with the shared core: the same screens and buttons the bots show, live over the
 * `webChat` subscription (answers, edits, notifications with their Done/Snooze buttons).
 * The box is enabled once the chat is live.
 */
export function Chat({ t }: { t: WebTexts }) {
  const [lines, setLines] = useState<Line[]>([]);
  const [toast, setToast] = useState<string | null>(null);
  const [live, setLive] = useState(false);
  const online = useOnline();
  const [text, setText] = useState('');
  const end = useRef<HTMLDivElement>(null);

  useEffect(
    () =>
      // A HISTORY comes first, and again after a reconnect: merged, so nothing shown is lost.
      subscribe(WebChatDocument, {}, ({ webChat: event }) => {
        if (event.kind === 'HISTORY') setLive(true);
        if (event.kind === 'HISTORY' || event.kind === 'MESSAGE') {
          setLines((shown) => upsert(shown, event.messages));
        }
        if (event.kind === 'TOAST' && event.text) {
          setToast(event.text);
          setTimeout(() => setToast(null), 3000);
        }
      }),
    [],
  );

  useEffect(() => end.current?.scrollIntoView({ block: 'end' }), [lines.length]);

  const send = async (event: Event) => {
    event.preventDefault();
    const message = text.trim();
    if (!message) return;
    setText('');
    setLines((shown) => [...shown, { id: `me${Date.now()}`, mine: true, text: message }]);
    await post('/app/api/input', { kind: 'text', text: message });
  };

  return (
    <section class="chat">
      {!online && <div class="banner">{t.offline}</div>}
      <div class="messages" data-testid="messages">
        {lines.map((line) =>
          line.mine ? (
            <div key={line.id} class="message mine">
              {line.text}
            </div>
          ) : (
            <div key={line.id} class="message" data-message-id={line.id}>
              {line.image && <img class="picture" src={line.image} alt="" />}
              <div class="html" dangerouslySetInnerHTML={{ __html: line.html }} />
              {line.buttons.map((row, r) => (
                <div key={r} class="buttons">
                  {row.map((button) =>
                    button.url ? (
                      <a
                        key={button.label}
                        class="button"
                        href={button.url}
                        target="_blank"
                        rel="noopener noreferrer"
                      >
                        {button.label}
                      </a>
                    ) : (
                      <button
                        key={button.data}
                        class="button"
                        onClick={() =>
                          post('/app/api/input', {
                            kind: 'callback',
                            data: button.data,
                            messageId: line.id,
                          })
                        }
                      >
                        {button.label}
                      </button>
                    ),
                  )}
                </div>
              ))}
            </div>
          ),
        )}
        <div ref={end} />
      </div>
      {toast && <div class="toast">{toast}</div>}
      <form class="composer" onSubmit={send}>
        <input
          name="text"
          value={text}
          maxLength={4000}
          placeholder={t.placeholder}
          disabled={!live || !online}
          onInput={(event) => setText((event.target as HTMLInputElement).value)}
        />
        <button type="submit" disabled={!live || !online}>
          {t.send}
        </button>
      </form>
    </section>
  );
}
