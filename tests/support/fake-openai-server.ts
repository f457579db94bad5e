import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake server does with the next request, in the order scripted. */
export type Behaviour =
  /** A chat completion whose message content is `JSON.stringify(content)`. */
  | { kind: 'json'; content: unknown }
  /** A chat completion whose content is this text as is (e.g. not JSON). */
  | { kind: 'raw'; content: string }
  /** A transcription answer `{ text }`. */
  | { kind: 'transcript'; text: string }
  /** An HTTP error; `retryAfterMs` sends the header the SDK waits by. */
  | { kind: 'status'; status: number; retryAfterMs?: number }
  /** A 200 with this body and content type as they are (not a chat completion). */
  | { kind: 'body'; contentType: string; body: string }
  /** Waits, then does `then` if the client is still there. */
  | { kind: 'delay'; ms: number; then: Behaviour };

export const answer = (content: unknown): Behaviour => ({ kind: 'json', content });
export const rawAnswer = (content: string): Behaviour => ({ kind: 'raw', content });
export const rawBody = (contentType: string, body: string): Behaviour => ({
  kind: 'body',
  contentType,
  body,
});
export const transcript = (text: string): Behaviour => ({ kind: 'transcript', text });
export const httpError = (status: number, retryAfterMs?: number): Behaviour => ({
  kind: 'status',
  status,
  retryAfterMs,
});
export const delay = (ms: number, then: Behaviour = answer({})): Behaviour => ({
  kind: 'delay',
  ms,
  then,
});

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** Parsed JSON, or the text fields of a multipart form (files as "<name> (<size> bytes)"). */
  body: Record<string, unknown>;
}

export interface FakeOpenAiServer {
  /** The base URL to give the SDK, ending in /v1. */
  url: string;
  requests: RecordedRequest[];
  script(...behaviours: Behaviour[]): void;
  /** Scripted behaviours not used yet. */
  remaining(): number;
  /** Forgets the script and the recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeOpenAiServer(): Promise<FakeOpenAiServer> {
  const queue: Behaviour[] = [];
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const perform = (behaviour: Behaviour, res: ServerResponse, model: unknown): void => {
    if (res.destroyed) return; // the client gave up (timeout)
    switch (behaviour.kind) {
      case 'json':
        return send(res, 200, completion(JSON.stringify(behaviour.content), model));
      case 'raw':
        return send(res, 200, completion(behaviour.content, model));
      case 'transcript':
        return send(res, 200, { text: behaviour.text });
      case 'body':
        res.writeHead(200, { 'content-type': behaviour.contentType });
        return void res.end(behaviour.body);
      case 'status': {
        const headers: Record<string, string> = {};
        if (behaviour.retryAfterMs !== undefined) {
          headers['retry-after-ms'] = String(behaviour.retryAfterMs);
        }
        const error = { message: `fake ${behaviour.status}`, type: 'fake_error' };
        return send(res, behaviour.status, { error }, headers);
      }
      case 'delay': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          perform(behaviour.then, res, model);
        }, behaviour.ms);
        timers.add(timer);
        return;
      }
    }
  };

  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      const known = ['/v1/chat/completions', '/v1/audio/transcriptions'].includes(req.url ?? '');
      if (req.method !== 'POST' || !known) {
        return send(res, 404, { error: { message: `fake: no route ${req.url}` } });
      }
      const next = queue.shift();
      // Unscripted: a non-retryable error the test will notice.
      if (!next) return send(res, 418, { error: { message: 'fake: nothing scripted' } });
      perform(next, res, body.model);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...behaviours) => void queue.push(...behaviours),
    remaining: () => queue.length,
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

function completion(content: string, model: unknown) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null },
        finish_reason: 'stop',
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
  };
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    // undici's Response parses multipart forms.
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    const fields: Record<string, unknown> = {};
    for (const [name, value] of form) {
      fields[name] = typeof value === 'string' ? value : `${value.name} (${value.size} bytes)`;
    }
    return fields;
  }
  return raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {};
}
