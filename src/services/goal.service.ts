import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { badInput, notFound } from '../errors/domain-error.js';
import { Event, EventKind, Goal, GoalStatus, Step, type User } from '../entities/index.js';
import { queryEntities } from '../db/entity-rows.js';
import { todayIn } from './timezone.js';

export const MAX_STEPS_PER_GOAL = 100;

export interface NewStepInput {
  title: string;
  estimatedMinutes?: number | null;
  ifThenCue?: string | null;
}

export interface CreateGoalInput {
  title: string;
  description?: string | null;
  targetDate?: string | null;
  steps?: NewStepInput[] | null;
}

export interface UpdateGoalInput {
  title?: string | null;
  description?: string | null;
  targetDate?: string | null;
  status?: GoalStatus | null;
}

export interface GoalFilter {
  status?: GoalStatus | null;
}

export interface GoalPageRequest extends GoalFilter {
  offset: number;
  limit: number;
}

/** Goals of one user: reading, paging, creating, editing, deleting. */
export class GoalService {
  constructor(private readonly db: DataSource) {}

  /** One page, newest first; fetches one row more than asked to know whether more exist. */
  async list(user: User, page: GoalPageRequest): Promise<{ items: Goal[]; hasMore: boolean }> {
    const rows = await queryEntities(
      this.db,
      Goal,
      `SELECT * FROM goals WHERE user_id = $1 AND ($2::varchar IS NULL OR status = $2)
        ORDER BY created_at DESC, id LIMIT $3 OFFSET $4`,
      [user.id, page.status ?? null, page.limit + 1, page.offset],
    );
    return { items: rows.slice(0, page.limit), hasMore: rows.length > page.limit };
  }

  async count(user: User, filter: GoalFilter): Promise<number> {
    return this.db.getRepository(Goal).count({ where: this.ownedBy(user, filter) });
  }

  async get(user: User, goalId: string, manager: EntityManager = this.db.manager): Promise<Goal> {
    const goal = await manager.findOne(Goal, { where: { id: goalId, userId: user.id } });
    if (!goal) throw notFound('Goal');
    return goal;
  }

  /** Locks the goal row for the rest of the transaction, so progress is derived one writer at a time. */
  async lock(user: User, goalId: string, manager: EntityManager): Promise<Goal> {
    const goal = await manager.findOne(Goal, {
      where: { id: goalId, userId: user.id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!goal) throw notFound('Goal');
    return goal;
  }

  /** Creates the goal and its first steps in one transaction: all or nothing. */
  async create(user: User, input: CreateGoalInput): Promise<Goal> {
    this.assertTargetDate(user, input.targetDate);
    const steps = input.steps ?? [];
    if (steps.length > MAX_STEPS_PER_GOAL) {
      throw badInput(`A goal holds at most ${MAX_STEPS_PER_GOAL} steps`, { field: 'steps' });
    }
    return this.db.transaction(async (manager) => {
      const goal = await manager.save(
        manager.create(Goal, {
          userId: user.id,
          title: input.title.trim(),
          description: input.description ?? null,
          targetDate: input.targetDate ?? null,
        }),
      );
      if (steps.length > 0) {
        await manager.insert(
          Step,
          steps.map((step, position) => ({
            goalId: goal.id,
            title: step.title.trim(),
            estimatedMinutes: step.estimatedMinutes ?? null,
            position,
          })),
        );
      }
      return goal;
    });
  }

  async update(user: User, goalId: string, input: UpdateGoalInput): Promise<Goal> {
    if (input.targetDate !== undefined) this.assertTargetDate(user, input.targetDate);
    return this.db.transaction(async (manager) => {
      const goal = await this.lock(user, goalId, manager);
      if (input.title != null) goal.title = input.title.trim();
      if (input.description !== undefined) goal.description = input.description;
      if (input.targetDate !== undefined) goal.targetDate = input.targetDate;
      if (input.status != null && input.status !== goal.status) {
        goal.status = input.status;
        goal.completedAt = input.status === GoalStatus.COMPLETED ? new Date() : null;
      }
      return manager.save(goal);
    });
  }

  /** Deletes the goal, its steps, and the calendar events that existed only for it. */
  async delete(user: User, goalId: string): Promise<string> {
    await this.db.transaction(async (manager) => {
      const goal = await this.lock(user, goalId, manager);
      await manager.delete(Event, {
        goalId: goal.id,
        kind: In([EventKind.STEP, EventKind.DEADLINE]),
      });
      await manager.delete(Goal, { id: goal.id });
    });
    return goalId;
  }

  private ownedBy(user: User, filter: GoalFilter) {
    return { userId: user.id, ...(filter.status ? { status: filter.status } : {}) };
  }

  private assertTargetDate(user: User, targetDate: string | null | undefined): void {
    if (targetDate && targetDate < todayIn(user.settings.timezone)) {
      throw badInput('The target date is in the past', { field: 'targetDate' });
    }
  }
}
