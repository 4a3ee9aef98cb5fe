// Ranked, alias-aware, typo-tolerant actor search over the `actor_names` full-text index.
// The user's text is reduced to letter/digit tokens before a Lucene query is built from
// them, so quotes, brackets, Lucene operators and Cypher fragments in it are only text.
import { argumentDefaults, queryLimits } from '../domain/limits.ts';
import { InputError } from '../errors.ts';
import { int, type Database } from '../neo4j/database.ts';
import { checkKinds, maxMergeChain } from './actors.ts';
import { checkRange } from './filters.ts';
import { Statement, type ActorInclude } from './include.ts';
import { actorProjection, toActor, type Actor } from './model.ts';

export interface SearchArgs {
  text: string;
  kinds?: readonly string[] | null;
  /** SEED, API, REGISTRY: curated actors apart from registry ones. */
  origins?: readonly string[] | null;
  limit?: number | null;
}

/** Lowercase letter/digit tokens, accents removed ("Bukhōri" -> "bukhori"). */
export function searchTokens(text: string): string[] {
  return (text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

/** Exact terms weigh most, then prefixes, then near spellings (edit distance 1 or 2). */
export function luceneQuery(tokens: string[]): string {
  return tokens
    .map((t) => {
      if (t.length <= 2) return t;
      if (t.length <= 4) return `(${t}^3 OR ${t}*^2 OR ${t}~1)`;
      return `(${t}^3 OR ${t}*^2 OR ${t}~${t.length >= 7 ? 2 : 1})`;
    })
    .join(' OR ');
}

export async function searchActors(db: Database, args: SearchArgs, include?: ActorInclude): Promise<Actor[]> {
  const st = new Statement();
  const limit = checkRange('limit', args.limit ?? argumentDefaults.searchLimit, 1, queryLimits.maxSearchLimit);
  const kinds = checkKinds(args.kinds);
  if (args.text.length > queryLimits.maxSearchTextLength) {
    throw new InputError('text', `is longer than ${queryLimits.maxSearchTextLength} characters`);
  }
  const tokens = searchTokens(args.text);
  if (tokens.length === 0) return [];
  // Merged actors' names (a registry record judged the same as one of ours) find the actor kept.
  const rows = await db.read<{ actor: Record<string, unknown> }>(
    `CALL () {
       CALL db.index.fulltext.queryNodes('actor_names', $query, {limit: $candidates}) YIELD node, score
       RETURN node, score, toLower(node.name) = $whole OR any(alias IN node.aliases WHERE toLower(alias) = $whole) AS exact
       UNION ALL
       CALL db.index.fulltext.queryNodes('merged_actor_names', $query, {limit: $candidates}) YIELD node AS merged, score
       MATCH (merged)-[:MERGED_INTO*1..${maxMergeChain}]->(node:Actor)
       RETURN node, score, toLower(merged.name) = $whole OR any(alias IN merged.aliases WHERE toLower(alias) = $whole) AS exact
     }
     WITH node, max(score) AS score, max(CASE WHEN exact THEN 1 ELSE 0 END) = 1 AS exact
     WHERE ($kinds IS NULL OR node.kind IN $kinds) AND ($origins IS NULL OR coalesce(node.origin, 'seed') IN $origins)
     ORDER BY exact DESC, score DESC, node.name
     LIMIT $limit
     RETURN ${actorProjection('node', include, st)} AS actor`,
    {
      ...st.params,
      query: luceneQuery(tokens),
      // The filters apply after the index's cut: filtered by origin (registry names can fill the top
      // of a list thousands long), the index is asked for ten times as many.
      candidates: int(Math.max(100, limit * 10) * (args.origins?.length ? 10 : 1)),
      kinds,
      origins: args.origins?.length ? args.origins.map((origin) => origin.toLowerCase()) : null,
      whole: args.text.trim().toLowerCase(),
      limit: int(limit),
    },
  );
  return rows.map((row) => toActor(row.actor));
}
