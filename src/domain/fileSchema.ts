// The shape of a seed data file (see seed/README.md), checked before anything is written, and of
// the entries the API's writes take. Cross-file rules (ids, references, quotes) are in
// src/loader/validate.ts.
import { z } from 'zod';
import { entryLimits } from './limits.ts';
import { parsePartialDate } from './partialDate.ts';
import { credibilityGrades, reliabilityGrades } from './vocabulary.ts';

/**
 * Every string of a seed file and of the API's writes: a lone UTF-16 surrogate (a JSON or YAML
 * "\uD800" escape) is refused, since UTF-8 cannot store it and Neo4j would keep U+FFFD instead.
 */
export const loneSurrogate = /\p{Cs}/u;
export const loneSurrogateMessage = 'holds an unpaired UTF-16 surrogate: it is not text that UTF-8 can store';
export const string = z.string().refine((value) => !loneSurrogate.test(value), loneSurrogateMessage);
/** What a name may not hold: control characters (NUL, line breaks) and invisible format characters (zero-width space, joiners, BOM, direction marks). */
const invisible = /[\p{Cc}\p{Cf}]/u;
/**
 * The one exception: the zero-width non-joiner and joiner between two letters of the Arabic
 * script, where Persian, Pashto and Urdu spelling needs them (U+200C in Persian word forms).
 */
const arabicJoiner = /(?<=[\p{Script=Arabic}\p{M}])[\u200C\u200D](?=[\p{Script=Arabic}\p{M}])/gu;
const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

const slug = string.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug (letters, digits, single hyphens)');
/** A claim's id: a lowercase slug that may hold double hyphens (`subject--type--object--source`). */
export const claimIdPattern = /^[a-z0-9]+(?:-{1,2}[a-z0-9]+)*$/;
const claimId = string.regex(claimIdPattern, 'must be a lowercase id (letters, digits, hyphens)');
export const text = string.trim().min(1, 'must not be empty');
/** A name, alias or role: short, since indexes and ids hold it. */
const name = text.max(entryLimits.maxNameLength, `must be at most ${entryLimits.maxNameLength} characters`).superRefine((value, ctx) => {
  const found = invisible.exec(value.replace(arabicJoiner, ''))?.[0];
  if (found) ctx.addIssue({ code: 'custom', message: `holds ${codePoint(found)}, a control or invisible character: a name must be only what is seen` });
});
const partialDateFormat = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
const partialDate = string
  .regex(partialDateFormat, 'must be a partial date: YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((date) => !date.startsWith('0000'), 'has year 0000, which no calendar has (1 BC is followed by AD 1)');
const ids = z.array(slug).default([]);

/** A BCP 47 language tag ("ru", "en", "uz-Cyrl"), as Intl knows them. */
const languageTag = string.refine((tag) => {
  try {
    // A primary language subtag of two or three letters (ISO 639), as the tags analysts meet have.
    return /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(tag) && Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}, 'must be a BCP 47 language tag such as "ru", "en" or "uz-Cyrl"');

/** Today as YYYY-MM-DD (UTC): a partial date on or before it is not in the future. */
const today = () => new Date().toISOString().slice(0, 10);
/** A partial date that is a real date and not after today, such as when a source was read. */
const pastPartialDate = partialDate.superRefine((date, ctx) => {
  if (!partialDateFormat.test(date)) return; // said already
  if (parsePartialDate(date) === undefined) ctx.addIssue({ code: 'custom', message: 'is not a real date' });
  else if (date > today().slice(0, date.length)) ctx.addIssue({ code: 'custom', message: 'is after today' });
});

/** An editor's Admiralty grade with its reason (schema/vocabulary.yaml): a source's reliability, A to F. */
export const reliabilitySchema = z.strictObject({
  grade: z.enum(reliabilityGrades as [string, ...string[]], { message: `must be one of ${reliabilityGrades.join(', ')}` }),
  reason: text,
});

/** A claim's credibility, 1 to 6, with its reason. */
export const credibilitySchema = z.strictObject({
  grade: z.number().refine((value) => credibilityGrades.includes(value), `must be one of ${credibilityGrades.join(', ')}`),
  reason: text,
});

/** What every claim shares, relationship claims and figures alike. */
const claim = {
  stance: string,
  claimedBy: ids,
  disputedBy: ids,
  contradicts: z.array(claimId).default([]),
  note: text.optional(),
  /** How far to believe it (Admiralty 1-6), graded by an editor; absent when ungraded. */
  credibility: credibilitySchema.optional(),
  /** The claim's source: the file's `source` unless given. */
  source: slug.optional(),
  // Bounded so that finding a quote in its text stays quick (src/domain/quotes.ts) whoever sends it.
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
  /** How far to trust the source (Admiralty A-F), graded by an editor; absent when ungraded. */
  reliability: reliabilitySchema.optional(),
  url: z.url({ protocol: /^https?$/, message: 'must be an http or https URL' }).refine((value) => !loneSurrogate.test(value), loneSurrogateMessage).optional(),
  /** The outlet the source cites or relays ("Fergana" for Meduza citing Fergana). */
  via: text.optional(),
  /** The language of the text as stored. */
  language: languageTag.optional(),
  /** When the analyst read it: a partial date, not after today. */
  accessed: pastPartialDate.optional(),
});

export const actorSchema = z.strictObject({
  id: slug,
  kind: string,
  name,
  aliases: z.array(name).default([]),
  description: text.optional(),
});

export const claimSchema = z.strictObject({
  id: claimId,
  type: string,
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
