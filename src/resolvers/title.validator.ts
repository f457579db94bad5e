import { Length, Matches } from 'class-validator';

/** A human title: 1…200 characters with at least one that is not white space. */
export function IsTitle(): PropertyDecorator {
  return (target, property) => {
    Length(1, 200)(target, property);
    Matches(/\S/, { message: '$property must not be blank' })(target, property);
  };
}
