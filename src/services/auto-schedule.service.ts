import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { badInput } from '../errors/domain-error.js';
import {
  EventKind,
  ExternalBusyInterval,
  Goal,
  Step,
  StepStatus,
  type User,
} from '../entities/index.js';
import type { DomainEvents } from './domain-events.js';
import type { EventService } from './event.service.js';
import type { GoalService } from './goal.service.js';
import { findFreeSlots, schedulePlan, endOfLocalDate } from './scheduling/index.js';
import type { BusyInterval, Interval, ScheduleResult, WorkingHours } from './scheduling/index.js';

const MAX_FREE_SLOT_DAYS = 62;
/** How far past the deadline busy time is read, so "move the deadline" can be computed. */
const LOOKAHEAD_DAYS = 90;
const DEFAULT_PLAN_DAYS = 30;
/** The events query reads at most 400 days at once. */
const MAX_BUSY_DAYS = 399;
const DAY_MS = 86_400_000;

export interface SchedulePlanOutcome extends ScheduleResult {
  /** True when the placements were saved as events and planned times. */
  applied: boolean;
  /** The deadline used: the goal's target date, or 30 days ahead when it has none. */
  deadlineDate: string;
}

/**
 * Free time, and auto-scheduling of a goal's steps into it inside the user's working hours
 * (the coach's step plans are `CoachService`'s; this only places steps in the calendar).
 */
export class AutoScheduleService {
  constructor(
    private readonly db: DataSource,
    private readonly goals: GoalService,
    private readonly events: EventService,
    private readonly domainEvents: DomainEvents,
  ) {}

  async freeSlots(user: User, from: Date, to: Date, minMinutes: number): Promise<Interval[]> {
    if (to <= from) throw badInput('"to" must be after "from"', { field: 'to' });
    if (to.getTime() - from.getTime() > MAX_FREE_SLOT_DAYS * 86_400_000) {
      throw badInput(`The range may span at most ${MAX_FREE_SLOT_DAYS} days`, { field: 'to' });
    }
    if (!Number.isInteger(minMinutes) || minMinutes < 0 || minMinutes > 24 * 60) {
      throw badInput('minMinutes must be 0…1440', { field: 'minMinutes' });
    }
    const busy = await this.busy(user, from, to);
    return findFreeSlots({ from, to, busy, hours: workingHours(user), minMinutes });
  }

  /**
   * Places the goal's unscheduled, unfinished steps into free working time before its target
   * date. When everything fits, saves one event per chunk (linked to the step) and the steps'
   * planned times in one transaction; otherwise saves nothing and returns the report.
   */
  async schedule(user: User, goalId: string, now = new Date()): Promise<SchedulePlanOutcome> {
    const goal = await this.goals.get(user, goalId);
    const { timezone, language } = user.settings;
    const deadlineDate =
      goal.targetDate ??
      DateTime.fromJSDate(now, { zone: timezone }).plus({ days: DEFAULT_PLAN_DAYS }).toISODate()!;
    const deadline = endOfLocalDate(deadlineDate, timezone);
    if (deadline <= now) {
      throw badInput('The goal’s target date has passed; move it first', { field: 'goalId' });
    }
    const steps = await this.db.getRepository(Step).find({
      where: { goalId: goal.id },
      order: { position: 'ASC' },
    });
    const open = steps.filter(
      (step) =>
        !step.plannedStart && step.status !== StepStatus.DONE && step.status !== StepStatus.SKIPPED,
    );
    const busyTo = new Date(
      Math.min(
        deadline.getTime() + LOOKAHEAD_DAYS * DAY_MS,
        now.getTime() + MAX_BUSY_DAYS * DAY_MS,
      ),
    );
    const result = schedulePlan({
      steps: open.map((step) => ({
        id: step.id,
        title: step.title,
        minutes: step.estimatedMinutes ?? 30,
        cue: step.ifThenCue,
      })),
      busy: await this.busy(user, now, busyTo),
      hours: workingHours(user),
      from: now,
      deadline,
      language,
    });
    if (!result.feasible || result.placements.length === 0) {
      return { ...result, applied: false, deadlineDate };
    }
    const titles = new Map(open.map((step) => [step.id, step.title]));
    const eventIds = await this.db.transaction(async (manager) => {
      const saved: string[] = [];
      for (const placement of result.placements) {
        const minutes = Math.round((placement.end.getTime() - placement.start.getTime()) / 60_000);
        const title = titles.get(placement.stepId) ?? '';
        const event = await this.events.createIn(manager, user, {
          title: placement.chunks > 1 ? `${title} (${placement.chunk}/${placement.chunks})` : title,
          start: placement.start,
          durationMinutes: minutes,
          kind: EventKind.STEP,
          stepId: placement.stepId,
          notes: placement.explanation,
          // Repeated practice is one recurring event, not a single block.
          ...(placement.recurrence ? { recurrence: placement.recurrence } : {}),
        });
        saved.push(event.id);
        if (placement.chunk === 1) {
          const total = result.placements
            .filter((p) => p.stepId === placement.stepId)
            .reduce((sum, p) => sum + (p.end.getTime() - p.start.getTime()) / 60_000, 0);
          await manager.update(
            Step,
            { id: placement.stepId },
            { plannedStart: placement.start, plannedDurationMinutes: Math.round(total) },
          );
        }
      }
      await manager.update(Goal, { id: goal.id }, { isScheduled: true });
      return saved;
    });
    for (const eventId of eventIds) await this.domainEvents.emit('eventChanged', { eventId });
    return { ...result, applied: true, deadlineDate };
  }

  /**
   * Every busy interval the scheduler keeps off, from every source, in one list: a new source
   * (an external calendar's busy time) is one more entry here.
   */
  private async busy(user: User, from: Date, to: Date): Promise<BusyInterval[]> {
    const sources = await Promise.all([
      this.eventBusy(user, from, to),
      this.externalBusy(user, from, to),
    ]);
    return sources.flat();
  }

  /** The user's own events (recurring ones expanded), including steps planned earlier. */
  private async eventBusy(user: User, from: Date, to: Date): Promise<BusyInterval[]> {
    const occurrences = await this.events.occurrences(user, from, to);
    return occurrences.map(({ event, start, end }) => ({ start, end, title: event.title }));
  }

  /** Busy time read from the user's external calendars (ICS, Google, CalDAV) by the sync job. */
  private async externalBusy(user: User, from: Date, to: Date): Promise<BusyInterval[]> {
    const rows = await this.db
      .getRepository(ExternalBusyInterval)
      .createQueryBuilder('busy')
      .where('busy.user_id = :userId', { userId: user.id })
      .andWhere('busy.starts_at < :to AND busy.ends_at > :from', { from, to })
      .getMany();
    return rows.map((row) => ({
      start: row.startsAt,
      end: row.endsAt,
      ...(row.title ? { title: row.title } : {}),
    }));
  }
}

function workingHours(user: User): WorkingHours {
  const { timezone, workDayStart, workDayEnd, workDays } = user.settings;
  return { timezone, dayStart: workDayStart, dayEnd: workDayEnd, workDays };
}
