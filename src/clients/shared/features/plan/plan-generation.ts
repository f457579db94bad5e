import {
  CancelPlanGenerationDocument,
  GeneratePlanDocument,
  GoalCardDocument,
  PlanProgressDocument,
} from '../../gql/graphql.js';
import { fitForEdit } from '../../messenger.js';
import type { Screen } from '../../screen.js';
import type { Turn } from '../../turn.js';
import { notice } from '../menu/menu.views.js';
import { planProgressScreen, planProposalScreen } from './plan.views.js';

/**
 * Plan generation shows one message with a progress bar, edited as the API reports progress,
 * with a cancel button. It runs outside the chat's update queue so the cancel press is
 * handled while the plan is still being made.
 */
export async function startPlanGeneration(turn: Turn, goalId: string): Promise<void> {
  const { logger } = turn;
  if (turn.incoming.kind !== 'callback') return;
  const messageId = turn.incoming.messageId;
  // A button of a goal deleted since: NOT_FOUND here says so, before any progress is shown.
  await turn.api(GoalCardDocument, { id: goalId });
  await turn.show(planProgressScreen(turn.t, goalId, 0));
  const key = `${turn.chatId}:${goalId}`;
  const editor = new LatestEdit((screen) =>
    turn.messenger.edit(turn.chatId, messageId, fitForEdit(turn.messenger, screen)),
  );
  RUNNING.set(key, editor);
  let shown = { percent: 0, stage: 'started' };
  // The stages are published as the API works: listen before asking, or the first are lost
  // (never waiting long: without them the plan still comes).
  let connected = () => {};
  const listening = new Promise<void>((resolve) => {
    connected = resolve;
    setTimeout(resolve, LISTEN_WAIT_MS).unref();
  });
  const unsubscribe = turn.subscribe(
    PlanProgressDocument,
    { goalId },
    {
      onData: ({ planProgress }) => {
        const { percent, stage } = planProgress;
        if (percent <= shown.percent || percent >= 100 || editor.isClosed) return;
        // Each stage as it comes, edited in place (a later one overtakes an edit in flight).
        shown = { percent, stage };
        editor.push(planProgressScreen(turn.t, goalId, percent, stage));
      },
      onError: (error) => logger.warn({ err: error }, 'plan progress subscription failed'),
      onConnected: () => connected(),
    },
  );
  void (async () => {
    try {
      await listening;
      const { generatePlan } = await turn.api(GeneratePlanDocument, { goalId });
      if (editor.isClosed) return; // cancelled: the notice stays
      editor.push(
        generatePlan
          ? planProposalScreen(turn.t, turn.lang, goalId, generatePlan)
          : notice(turn.t, turn.t.planCancelled),
      );
    } catch (error) {
      logger.warn({ err: error }, 'plan generation failed');
      editor.push(notice(turn.t, turn.t.apology));
    } finally {
      if (RUNNING.get(key) === editor) RUNNING.delete(key);
      unsubscribe();
      await editor.settled();
    }
  })();
}

const LISTEN_WAIT_MS = 1000;

/** Plan generations this bot shows, by chat and goal, so a cancel press can end them. */
const RUNNING = new Map<string, LatestEdit>();

/**
 * The cancel button: the API stops the generation, and whatever it still returns is not shown.
 * The notice goes through the generation's own editor, after any edit already in flight.
 */
export async function cancelPlanGeneration(turn: Turn, goalId: string): Promise<void> {
  await turn.api(CancelPlanGenerationDocument, { goalId });
  await turn.answer(turn.t.planCancelled);
  const cancelled = notice(turn.t, turn.t.planCancelled);
  const editor = RUNNING.get(`${turn.chatId}:${goalId}`);
  if (!editor) return turn.show(cancelled);
  editor.close(cancelled);
  await editor.settled();
}

/** Edits one message, skipping screens overtaken by a newer one while an edit is in flight. */
class LatestEdit {
  private next: Screen | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly edit: (screen: Screen) => Promise<void>) {}

  private closed = false;

  get isClosed() {
    return this.closed;
  }

  push(screen: Screen): void {
    if (this.closed) return;
    this.next = screen;
    this.running ??= this.drain();
  }

  /** Shows `last` and nothing after it. */
  close(last: Screen): void {
    this.push(last);
    this.closed = true;
  }

  async settled(): Promise<void> {
    await this.running;
  }

  private async drain(): Promise<void> {
    while (this.next) {
      const screen = this.next;
      this.next = null;
      await this.edit(screen).catch(() => {});
    }
    this.running = null;
  }
}
