/** Every offline plan template, by the kind of goal it fits. */
import type { GoalKind } from './offline-goal-kind.js';
import { fitness, habit, running, weightLoss } from './plan-templates-body.js';
import { career, generic, saving } from './plan-templates-life.js';
import { language, reading, study, writing } from './plan-templates-mind.js';
import type { PlanTemplate } from './plan-types.js';

export const PLAN_TEMPLATES: Record<GoalKind, PlanTemplate> = {
  language,
  running,
  fitness,
  'weight-loss': weightLoss,
  reading,
  saving,
  study,
  writing,
  career,
  habit,
  generic,
};
