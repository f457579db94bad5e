import type { DataSource, EntityManager } from 'typeorm';
import { badInput, notFound } from '../errors/domain-error.js';
import { Goal, GoalStatus, Step, StepStatus, type User } from '../entities/index.js';
import type { GoalProgressUpdate } from '../pubsub.js';
import type { DomainEvents } from './domain-events.js';
import { deriveGoalStatus, deriveProgress } from './goal-progress.js';
import { MAX_STEPS_PER_GOAL, type GoalService, type NewStepInput } from './goal.service.js';

/** How many steps the goal has, and the position after the last one. */
export async function stepSlots(manager: EntityManager, goalId: string) {
  const row = await manager
    .createQueryBuilder(Step, 'step')
    .select('COUNT(*)::int', 'count')
    .addSelect('COALESCE(MAX(step.position), -1) + 1', 'next')
    .where('step.goal_id = :goalId', { goalId })
    .getRawOne<{ count: number; next: number }>();
  return row ?? { count: 0, next: 0 };
}

export interface UpdateStepInput {
  title?: string | null;
  status?: StepStatus | null;
  estimatedMinutes?: number | null;
  plannedStart?: Date | null;
  plannedDurationMinutes?: number | null;
}

/**
 * Steps of a goal. Every change runs in a transaction that locks the goal, re-derives its
 * progress, and — after commit — announces `goalProgressChanged` (the `goalProgress`
 * subscription).
 */
export class StepService {
  constructor(
    private readonly db: DataSource,
    private readonly goals: GoalService,
    private readonly domainEvents: DomainEvents,
  ) {}

  async get(user: User, stepId: string): Promise<Step> {
    const step = await this.db.getRepository(Step).findOne({
      where: { id: stepId, goal: { userId: user.id } },
    });
    if (!step) throw notFound('Step');
    return step;
  }

  /** Every step of the user's active goals, in goal and step order. */
  ofActiveGoals(user: User): Promise<Step[]> {
    return this.db
      .getRepository(Step)
      .createQueryBuilder('step')
      .innerJoin('step.goal', 'goal')
      .where('goal.user_id = :userId AND goal.status = :status', {
        userId: user.id,
        status: GoalStatus.ACTIVE,
      })
      .orderBy('goal.created_at', 'DESC')
      .addOrderBy('step.position', 'ASC')
      .getMany();
  }

  async add(user: User, goalId: string, input: NewStepInput): Promise<Step> {
    return this.changeGoal(user, goalId, idOfNewStep, async (manager) => {
      const { count, next } = await stepSlots(manager, goalId);
      if (count >= MAX_STEPS_PER_GOAL) {
        throw badInput(`A goal holds at most ${MAX_STEPS_PER_GOAL} steps`, { field: 'goalId' });
      }
      return manager.save(
        manager.create(Step, {
          goalId,
          title: input.title.trim(),
          estimatedMinutes: input.estimatedMinutes ?? null,
          position: next,
        }),
      );
    });
  }

  /**
   * Appends several steps at once; `alsoInTransaction` runs in the same transaction (e.g.
   * marking the plan they come from as accepted), so either everything is saved or nothing.
   */
  async addMany(
    user: User,
    goalId: string,
    inputs: NewStepInput[],
    alsoInTransaction: (manager: EntityManager) => Promise<void>,
  ): Promise<Step[]> {
    return this.changeGoal(user, goalId, null, async (manager) => {
      const { count, next } = await stepSlots(manager, goalId);
      if (count + inputs.length > MAX_STEPS_PER_GOAL) {
        throw badInput(`A goal holds at most ${MAX_STEPS_PER_GOAL} steps`, { field: 'goalId' });
      }
      const steps = await manager.save(
        inputs.map((input, index) =>
          manager.create(Step, {
            goalId,
            title: input.title.trim(),
            estimatedMinutes: input.estimatedMinutes ?? null,
            ifThenCue: input.ifThenCue ?? null,
            position: next + index,
          }),
        ),
      );
      await alsoInTransaction(manager);
      return steps;
    });
  }

