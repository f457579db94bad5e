import { useEffect, useRef, useState } from 'preact/hooks';
import type { ShownScreen, WebEvent } from '../web-protocol.js';
import { post } from './api.js';
import type { WebTexts } from './web.texts.js';

type Line = (ShownScreen & { mine?: false }) | { id: string; mine: true; text: string };

/**
 * The chat with the shared core: the same screens and buttons the bots show, live over
 * Server-Sent Events (answers, edits, notifications with their Done/Snooze buttons).
 */
export function Chat({ t }: { t: WebTexts }) {
  const [lines, setLines] = useState<Line[]>([]);
  const [toast, setToast] = useState<string | null>(null);
  const [online, setOnline] = useState(true);
  const [text, setText] = useState('');
  const end = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const stream = new EventSource('/app/api/stream');
    stream.onopen = () => setOnline(true);
    stream.onerror = () => setOnline(false);
    stream.onmessage = (message) => {
      const event = JSON.parse(message.data as string) as WebEvent;
      if (event.type === 'history') setLines(event.messages);
      if (event.type === 'message') {
        setLines((shown) => {
          const index = shown.findIndex((line) => !line.mine && line.id === event.message.id);
          if (index < 0) return [...shown, event.message];
          return shown.map((line, i) => (i === index ? event.message : line));
        });
      }
      if (event.type === 'toast') {
        setToast(event.text);
        setTimeout(() => setToast(null), 3000);
      }
    };
    return () => stream.close();
  }, []);

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
                    'url' in button ? (
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
          onInput={(event) => setText((event.target as HTMLInputElement).value)}
        />
        <button type="submit">{t.send}</button>
      </form>
    </section>
  );
}
