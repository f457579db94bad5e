import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { DomainError } from '../errors/domain-error.js';
import type { Context } from './context.type.js';

/** Mutations that run the assistant or a model: they also spend the tighter assistant budget. */
const ASSISTANT_MUTATIONS = new Set(['sendMessage', 'sendVoice', 'analyzeGoal', 'generatePlan']);

type Fragments = Record<string, FragmentDefinitionNode>;

const fragmentsOf = (document: DocumentNode): Fragments =>
  Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );

/** The root fields an operation runs, aliases and fragments included (a name per run). */
function rootFields(
  selectionSet: SelectionSetNode,
  fragments: Fragments,
  visited = new Set<string>(),
): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) {
      return selection.name.value.startsWith('__') ? [] : [selection.name.value];
    }
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      return rootFields(selection.selectionSet, fragments, visited);
    }
    const name = selection.name.value;
    const fragment = fragments[name];
    if (!fragment || visited.has(name)) return [];
    return rootFields(fragment.selectionSet, fragments, new Set(visited).add(name));
  });
}

/**
 * A validation rule: a mutation may run at most `max` fields (1,000 aliased createGoal in one
 * request is refused before any of them runs). BAD_USER_INPUT, like the depth and cost limits:
 * the request's shape is wrong, waiting would not help.
 */
export function mutationFieldsRule(max: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      if (operation.operation !== 'mutation') return;
      const count = rootFields(operation.selectionSet, fragmentsOf(context.getDocument())).length;
      if (count > max) {
        context.reportError(
          new GraphQLError(
            `An operation may run at most ${max} mutations; this one runs ${count}: send fewer at a time`,
            { nodes: [operation], extensions: { code: 'BAD_USER_INPUT' } },
          ),
        );
      }
    },
  });
}

function findOperation(
  document: DocumentNode,
  operationName: string | null | undefined,
): OperationDefinitionNode | undefined {
  return document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION &&
      (!operationName || definition.name?.value === operationName),
  );
}

/**
 * Charges a mutation to the acting user's budgets before it runs: one point per mutation
 * field, and one per assistant field from the assistant budget. Over budget, the whole
 * operation is refused (RATE_LIMITED, retryAfterSeconds) and nothing of it runs. Callers that
 * act for no user (our bots' relay acknowledging notifications, sign-in) and operators are
 * not charged.
 */
export async function chargeOperation(
  context: Context,
  document: DocumentNode,
  operationName: string | null | undefined,
): Promise<void> {
  const operation = findOperation(document, operationName);
  if (operation?.operation !== 'mutation' || !context.user) return;
  context.services.users.markActive(context.user.id);
  // Operators are not throttled (they block abusers and broadcast).
  if ('admin' in context.caller && context.caller.admin) return;
  const fields = rootFields(operation.selectionSet, fragmentsOf(document));
  const assistant = fields.filter((field) => ASSISTANT_MUTATIONS.has(field)).length;
  const limits = context.services.rateLimits;
  if (assistant > 0) await limits.consume('assistant', context.user.id, assistant);
  if (fields.length > 0) await limits.consume('mutations', context.user.id, fields.length);
}

/**
 * For Apollo's didResolveOperation: a refusal must be a GraphQLError to get its HTTP status
 * (429 with Retry-After, not 500); formatError still maps the DomainError inside.
 */
export function asHttpError(error: unknown): unknown {
  if (!(error instanceof DomainError) || error.code !== 'RATE_LIMITED') return error;
  const retryAfter = String(error.details?.retryAfterSeconds ?? 60);
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { http: { status: 429, headers: new Map([['retry-after', retryAfter]]) } },
  });
}