  async update(user: User, stepId: string, input: UpdateStepInput): Promise<Step> {
    const { goalId } = await this.get(user, stepId);
    return this.changeGoal(user, goalId, stepId, async (manager) => {
      const step = await this.stepOfLockedGoal(manager, goalId, stepId);
      if (input.title != null) step.title = input.title.trim();
      if (input.estimatedMinutes !== undefined) step.estimatedMinutes = input.estimatedMinutes;
      if (input.plannedStart !== undefined) step.plannedStart = input.plannedStart;
      if (input.plannedDurationMinutes !== undefined) {
        step.plannedDurationMinutes = input.plannedDurationMinutes;
      }
      if (input.status != null) setStatus(step, input.status);
      return manager.save(step);
    });
  }

  /** Marks the step done. Completing a done step again changes nothing. */
  async complete(user: User, stepId: string): Promise<Step> {
    return this.update(user, stepId, { status: StepStatus.DONE });
  }

  async delete(user: User, stepId: string): Promise<string> {
    const { goalId } = await this.get(user, stepId);
    await this.changeGoal(user, goalId, stepId, async (manager) => {
      await manager.delete(Step, { id: stepId, goalId });
    });
    return stepId;
  }

  /** Sets the order of a goal's steps; `stepIds` must list each of its steps exactly once. */
  async reorder(user: User, goalId: string, stepIds: string[]): Promise<Step[]> {
    return this.changeGoal(user, goalId, null, async (manager) => {
      const current = await manager.find(Step, { where: { goalId }, select: { id: true } });
      const wanted = new Set(stepIds);
      const sameSet =
        wanted.size === stepIds.length &&
        current.length === stepIds.length &&
        current.every((step) => wanted.has(step.id));
      if (!sameSet) {
        throw badInput('stepIds must list every step of the goal exactly once', {
          field: 'stepIds',
        });
      }
      await manager.query(
        `UPDATE steps SET position = ordered.position - 1, updated_at = now()
           FROM unnest($1::uuid[]) WITH ORDINALITY AS ordered(id, position)
          WHERE steps.id = ordered.id AND steps.goal_id = $2`,
        [stepIds, goalId],
      );
      return manager.find(Step, { where: { goalId }, order: { position: 'ASC' } });
    });
  }

  /**
   * Runs `change` with the goal locked, re-derives progress, and announces it after commit.
   * `stepId` names the changed step, or derives it from the result (a step just created).
   */
  private async changeGoal<T>(
    user: User,
    goalId: string,
    stepId: string | null | ((result: T) => string),
    change: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    const { result, update } = await this.db.transaction(async (manager) => {
      const goal = await this.goals.lock(user, goalId, manager);
      const result = await change(manager);
      const changed = typeof stepId === 'function' ? stepId(result) : stepId;
      const update = await this.rederiveProgress(manager, goal, changed);
      return { result, update };
    });
    await this.domainEvents.emit('goalProgressChanged', update);
    return result;
  }

  private async stepOfLockedGoal(manager: EntityManager, goalId: string, stepId: string) {
    const step = await manager.findOne(Step, { where: { id: stepId, goalId } });
    if (!step) throw notFound('Step');
    return step;
  }

  private async rederiveProgress(
    manager: EntityManager,
    goal: Goal,
    stepId: string | null,
  ): Promise<GoalProgressUpdate> {
    const steps = await manager.find(Step, {
      where: { goalId: goal.id },
      select: { status: true },
    });
    const { progress, allDone } = deriveProgress(steps.map((step) => step.status));
    const status = deriveGoalStatus(goal.status, allDone);
    if (progress !== goal.progress || status !== goal.status) {
      const completedAt = status === goal.status ? goal.completedAt : statusCompletedAt(status);
      await manager.update(Goal, { id: goal.id }, { progress, status, completedAt });
    }
    return { goalId: goal.id, progress, status, stepId, changedAt: new Date() };
  }
}

/** For `goalProgress.stepId` after adding a step: the step that changed is the new one. */
const idOfNewStep = (step: Step): string => step.id;

function statusCompletedAt(status: GoalStatus): Date | null {
  return status === GoalStatus.COMPLETED ? new Date() : null;
}

function setStatus(step: Step, status: StepStatus): void {
  if (status === step.status) return;
  step.status = status;
  step.completedAt = status === StepStatus.DONE ? new Date() : null;
}
