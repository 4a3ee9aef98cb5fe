// A relationship's claims as the panel lists them: grouped by source (title, publisher, date),
// each with its stance, who claims and who disputes it, when it was reported, its own dates,
// its Admiralty grade ("B2": its source's reliability, its credibility; the reasons on hover),
// the curator's note, the claims it contradicts (and where they were made) and its quotes.
// Every quote opens the reading view at that quote; the source's title opens it at the top.
// Each claim shows its history on demand, and in curation mode can be retracted with a reason.
// An actor's claims as claimant or disputer (roleClaims) read as sentences with their source.
import { fetchRoleClaims } from '../api/api.ts';
import { groupBy } from '../../../src/domain/groupBy.ts';
import { parseGradeCode } from '../../../src/domain/grading.ts';
import { el } from '../app/dom.ts';
import { historyToggle } from './historyView.ts';
import type { ActorRef, Claim, ClaimRef, Evidence, RoleClaim, SourceRef } from '../api/model.ts';
import { typeLabel } from '../graph/palette.ts';
import { reportedText, spanText } from '../time/relationshipTime.ts';
import { retractControl, type Retract } from '../curation/retractForm.ts';

export interface ClaimLinks {
  actor(ref: ActorRef): HTMLElement;
  /** A link that selects the relationship when it is loaded, else its label as text. */
  relationship(id: string, label: string): HTMLElement;
  read(source: SourceRef, evidence?: Evidence): void;
  /** The vocabulary's definition of a stance, for its tooltip. */
  stanceDefinition(stance: string): string | undefined;
  /** Present in curation mode only. */
  retract?: Retract;
}

/** "RFE/RL, 2015-02": who published a source and when. */
export function sourceAbout(source: SourceRef): string {
  return [source.publisher, source.published].filter(Boolean).join(', ');
}

/** One claim an actor makes or disputes: "Subject pledged allegiance to Object", its stance, and its source (which opens to read). */
function roleClaimItem(claim: RoleClaim, links: ClaimLinks): HTMLElement {
  const source = el('button', { type: 'button', class: 'link source-title', title: 'Read the source' }, el('cite', {}, claim.source.title));
  source.addEventListener('click', () => links.read(claim.source));
  const about = sourceAbout(claim.source);
  return el(
    'li',
    { 'data-testid': 'role-claim', 'data-claim-id': claim.id },
    links.actor(claim.subject),
    ' ',
    links.relationship(claim.relationship.id, typeLabel(claim.type)),
    ' ',
    links.actor(claim.object),
    el('span', { class: `stance stance-${claim.stance.toLowerCase()}` }, ` (${claim.stance.toLowerCase()})`),
    ' — ',
    source,
    about ? el('span', { class: 'source-about' }, ` (${about})`) : null,
  );
}

/** The claims an actor makes and those it disputes, fetched when shown: a section each, none when it has none. */
export function roleClaims(actorId: string, links: ClaimLinks): HTMLElement {
  const holder = el('div', { class: 'role-claims', 'data-testid': 'actor-role-claims', 'aria-live': 'polite' });
  const section = (testid: string, title: string, claims: RoleClaim[]) =>
    claims.length === 0 ? null : el('section', { 'data-testid': testid }, el('h3', {}, `${title} (${claims.length})`), el('ul', { class: 'role-claim-list' }, ...claims.map((claim) => roleClaimItem(claim, links))));
  fetchRoleClaims(actorId).then(
    (found) => {
      holder.replaceChildren(...[section('actor-claims-claimant', 'Claims it makes', found?.claimant ?? []), section('actor-claims-disputer', 'Claims it disputes', found?.disputer ?? [])].filter((s) => s !== null));
      holder.dataset.ready = 'true';
    },
    (error: unknown) => holder.replaceChildren(el('p', { class: 'field-error' }, `The claims it makes could not be loaded: ${String(error)}`)),
  );
  return holder;
}

/** Claims grouped by source, in the order given (latest observed first). */
export function claimList(claims: Claim[], links: ClaimLinks): HTMLElement[] {
  return [...groupBy(claims, (claim) => claim.source.id).values()].map((group) => sourceGroup(group[0]!.source, group, links));
}

