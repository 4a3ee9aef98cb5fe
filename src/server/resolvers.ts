// Thin resolvers: each calls a graph query function that knows nothing of GraphQL.
import { getStats } from '../graph/stats.ts';
import type { Context } from './context.ts';

export const resolvers = {
  Query: {
    stats: (_parent: unknown, _args: unknown, { db }: Context) => getStats(db),
  },
};
