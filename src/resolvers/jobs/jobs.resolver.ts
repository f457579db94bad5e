import {
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  ID,
  Int,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import { Role } from '../../graphql/policies.js';
import type { Context } from '../../graphql/context.type.js';
import { PageArgs } from '../page.args.js';

@ObjectType({ description: 'A queued job, for operators' })
class ScheduledJobInfo {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: 'The occurrence it stands for' })
  key: string | null;

  @Field(() => Date, { nullable: true })
  nextRunAt: Date | null;

  @Field(() => Date, { nullable: true })
  lastRunAt: Date | null;

  @Field(() => Date, { nullable: true })
  lastFinishedAt: Date | null;

  @Field(() => Int)
  failCount: number;

  @Field(() => String, { nullable: true })
  failReason: string | null;

  @Field({ description: 'scheduled, queued, running, repeating, failed, completed, paused' })
  state: string;
}

@ArgsType()
class ScheduledJobsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only jobs of this name' })
  name?: string | null;
}

@Resolver()
export class JobsResolver {
  @Authorized(Role.Service)
  @Query(() => [ScheduledJobInfo], { description: 'Service only: the job queue, soonest first' })
  scheduledJobs(@Args() args: ScheduledJobsArgs, @Ctx() ctx: Context) {
    return ctx.services.jobs.list({
      name: args.name ?? undefined,
      limit: args.limit,
      offset: args.offset,
    });
  }
}
