import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { DateTime } from 'luxon';

function stringScalar(
  name: string,
  description: string,
  isValid: (value: string) => boolean,
): GraphQLScalarType<string, string> {
  const parse = (value: unknown): string => {
    if (typeof value !== 'string' || !isValid(value)) {
      throw new GraphQLError(`${name} must be ${description}; got ${JSON.stringify(value)}`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return value;
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    serialize: (value) => String(value),
    parseValue: parse,
    parseLiteral: (ast: ValueNode) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

const isLocalDate = (value: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid;

export const isLocalTime = (value: string): boolean => /^([01]\d|2[0-3]):[0-5]\d$/.test(value);

/** A calendar date with no time or zone: "2026-03-08". */
export const LocalDateScalar = stringScalar('LocalDate', 'a date as YYYY-MM-DD', isLocalDate);

/** A wall-clock time of day: "08:00". */
export const LocalTimeScalar = stringScalar('LocalTime', 'a time of day as HH:MM', isLocalTime);
