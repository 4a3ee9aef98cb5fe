// Ranked, alias-aware, typo-tolerant actor search over the `actor_names` full-text index.
// The user's text is reduced to words (src/domain/searchText.ts) before a Lucene query is built
// from them, so quotes, brackets, Lucene operators and Cypher fragments in it are only text; each
// word is sought in every form the index may hold it as ("U.S." as u.s and us, "Sa'ad" as sa’ad).
import { argumentDefaults, queryLimits } from '../domain/limits.ts';
import { foldName, nameFolds, searchPhrases, searchWords, type SearchWord } from '../domain/searchText.ts';
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

/** A Lucene term or, for a form of several terms ("sa ad"), a phrase. */
const clause = (terms: readonly string[]) => (terms.length === 1 ? terms[0]! : `"${terms.join(' ')}"`);

/**
 * One word: its forms exact weigh most, then the typed form's prefixes, then its near spellings
 * (edit distance 1, or 2 from seven letters; letters only); a word of one or two characters, or
 * with a digit, only exact.
 */
function wordQuery({ forms }: SearchWord): string {
  const typed = forms[0]!.length === 1 ? forms[0]![0]! : undefined;
  if (typed === undefined || typed.length <= 2 || /\p{N}/u.test(typed)) {
    const exact = forms.map(clause);
    return exact.length === 1 ? exact[0]! : `(${exact.join(' OR ')})`;
  }
  const exact = forms.map((terms) => `${clause(terms)}^3`);
  // Near spellings of letters only: "u.s~1" would find "u.n".
  const near = /^\p{L}+$/u.test(typed) ? [`${typed}~${typed.length >= 7 ? 2 : 1}`] : [];
  return `(${[...exact, `${typed}*^2`, ...near].join(' OR ')})`;
}

/**
 * Any of the words, each in any of its forms; for several words, their phrase (boosted) and, from
 * four words, each run of three as a phrase too, so that the name or alias holding most of them in
 * order ranks first, even when the text holds a word more ("the so-called caliph of the Islamic
 * State" finds the alias "so-called caliph of the Islamic State" before the many "Islamic State"s).
 */
export function luceneQuery(words: readonly SearchWord[]): string {
  const each = words.map(wordQuery);
  if (words.length < 2) return each.join(' OR ');
  const whole = searchPhrases(words).map((phrase) => `${clause(phrase)}^4`);
  const runs = words.length < 4 ? [] : words.slice(2).flatMap((_, i) => searchPhrases(words.slice(i, i + 3)).map((phrase) => `${clause(phrase)}^2`));
  return [...each, ...whole, ...runs].join(' OR ');
}

/** The full-text query and the folded whole text (an exact name or alias ranks first) of a search. */
export function actorQuery(text: string): { query: string; whole: string } | null {
  const words = searchWords(text);
  return words.length === 0 ? null : { query: luceneQuery(words), whole: foldName(text) };
}

/** A Cypher expression: `name` folded as foldName folds it, with the pairs of the parameter $folds (nameFolds). */
export const foldedInCypher = (name: string) => `trim(reduce(s = toLower(${name}), fold IN $folds | replace(s, fold[0], fold[1])))`;

/**
 * How `node`'s names hold the whole text, folded alike: 2 its name, 1 an alias, 0 neither (near only).
 * `nameIsAlias`: the node is a merged actor, whose names are aliases of the actor kept.
 */
const matchRank = (node: string, nameIsAlias = false) =>
  `CASE WHEN ${foldedInCypher(`${node}.name`)} = $whole THEN ${nameIsAlias ? 1 : 2}
        WHEN any(alias IN coalesce(${node}.aliases, []) WHERE ${foldedInCypher('alias')} = $whole) THEN 1 ELSE 0 END`;

/** How a found actor matched the typed text (the SDL's MatchKind, NONE aside). */
export type SearchMatchKind = 'EXACT' | 'ALIAS' | 'FUZZY';

export interface SearchMatch {
  actor: Actor;
  match: SearchMatchKind;
}

const matchKinds: readonly SearchMatchKind[] = ['FUZZY', 'ALIAS', 'EXACT'];

export async function searchActors(db: Database, args: SearchArgs, include?: ActorInclude): Promise<Actor[]> {
  return (await searchMatches(db, args, include)).map((found) => found.actor);
}

/** The actors `searchActors` finds, each with how it matched: its name exactly, an alias exactly, or only near. */
export async function searchMatches(db: Database, args: SearchArgs, include?: ActorInclude): Promise<SearchMatch[]> {
  const st = new Statement();
  const limit = checkRange('limit', args.limit ?? argumentDefaults.searchLimit, 1, queryLimits.maxSearchLimit);
  const kinds = checkKinds(args.kinds);
  if (args.text.length > queryLimits.maxSearchTextLength) {
    throw new InputError('text', `is longer than ${queryLimits.maxSearchTextLength} characters`);
  }
  const search = actorQuery(args.text);
  if (search === null) return [];
  // Merged actors' names (a registry record judged the same as one of ours) find the actor kept.
  const rows = await db.read<{ actor: Record<string, unknown>; rank: number }>(
    `CALL () {
       CALL db.index.fulltext.queryNodes('actor_names', $query, {limit: $candidates}) YIELD node, score
       RETURN node, score, ${matchRank('node')} AS rank
       UNION ALL
       CALL db.index.fulltext.queryNodes('merged_actor_names', $query, {limit: $candidates}) YIELD node AS merged, score
       MATCH (merged)-[:MERGED_INTO*1..${maxMergeChain}]->(node:Actor)
       RETURN node, score, ${matchRank('merged', true)} AS rank
     }
     WITH node, max(score) AS score, max(rank) AS rank
     WHERE ($kinds IS NULL OR node.kind IN $kinds) AND ($origins IS NULL OR coalesce(node.origin, 'seed') IN $origins)
     ORDER BY rank > 0 DESC, score DESC, node.name
     LIMIT $limit
     RETURN ${actorProjection('node', include, st)} AS actor, rank`,
    {
      ...st.params,
      ...search,
      folds: nameFolds.map((fold) => [...fold]),
      // The filters apply after the index's cut: filtered by origin (registry names can fill the top
      // of a list thousands long), the index is asked for ten times as many.
      candidates: int(Math.max(100, limit * 10) * (args.origins?.length ? 10 : 1)),
      kinds,
      origins: args.origins?.length ? args.origins.map((origin) => origin.toLowerCase()) : null,
      limit: int(limit),
    },
  );
  return rows.map((row) => ({ actor: toActor(row.actor), match: matchKinds[Number(row.rank)]! }));
}
