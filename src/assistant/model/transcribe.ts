import { toFile } from 'openai';
import type { AssistantLanguage } from '../intent.types.js';
import type { ModelClient } from './model-client.js';

/**
 * The text of a voice message (Whisper-style `/audio/transcriptions`). `filename` matters:
 * servers guess the audio format from its extension (".ogg" for Telegram voice notes).
 */
export async function transcribe(
  client: ModelClient,
  audio: Buffer,
  filename: string,
  language?: AssistantLanguage,
): Promise<string> {
  const file = await toFile(audio, filename);
  const transcription = await client.call((openai) =>
    openai.audio.transcriptions.create({
      file,
      model: client.transcriptionModel,
      ...(language ? { language } : {}),
    }),
  );
  return transcription.text.trim();
}
