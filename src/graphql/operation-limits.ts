import {
  GraphQLError,
  Kind,
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isInterfaceType,
  isObjectType,
  type GraphQLNamedType,
  type OperationDefinitionNode,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

export interface OperationLimits {
  maxDepth: number;
  maxComplexity: number;
  /** Mutation fields one operation may run (see operation-budget.ts). */
  maxMutationsPerOperation: number;
}

function selectionDepth(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  visited: Set<string>,
): number {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      deepest = Math.max(deepest, 1 + selectionDepth(selection.selectionSet, fragments, visited));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, selectionDepth(selection.selectionSet, fragments, visited));
    } else if (!visited.has(selection.name.value)) {
      const fragment = fragments[selection.name.value];
      const inner = new Set(visited).add(selection.name.value);
      deepest = Math.max(deepest, selectionDepth(fragment?.selectionSet, fragments, inner));
    }
  }
  return deepest;
}

/** A validation rule rejecting operations nested deeper than `maxDepth` fields. */
export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const fragments = Object.fromEntries(
        context
          .getDocument()
          .definitions.filter(
            (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
          )
          .map((fragment) => [fragment.name.value, fragment]),
      );
      const depth = selectionDepth(operation.selectionSet, fragments, new Set());
      if (depth > maxDepth) {
        context.reportError(
          new GraphQLError(`Query depth ${depth} exceeds the maximum of ${maxDepth}`, {
            nodes: [operation],
            extensions: { code: 'BAD_USER_INPUT' },
          }),
        );
      }
    },
  });
}

interface ComplexityContext {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

type ComplexityFn = (options: { args: Record<string, unknown>; childComplexity: number }) => number;

function selectionCost(
  selectionSet: SelectionSetNode | undefined,
  parentType: GraphQLNamedType | undefined | null,
  context: ComplexityContext,
): number {
  if (!selectionSet || !parentType) return 0;
  const fields =
    isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields() : {};
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const field = fields[selection.name.value];
      if (!field || selection.name.value.startsWith('__')) continue;
      const childComplexity = selectionCost(
        selection.selectionSet,
        getNamedType(field.type),
        context,
      );
      const declared = field.extensions?.complexity as ComplexityFn | number | undefined;
      if (typeof declared === 'function') {
        const args = getArgumentValues(field, selection, context.variables);
        total += declared({ args, childComplexity });
      } else {
        total += (typeof declared === 'number' ? declared : 1) + childComplexity;
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition
        ? context.schema.getType(selection.typeCondition.name.value)
        : parentType;
      total += selectionCost(selection.selectionSet, type, context);
    } else {
      const fragment = context.fragments[selection.name.value];
      const type = fragment && context.schema.getType(fragment.typeCondition.name.value);
      total += selectionCost(fragment?.selectionSet, type, context);
    }
  }
  return total;
}

/**
 * Estimated cost of an operation: 1 a field, or the `complexity` a resolver declares (list
 * fields multiply their children by the page size). Runs after validation.
 */
export function operationComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): number {
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION &&
      (!operationName || definition.name?.value === operationName),
  );
  if (!operation) return 0;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return 0; // execution reports bad variables itself
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const rootType = schema.getRootType(operation.operation);
  return selectionCost(operation.selectionSet, rootType, {
    schema,
    fragments,
    variables: coerced.coerced,
  });
}

export function complexityError(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
  maxComplexity: number,
): GraphQLError | null {
  const complexity = operationComplexity(schema, document, variables, operationName);
  if (complexity <= maxComplexity) return null;
  return new GraphQLError(
    `Query complexity ${complexity} exceeds the maximum of ${maxComplexity}; ask for fewer items or fields`,
    // Apollo answers 500 for an error thrown while planning unless told otherwise.
    { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
  );
}
