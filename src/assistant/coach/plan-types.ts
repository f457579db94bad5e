/** What the offline plan templates are made of. */
import type { Domain } from './offline-domain.js';
import type { HabitKind, LanguageName } from './offline-goal-kind.js';
import type { Measure } from './offline-measures.js';

/** A step's title, its cue's situation and its cue's action, in one language. */
export type StepText = [title: string, when: string, action: string];

export interface StepSpec {
  minutes: number;
  ru: StepText;
  en: StepText;
}

/** What a template may put into its steps: the goal's own object. */
export interface PlanSubject {
  /** The goal's title, shortened, quoted for the plan's language: «Запустить сайт». */
  quoted: string;
  language?: LanguageName;
  measure?: Measure;
  habit: HabitKind;
  /** Career goals about finding a job rather than doing a project. */
  jobSearch: boolean;
  /** The finer domain (a data analyst, a guitar), when the goal names one. */
  domain?: Domain;
}

export type PlanTemplate = (subject: PlanSubject) => StepSpec[];
