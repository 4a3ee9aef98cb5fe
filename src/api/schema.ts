// The executable GraphQL schema: the SDL in schema/*.graphql plus thin resolvers, each
// spending from its request's budget.
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { withRequestBudget } from './requestBudget.ts';
import { resolvers } from './resolvers.ts';
import { readTypeDefs } from './typeDefs.ts';

export function buildSchema(): GraphQLSchema {
  return withRequestBudget(makeExecutableSchema({ typeDefs: readTypeDefs(), resolvers }));
}
