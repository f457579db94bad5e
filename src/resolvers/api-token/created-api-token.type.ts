import { Field, ObjectType } from 'type-graphql';
import { ApiToken } from '../../entities/index.js';

@ObjectType()
export class CreatedApiToken {
  @Field({ description: 'The token itself: shown this once, never again' })
  token: string;

  @Field(() => ApiToken)
  apiToken: ApiToken;
}
