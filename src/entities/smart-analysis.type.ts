import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'How well one SMART criterion is met' })
export class SmartCriterion {
  @Field(() => Int, { description: '0…100' })
  score: number;

  @Field()
  comment: string;
}

/** A SMART review of a goal, stored as JSON on the goal (filled by the assistant). */
@ObjectType()
export class SmartAnalysis {
  @Field(() => Int, { description: 'Overall score 0…100' })
  score: number;

  @Field(() => SmartCriterion)
  specific: SmartCriterion;

  @Field(() => SmartCriterion)
  measurable: SmartCriterion;

  @Field(() => SmartCriterion)
  achievable: SmartCriterion;

  @Field(() => SmartCriterion)
  relevant: SmartCriterion;

  @Field(() => SmartCriterion)
  timeBound: SmartCriterion;

  @Field(() => [String])
  suggestions: string[];

  @Field(() => String, { nullable: true })
  rewrittenGoal: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The one deadline the review suggests (YYYY-MM-DD)',
  })
  suggestedDeadline?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A concrete measure to add to the goal, when it has none',
  })
  suggestedMeasure?: string | null;

  @Field()
  analyzedAt: Date;
}
