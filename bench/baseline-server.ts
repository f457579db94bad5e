import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import {
  GraphQLEnumType,
  GraphQLError,
  GraphQLID,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  type GraphQLNullableType,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLString,
} from 'graphql';
import pg from 'pg';

/**
 * The baseline for the goals-page benchmark: the least a GraphQL server can do to answer the
 * same page. A hand-written graphql-js schema (no type-graphql, no TypeORM, no DataLoader, no
 * limits, no access log), plain Apollo Server 5 on express 5, and hand-written SQL through a
 * `pg` pool.
 *
 * Per request it sends three statements, the same number as ours:
 *  - the caller lookup, done the way ours does it (AuthService.resolveCaller →
 *    UserService.findByChannel): the service key is checked against its SHA-256 digest, then ONE
 *    query finds the channel account by (platform, platform_user_id) joined to its user. Skipping
 *    this (say, a user id baked into the server) would make the baseline look faster for a
 *    reason that has nothing to do with the GraphQL/ORM layers we want to measure;
 *  - one query for the page of goals of that user;
 *  - one `WHERE goal_id = ANY($1)` query for the steps of the whole page.
 */

interface BaselineContext {
  userId: string | null;
}

interface StepRow {
  id: string;
  goalId: string;
  title: string;
  status: string;
  position: number;
}

interface GoalRow {
  id: string;
  title: string;
  status: string;
  progress: number;
  targetDate: string | null;
  steps: StepRow[];
}

export interface BaselineServer {
  url: string;
  /** SQL statements sent so far (caller lookups included). */
  queryCount(): number;
  stop(): Promise<void>;
}

export interface BaselineOptions {
  databaseUrl: string;
  serviceKey: string;
  poolSize: number;
}

const MAX_PAGE_SIZE = 100;

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Same GraphQL names and values as ours (the enum names go over the wire, values are the DB's). */
const GoalStatusType = new GraphQLEnumType({
  name: 'GoalStatus',
  values: {
    ACTIVE: { value: 'active' },
    PAUSED: { value: 'paused' },
    COMPLETED: { value: 'completed' },
    ARCHIVED: { value: 'archived' },
  },
});

const StepStatusType = new GraphQLEnumType({
  name: 'StepStatus',
  values: {
    PENDING: { value: 'pending' },
    IN_PROGRESS: { value: 'in_progress' },
    DONE: { value: 'done' },
    SKIPPED: { value: 'skipped' },
  },
});

/** Output only: the SQL already returns the date as YYYY-MM-DD text. */
const LocalDateType = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  serialize: (value) => String(value),
});

const nonNull = <T extends GraphQLNullableType>(type: T) => new GraphQLNonNull(type);

const StepType = new GraphQLObjectType<StepRow, BaselineContext>({
  name: 'Step',
  fields: {
    id: { type: nonNull(GraphQLID) },
    title: { type: nonNull(GraphQLString) },
    status: { type: nonNull(StepStatusType) },
    position: { type: nonNull(GraphQLInt) },
  },
});

const GoalType = new GraphQLObjectType<GoalRow, BaselineContext>({
  name: 'Goal',
  fields: {
    id: { type: nonNull(GraphQLID) },
    title: { type: nonNull(GraphQLString) },
    status: { type: nonNull(GoalStatusType) },
    progress: { type: nonNull(GraphQLInt) },
    targetDate: { type: LocalDateType },
    // Filled in by the `goals` resolver from the one steps query.
    steps: { type: nonNull(new GraphQLList(nonNull(StepType))) },
  },
});

const GoalPageType = new GraphQLObjectType<{ items: GoalRow[] }, BaselineContext>({
  name: 'GoalPage',
  fields: { items: { type: nonNull(new GraphQLList(nonNull(GoalType))) } },
});

function buildSchema(query: (text: string, values: unknown[]) => Promise<pg.QueryResult>) {
  return new GraphQLSchema({
    query: new GraphQLObjectType<unknown, BaselineContext>({
      name: 'Query',
      fields: {
        goals: {
          type: nonNull(GoalPageType),
          args: { limit: { type: GraphQLInt, defaultValue: 20 } },
          async resolve(_root, args: { limit: number }, ctx) {
            if (!ctx.userId) {
              throw new GraphQLError('Not authenticated', {
                extensions: { code: 'UNAUTHENTICATED' },
              });
            }
            if (!Number.isInteger(args.limit) || args.limit < 1 || args.limit > MAX_PAGE_SIZE) {
              throw new GraphQLError(`limit must be 1…${MAX_PAGE_SIZE}`, {
                extensions: { code: 'BAD_USER_INPUT' },
              });
            }
            // Same order as GoalService.list: newest first, id as the tie-breaker.
            const goals = await query(
              `SELECT id, title, status, progress, target_date::text AS "targetDate"
                 FROM goals
                WHERE user_id = $1
                ORDER BY created_at DESC, id ASC
                LIMIT $2`,
              [ctx.userId, args.limit],
            );
            const items = goals.rows.map((row: Omit<GoalRow, 'steps'>) => ({
              ...row,
              steps: [] as StepRow[],
            }));
            if (items.length === 0) return { items };

            // Same order as the steps loader: by position, then creation.
            const steps = await query(
              `SELECT id, goal_id AS "goalId", title, status, position
                 FROM steps
                WHERE goal_id = ANY($1::uuid[])
                ORDER BY position ASC, created_at ASC`,
              [items.map((goal) => goal.id)],
            );
            const byGoal = new Map(items.map((goal) => [goal.id, goal.steps]));
            for (const step of steps.rows as StepRow[]) byGoal.get(step.goalId)?.push(step);
            return { items };
          },
        },
      },
    }),
  });
}

/** Starts the baseline on 127.0.0.1 on a free port. */
export async function startBaseline({
  databaseUrl,
  serviceKey,
  poolSize,
}: BaselineOptions): Promise<BaselineServer> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize,
    application_name: 'maxon-bench-baseline',
  });
  let queries = 0;
  const query = (text: string, values: unknown[]) => {
    queries += 1;
    return pool.query(text, values);
  };

  const serviceKeyDigest = digest(serviceKey);
  /** Mirrors AuthService.resolveCaller for a bot acting for a messenger identity. */
  async function resolveUserId(req: express.Request): Promise<string | null> {
    const secret = /^Bearer\s+(.+)$/i.exec(req.header('authorization')?.trim() ?? '')?.[1]?.trim();
    if (!secret || !timingSafeEqual(digest(secret), serviceKeyDigest)) return null;
    const platform = req.header('x-maxon-platform');
    const platformUserId = req.header('x-maxon-platform-user-id');
    if (!platform || !platformUserId) return null;
    const { rows } = await query(
      `SELECT u.id
         FROM channel_accounts ca
         JOIN users u ON u.id = ca.user_id
        WHERE ca.platform = $1 AND ca.platform_user_id = $2`,
      [platform, platformUserId],
    );
    return (rows[0] as { id: string } | undefined)?.id ?? null;
  }

  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const apollo = new ApolloServer<BaselineContext>({
    schema: buildSchema(query),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
    stopOnTerminationSignals: false, // the bench owns shutdown (it must drop its database)
  });
  await apollo.start();
  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({ userId: await resolveUserId(req) }),
    }),
  );

  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    queryCount: () => queries,
    async stop() {
      await apollo.stop(); // the drain plugin closes the HTTP server
      await pool.end();
    },
  };
}
