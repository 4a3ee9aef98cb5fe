// A UN Security Council Consolidated List snapshot as an import plan (registryPlan.ts): one
// source (publisher the UN Security Council, published the day of dateGenerated), and per record
// of the regimes asked for: its actor (an individual a Person; an entity a Group, or an
// Organization when its name says it is a company, bank, charity or agency), its reference number
// as identifier, its names with their quality, its designation (DESIGNATES, since LISTED_ON) and
// the ties its narrative states with a reference number. Nothing the record does not say.
import type { ClaimEntry } from '../domain/fileSchema.ts';
import { InputError } from '../errors.ts';
import { entryLimits } from '../domain/limits.ts';
import { parsePartialDate } from '../domain/partialDate.ts';
import type { QuoteSpan } from '../domain/quotes.ts';
import { entityKind, idPart, type NameQuality, type PlannedClaim, type PlannedName, type PlannedRecord, type RegistryPlan } from './registryPlan.ts';
import type { SpannedValue, UnScRecord, UnScSnapshot } from './unSc.ts';
import { unScParty, unScScheme } from './unScParty.ts';

export const unScListingBody = { id: 'un-security-council', name: 'United Nations Security Council', kind: 'Organization' as const };

const qualities: Record<string, NameQuality> = { good: 'GOOD', low: 'LOW', 'a.k.a.': 'AKA', 'f.k.a.': 'FKA' };

const span = ({ start, end }: QuoteSpan): QuoteSpan => ({ start, end });

export function unScSourceId(dateGenerated: string): string {
  return `un-sc-consolidated-list-${dateGenerated.slice(0, 10)}`;
}

/**
 * The plan of an import of `snapshot` (read from `text`), limited to `regimes` (UN_LIST_TYPE
 * values, case-insensitive; null: all). A regime the file does not hold is refused, naming those it does.
 */
export function unScPlan(snapshot: UnScSnapshot, text: string, regimes: readonly string[] | null): RegistryPlan {
  const regimesInFile: Record<string, number> = {};
  for (const record of snapshot.records) {
    const regime = record.unListType?.value ?? '(none)';
    regimesInFile[regime] = (regimesInFile[regime] ?? 0) + 1;
  }
  const wanted = regimes && regimes.length ? new Set(regimes.map((regime) => regime.trim().toLowerCase())) : null;
  if (wanted) {
    const known = new Set(Object.keys(regimesInFile).map((regime) => regime.toLowerCase()));
    const unknown = [...wanted].filter((regime) => !known.has(regime));
    if (unknown.length) {
      throw new InputError(
        'regimes',
        `${snapshot.file}: no record of regime ${unknown.map((r) => `"${r}"`).join(', ')}; the list holds ${Object.keys(regimesInFile).sort().join(', ')} (UN_LIST_TYPE). Nothing was imported.`,
      );
    }
  }
  const records = snapshot.records.filter((record) => !wanted || wanted.has((record.unListType?.value ?? '').toLowerCase()));
  const sourceId = unScSourceId(snapshot.dateGenerated.value);
  const actorOf = new Map(records.map((record) => [record.referenceNumber.value, actorIdOf(record.referenceNumber.value)]));
  return {
    registry: unScScheme,
    file: snapshot.file,
    source: {
      id: sourceId,
      title: `UN Security Council Consolidated List, generated ${snapshot.dateGenerated.value}`,
      publisher: 'UN Security Council',
      published: snapshot.dateGenerated.value.slice(0, 10),
      text,
    },
    listingBody: unScListingBody,
    records: records.map((record) => plannedRecord(record, text, sourceId, actorOf)),
    regimes: wanted ? [...wanted] : null,
    regimesInFile,
  };
}

export const actorIdOf = (referenceNumber: string) => `${unScScheme}-${idPart(referenceNumber)}`;

