import type { MessageBody } from '@maxhub/max-bot-api/types';
import type { ShownButton } from '../shared/messenger.js';

/** The inline keyboard of a MAX message as the core reads buttons: label and data or url. */
export function buttonsOf(body: MessageBody | undefined): ShownButton[][] {
  const keyboard = body?.attachments?.find((attachment) => attachment.type === 'inline_keyboard');
  if (keyboard?.type !== 'inline_keyboard') return [];
  return keyboard.payload.buttons.map((row) =>
    row.map((button) => ({
      label: button.text,
      ...('payload' in button && typeof button.payload === 'string' && { data: button.payload }),
      ...('url' in button && typeof button.url === 'string' && { url: button.url }),
    })),
  );
}
