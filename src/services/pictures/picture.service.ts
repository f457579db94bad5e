import type { DataSource } from 'typeorm';
import { langOf } from '../../common/texts.js';
import { Step, User } from '../../entities/index.js';
import { notFound } from '../../errors/domain-error.js';
import type { GoalService } from '../goal.service.js';
import type { HabitCheckInService } from '../habits/habit-check-in.service.js';
import type { HabitService } from '../habits/habit.service.js';
import { habitDayOf, type LocalDate } from '../habits/local-date.js';
import { renderGoalProgress } from './goal-progress-chart.js';
import { heatmapStart, renderHabitHeatmap } from './habit-heatmap.js';
import { PictureKind, type PictureGrant, type PictureUrlSigner } from './picture-urls.js';

/**
 * Pictures of progress: a habit's last 12 weeks, a goal's steps done against the plan.
 * URLs are signed for the user after the object was found to be theirs; rendering checks
 * it again, so a grant for another user's object renders nothing (NOT_FOUND).
 */
export class PictureService {
  constructor(
    private readonly db: DataSource,
    private readonly habits: HabitService,
    private readonly checkIns: HabitCheckInService,
    private readonly goals: GoalService,
    private readonly signer: PictureUrlSigner,
  ) {}

  async habitHeatmapUrl(user: User, habitId: string) {
    const habit = await this.habits.get(user, habitId);
    return this.signer.sign(PictureKind.HABIT_HEATMAP, habit.id, user.id);
  }

  async goalProgressUrl(user: User, goalId: string) {
    const goal = await this.goals.get(user, goalId);
    return this.signer.sign(PictureKind.GOAL_PROGRESS, goal.id, user.id);
  }

  /** The grant a picture URL carries, or null when it is forged, altered or expired. */
  grantOf(kind: string, id: string, query: Record<string, unknown>): PictureGrant | null {
    return this.signer.verify(kind, id, query);
  }

  /** The PNG a grant names, rendered for its user; NOT_FOUND when the object is not theirs. */
  async render(grant: PictureGrant): Promise<Buffer> {
    const user = await this.db.getRepository(User).findOneBy({ id: grant.userId });
    if (!user) throw notFound('Picture');
    return grant.kind === PictureKind.HABIT_HEATMAP
      ? this.habitHeatmap(user, grant.id)
      : this.goalProgress(user, grant.id);
  }

  async habitHeatmap(user: User, habitId: string): Promise<Buffer> {
    const habit = await this.habits.get(user, habitId);
    const today = this.habits.today(user);
    const checkIns = await this.checkIns.history(user, habit, heatmapStart(today), today);
    return renderHabitHeatmap({
      title: habit.title,
      today,
      checkIns,
      language: langOf(user.settings.language),
    });
  }

  async goalProgress(user: User, goalId: string): Promise<Buffer> {
    const goal = await this.goals.get(user, goalId);
    const steps = await this.db.getRepository(Step).find({
      where: { goalId: goal.id },
      select: { plannedStart: true, completedAt: true },
    });
    const { timezone } = user.settings;
    const dayOf = (instant: Date | null): LocalDate | null =>
      instant ? habitDayOf(instant, timezone, '00:00') : null;
    const today = dayOf(new Date())!;
    const from = dayOf(goal.createdAt)!;
    const planEnd = steps.reduce<LocalDate>((last, step) => {
      const day = dayOf(step.plannedStart);
      return day && day > last ? day : last;
    }, today);
    return renderGoalProgress({
      title: goal.title,
      from,
      to: goal.targetDate && goal.targetDate > planEnd ? goal.targetDate : planEnd,
      steps: steps.map((step) => ({
        plannedOn: dayOf(step.plannedStart),
        doneOn: dayOf(step.completedAt),
      })),
      language: langOf(user.settings.language),
    });
  }
}
