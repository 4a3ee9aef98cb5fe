// The view as a shareable link: focus actor, depth, filters, as-of date, expanded actors, path
// ends, the selected element and whether the review queue is open live in the URL's query
// string, and a reload restores them.
//   ?focus=katibat-imam-bukhari&depth=1&asOf=2014-12&knownAsOf=2015-12&types=PLEDGED_ALLEGIANCE_TO,MEMBER_OF
//    &statuses=REPORTED&kinds=GROUP,PERSON&registry=hide&expand=taliban&from=a&to=b&select=<element id>&review=1
import { argumentDefaults, queryLimits } from '../../../src/domain/limits.ts';

const defaultDepth = argumentDefaults.neighborhoodDepth;

export interface ViewState {
  focus: string | null;
  depth: number;
  /** Shown relationship types, claim statuses, actor kinds; null means all. */
  types: string[] | null;
  statuses: string[] | null;
  kinds: string[] | null;
  /** Whether actors imported from a registry (origin REGISTRY) are drawn. */
  registryActors: boolean;
  asOf: string | null;
  /** The graph as its sources stood on this date (the API's knownAsOf); null: everything known now. */
  knownAsOf: string | null;
  expanded: string[];
  pathFrom: string | null;
  pathTo: string | null;
  selected: string | null;
  /** The review queue of registry matches is open (web/src/review/). */
  review: boolean;
}

/** The deepest neighbourhood the API answers. */
export const maxDepth = queryLimits.maxNeighborhoodDepth;

export function emptyState(): ViewState {
  return { focus: null, depth: defaultDepth, types: null, statuses: null, kinds: null, registryActors: true, asOf: null, knownAsOf: null, expanded: [], pathFrom: null, pathTo: null, selected: null, review: false };
}

const asOfPattern = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function list(value: string | null): string[] | null {
  if (value === null) return null;
  return value === '' ? [] : value.split(',').filter((item) => item !== '');
}

export function parseState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const depth = Number(params.get('depth') ?? defaultDepth);
  const asOf = params.get('asOf');
  const knownAsOf = params.get('knownAsOf');
  return {
    focus: params.get('focus') || null,
    depth: Number.isInteger(depth) && depth >= 1 && depth <= maxDepth ? depth : defaultDepth,
    types: list(params.get('types')),
    statuses: list(params.get('statuses')),
    kinds: list(params.get('kinds')),
    registryActors: params.get('registry') !== 'hide',
    asOf: asOf && asOfPattern.test(asOf) ? asOf : null,
    knownAsOf: knownAsOf && asOfPattern.test(knownAsOf) ? knownAsOf : null,
    expanded: list(params.get('expand')) ?? [],
    pathFrom: params.get('from') || null,
    pathTo: params.get('to') || null,
    selected: params.get('select') || null,
    review: params.get('review') === '1',
  };
}

export function formatState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.focus) params.set('focus', state.focus);
  if (state.focus && state.depth !== defaultDepth) params.set('depth', String(state.depth));
  if (state.asOf) params.set('asOf', state.asOf);
  if (state.knownAsOf) params.set('knownAsOf', state.knownAsOf);
  if (state.types) params.set('types', state.types.join(','));
  if (state.statuses) params.set('statuses', state.statuses.join(','));
  if (state.kinds) params.set('kinds', state.kinds.join(','));
  if (!state.registryActors) params.set('registry', 'hide');
  if (state.expanded.length > 0) params.set('expand', state.expanded.join(','));
  if (state.pathFrom) params.set('from', state.pathFrom);
  if (state.pathTo) params.set('to', state.pathTo);
  if (state.selected) params.set('select', state.selected);
  if (state.review) params.set('review', '1');
  const query = params.toString().replaceAll('%2C', ',');
  return query === '' ? '' : `?${query}`;
}
