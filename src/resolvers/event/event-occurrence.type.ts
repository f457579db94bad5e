import { Field, ObjectType } from 'type-graphql';
import { Event } from '../../entities/index.js';

@ObjectType({ description: 'One occurrence of an event (a recurring event has many)' })
export class EventOccurrence {
  @Field(() => Event)
  event: Event;

  @Field()
  start: Date;

  @Field()
  end: Date;

  @Field({ description: 'The start as ISO 8601 with the offset of the user’s timezone' })
  startLocal: string;
}
