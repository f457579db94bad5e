import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One calendar of a connection, with the user’s choice for it' })
export class ConnectionCalendar {
  @Field({ description: 'The provider’s id (Google calendar id, CalDAV collection URL)' })
  id: string;

  @Field()
  name: string;

  @Field({ description: 'Shared read-only or an ICS feed: maxOn cannot write here' })
  readOnly: boolean;

  @Field({ description: 'Its busy time counts in scheduling' })
  busy: boolean;

  @Field({ description: 'maxOn writes its events and planned steps here' })
  write: boolean;
}
