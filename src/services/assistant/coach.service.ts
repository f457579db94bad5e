import type { DataSource } from 'typeorm';
import { DomainError, notFound } from '../../errors/domain-error.js';
import { Goal, PlanProposal, type User } from '../../entities/index.js';
import type { Logger } from '../../logger.js';
import type { AppPubSub, PlanProgressUpdate } from '../../pubsub.js';
import type { GoalService } from '../goal.service.js';
import type { StepService } from '../step.service.js';
import {
  ModelAnswerError,
  ModelUnavailableError,
  type ModelClient,
} from '../../assistant/model/model-client.js';
import { analyzeGoalWithModel, generatePlanWithModel } from '../../assistant/model/model-coach.js';
import type {
  CoachContext,
  CoachGoal,
  PlanProposal as Plan,
  SmartReview,
} from '../../assistant/coach/coach.types.js';
import { generatePlanOffline } from '../../assistant/coach/offline-plan.js';
import { analyzeGoalOffline } from '../../assistant/coach/offline-smart.js';

/**
 * The goal coach: SMART reviews and step plans, from the model when one is configured and
 * from the offline heuristics otherwise or when the model fails.
 */
export class CoachService {
  /** Plan generations in flight in this process, by goal, so they can be cancelled. */
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly db: DataSource,
    private readonly goals: GoalService,
    private readonly steps: StepService,
    private readonly pubsub: AppPubSub,
    private readonly model: ModelClient | null,
    private readonly logger: Logger,
  ) {}

  /** Reviews the goal against SMART and stores the review on it. */
  async analyzeGoal(user: User, goalId: string, now = new Date()): Promise<Goal> {
    const goal = await this.goals.get(user, goalId);
    const offline = analyzeGoalOffline(coachGoal(goal), coachContext(user, now));
    const answer = await this.withFallback(
      'analyzeGoal',
      (model) => analyzeGoalWithModel(model, coachGoal(goal), coachContext(user, now)),
      () => offline,
    );
    // The model's JSON contract has no date or measure to offer as buttons: the offline
    // heuristics give them (they read the same goal, so they agree with its numbers).
    const review: SmartReview = {
      ...answer,
      suggestedDeadline: answer.suggestedDeadline ?? offline.suggestedDeadline ?? null,
      suggestedMeasure: answer.suggestedMeasure ?? offline.suggestedMeasure ?? null,
    };
    goal.smartAnalysis = { ...review, analyzedAt: now } satisfies SmartReview & {
      analyzedAt: Date;
    };
    await this.db
      .getRepository(Goal)
      .update({ id: goal.id }, { smartAnalysis: goal.smartAnalysis });
    return goal;
  }

  /**
   * Proposes 3–10 steps, publishing progress on `planProgress(goalId)`; `cancelPlan` stops it.
   * Nothing is added to the goal until the user accepts the proposal.
   */
  async generatePlan(user: User, goalId: string, now = new Date()): Promise<PlanProposal | null> {
    const goal = await this.goals.get(user, goalId);
    this.running.get(goal.id)?.abort();
    const controller = new AbortController();
    this.running.set(goal.id, controller);
    const progress = (
      stage: PlanProgressUpdate['stage'],
      percent: number,
      proposalId = null as string | null,
    ) =>
      this.pubsub.publish('PLAN_PROGRESS', goal.id, {
        goalId: goal.id,
        stage,
        percent,
        proposalId,
      });
    try {
      progress('started', 5);
      progress('analyzing', 20);
      const plan = await this.withFallback(
        'generatePlan',
        (model) => generatePlanWithModel(model, coachGoal(goal), coachContext(user, now)),
        () => generatePlanOffline(coachGoal(goal), coachContext(user, now)),
        controller.signal,
      );
      if (controller.signal.aborted) {
        progress('cancelled', 100);
        return null;
      }
      progress('validating', 90);
      const proposal = await this.db.getRepository(PlanProposal).save(
        this.db.getRepository(PlanProposal).create({
          userId: user.id,
          goalId: goal.id,
          steps: plan.steps,
          source: plan.source,
        }),
      );
      progress('done', 100, proposal.id);
      return proposal;
    } finally {
      if (this.running.get(goal.id) === controller) this.running.delete(goal.id);
    }
  }

  /** Stops a plan generation of this goal in progress; false when none is running here. */
  async cancelPlan(user: User, goalId: string): Promise<boolean> {
    const goal = await this.goals.get(user, goalId);
    const controller = this.running.get(goal.id);
    controller?.abort();
    return Boolean(controller);
  }

  /** Adds the proposal's steps to the goal (after the existing ones), all or nothing. */
  async acceptPlan(user: User, proposalId: string): Promise<Goal> {
    const proposal = await this.db
      .getRepository(PlanProposal)
      .findOneBy({ id: proposalId, userId: user.id });
    if (!proposal) throw notFound('Plan');
    await this.steps.addMany(user, proposal.goalId, proposal.steps, async (manager) => {
      const claimed = await manager.update(
        PlanProposal,
        { id: proposal.id, status: 'proposed' },
        { status: 'accepted' },
      );
      if (!claimed.affected) throw new DomainError('CONFLICT', 'This plan was already accepted');
    });
    return this.goals.get(user, proposal.goalId);
  }

  private async withFallback<T>(
    what: string,
    withModel: (model: ModelClient) => Promise<T>,
    offline: () => T,
    signal?: AbortSignal,
  ): Promise<T> {
    if (!this.model) return offline();
    try {
      const answer = await withModel(this.model);
      return signal?.aborted ? offline() : answer;
    } catch (error) {
      if (!(error instanceof ModelUnavailableError || error instanceof ModelAnswerError))
        throw error;
      this.logger.warn({ err: error, what }, 'the model failed; the offline coach answers');
      return offline();
    }
  }
}

function coachGoal(goal: Goal): CoachGoal {
  return { title: goal.title, description: goal.description, targetDate: goal.targetDate };
}

function coachContext(user: User, now: Date): CoachContext {
  return { now, timezone: user.settings.timezone, language: user.settings.language };
}

export type { Plan };
