// The shape of a seed data file (see seed/README.md), checked before anything is written.
// Cross-file rules (ids, references, quotes) are in validate.ts.
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug (letters, digits, single hyphens)');
const relationshipId = z
  .string()
  .regex(/^[a-z0-9]+(?:-{1,2}[a-z0-9]+)*$/, 'must be a lowercase id (letters, digits, hyphens)');
const text = z.string().trim().min(1, 'must not be empty');
const partialDate = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'must be a partial date: YYYY, YYYY-MM or YYYY-MM-DD');
const ids = z.array(slug).default([]);

export const evidenceSchema = z.strictObject({
  quote: text,
  source: slug.optional(),
});

const claim = {
  status: z.string(),
  claimedBy: ids,
  disputedBy: ids,
  note: text.optional(),
  evidence: z.array(evidenceSchema).min(1, 'needs at least one piece of evidence'),
};

export const sourceSchema = z.strictObject({
  id: slug,
  file: text,
  title: text,
  publisher: text.optional(),
  series: text.optional(),
  author: text.optional(),
  published: partialDate.optional(),
  dateNote: text.optional(),
  url: z.url().optional(),
});

export const actorSchema = z.strictObject({
  id: slug,
  kind: z.string(),
  name: text,
  aliases: z.array(text).default([]),
  description: text.optional(),
});

export const relationshipSchema = z.strictObject({
  id: relationshipId,
  type: z.string(),
  from: slug,
  to: slug,
  role: text.optional(),
  since: partialDate.optional(),
  until: partialDate.optional(),
  dateText: text.optional(),
  conflictsWith: z.array(relationshipId).default([]),
  ...claim,
});

export const figureSchema = z.strictObject({
  id: relationshipId,
  about: slug,
  place: slug.optional(),
  measure: text,
  value: z.number().nullable().optional(),
  qualifier: text.optional(),
  unit: text,
  date: partialDate.optional(),
  ...claim,
});

export const dataFileSchema = z.strictObject({
  source: sourceSchema.optional(),
  actors: z.array(actorSchema).default([]),
  relationships: z.array(relationshipSchema).default([]),
  figures: z.array(figureSchema).default([]),
});

export type SourceEntry = z.infer<typeof sourceSchema>;
export type ActorEntry = z.infer<typeof actorSchema>;
export type RelationshipEntry = z.infer<typeof relationshipSchema>;
export type FigureEntry = z.infer<typeof figureSchema>;
export type DataFile = z.infer<typeof dataFileSchema>;