function sourceGroup(source: SourceRef, claims: Claim[], links: ClaimLinks): HTMLElement {
  const about = sourceAbout(source);
  const title = el('button', { type: 'button', class: 'link source-title', 'data-testid': 'read-source', title: 'Read the whole source' }, el('cite', { 'data-testid': 'claim-source-title' }, source.title));
  title.addEventListener('click', () => links.read(source));
  return el(
    'section',
    { class: 'claim-source', 'data-testid': 'claim-source', 'data-source-id': source.id },
    el('h4', {}, title, about ? ' ' : null, about ? el('span', { class: 'source-about', 'data-testid': 'claim-source-about' }, about) : null),
    ...claims.map((claim) => claimView(claim, links)),
  );
}

function actorList(label: string, testid: string, actors: ActorRef[], links: ClaimLinks): HTMLElement | null {
  if (actors.length === 0) return null;
  return el('p', { class: 'claim-actors', 'data-testid': testid }, el('span', { class: 'label' }, `${label} `), ...actors.flatMap((actor, i) => [i > 0 ? ', ' : null, links.actor(actor)]));
}

/**
 * A claim's grade as the Admiralty code reads it, "B2" (its source's reliability, its credibility;
 * "-" for an ungraded half), with what each half is and the credibility's reason as its tooltip;
 * "ungraded" when neither is graded.
 */
export function gradeView(claim: Pick<Claim, 'grade' | 'credibility'>): HTMLElement {
  const { reliability, credibility } = parseGradeCode(claim.grade);
  const graded = reliability !== null || credibility !== null;
  const reasons = [
    reliability ? `Source reliability ${reliability}` : 'Source reliability: ungraded',
    credibility ? `Credibility ${credibility}: ${claim.credibility?.reason ?? ''}` : 'Credibility: ungraded',
  ].join('\n');
  return el('span', { class: `grade${graded ? '' : ' ungraded'}`, 'data-testid': 'claim-grade', title: reasons }, graded ? claim.grade : 'ungraded');
}

function claimView(claim: Claim, links: ClaimLinks): HTMLElement {
  const stance = claim.stance.toLowerCase();
  const dates = [spanText(claim), claim.dateText ? `“${claim.dateText}”` : null].filter((part): part is string => part !== null);
  return el(
    'article',
    { class: `claim stance-${stance}`, 'data-testid': 'claim', 'data-claim-id': claim.id },
    el(
      'p',
      { class: 'claim-head' },
      el('span', { class: `stance stance-${stance}`, 'data-testid': 'claim-stance', title: links.stanceDefinition(claim.stance) }, claim.stance),
      gradeView(claim),
      el('span', { class: 'date', 'data-testid': 'claim-observed' }, reportedText(claim.observedAt) ?? 'date of report unknown'),
      dates.length > 0 ? el('span', { class: 'date', 'data-testid': 'claim-dates' }, dates.join(' ')) : null,
    ),
    actorList('Claimed by', 'claim-claimants', claim.claimedBy, links),
    actorList('Disputed by', 'claim-disputers', claim.disputedBy, links),
    claim.note ? el('p', { class: 'note', 'data-testid': 'claim-note' }, claim.note) : null,
    claim.contradicts.length > 0 ? contradictions(claim.contradicts, links) : null,
    el('ul', { class: 'quotes' }, ...claim.evidence.map((evidence) => el('li', {}, quoteLink(claim.source, evidence, links)))),
    el('div', { class: 'claim-tools' }, historyToggle(claim.id), links.retract ? retractControl(claim.id, links.retract) : null),
  );
}

function contradictions(others: ClaimRef[], links: ClaimLinks): HTMLElement {
  const items = others.map((other) => {
    const says = `${other.subject.name} ${typeLabel(other.type)} ${other.object.name}`;
    const about = sourceAbout(other.source);
    return el(
      'li',
      { 'data-claim-id': other.id },
      links.relationship(other.relationship.id, says),
      ` (${other.stance.toLowerCase()}) — `,
      el('cite', {}, other.source.title),
      about ? ` (${about})` : null,
    );
  });
  return el('div', { class: 'contradicts', 'data-testid': 'claim-contradicts' }, el('p', { class: 'label' }, 'Contradicts'), el('ul', {}, ...items));
}

function quoteLink(source: SourceRef, evidence: Evidence, links: ClaimLinks): HTMLElement {
  // A button, not an anchor: it opens the reading view in place rather than going anywhere.
  const link = el('button', { type: 'button', class: 'quote', 'data-testid': 'evidence-quote', 'data-start': String(evidence.start), title: 'Read this quote in its source' }, evidence.quote);
  link.addEventListener('click', () => links.read(source, evidence));
  return el('blockquote', {}, link);
}
