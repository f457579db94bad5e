import type { MixedList } from 'typeorm';
import { Initial1795277559494 } from './1795277559494-initial.js';
import { RemindersAndNotifications1795279969362 } from './1795279969362-reminders-and-notifications.js';

/** Every migration, oldest first. `npm run migration:generate -- Name` writes a new one. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: MixedList<Function> = [
  Initial1795277559494,
  RemindersAndNotifications1795279969362,
];
