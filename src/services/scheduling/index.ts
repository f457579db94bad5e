export { findFreeSlots } from './free-slots.js';
export { chunkMinutes } from './fit-steps.js';
export { schedulePlan, SCHEDULE_DEFAULTS } from './schedule-plan.js';
export { stepTraits } from './step-traits.js';
export { endOfLocalDate } from './working-hours.js';
export type * from './types.js';
