import { toFile } from 'openai';
import type { AssistantLanguage } from '../intent.types.js';
import type { ModelClient } from './model-client.js';
import { ModelAnswerError } from './model-errors.js';

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
  return client.call(
    (openai) =>
      openai.audio.transcriptions.create({
        file,
        model: client.transcriptionModel,
        ...(language ? { language } : {}),
      }),
    (transcription) => {
      if (typeof transcription?.text !== 'string') {
        throw new ModelAnswerError('The model server did not answer with a transcription');
      }
      return transcription.text.trim();
    },
  );
}
