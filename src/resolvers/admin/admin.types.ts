import { Field, Int, ObjectType } from 'type-graphql';
import { Broadcast, ChannelAccount } from '../../entities/index.js';
import { Language } from '../../entities/enums.js';

@ObjectType({ description: 'The service at a glance, for operators' })
export class AdminStats {
  @Field(() => Int) usersTotal: number;
  @Field(() => Int, { description: 'Users who did something (a change, a message) in 24 h' })
  activeToday: number;
  @Field(() => Int) activeThisWeek: number;
  @Field(() => Int) blockedUsers: number;
  @Field(() => Int, { description: 'Messages to the assistant in 24 h' })
  messagesHandled24h: number;
  @Field(() => Int) goals: number;
  @Field(() => Int) events: number;
  @Field(() => Int, { description: 'Notifications (reminders, digests…) written in 24 h' })
  notificationsFired24h: number;
  @Field(() => Int) notificationsFailed24h: number;
  @Field(() => Int, { description: '429 answers of the messengers to the bots of this process' })
  messenger429s: number;
  @Field(() => Int, { description: 'Notifications waiting to be delivered (the queue depth)' })
  pendingNotifications: number;
}

@ObjectType({ description: 'A user as an operator sees it: no content, what support needs' })
export class AdminUser {
  @Field() id: string;
  @Field(() => String, { nullable: true }) displayName: string | null;
  @Field(() => Language) language: Language;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) lastActiveAt: Date | null;
  @Field(() => Date, { nullable: true }) blockedAt: Date | null;
  @Field(() => String, { nullable: true }) blockedReason: string | null;
  @Field(() => [ChannelAccount]) accounts: ChannelAccount[];
  @Field(() => Int) goals: number;
  @Field(() => Int) events: number;
  @Field(() => Int) reminders: number;
}

@ObjectType({ description: 'A broadcast and how far its delivery is' })
export class BroadcastProgress {
  @Field(() => Broadcast) broadcast: Broadcast;
  @Field(() => Int, { description: 'Notifications the bots delivered' }) delivered: number;
  @Field(() => Int) failed: number;
}
