// Bounded work per request, decided before anything runs: the document's cost is the number
// of objects it can return, where a field with a size argument (`first`, `limit`, or a path's
// `maxDepth`) multiplies what it holds by that size. A document over apiLimits.maxQueryCost,
// or with a list argument longer than its bound (inside input objects too), is refused with a
// 400 that says why.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, getNamedType, getNullableType, isEnumType, isInputObjectType, isLeafType, isListType, type GraphQLInputType } from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { apiLimits } from '../config.ts';
import { InputError } from '../errors.ts';

/** How many items a field can hold: its size argument, else one (a list without one is bounded by its parent's). */
function sizeOf(args: Record<string, unknown>): number {
  if (typeof args.first === 'number') return args.first;
  if (typeof args.limit === 'number') return args.limit;
  if (typeof args.maxDepth === 'number') return args.maxDepth + 1;
  return 1;
}

/** Lists of a vocabulary enum hold at most the vocabulary; other lists at most maxListArgumentLength. */
function maxListLength(type: GraphQLInputType): number {
  const item = getNamedType(type);
  return isEnumType(item) ? item.getValues().length : apiLimits.maxListArgumentLength;
}

/** Checks every list in `value` (of `type`), the lists in input objects (input.quotes) included; `path` names where. */
function checkLists(type: GraphQLInputType, value: unknown, path: string): void {
  const nullable = getNullableType(type);
  if (isListType(nullable) && Array.isArray(value)) {
    const max = maxListLength(nullable);
    if (value.length > max) throw new InputError(path, `holds at most ${max} values, got ${value.length}`);
    value.forEach((item, i) => checkLists(nullable.ofType, item, `${path}[${i}]`));
  } else if (isInputObjectType(nullable) && value !== null && typeof value === 'object') {
    for (const field of Object.values(nullable.getFields())) checkLists(field.type, (value as Record<string, unknown>)[field.name], `${path}.${field.name}`);
  }
}

function checkListArguments(field: ComplexityEstimatorArgs['field'], args: Record<string, unknown>): void {
  for (const arg of field.args) checkLists(arg.type, args[arg.name], arg.name);
}

function estimateObjects({ field, args, childComplexity }: ComplexityEstimatorArgs): number {
  checkListArguments(field, args);
  if (isLeafType(getNamedType(field.type))) return 0;
  // Source.suggestions reads every actor and runs the engine: it costs as much as that, not as one object.
  if (getNamedType(field.type).name === 'Suggestions') return apiLimits.suggestionsCost + childComplexity;
  return sizeOf(args) * (1 + childComplexity);
}

const badRequest = (message: string, extensions: Record<string, unknown>) =>
  new GraphQLError(message, { extensions: { ...extensions, http: { status: 400 } } });

/** Estimates the cost of the operation about to run and refuses it when over the limit. */
export function queryCostPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          let cost: number;
          try {
            cost = getComplexity({ schema, query: document, variables: request.variables ?? {}, operationName: operationName ?? undefined, estimators: [estimateObjects] });
          } catch (error) {
            if (error instanceof InputError) throw badRequest(error.message, { code: 'BAD_USER_INPUT', argumentName: error.argument });
            throw badRequest((error as Error).message, { code: 'BAD_USER_INPUT' });
          }
          if (cost > apiLimits.maxQueryCost) {
            throw badRequest(
              `This query could return ${cost} objects; the limit is ${apiLimits.maxQueryCost}. Ask for fewer with smaller \`first\` or \`limit\` arguments, or fewer nested lists.`,
              { code: 'QUERY_TOO_COSTLY', cost, maxCost: apiLimits.maxQueryCost },
            );
          }
        },
      };
    },
  };
}
