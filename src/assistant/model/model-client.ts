import OpenAI, { APIConnectionError, APIError } from 'openai';
import { z } from 'zod';
import { CircuitBreaker, type CircuitHealth, type CircuitSettings } from './circuit-breaker.js';
import { ModelAnswerError, ModelUnavailableError } from './model-errors.js';

/** How to reach an OpenAI-compatible server (OpenAI, a proxy, Ollama, vLLM). */
export interface ModelSettings {
  /** e.g. "https://api.openai.com/v1" or "http://localhost:11434/v1". */
  baseUrl: string;
  /** Local servers ignore it and may be given an empty string. */
  apiKey: string;
  model: string;
  /** Per attempt; a failed attempt is retried once. */
  timeoutMs: number;
  transcriptionModel: string;
  /** Unset: the model is always called (the settings give one). */
  circuit?: CircuitSettings;
}

export { ModelAnswerError, ModelUnavailableError } from './model-errors.js';

/**
 * A configured SDK client. The SDK instance is kept in a private field so that logging this
 * object (or JSON.stringify) shows the model names, never the API key.
 */
export class ModelClient {
  readonly #openai: OpenAI;
  readonly #breaker: CircuitBreaker;

  constructor(
    readonly model: string,
    readonly transcriptionModel: string,
    openai: OpenAI,
    circuit: CircuitSettings = { failures: Infinity, openMs: 0 },
  ) {
    this.#openai = openai;
    this.#breaker = new CircuitBreaker(circuit);
  }

  /** For /health: whether the model is being called. */
  health(): CircuitHealth {
    return this.#breaker.health();
  }

  get openai(): OpenAI {
    return this.#openai;
  }

  /**
   * Runs an SDK call through the circuit breaker, turning its failures into
   * ModelUnavailableError; `check` turns the answer into what the caller needs (or throws
   * ModelAnswerError), and its failures count for the breaker too.
   */
  async call<T, R = T>(
    request: (openai: OpenAI) => Promise<T>,
    check: (answer: T) => R = (answer) => answer as unknown as R,
  ): Promise<R> {
    return this.#breaker.run(async () => {
      let answer: T;
      try {
        answer = await request(this.#openai);
      } catch (error) {
        throw this.#unavailable(error);
      }
      return check(answer);
    });
  }

  #unavailable(error: unknown): unknown {
    // Not an HTTP error: a body the SDK could not read (a 200 with garbage as JSON).
    if (!(error instanceof APIError)) {
      return new ModelUnavailableError(`Model failed: ${String(error)}`, undefined, {
        cause: error,
      });
    }
    // Some proxies echo request headers in their errors; never let the key through.
    const key = this.#openai.apiKey;
    const message = key ? error.message.split(key).join('***') : error.message;
    const reason = error instanceof APIConnectionError ? 'unreachable' : 'failed';
    return new ModelUnavailableError(`Model ${reason}: ${message}`, error.status, {
      cause: error,
    });
  }
}

export function createModelClient(settings: ModelSettings): ModelClient {
  const openai = new OpenAI({
    baseURL: settings.baseUrl,
    // The SDK refuses an empty key; servers without authentication ignore this one.
    apiKey: settings.apiKey || 'no-key',
    // Only what the settings say: no organisation or project read from the environment.
    organization: null,
    project: null,
    timeout: settings.timeoutMs,
    maxRetries: 1,
  });
  return new ModelClient(settings.model, settings.transcriptionModel, openai, settings.circuit);
}

export interface JsonRequest<T> {
  /** The system prompt. */
  prompt: string;
  /** The user's message. */
  user: string;
  schemaName: string;
  /** A strict-mode JSON schema (see toStrictJsonSchema). */
  jsonSchema: Record<string, unknown>;
  zodSchema: z.ZodType<T>;
}

/** Asks for a JSON answer constrained by a schema, and validates what comes back. */
export async function completeJson<T>(client: ModelClient, request: JsonRequest<T>): Promise<T> {
  return client.call(
    (openai) =>
      openai.chat.completions.create({
        model: client.model,
        messages: [
          { role: 'system', content: request.prompt },
          { role: 'user', content: request.user },
        ],
        response_format: {
          type: 'json_schema',
          json_schema: { name: request.schemaName, schema: request.jsonSchema, strict: true },
        },
      }),
    (completion) => answerOf(completion, request),
  );
}

function answerOf<T>(completion: unknown, request: JsonRequest<T>): T {
  // A 200 from a broken proxy may be an HTML page, an empty body or other JSON.
  const choices = (completion as { choices?: unknown } | null)?.choices;
  if (!Array.isArray(choices)) {
    throw new ModelAnswerError('The model server did not answer with a chat completion');
  }
  const choice = choices[0] as OpenAI.ChatCompletion.Choice | undefined;
  const content = choice?.message?.content;
  if (!content || typeof content !== 'string') {
    const why = choice?.message?.refusal ? 'refused' : `finished: ${choice?.finish_reason}`;
    throw new ModelAnswerError(`The model gave no content (${why})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(stripFences(content));
  } catch {
    throw new ModelAnswerError(`The model's answer is not JSON (${content.length} characters)`);
  }
  const parsed = request.zodSchema.safeParse(json);
  if (!parsed.success) {
    throw new ModelAnswerError(`The model's answer does not match ${request.schemaName}`, {
      cause: new Error(z.prettifyError(parsed.error)),
    });
  }
  return parsed.data;
}

/** Servers that ignore response_format sometimes wrap the JSON in a Markdown fence. */
function stripFences(content: string): string {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/u.exec(content);
  return fenced?.[1] ?? content;
}

type JsonObject = Record<string, unknown>;

/**
 * The JSON schema of a zod schema in the form OpenAI's strict mode accepts: every property
 * required (optional values are expressed as nullable), no additional properties, no
 * `$schema`. Date formats keep `format` but lose zod's long calendar regexes, which some
 * servers cannot compile into a grammar; zod still checks them on the way back.
 */
export function toStrictJsonSchema(schema: z.ZodType): JsonObject {
  const json = strictify(z.toJSONSchema(schema)) as JsonObject;
  delete json.$schema;
  return json;
}

function strictify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strictify);
  if (typeof node !== 'object' || node === null) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) out[key] = strictify(value);
  if (typeof out.format === 'string') delete out.pattern;
  if (out.type === 'object' && typeof out.properties === 'object' && out.properties) {
    out.required = Object.keys(out.properties);
    out.additionalProperties = false;
  }
  return out;
}
