import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { PageArgs } from './page.args.js';

/** One page of a list that can grow: the rows, and where the next page starts. */
export interface Page<T> {
  items: T[];
  hasMore: boolean;
  nextOffset: number | null;
}

/**
 * The GraphQL type of a page of `itemClass`, to extend once per list:
 * `@ObjectType() class GoalPage extends PageOf(Goal) {}` gives
 * `GoalPage { items: [Goal!]!, hasMore, nextOffset }`. A page that needs `totalCount` adds it
 * as a field resolver, so the count query runs only when a client asks for it.
 */
export function PageOf<T extends object>(itemClass: ClassType<T>) {
  @ObjectType()
  abstract class PageClass implements Page<T> {
    @Field(() => [itemClass])
    items: T[];

    @Field({ description: 'True when another page follows' })
    hasMore: boolean;

    @Field(() => Int, { nullable: true, description: 'The offset of the next page, if any' })
    nextOffset: number | null;
  }
  return PageClass;
}

/** The page of `items` read at `args`; `hasMore` comes from the reader. */
export function pageOf<T>(items: T[], hasMore: boolean, args: PageArgs): Page<T> {
  return { items, hasMore, nextOffset: hasMore ? args.offset + items.length : null };
}

/**
 * Reads one row more than the page asks for, so a plain offset/limit reader tells whether
 * another page follows without a count query.
 */
export async function readPage<T>(
  args: PageArgs,
  read: (range: { offset: number; limit: number }) => Promise<T[]>,
): Promise<Page<T>> {
  const rows = await read({ offset: args.offset, limit: args.limit + 1 });
  return pageOf(rows.slice(0, args.limit), rows.length > args.limit, args);
}

/** Query complexity of a page: each item costs its fields. */
export const pageComplexity = ({
  args,
  childComplexity,
}: {
  args: Record<string, unknown>;
  childComplexity: number;
}) => 1 + Number(args.limit ?? 20) * childComplexity;