function plannedRecord(record: UnScRecord, text: string, sourceId: string, actorOf: Map<string, string>): PlannedRecord {
  const reference = record.referenceNumber;
  const actorId = actorOf.get(reference.value)!;
  const parts = [record.names.first, record.names.second, record.names.third, record.names.fourth].filter((part): part is SpannedValue => part !== undefined);
  const name = parts.map((part) => part.value).join(' ') || reference.value;
  const names: PlannedName[] = [];
  const addName = (value: string, quality: NameQuality, spans: QuoteSpan[]) => {
    const trimmed = value.replace(/\s+/g, ' ').trim();
    if (trimmed && !names.some((n) => n.value === trimmed && n.quality === quality)) names.push({ value: trimmed, quality, spans });
  };
  if (parts.length) addName(name, 'NAME', parts.map(span));
  if (record.nameOriginalScript) addName(record.nameOriginalScript.value, 'ORIGINAL_SCRIPT', [span(record.nameOriginalScript)]);
  for (const alias of record.aliases) {
    const quality = alias.quality ? (qualities[alias.quality.value.trim().toLowerCase()] ?? 'UNSTATED') : 'UNSTATED';
    addName(alias.name.value, quality, [span(alias.name)]);
  }
  const kind = record.kind === 'individual' ? 'Person' : entityKind(name);
  const claims: PlannedClaim[] = [];
  const quote = (value: QuoteSpan) => text.slice(value.start, value.end);
  const claim = (entry: Omit<ClaimEntry, 'claimedBy' | 'disputedBy' | 'contradicts' | 'source'>, spans: QuoteSpan[]) =>
    claims.push({ entry: { ...entry, claimedBy: [], disputedBy: [], contradicts: [], source: sourceId }, spans });
  const listedOn = record.listedOn && parsePartialDate(record.listedOn.value) ? record.listedOn : undefined;
  const designationSpans = [span(reference), ...(listedOn ? [span(listedOn)] : [])];
  claim(
    {
      id: `${sourceId}--${idPart(reference.value)}--designates`,
      type: 'DESIGNATES',
      subject: unScListingBody.id,
      object: actorId,
      stance: 'ASSERTED',
      ...(listedOn ? { since: listedOn.value } : {}),
      note: `The list's record ${reference.value}${record.unListType ? ` (${record.unListType.value})` : ''}: its reference number${listedOn ? ' and listing date' : ''}.`,
      quotes: designationSpans.map(quote),
    },
    designationSpans,
  );
  const unresolvedReferences: string[] = [];
  const tied = new Map<string, QuoteSpan[]>();
  for (const reference_ of record.narrativeReferences) {
    const other = reference_.referenceNumber.value;
    if (other === reference.value) continue;
    if (!actorOf.has(other)) {
      if (!unresolvedReferences.includes(other)) unresolvedReferences.push(other);
      continue;
    }
    const sentence = clipped(reference_.sentence, reference_.referenceNumber);
    const spans = tied.get(other) ?? [];
    if (!spans.some((s) => s.start === sentence.start)) spans.push(sentence);
    tied.set(other, spans);
  }
  for (const [other, spans] of tied) {
    const bounded = spans.slice(0, entryLimits.maxQuotes);
    claim(
      {
        id: `${sourceId}--${idPart(reference.value)}--affiliated-with--${idPart(other)}`,
        type: 'AFFILIATED_WITH',
        subject: actorId,
        object: actorOf.get(other)!,
        stance: 'ASSERTED',
        note: `The list's narrative of ${reference.value} names ${other} in the quoted sentence; AFFILIATED_WITH is the importer's reading of the tie it states (the sentence says how).`,
        quotes: bounded.map(quote),
      },
      bounded,
    );
  }
  return {
    actorId,
    kind,
    name,
    description: record.comments?.value ?? null,
    regime: record.unListType?.value ?? null,
    identifier: { scheme: unScScheme, value: reference.value, ...span(reference) },
    names,
    claims,
    party: unScParty(record),
    line: record.line,
    unresolvedReferences,
  };
}

/** A sentence no longer than a quote may be: when longer, the part of it that ends with the reference number. */
function clipped(sentence: QuoteSpan, reference: QuoteSpan): QuoteSpan {
  if (sentence.end - sentence.start <= entryLimits.maxQuoteLength) return span(sentence);
  const end = Math.min(sentence.end, reference.end + 1);
  return { start: Math.max(sentence.start, end - entryLimits.maxQuoteLength), end };
}
