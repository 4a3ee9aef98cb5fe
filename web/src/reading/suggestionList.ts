// Placeholder until helper C's suggestion list merges (contract.md "Suggestions"), with its
// options: the proposals for a source, each with Accept / Edit (the claim form opened with its
// prefill) and Reject.
import { el } from '../app/dom.ts';
import type { ClaimPrefill } from '../curation/claimPrefill.ts';

export type SuggestionApi = <T>(query: string, variables: Record<string, unknown>) => Promise<T>;

export interface SuggestionListOptions {
  sourceId: string;
  api: SuggestionApi;
  onAccept(prefill: ClaimPrefill): void;
  onEdit(prefill: ClaimPrefill): void;
  onRejected?(key: string): void;
}

export function suggestionList(options: SuggestionListOptions): HTMLElement {
  return el('section', { 'data-testid': 'suggestion-list', 'data-ready': 'true', 'data-source': options.sourceId });
}
