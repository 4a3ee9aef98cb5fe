// Placeholder until helper C's suggestion list merges (contract.md "Suggestions"): the proposals
// for a source, each with Accept / Edit (the claim form opened with its prefill) and Reject.
import { el } from '../app/dom.ts';
import type { ClaimPrefill } from '../curation/claimPrefill.ts';

export interface SuggestionListOptions {
  source: string;
  onAccept(prefill: ClaimPrefill): void;
  onEdit(prefill: ClaimPrefill): void;
}

export function suggestionList(options: SuggestionListOptions): HTMLElement {
  return el('section', { class: 'suggested', 'data-testid': 'suggestion-list', 'data-source-id': options.source });
}
