// What a source's suggestions are read from, in one statement: its text and publication date,
// every actor's names and kind (the engine's known actors), the (subject, type, object) of the
// claims already made on it, and the suggestion keys an editor rejected; then the engine runs. An
// actor whose mention in this source an editor rejected is not one the engine knows here.
import { suggest, withoutDone, type ClaimedTriple, type KnownActor, type Suggestions } from '../domain/suggestions.ts';
import { vocabulary } from '../domain/vocabulary.ts';
import type { Database, Transaction } from '../neo4j/database.ts';

export type SuggestionInputs = {
  text: string;
  published: string | null;
  actors: KnownActor[];
  claimed: ClaimedTriple[];
  rejected: string[];
};

const inputsStatement = `
  MATCH (s:Source {id: $id})
  CALL (s) {
    OPTIONAL MATCH (s)<-[:IN_SOURCE]-(c:Claim)-[:SUBJECT]->(subject:Actor), (c)-[:OBJECT]->(object:Actor)
    RETURN collect(DISTINCT {subject: subject.id, type: c.type, object: object.id}) AS claimed
  }
  CALL () {
    MATCH (a:Actor) RETURN collect({id: a.id, name: a.name, aliases: coalesce(a.aliases, []), kind: a.kind}) AS actors
  }
  CALL (s) {
    OPTIONAL MATCH (r:SuggestionRejection {source: s.id}) RETURN collect(r.key) AS rejected
  }
  CALL (s) {
    OPTIONAL MATCH (j:MentionJudgement {source: s.id}) WHERE j.rejected IS NOT NULL RETURN collect(j.actor) AS unmentioned
  }
  RETURN s.text AS text, s.published AS published, [a IN actors WHERE NOT a.id IN unmentioned] AS actors,
         [c IN claimed WHERE c.subject IS NOT NULL] AS claimed, rejected`;

/** The inputs of a source's suggestions; null when no source has the id. */
export async function suggestionInputs(db: Database | Transaction, id: string): Promise<SuggestionInputs | null> {
  const [row] = 'read' in db ? await db.read<SuggestionInputs>(inputsStatement, { id }) : await db.run<SuggestionInputs>(inputsStatement, { id });
  return row ?? null;
}

/** Everything the engine proposes for the inputs, whether already claimed or rejected or not. */
export const allSuggestions = (inputs: SuggestionInputs): Suggestions => suggest(inputs.text, inputs.published, inputs.actors, vocabulary);

/** A source's suggestions less those already claimed on it and those rejected; null when no source has the id. */
export async function sourceSuggestions(db: Database, id: string): Promise<Suggestions | null> {
  const inputs = await suggestionInputs(db, id);
  return inputs && withoutDone(allSuggestions(inputs), inputs.claimed, new Set(inputs.rejected));
}
