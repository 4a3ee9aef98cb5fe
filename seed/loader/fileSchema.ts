// The shape of a seed data file (see seed/README.md), checked before anything is written.
// Cross-file rules (ids, references, quotes) are in validate.ts.
import { z } from 'zod';
import { entryLimits } from '../../src/config.ts';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug (letters, digits, single hyphens)');
/** A claim's id: a lowercase slug that may hold double hyphens (`subject--type--object--source`). */
export const claimIdPattern = /^[a-z0-9]+(?:-{1,2}[a-z0-9]+)*$/;
const claimId = z.string().regex(claimIdPattern, 'must be a lowercase id (letters, digits, hyphens)');
const text = z.string().trim().min(1, 'must not be empty');
/** A name, alias or role: short, since indexes and ids hold it. */
const name = text.max(entryLimits.maxNameLength, `must be at most ${entryLimits.maxNameLength} characters`);
const partialDate = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'must be a partial date: YYYY, YYYY-MM or YYYY-MM-DD');
const ids = z.array(slug).default([]);

/** What every claim shares, relationship claims and figures alike. */
const claim = {
  stance: z.string(),
  claimedBy: ids,
  disputedBy: ids,
  contradicts: z.array(claimId).default([]),
  note: text.optional(),
  /** The claim's source: the file's `source` unless given. */
  source: slug.optional(),
  // Bounded so that finding a quote in its text stays quick (src/quotes.ts) whoever sends it.
  quotes: z
    .array(text.max(entryLimits.maxQuoteLength, `a quote is at most ${entryLimits.maxQuoteLength} characters: quote the passage that says it`))
    .min(1, 'needs at least one quote')
    .max(entryLimits.maxQuotes, `at most ${entryLimits.maxQuotes} quotes`),
  /** A claim withdrawn (through the API, then exported): kept, and hidden unless asked for. */
  retracted: z.strictObject({ at: text, by: text, reason: text }).optional(),
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
  url: z.url({ protocol: /^https?$/, message: 'must be an http or https URL' }).optional(),
});

export const actorSchema = z.strictObject({
  id: slug,
  kind: z.string(),
  name,
  aliases: z.array(name).default([]),
  description: text.optional(),
});

export const claimSchema = z.strictObject({
  id: claimId,
  type: z.string(),
  subject: slug,
  object: slug,
  role: name.optional(),
  since: partialDate.optional(),
  until: partialDate.optional(),
  dateText: text.optional(),
  ...claim,
});

export const figureSchema = z.strictObject({
  id: claimId,
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
  claims: z.array(claimSchema).default([]),
  figures: z.array(figureSchema).default([]),
});

export type SourceEntry = z.infer<typeof sourceSchema>;
export type ActorEntry = z.infer<typeof actorSchema>;
export type ClaimEntry = z.infer<typeof claimSchema>;
export type FigureEntry = z.infer<typeof figureSchema>;
export type DataFile = z.infer<typeof dataFileSchema>;
