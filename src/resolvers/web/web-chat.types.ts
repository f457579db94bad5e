import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { ShownScreen, WebEvent } from '../../graphql/web-chat-feed.js';

export enum WebChatEventKind {
  HISTORY = 'HISTORY',
  MESSAGE = 'MESSAGE',
  TOAST = 'TOAST',
  TYPING = 'TYPING',
}
registerEnumType(WebChatEventKind, {
  name: 'WebChatEventKind',
  description:
    'HISTORY: the recent messages (first); MESSAGE: a new or edited one; TOAST: a short notice; TYPING',
});

@ObjectType({ description: 'A button: `data` to post back to /app/api/input, or a `url` to open' })
export class WebChatButton {
  @Field()
  label: string;

  @Field(() => String, { nullable: true })
  data: string | null;

  @Field(() => String, { nullable: true })
  url: string | null;
}

@ObjectType({ description: 'A message of the web chat: the shared core’s screen' })
export class WebChatMessage {
  @Field(() => ID, { description: 'Same id again: the message was edited' })
  id: string;

  @Field({ description: 'HTML in the bots’ safe subset (b, i, u, s, code, pre, a, blockquote)' })
  html: string;

  @Field(() => String, { nullable: true, description: 'A picture above the text (data: URL)' })
  image: string | null;

  @Field(() => [[WebChatButton]])
  buttons: WebChatButton[][];
}

@ObjectType({ description: 'What the web chat shows next' })
export class WebChatEvent {
  @Field(() => WebChatEventKind)
  kind: WebChatEventKind;

  @Field(() => [WebChatMessage], { description: 'HISTORY: all of them; MESSAGE: the one' })
  messages: WebChatMessage[];

  @Field(() => String, { nullable: true, description: 'TOAST: its text' })
  text: string | null;
}

const toMessage = (shown: ShownScreen): WebChatMessage => ({
  id: shown.id,
  html: shown.html,
  image: shown.image ?? null,
  buttons: shown.buttons.map((row) =>
    row.map((button) => ({
      label: button.label,
      data: 'data' in button ? button.data : null,
      url: 'url' in button ? button.url : null,
    })),
  ),
});

export function toWebChatEvent(event: WebEvent): WebChatEvent {
  switch (event.type) {
    case 'history':
      return {
        kind: WebChatEventKind.HISTORY,
        messages: event.messages.map(toMessage),
        text: null,
      };
    case 'message':
      return { kind: WebChatEventKind.MESSAGE, messages: [toMessage(event.message)], text: null };
    case 'toast':
      return { kind: WebChatEventKind.TOAST, messages: [], text: event.text };
    case 'typing':
      return { kind: WebChatEventKind.TYPING, messages: [], text: null };
  }
}
