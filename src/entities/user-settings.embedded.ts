import { Column } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { Language } from './enums.js';
import { LocalTimeScalar } from '../schema/scalars.js';

export const DEFAULT_TIMEZONE = 'Europe/Moscow';
/** Minutes before an event's start of its reminder, unless the user or the event says otherwise. */
export const DEFAULT_REMINDER_MINUTES = 15;

/** Per-user settings, stored as columns of the users table. Times are local "HH:MM". */
@ObjectType()
export class UserSettings {
  @Field({ description: 'IANA timezone, e.g. Europe/Moscow' })
  @Column({ default: DEFAULT_TIMEZONE })
  timezone: string;

  @Field(() => Language)
  @Column({ type: 'varchar', length: 2, default: Language.RU })
  language: Language;

  @Field({ description: 'Master switch: when off, no notification of any kind is sent' })
  @Column({ default: true })
  notificationsEnabled: boolean;

  @Field()
  @Column({ default: true })
  eventRemindersEnabled: boolean;

  @Field({ description: 'Reminders of habits at their reminder times' })
  @Column({ default: true })
  habitRemindersEnabled: boolean;

  @Field()
  @Column({ default: true })
  deadlineWarningsEnabled: boolean;

  @Field()
  @Column({ default: true })
  overdueStepRemindersEnabled: boolean;

  @Field()
  @Column({ default: true })
  morningDigestEnabled: boolean;

  @Field({ description: 'The weekly review, Sunday at eveningNudgeTime (local)' })
  @Column({ default: true })
  weeklyReviewEnabled: boolean;

  @Field(() => LocalTimeScalar, { description: 'Local time of the morning digest' })
  @Column({ type: 'varchar', length: 5, default: '08:00' })
  digestTime: string;

  @Field(() => LocalTimeScalar, { description: 'Local time of the daily goal deadline check' })
  @Column({ type: 'varchar', length: 5, default: '09:00' })
  deadlineCheckTime: string;

  @Field(() => LocalTimeScalar, { description: 'Local time of the evening overdue-steps nudge' })
  @Column({ type: 'varchar', length: 5, default: '20:00' })
  eveningNudgeTime: string;

  @Field(() => LocalTimeScalar, { nullable: true, description: 'Quiet hours start; null = none' })
  @Column({ type: 'varchar', length: 5, nullable: true, default: null })
  quietHoursStart: string | null;

  @Field(() => LocalTimeScalar, { nullable: true })
  @Column({ type: 'varchar', length: 5, nullable: true, default: null })
  quietHoursEnd: string | null;

  @Field(() => LocalTimeScalar, { description: 'Start of the working day, used to plan steps' })
  @Column({ type: 'varchar', length: 5, default: '09:00' })
  workDayStart: string;

  @Field(() => LocalTimeScalar)
  @Column({ type: 'varchar', length: 5, default: '18:00' })
  workDayEnd: string;

  @Field(() => LocalTimeScalar, {
    description: 'When the habit day starts: a check-in before it counts for the day before',
  })
  @Column({ type: 'varchar', length: 5, default: '00:00' })
  dayStart: string;

  @Field(() => [Int], { description: 'ISO weekdays 1 (Monday) … 7 (Sunday)' })
  @Column({ type: 'smallint', array: true, default: () => "'{1,2,3,4,5}'" })
  workDays: number[];

  @Field(() => [Int], {
    description:
      'Reminder offsets (minutes before the start) given to new events; [] = no reminder by default',
  })
  @Column({ type: 'integer', array: true, default: () => `'{${DEFAULT_REMINDER_MINUTES}}'` })
  defaultReminderMinutes: number[];
}
