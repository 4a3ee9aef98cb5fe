// Constraints and indexes, applied by `npm start`, `npm run seed` and the tests (idempotent).
// One uniqueness constraint on `id` and one index on `status` per relationship type are added
// by src/neo4j/schema.ts from schema/vocabulary.yaml, so that the list of types stays defined once.
// Every provenance question starts from one of these: a claim by id or relationship, an
// actor or source by id (then its CLAIMED_BY, DISPUTED_BY, SUBJECT, OBJECT, IN_SOURCE edges),
// a relationship by status, or a quote through the full-text index.
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT figure_id IF NOT EXISTS FOR (f:Figure) REQUIRE f.id IS UNIQUE;
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (c:Claim) REQUIRE c.id IS UNIQUE;
CREATE INDEX claim_relationship IF NOT EXISTS FOR (c:Claim) ON (c.relationship);
// Pages with asOf walk the claims latest observed first: this index gives that order.
CREATE INDEX claim_observed IF NOT EXISTS FOR (c:Claim) ON (c.observedStart);
// stats counts retracted claims apart (few: only they hold the property).
CREATE INDEX claim_retracted IF NOT EXISTS FOR (c:Claim) ON (c.retracted);
CREATE FULLTEXT INDEX evidence_quotes IF NOT EXISTS FOR ()-[e:EVIDENCE]-() ON EACH [e.quote]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
CREATE CONSTRAINT token_name IF NOT EXISTS FOR (t:Token) REQUIRE t.name IS UNIQUE;
CREATE CONSTRAINT token_hash IF NOT EXISTS FOR (t:Token) REQUIRE t.hash IS UNIQUE;
CREATE INDEX actor_name IF NOT EXISTS FOR (a:Actor) ON (a.name);
CREATE INDEX actor_kind IF NOT EXISTS FOR (a:Actor) ON (a.kind);
CREATE FULLTEXT INDEX actor_names IF NOT EXISTS FOR (a:Actor) ON EACH [a.name, a.aliases]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
// The names of merged actors (a registry record judged the same as one of ours keeps its names):
// search finds the actor they were merged into by them too.
CREATE FULLTEXT INDEX merged_actor_names IF NOT EXISTS FOR (m:MergedActor) ON EACH [m.name, m.aliases]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
// Registry imports: an identifier and a registry's name by id, match pairs by id, by record and by decision (the review queue).
CREATE CONSTRAINT identifier_id IF NOT EXISTS FOR (i:Identifier) REQUIRE i.id IS UNIQUE;
CREATE CONSTRAINT registry_name_id IF NOT EXISTS FOR (n:RegistryName) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT match_pair_id IF NOT EXISTS FOR (p:MatchPair) REQUIRE p.id IS UNIQUE;
CREATE INDEX match_pair_record IF NOT EXISTS FOR (p:MatchPair) ON (p.record);
CREATE INDEX match_pair_decision IF NOT EXISTS FOR (p:MatchPair) ON (p.decision);
// An actor's designations look up the later snapshots of the same registry.
CREATE INDEX source_registry IF NOT EXISTS FOR (s:Source) ON (s.registry);
// A registry claim's own ends (the records' actors): a judgement undone moves it back to them.
CREATE INDEX claim_registry_subject IF NOT EXISTS FOR (c:Claim) ON (c.registrySubject);
CREATE INDEX claim_registry_object IF NOT EXISTS FOR (c:Claim) ON (c.registryObject);
// Writes through the API: merged actors keep their ids (they resolve to the actor kept), the
// change log is read by target, and a source's text is found by its hash (one source per text).
CREATE CONSTRAINT merged_actor_id IF NOT EXISTS FOR (m:MergedActor) REQUIRE m.id IS UNIQUE;
CREATE INDEX change_target IF NOT EXISTS FOR (c:Change) ON (c.target);
CREATE CONSTRAINT source_text_hash IF NOT EXISTS FOR (s:Source) REQUIRE s.textHash IS UNIQUE;
// A write sent with an Idempotency-Key records it, per principal and per mutation of the request
// (src/writes/idempotency.ts); a second write under the same key waits on this constraint's lock.
CREATE CONSTRAINT idempotent_write_key IF NOT EXISTS FOR (w:IdempotentWrite) REQUIRE (w.key, w.by, w.field) IS UNIQUE;
// An editor's judgement of one source's mention of one actor (src/writes/mentions.ts), keyed "source|actor".
CREATE CONSTRAINT mention_judgement_id IF NOT EXISTS FOR (j:MentionJudgement) REQUIRE j.id IS UNIQUE;
CREATE INDEX mention_judgement_source IF NOT EXISTS FOR (j:MentionJudgement) ON (j.source);
