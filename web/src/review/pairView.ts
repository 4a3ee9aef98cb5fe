// One pair of the review queue, side by side: left the registry record as the registry gives it
// (names with their quality, regime, reference number, kind, narrative, the snapshots listing
// it), right our candidate actor (aliases, kind, description, a few ties, how often the sources
// mention it), and between them the matcher's score and the reasons that moved it.
import { el, type Child } from '../app/dom.ts';
import type { MatchPair } from '../api/model.ts';
import { typeLabel } from '../graph/palette.ts';
import { kindSwatch } from '../graph/swatch.ts';

type Entry = MatchPair['record'];
type Candidate = MatchPair['candidate'];

const row = (label: string, ...value: Child[]) => el('tr', {}, el('th', {}, label), el('td', {}, ...value));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function recordSide(record: Entry): HTMLElement {
  const listedIn = record.sources.map((source) => source.published ?? source.id).join(', ');
  return el(
    'section',
    { class: 'review-side', 'data-testid': 'review-record', 'data-id': record.id },
    el('h3', {}, 'Registry record'),
    el('h4', {}, kindSwatch(record.kind), ' ', record.name),
    el(
      'table',
      { class: 'facts' },
      row('Registry', record.registry),
      row('Reference', el('span', { 'data-testid': 'review-reference' }, record.referenceNumber)),
      record.regime ? row('Regime', record.regime) : null,
      row('Kind', record.kind.toLowerCase()),
      row('Listed in', listedIn || 'no snapshot'),
    ),
    record.names.length > 0 ? el('h5', {}, 'Names, with their quality') : null,
    record.names.length > 0
      ? el('ul', { class: 'review-names', 'data-testid': 'review-record-names' }, ...record.names.map((name) => el('li', {}, name.value, el('span', { class: 'quality' }, ` ${name.quality.toLowerCase().replace('_', ' ')}`))))
      : null,
    record.narrative ? el('p', { class: 'narrative', 'data-testid': 'review-narrative' }, record.narrative) : null,
  );
}

/** A tie read as a sentence whose subject or object is the candidate: "pledged allegiance to Taliban". */
function tieText(candidate: Candidate, tie: Candidate['relationships'][number]): string {
  return tie.from.id === candidate.id ? `${typeLabel(tie.type)} ${tie.to.name}` : `${tie.from.name} ${typeLabel(tie.type)} this`;
}

function candidateSide(candidate: Candidate): HTMLElement {
  const mentions = candidate.mentions.reduce((sum, mention) => sum + mention.count, 0);
  const sources = candidate.mentions.length;
  return el(
    'section',
    { class: 'review-side', 'data-testid': 'review-candidate', 'data-id': candidate.id },
    el('h3', {}, 'Our actor'),
    el('h4', {}, kindSwatch(candidate.kind), ' ', candidate.name),
    el('table', { class: 'facts' }, row('Id', candidate.id), row('Kind', candidate.kind.toLowerCase()), row('Mentioned', `${plural(mentions, 'time')} in ${plural(sources, 'source')}`)),
    candidate.aliases.length > 0 ? el('h5', {}, 'Also known as') : null,
    candidate.aliases.length > 0 ? el('ul', { class: 'review-names', 'data-testid': 'review-aliases' }, ...candidate.aliases.map((alias) => el('li', {}, alias))) : null,
    candidate.description ? el('p', { class: 'narrative' }, candidate.description) : null,
    el('h5', {}, 'Some of its relationships'),
    candidate.relationships.length > 0
      ? el('ul', { class: 'review-ties', 'data-testid': 'review-ties' }, ...candidate.relationships.map((tie) => el('li', {}, tieText(candidate, tie))))
      : el('p', { class: 'hint' }, 'No relationships.'),
  );
}

function scoreView(pair: MatchPair): HTMLElement {
  return el(
    'section',
    { class: 'review-score', 'data-testid': 'review-score' },
    el('h3', {}, 'The matcher'),
    el('p', {}, el('strong', {}, `Score ${pair.score.toFixed(2)}`), pair.certain ? ' · an identifier both carry is equal' : null),
    el(
      'ul',
      { class: 'review-reasons', 'data-testid': 'review-reasons' },
      ...pair.reasons.map((reason) => el('li', {}, el('strong', {}, reason.reason), el('span', { class: 'weight' }, ` ${reason.weight.toFixed(2)}`), el('div', {}, reason.detail))),
    ),
  );
}

export function pairView(pair: MatchPair): HTMLElement {
  return el('div', { class: 'review-pair', 'data-testid': 'review-pair', 'data-pair': pair.id }, recordSide(pair.record), scoreView(pair), candidateSide(pair.candidate));
}
