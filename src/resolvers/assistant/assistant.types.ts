import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { PlanProgressUpdate } from '../../pubsub.js';

@ObjectType({ description: 'Something the assistant did' })
export class AssistantAction {
  @Field({ description: 'event_created, event_updated, goal_created, step_added…' })
  kind: string;

  @Field(() => ID, { nullable: true })
  entityId: string | null;

  @Field(() => String, { nullable: true })
  title: string | null;
}

@ObjectType()
export class AssistantReply {
  @Field({ description: 'What to show the user, in their language' })
  text: string;

  @Field(() => [AssistantAction])
  actions: AssistantAction[];

  @Field(() => [String], { description: 'Suggested answers, to show as buttons' })
  quickReplies: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Set when the assistant waits for an answer',
  })
  question: string | null;

  @Field()
  intent: string;

  @Field({ description: 'model or offline' })
  engine: string;
}

@ObjectType()
export class AssistantCapabilities {
  @Field({ description: 'A model is configured (otherwise the offline engine answers)' })
  model: boolean;

  @Field({ description: 'sendVoice is available' })
  voice: boolean;
}

@ObjectType()
export class PlanProgress implements PlanProgressUpdate {
  @Field(() => ID)
  goalId: string;

  @Field(() => String, { description: 'started, analyzing, validating, done, cancelled' })
  stage: PlanProgressUpdate['stage'];

  @Field(() => Int)
  percent: number;

  @Field(() => ID, { nullable: true, description: 'Set when done' })
  proposalId: string | null;
}

@ObjectType()
export class TimeSlot {
  @Field()
  start: Date;

  @Field()
  end: Date;

  @Field(() => Int)
  minutes: number;
}

@ObjectType()
export class StepPlacement {
  @Field(() => ID)
  stepId: string;

  @Field()
  start: Date;

  @Field()
  end: Date;

  @Field(() => Int)
  chunk: number;

  @Field(() => Int)
  chunks: number;

  @Field(() => String, {
    nullable: true,
    description: 'RRULE when the step is repeated practice, placed as a recurring event from start',
  })
  recurrence?: string | null;

  @Field({ description: 'Why it was placed there, one line' })
  explanation: string;
}

@ObjectType()
export class ScheduleOptionInfo {
  @Field({ description: 'move_deadline or cut_steps' })
  kind: string;

  @Field()
  description: string;

  @Field(() => String, { nullable: true })
  newDeadline?: string;

  @Field(() => [ID], { nullable: true })
  stepIdsToCut?: string[];
}

@ObjectType()
export class ScheduleReport {
  @Field()
  feasible: boolean;

  @Field({ description: 'True when the placements were saved as events' })
  applied: boolean;

  @Field()
  deadlineDate: string;

  @Field(() => [StepPlacement])
  placements: StepPlacement[];

  @Field(() => Int, { nullable: true })
  neededMinutes: number | null;

  @Field(() => Int, { nullable: true })
  freeMinutes: number | null;

  @Field(() => String, { nullable: true, description: '"Нужно 30 ч, до дедлайна свободно 12 ч"' })
  message: string | null;

  @Field(() => [ScheduleOptionInfo])
  options: ScheduleOptionInfo[];
}
