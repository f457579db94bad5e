import type { AssistantReplyFieldsFragment } from '../../gql/graphql.js';
import { markup, truncate } from '../../html.js';
import { button, screen, type Button, type Screen } from '../../screen.js';
import type { Texts } from '../../texts.js';

const OPENS_GOAL = new Set(['goal_created']);
const OPENS_EVENT = new Set(['event_created', 'event_updated']);

/** The assistant's answer with its quick replies (by index) and links to what it made. */
export function assistantReplyScreen(t: Texts, reply: AssistantReplyFieldsFragment): Screen {
  const text =
    reply.question && !reply.text.includes(reply.question)
      ? `${reply.text}\n\n${reply.question}`
      : reply.text;
  const rows: Button[][] = [];
  const made = reply.actions.find((action) => OPENS_GOAL.has(action.kind) && action.entityId);
  if (made?.entityId) {
    // A new goal's next steps are actions on it (callback data), not text sent back: its
    // buttons stay valid as long as the goal exists, whatever is said in between.
    const goalId = made.entityId;
    rows.push([
      button(t.quickSmart, { a: 'smart', goalId }),
      button(t.quickPlan, { a: 'plan', goalId }),
    ]);
    rows.push([button(t.openGoal, { a: 'goal', goalId })]);
    return screen(markup`${text}`, rows);
  }
  const quick = reply.quickReplies
    .slice(0, 6)
    .map((label, index) => button(quickReplyLabel(label), { a: 'quickReply', index }));
  for (let index = 0; index < quick.length; index += 2) rows.push(quick.slice(index, index + 2));
  if (reply.intent === 'small_talk' && !rows.length) {
    // Small talk ("🎉", "спасибо") still shows where to go on.
    rows.push([button(t.toMenu, { a: 'menu' }), button(t.menu.help, { a: 'help' })]);
  }
  if (reply.intent === 'unknown' && !reply.actions.length) {
    // Not understood: never a dead end. The two things people most often want, menu and help.
    rows.push(
      [button(t.menu.newGoal, { a: 'newGoal' }), button(t.menu.newEvent, { a: 'newEvent' })],
      [button(t.toMenu, { a: 'menu' }), button(t.menu.help, { a: 'help' })],
    );
  }
  for (const action of reply.actions) {
    if (!action.entityId) continue;
    if (OPENS_GOAL.has(action.kind)) {
      rows.push([
        button(t.openGoal, { a: 'goal', goalId: action.entityId }),
        button(t.coach.smartButton, { a: 'smart', goalId: action.entityId }),
      ]);
    } else if (OPENS_EVENT.has(action.kind)) {
      rows.push([button(t.openEvent, { a: 'event', eventId: action.entityId })]);
    } else if (action.kind === 'review_plan_goal') {
      // The weekly review asked for: the same buttons as the Sunday message.
      rows.push([button(action.title ?? t.openGoal, { a: 'reviewPlan', goalId: action.entityId })]);
    } else if (action.kind === 'review_open_habit') {
      rows.push([button(action.title ?? '🔁', { a: 'reviewHabit', habitId: action.entityId })]);
    }
  }
  return screen(markup`${text}`, rows);
}

/** A quick reply's button label (the reply's text, cut to fit a button). */
export function quickReplyLabel(text: string): string {
  return truncate(text, 40);
}
