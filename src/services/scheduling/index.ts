export { findFreeSlots } from './free-slots.js';
export { chunkMinutes, schedulePlan, SCHEDULE_DEFAULTS } from './schedule-plan.js';
export { endOfLocalDate } from './working-hours.js';
export type * from './types.js';
