import { nonNegativeInt } from '../../callback-data.js';
import {
  AssistantCapabilitiesDocument,
  SendMessageDocument,
  SendVoiceDocument,
} from '../../gql/graphql.js';
import { markup } from '../../html.js';
import { screen, type Screen } from '../../screen.js';
import type { Turn } from '../../turn.js';
import type { Feature } from '../feature.js';
import { assistantReplyScreen } from './assistant.views.js';

export type AssistantCallback = { a: 'quickReply'; index: number };

/** Shows "typing…" while `work` runs (the messenger clears it after ~5 s, so it is renewed). */
async function withTyping<T>(turn: Turn, work: () => Promise<T>): Promise<T> {
  const renew = () => void turn.messenger.typing(turn.chatId).catch(() => {});
  renew();
  const timer = setInterval(renew, 4500);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

/** Free text to the assistant; its quick replies are kept so their buttons can carry an index. */
export async function askAssistant(turn: Turn, text: string): Promise<void> {
  await turn.send(await assistantAnswer(turn, text));
}

/** The assistant's answer to `text` as a screen (its quick replies kept), not sent yet. */
export async function assistantAnswer(turn: Turn, text: string): Promise<Screen> {
  const { sendMessage } = await withTyping(turn, () => turn.api(SendMessageDocument, { text }));
  await turn.saveState({ ...turn.state, quickReplies: sendMessage.quickReplies });
  return assistantReplyScreen(turn.t, sendMessage);
}

/** A voice message, when the API can transcribe it. */
export async function askAssistantByVoice(
  turn: Turn,
  download: (() => Promise<{ data: Buffer; filename: string }>) | null,
): Promise<void> {
  const { assistantCapabilities } = await turn.api(AssistantCapabilitiesDocument, {});
  if (!assistantCapabilities.voice || !download) {
    await turn.send(screen(markup`${turn.t.voiceUnavailable}`));
    return;
  }
  const { sendVoice } = await withTyping(turn, async () => {
    const audio = await download();
    return turn.api(SendVoiceDocument, {
      audioBase64: audio.data.toString('base64'),
      filename: audio.filename,
    });
  });
  await turn.saveState({ ...turn.state, quickReplies: sendVoice.quickReplies });
  await turn.send(assistantReplyScreen(turn.t, sendVoice));
}

/** The assistant: free text and voice (outside a dialog), and its quick-reply buttons. */
export const assistantFeature: Feature<AssistantCallback> = {
  commands: {},
  buttons: {
    quickReply: {
      code: 'qr',
      fields: { index: nonNegativeInt },
      async press(turn, { index }) {
        const text = turn.state.quickReplies?.[index];
        if (!text) return turn.answer(turn.t.outdatedButton);
        await turn.answer();
        await askAssistant(turn, text);
      },
    },
  },
  dialogs: {},
};
