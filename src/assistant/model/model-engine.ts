import type { IntentEngine, ParseContext, ParsedIntent } from '../intent.types.js';
import { offlineEngine } from '../offline/offline-engine.js';
import { INTENT_JSON_SCHEMA, intentAnswerSchema, toParsedIntent } from './intent-schema.js';
import {
  completeJson,
  type ModelClient,
  ModelAnswerError,
  ModelUnavailableError,
} from './model-client.js';
import { contextVars, renderPrompt } from './prompts.js';

/** Reads a message with an OpenAI-compatible model (prompts/intent.md). */
export class ModelIntentEngine implements IntentEngine {
  readonly name = 'model';

  constructor(private readonly client: ModelClient) {}

  async parseMessage(text: string, context: ParseContext): Promise<ParsedIntent> {
    const prompt = renderPrompt(
      'intent',
      contextVars(context.now, context.timezone, context.language, context.known),
    );
    const answer = await completeJson(this.client, {
      prompt,
      user: text,
      schemaName: 'intent',
      jsonSchema: INTENT_JSON_SCHEMA,
      zodSchema: intentAnswerSchema,
    });
    return toParsedIntent(answer);
  }
}

/** The part of a pino logger the fallback needs. */
export interface WarnLogger {
  warn(obj: object, msg: string): void;
}

export interface SourcedIntent {
  intent: ParsedIntent;
  /** Which engine answered. */
  engine: 'model' | 'offline';
}

/**
 * The model first; when it is unreachable or answers nonsense, the offline engine, with a
 * warning. Other errors (bugs) are not hidden.
 */
export class FallbackIntentEngine implements IntentEngine {
  readonly name = 'model+offline';

  constructor(
    private readonly primary: IntentEngine,
    private readonly logger: WarnLogger,
    private readonly fallback: IntentEngine = offlineEngine,
  ) {}

  async parseMessage(text: string, context: ParseContext): Promise<ParsedIntent> {
    return (await this.parseWithSource(text, context)).intent;
  }

  async parseWithSource(text: string, context: ParseContext): Promise<SourcedIntent> {
    try {
      return { intent: await this.primary.parseMessage(text, context), engine: 'model' };
    } catch (error) {
      if (!(error instanceof ModelUnavailableError || error instanceof ModelAnswerError)) {
        throw error;
      }
      // The message itself stays out of the logs; its length helps to tell cases apart.
      this.logger.warn(
        { err: error, engine: this.primary.name, textLength: text.length },
        'The model engine failed; answering with the offline engine',
      );
      return { intent: await this.fallback.parseMessage(text, context), engine: 'offline' };
    }
  }
}
