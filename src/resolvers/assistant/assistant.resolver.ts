import {
  Arg,
  Authorized,
  Ctx,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { ConversationMessage, Goal, PlanProposal, type User } from '../../entities/index.js';
import { badInput } from '../../errors/domain-error.js';
import { CurrentUser } from '../../graphql/policies.js';
import type { Context } from '../../graphql/context.type.js';
import { subscribeToOwnGoal } from '../../graphql/goal-topic.js';
import type { PlanProgressUpdate } from '../../pubsub.js';
import { transcribe } from '../../assistant/model/transcribe.js';
import {
  AssistantCapabilities,
  AssistantReply,
  PlanProgress,
  ScheduleReport,
  TimeSlot,
} from './assistant.types.js';

const MAX_VOICE_BYTES = 5 * 1024 * 1024;

@Authorized()
@Resolver()
export class AssistantResolver {
  @Mutation(() => AssistantReply, {
    description: 'One message to the assistant (RU or EN): it acts, answers, or asks back',
  })
  sendMessage(@Arg('text') text: string, @CurrentUser() user: User, @Ctx() ctx: Context) {
    assertText(text);
    return ctx.services.conversation.sendMessage(user, text, ctx.services.clock());
  }

  @Mutation(() => AssistantReply, {
    description: 'A voice message (base64 audio); needs a configured model with speech to text',
  })
  async sendVoice(
    @Arg('audioBase64') audioBase64: string,
    @Arg('filename', { defaultValue: 'voice.ogg' }) filename: string,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ) {
    const model = ctx.services.model;
    if (!model) throw badInput('Voice needs a model: set MODEL_API_KEY or MODEL_BASE_URL');
    const audio = Buffer.from(audioBase64, 'base64');
    if (audio.length === 0 || audio.length > MAX_VOICE_BYTES) {
      throw badInput('The audio must be 1 byte … 5 MB', { field: 'audioBase64' });
    }
    const text = await transcribe(model, audio, filename, user.settings.language);
    assertText(text || ' ');
    return ctx.services.conversation.sendMessage(user, text, ctx.services.clock());
  }

  @Query(() => AssistantCapabilities)
  assistantCapabilities(@Ctx() ctx: Context): AssistantCapabilities {
    return { model: ctx.services.model !== null, voice: ctx.services.model !== null };
  }

  @Query(() => [ConversationMessage], { description: 'The last messages with the assistant' })
  conversation(
    @Arg('limit', () => Int, { defaultValue: 20 }) limit: number,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.conversation.history(user, Math.min(Math.max(limit, 1), 50));
  }

  @Mutation(() => Goal, { description: 'SMART review of the goal, stored in smartAnalysis' })
  analyzeGoal(
    @Arg('goalId', () => ID) goalId: string,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.coach.analyzeGoal(user, goalId);
  }

  @Mutation(() => PlanProposal, {
    nullable: true,
    description: 'Proposes 3–10 steps (progress on planProgress); null when cancelled',
  })
  generatePlan(
    @Arg('goalId', () => ID) goalId: string,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.coach.generatePlan(user, goalId);
  }

  @Mutation(() => Boolean, { description: 'Stops a plan generation in progress' })
  cancelPlanGeneration(
    @Arg('goalId', () => ID) goalId: string,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.coach.cancelPlan(user, goalId);
  }

  @Mutation(() => Goal, { description: 'Adds the proposed steps to the goal' })
  acceptPlan(
    @Arg('proposalId', () => ID) proposalId: string,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.coach.acceptPlan(user, proposalId);
  }

  @Mutation(() => ScheduleReport, {
    description:
      'Places the unscheduled steps into free working time before the target date; saves ' +
      'them as events when all fit, otherwise reports what is missing and the options',
  })
  async schedulePlan(
    @Arg('goalId', () => ID) goalId: string,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ): Promise<ScheduleReport> {
    const result = await ctx.services.autoSchedule.schedule(user, goalId);
    return {
      feasible: result.feasible,
      applied: result.applied,
      deadlineDate: result.deadlineDate,
      placements: result.placements,
      neededMinutes: result.report?.neededMinutes ?? null,
      freeMinutes: result.report?.freeMinutes ?? null,
      message: result.report?.message ?? null,
      options: result.report?.options ?? [],
    };
  }

  @Query(() => [TimeSlot], { description: 'Free time inside working hours in [from, to)' })
  async freeSlots(
    @Arg('from') from: Date,
    @Arg('to') to: Date,
    @Arg('minMinutes', () => Int, { defaultValue: 30 }) minMinutes: number,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ): Promise<TimeSlot[]> {
    const slots = await ctx.services.autoSchedule.freeSlots(user, from, to, minMinutes);
    return slots.map((slot) => ({
      ...slot,
      minutes: Math.round((slot.end.getTime() - slot.start.getTime()) / 60_000),
    }));
  }

  @Subscription(() => PlanProgress, {
    description: 'Progress of plan generation for one of the caller’s goals',
    subscribe: subscribeToOwnGoal('PLAN_PROGRESS'),
  })
  planProgress(@Arg('goalId', () => ID) _goalId: string, @Root() update: PlanProgressUpdate) {
    return update;
  }
}

function assertText(text: string) {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 2000) {
    throw badInput('The message must be 1…2000 characters', { field: 'text' });
  }
}
