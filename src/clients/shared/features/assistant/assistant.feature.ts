import { nonNegativeInt } from '../../callback-data.js';
import {
  AssistantCapabilitiesDocument,
  SendMessageDocument,
  SendVoiceDocument,
} from '../../gql/graphql.js';
import { markup } from '../../html.js';
import { screen, type Screen } from '../../screen.js';
import type { Turn } from '../../turn.js';
import type { MadeByMessage } from '../../dialog.js';
import type { Feature } from '../feature.js';
import { assistantReplyScreen, quickReplyLabel } from './assistant.views.js';
import { editReplyButtons, type EditReplyCallback } from './edit-replies.js';

export type AssistantCallback = { a: 'quickReply'; index: number } | EditReplyCallback;

const MADE_KINDS = { event_created: 'event', goal_created: 'goal' } as const;

/** The event or goal an assistant reply created, as made by the user's message `messageId`. */
export function madeBy(
  messageId: string,
  actions: readonly { kind: string; entityId?: string | null; title?: string | null }[],
): MadeByMessage | undefined {
  for (const action of actions) {
    const kind = MADE_KINDS[action.kind as keyof typeof MADE_KINDS];
    if (kind && action.entityId) {
      return { messageId, kind, id: action.entityId, title: action.title ?? '' };
    }
  }
  return undefined;
}

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

/**
 * Free text to the assistant; its quick replies are kept so their buttons can carry an index.
 * `messageId` (the user's message) is kept with what it made, so an edit of it can redo it.
 */
export async function askAssistant(turn: Turn, text: string, messageId?: string): Promise<void> {
  await turn.send(await assistantAnswer(turn, text, messageId));
}

/** The assistant's answer to `text` as a screen (its quick replies kept), not sent yet. */
export async function assistantAnswer(
  turn: Turn,
  text: string,
  messageId?: string,
): Promise<Screen> {
  return assistantReplyScreen(turn.t, await assistantReply(turn, text, messageId));
}

/** The assistant's reply to `text`; keeps its quick replies and what it made from `messageId`. */
export async function assistantReply(turn: Turn, text: string, messageId?: string) {
  const { sendMessage } = await withTyping(turn, () => turn.api(SendMessageDocument, { text }));
  const made = messageId ? madeBy(messageId, sendMessage.actions) : undefined;
  await turn.saveState({
    ...turn.state,
    quickReplies: sendMessage.quickReplies,
    ...(made && { lastMade: made }),
  });
  return sendMessage;
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
/**
 * The quick replies kept are those of the newest reply: a second tap on an older reply's button
 * (same index, another label: "Купить квартиру" then "↩️ Отменить") must not send the new one.
 * Where the platform does not report the pressed message's buttons, the index is trusted.
 */
function isStillShown(turn: Turn, index: number, text: string): boolean {
  const pressed = turn.shownButtons
    .flat()
    .find((b) => 'callback' in b && b.callback.a === 'quickReply' && b.callback.index === index);
  return !pressed || pressed.label === quickReplyLabel(text);
}

export const assistantFeature: Feature<AssistantCallback> = {
  commands: {},
  buttons: {
    ...editReplyButtons,
    quickReply: {
      code: 'qr',
      fields: { index: nonNegativeInt },
      async press(turn, { index }) {
        const text = turn.state.quickReplies?.[index];
        if (!text || !isStillShown(turn, index, text)) return turn.answer(turn.t.outdatedButton);
        await turn.answer();
        await askAssistant(turn, text);
      },
    },
  },
  dialogs: {},
};
