// A source's suggestions (Source.suggestions): the actors its text names, then the claims its
// sentences suggest, each claim with its sentence and proposed subject, type, object, stance,
// claimant and date, and Accept / Edit (the claim form opens prefilled: nothing is written until
// the analyst submits it) and Reject (rejectSuggestion, remembered). Self-contained: the reading
// view gives it the source id, the API call and the callbacks; its documents are in api/queries.ts
// (typed by codegen, and counted among what curation mode sends).
import { el } from '../app/dom.ts';
import { rejectSuggestionMutation, sourceSuggestionsQuery } from '../api/queries.ts';
import type { RejectSuggestionMutation, RejectSuggestionMutationVariables, SourceSuggestionsQuery, SourceSuggestionsQueryVariables } from '../api/generated/operations.ts';
import type { ClaimPrefill, PickedActor } from '../curation/claimPrefill.ts';

/** The GraphQL call it makes its requests with (web/src/api/api.ts's graphql). */
export type SuggestionApi = <T>(query: string, variables: Record<string, unknown>) => Promise<T>;

export interface SuggestionListOptions {
  sourceId: string;
  api: SuggestionApi;
  /** Accept: the claim form opened on the suggestion, ready to submit. */
  onAccept(prefill: ClaimPrefill): void;
  /** Edit: the claim form opened on the suggestion, for changes first. */
  onEdit(prefill: ClaimPrefill): void;
  /** After a rejection was recorded (the list reloads itself). */
  onRejected?(key: string): void;
}

type Answer = NonNullable<SourceSuggestionsQuery['source']>['suggestions'];
type ActorSuggestion = Answer['actors'][number];
type ClaimSuggestion = Answer['claims'][number];
type SuggestedActor = ClaimSuggestion['subject'];

/** A suggested actor as the claim form takes it: the known actor, or a new one named as printed. */
const picked = (ref: SuggestedActor): PickedActor => (ref.actor ? { id: ref.actor.id, name: ref.actor.name, kind: ref.actor.kind } : { id: null, name: ref.text, kind: ref.kind });

/** The claim form's starting values for a suggested claim. */
export function prefillOf(claim: ClaimSuggestion): ClaimPrefill {
  return {
    subject: picked(claim.subject), type: claim.type, object: picked(claim.object), stance: claim.stance, role: claim.role,
    claimedBy: claim.claimedBy.map(picked), since: claim.since, dateText: claim.dateText, note: claim.note, quotes: [claim.quote],
  };
}

const nameOf = (ref: SuggestedActor) => (ref.actor ? ref.actor.name : `${ref.text} (new ${ref.kind.toLowerCase()})`);

function actorItem(suggestion: ActorSuggestion, i: number, reject: (key: string) => void): HTMLElement {
  const what = suggestion.actor
    ? `${suggestion.actor.name} (${suggestion.match.toLowerCase()})`
    : `new actor "${suggestion.text}" (${suggestion.kind.toLowerCase()})`;
  const close = suggestion.actor ? [] : suggestion.candidates.map((c) => `${c.actor.name} (${c.match.toLowerCase()})`);
  const rejectButton = el('button', { type: 'button', 'data-testid': `suggestion-actor-${i}-reject` }, 'Reject');
  rejectButton.addEventListener('click', () => reject(suggestion.key));
  return el('li', { 'data-testid': `suggestion-actor-${i}`, 'data-key': suggestion.key },
    el('span', {}, `"${suggestion.text}": ${what}`),
    close.length > 0 ? el('span', { class: 'suggestion-candidates' }, ` — close: ${close.join(', ')}`) : null,
    rejectButton,
  );
}

function claimItem(claim: ClaimSuggestion, i: number, options: SuggestionListOptions, reject: (key: string) => void): HTMLElement {
  const date = claim.since ? `${claim.since}${claim.dateText ? ` ("${claim.dateText}")` : ''}` : null;
  const button = (action: string, label: string) => el('button', { type: 'button', 'data-testid': `suggestion-${i}-${action}` }, label);
  const accept = button('accept', 'Accept');
  const edit = button('edit', 'Edit');
  const rejectButton = button('reject', 'Reject');
  accept.addEventListener('click', () => options.onAccept(prefillOf(claim)));
  edit.addEventListener('click', () => options.onEdit(prefillOf(claim)));
  rejectButton.addEventListener('click', () => reject(claim.key));
  return el('li', { 'data-testid': `suggestion-${i}`, 'data-key': claim.key },
    el('blockquote', { 'data-testid': `suggestion-${i}-quote` }, claim.quote),
    el('div', { 'data-testid': `suggestion-${i}-proposal` },
      `${nameOf(claim.subject)} — ${claim.type}${claim.role ? ` (${claim.role})` : ''} → ${nameOf(claim.object)}; ${claim.stance.toLowerCase()}`,
      claim.claimedBy.length > 0 ? `, claimed by ${claim.claimedBy.map(nameOf).join(', ')}` : '',
      date ? `; since ${date}` : '',
    ),
    claim.note ? el('div', { class: 'suggestion-note' }, claim.note) : null,
    accept, edit, rejectButton,
  );
}

/** The list for one source; it loads itself (data-ready="true" once drawn) and reloads after a rejection. */
export function suggestionList(options: SuggestionListOptions): HTMLElement {
  const root = el('section', { 'data-testid': 'suggestion-list', 'data-ready': 'false' }, 'Reading the text…');
  const reject = (key: string) => {
    root.setAttribute('data-ready', 'false');
    options.api<RejectSuggestionMutation>(rejectSuggestionMutation, { source: options.sourceId, key } satisfies RejectSuggestionMutationVariables)
      .then(() => { options.onRejected?.(key); return load(); })
      .catch(showError);
  };
  const showError = (error: unknown) => {
    root.replaceChildren(el('p', { 'data-testid': 'suggestion-error', role: 'alert' }, error instanceof Error ? error.message : String(error)));
    root.setAttribute('data-ready', 'true');
  };
  const draw = ({ actors, claims }: Answer) => {
    const none = 'No claim to suggest: the text names no two actors with a cue between them, or all were made claims or rejected.';
    root.replaceChildren(
      el('h3', {}, `Suggested actors (${actors.length})`),
      el('ol', { 'data-testid': 'suggestion-actors' }, ...actors.map((a, i) => actorItem(a, i, reject))),
      el('h3', {}, `Suggested claims (${claims.length})`),
      el('ol', { 'data-testid': 'suggestion-claims' }, ...claims.map((c, i) => claimItem(c, i, options, reject))),
    );
    if (claims.length === 0) root.append(el('p', { 'data-testid': 'suggestion-none' }, none));
    root.setAttribute('data-ready', 'true');
  };
  // Only the latest request draws: an answer read before a rejection never overwrites one read after it.
  let latest = 0;
  const load = () => {
    const asked = ++latest;
    return options.api<SourceSuggestionsQuery>(sourceSuggestionsQuery, { id: options.sourceId } satisfies SourceSuggestionsQueryVariables).then((data) => {
      if (asked !== latest) return;
      if (!data.source) throw new Error(`No source "${options.sourceId}"`);
      draw(data.source.suggestions);
    });
  };
  load().catch(showError);
  return root;
}
