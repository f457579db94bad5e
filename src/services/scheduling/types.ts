/** A half-open span of time [start, end). */
export interface Interval {
  start: Date;
  end: Date;
}

/** A busy span (event, all-day event, already planned work); the title feeds explanations. */
export interface BusyInterval extends Interval {
  title?: string;
}

/** The user's working hours: local "HH:MM" times ("24:00" allowed as the end) on ISO weekdays. */
export interface WorkingHours {
  timezone: string;
  dayStart: string;
  dayEnd: string;
  /** ISO weekdays, 1 (Monday) … 7 (Sunday). */
  workDays: number[];
}

export type ScheduleLanguage = 'ru' | 'en';

export interface FindFreeSlotsInput {
  from: Date;
  to: Date;
  busy: Interval[];
  hours: WorkingHours;
  /** Shorter free slots are dropped (default 0: any non-empty slot). */
  minMinutes?: number;
  /** Kept free before and after every busy interval (default 0). */
  bufferMinutes?: number;
}

export interface PlanStep {
  id: string;
  title: string;
  /** Minutes of one session (of each occurrence, for repeated practice). */
  minutes: number;
  /** The coach's if-then cue; a time it names ("если вторник 19:00…") is used when free. */
  cue?: string | null;
}

export interface SchedulePlanInput {
  steps: PlanStep[];
  busy: BusyInterval[];
  hours: WorkingHours;
  /** Now: nothing is placed earlier. */
  from: Date;
  /** Exclusive: every placement ends by this instant (usually the end of the target date). */
  deadline: Date;
  bufferMinutes?: number;
  maxChunkMinutes?: number;
  minChunkMinutes?: number;
  language: ScheduleLanguage;
}

export interface Placement {
  stepId: string;
  start: Date;
  end: Date;
  /** 1-based number of this chunk among the step's `chunks`. */
  chunk: number;
  chunks: number;
  /** An RRULE (with a date-only UNTIL) when the step is repeated practice; `start` is the first. */
  recurrence?: string;
  explanation: string;
}

export type ScheduleOption =
  | { kind: 'move_deadline'; description: string; newDeadline: string }
  | { kind: 'cut_steps'; description: string; stepIdsToCut: string[] };

export interface ScheduleReport {
  /** Sum of all steps' minutes. */
  neededMinutes: number;
  /** Free minutes before the deadline, in slots long enough for at least the shortest chunk. */
  freeMinutes: number;
  /** Minutes of the steps that are placed (only whole steps are placed). */
  scheduledMinutes: number;
  /** neededMinutes − scheduledMinutes. */
  shortfallMinutes: number;
  message: string;
  options: ScheduleOption[];
}

export interface ScheduleResult {
  /** Chunks of the steps that fit entirely, in step order; a step that does not fit is left out. */
  placements: Placement[];
  feasible: boolean;
  report?: ScheduleReport;
}
