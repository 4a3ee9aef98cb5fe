// Source.suggestions as the API answers it: the engine's suggestions (src/graph/suggestions.ts)
// with each known actor loaded, in one batch, through the request's actor loader.
import type DataLoader from 'dataloader';
import type { Actor } from '../graph/model.ts';
import { sourceSuggestions } from '../graph/suggestions.ts';
import type { SuggestedActorRef, Suggestions } from '../domain/suggestions.ts';
import type { Database } from '../neo4j/database.ts';
import type { ActorKind, RelationshipType, Stance } from './generated/graphql.ts';
import { apiLimits } from '../config.ts';

type Loaded = (id: string | null) => Actor | null;

function withActors(suggestions: Suggestions, actorOf: Loaded) {
  // The engine's kinds, types and stances are the vocabulary's (src/domain/vocabulary.ts), which the enums are generated from.
  const ref = (r: SuggestedActorRef) => ({ text: r.text, kind: r.kind as ActorKind, actor: actorOf(r.actorId) });
  return {
    actors: suggestions.actors.map((a) => ({
      ...a,
      kind: a.kind as ActorKind,
      actor: actorOf(a.actorId),
      candidates: a.candidates.flatMap((c) => {
        const actor = actorOf(c.actorId);
        return actor ? [{ actor, match: c.match }] : [];
      }),
    })),
    claims: suggestions.claims.map((c) => ({ ...c, type: c.type as RelationshipType, stance: c.stance as Stance, subject: ref(c.subject), object: ref(c.object), claimedBy: c.claimedBy.map(ref) })),
  };
}

/** A source's suggestions with their actors; throws when the source is gone (it was read a moment before). */
export async function resolvedSuggestions(db: Database, sourceId: string, actors: DataLoader<string, Actor | null>) {
  const found = await sourceSuggestions(db, sourceId);
  if (!found) throw new Error(`source ${sourceId} was not found when its suggestions were read`);
  const suggestions = { actors: found.actors.slice(0, apiLimits.maxSuggestions), claims: found.claims.slice(0, apiLimits.maxSuggestions) };
  const ids = new Set<string>();
  for (const a of suggestions.actors) for (const id of [a.actorId, ...a.candidates.map((c) => c.actorId)]) if (id) ids.add(id);
  for (const c of suggestions.claims) for (const r of [c.subject, c.object, ...c.claimedBy]) if (r.actorId) ids.add(r.actorId);
  const loaded = await actors.loadMany([...ids]);
  const byId = new Map<string, Actor>();
  for (const actor of loaded) if (actor && !(actor instanceof Error)) byId.set(actor.id, actor);
  return withActors(suggestions, (id) => (id === null ? null : (byId.get(id) ?? null)));
}
