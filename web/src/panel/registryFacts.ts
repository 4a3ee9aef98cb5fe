// What registries say of an actor, for the details panel: its identifiers ("un-sc: QDe.158"),
// its designations ("Designated by United Nations Security Council since 2018-03-29 (QDe.158,
// Al-Qaida); on the lists of 2018-10-29, 2024-09-26"), and for an actor imported from a registry,
// the record it came from. Fetched when the actor is shown, not with every neighbourhood, and
// kept until a judgement may have changed it (forgetRegistryFacts).
import { ApiError, fetchActorRegistry } from '../api/api.ts';
import { append, el } from '../app/dom.ts';
import type { ActorRegistry, Designation } from '../api/model.ts';

const known = new Map<string, ActorRegistry | null>();

/** After a judgement (a SAME moves a record's identifiers and designations onto our actor). */
export function forgetRegistryFacts(): void {
  known.clear();
}

const dates = (sources: { published?: string | null }[]) => sources.map((source) => source.published ?? '?').join(', ');

export function designationText(designation: Designation): string {
  const { by, since, referenceNumber, regime, listedIn, notListedIn } = designation;
  const about = [referenceNumber, regime].filter(Boolean).join(', ');
  let text = `Designated by ${by.name}${since ? ` since ${since}` : ''}${about ? ` (${about})` : ''}`;
  if (listedIn.length > 0) text += `; on the list${listedIn.length === 1 ? '' : 's'} of ${dates(listedIn)}`;
  if (notListedIn.length > 0) text += `; not on the list${notListedIn.length === 1 ? '' : 's'} of ${dates(notListedIn)}`;
  return text;
}

function render(section: HTMLElement, facts: ActorRegistry | null): void {
  section.replaceChildren();
  if (!facts) return;
  const entry = facts.origin === 'REGISTRY' ? facts.registryEntry : null;
  append(
    section,
    entry
      ? el('p', { class: 'notice', 'data-testid': 'actor-registry-entry' }, `Imported from a registry: ${[entry.registry, entry.regime, entry.referenceNumber].filter(Boolean).join(' · ')}`)
      : null,
    facts.identifiers.length > 0
      ? el('section', {}, el('h3', {}, 'Identifiers'), el('ul', { class: 'aliases', 'data-testid': 'actor-identifiers' }, ...facts.identifiers.map((i) => el('li', {}, `${i.scheme}: ${i.value}`))))
      : null,
    facts.designations.length > 0
      ? el('section', {}, el('h3', {}, 'Designations'), el('ul', { class: 'aliases', 'data-testid': 'actor-designations' }, ...facts.designations.map((d) => el('li', {}, designationText(d)))))
      : null,
  );
}

/** The panel's registry section for an actor: drawn at once when known, else filled in when the API answers. */
export function registryFacts(actorId: string): HTMLElement {
  const section = el('div', { class: 'registry-facts', 'data-testid': 'actor-registry' });
  if (known.has(actorId)) {
    render(section, known.get(actorId)!);
    return section;
  }
  fetchActorRegistry(actorId).then(
    (facts) => {
      known.set(actorId, facts);
      render(section, facts);
    },
    (error: unknown) => section.replaceChildren(el('p', { class: 'notice', role: 'alert' }, `Registry facts not loaded: ${error instanceof ApiError ? error.message : String(error)}`)),
  );
  return section;
}
