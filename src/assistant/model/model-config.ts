import type { Config } from '../../config.js';
import { createModelClient, type ModelClient } from './model-client.js';

/** The model client when a model is configured (an API key or a base URL), else null. */
export function modelClientFrom(config: Config): ModelClient | null {
  if (!config.MODEL_API_KEY && !config.MODEL_BASE_URL) return null;
  return createModelClient({
    baseUrl: config.MODEL_BASE_URL ?? 'https://api.openai.com/v1',
    apiKey: config.MODEL_API_KEY ?? '',
    model: config.MODEL_NAME,
    timeoutMs: config.MODEL_TIMEOUT_MS,
    transcriptionModel: config.MODEL_TRANSCRIPTION_NAME,
    circuit: {
      failures: config.MODEL_CIRCUIT_FAILURES,
      openMs: config.MODEL_CIRCUIT_OPEN_SECONDS * 1000,
    },
  });
}
