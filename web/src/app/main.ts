// Boots the app: reads the vocabulary (for the legend and filters), wires the controls to the
// controller, checks the token this tab kept (curation mode), and restores the view the URL
// describes (the review queue of registry matches included).
import { ApiError, fetchVocabulary, refusedTokenMessage, useCredentials } from '../api/api.ts';
import { App } from './app.ts';
import { claimForm } from '../curation/claimForm.ts';
import { figureForm } from '../curation/figureForm.ts';
import { byId } from './dom.ts';
import { exportGraphML, exportJson, exportPng } from '../export/exportView.ts';
import { Legend } from '../graph/legend.ts';
import type { Actor, Vocabulary } from '../api/model.ts';
import { Panel, type PanelActions } from '../panel/panel.ts';
import { ReadingView } from '../reading/readingView.ts';
import { forgetRegistryFacts } from '../panel/registryFacts.ts';
import { ReviewQueue } from '../review/reviewQueue.ts';
import { createSearchBox } from '../panel/searchBox.ts';
import { canWrite, onSessionChange, sessionToken, signOut } from './session.ts';
import { SignIn } from './signIn.ts';
import { SourceList } from '../reading/sourceList.ts';
import { parseState, type ViewState } from './state.ts';
import { TimeSlider } from '../time/timeSlider.ts';
import { KnownOnControl } from '../time/knownOn.ts';
import { retractClaim } from '../api/writes.ts';

async function main(): Promise<void> {
  const search = byId<HTMLInputElement>('search');
  const pathFrom = byId<HTMLInputElement>('path-from');
  const pathTo = byId<HTMLInputElement>('path-to');
  const depth = byId<HTMLSelectElement>('depth');
  const message = byId('message');
  const ends: { from: Actor | null; to: Actor | null } = { from: null, to: null };

  const app = new App({
    graph: byId('graph'),
    status: byId('status'),
    message,
    pathStatus: byId('path-status'),
    depth,
    showFocusName: (name) => (search.value = name),
    showPathEnds: (from, to) => {
      ends.from = from;
      ends.to = to;
      pathFrom.value = from?.name ?? '';
      pathTo.value = to?.name ?? '';
    },
  });

  useCredentials({ token: sessionToken, refused: () => signOut(refusedTokenMessage) });
  const session = new SignIn(byId('session'), byId<HTMLDialogElement>('signin'));
  await session.restore();

  let vocabulary: Vocabulary;
  try {
    vocabulary = await fetchVocabulary();
  } catch (error) {
    const closed = error instanceof ApiError && error.code === 'UNAUTHENTICATED';
    message.textContent = closed ? 'Reading this graph requires signing in: use “Sign in” above.' : `The API does not answer (${String(error)}). Is the server running?`;
    message.hidden = false;
    // Reading is closed (READ_REQUIRES_TOKEN): once signed in, start again with the token.
    if (closed) onSessionChange((viewer) => viewer && location.reload());
    return;
  }
  const legend = new Legend(byId('legend'), vocabulary, (selection) => app.setFilters(selection));
  const slider = new TimeSlider(byId('time'), (asOf) => app.setAsOf(asOf));
  const knownOn = new KnownOnControl(byId('known-on'), (knownAsOf) => void app.setKnownAsOf(knownAsOf));
  const reader = new ReadingView(byId<HTMLDialogElement>('reader'), {
    showClaim: (claimId) => void app.showClaim(claimId),
    claimForm: (source, prefill, done) =>
      claimForm({
        source,
        quote: prefill.quotes?.[0] ?? '',
        prefill,
        vocabulary,
        onAdded: async (claim) => {
          await app.showRelationship(claim.relationship);
          done(true);
        },
        onCancel: () => done(false),
      }),
    figureForm: (source, quote, done) => figureForm({ source, quote, vocabulary, onAdded: async () => done(true), onCancel: () => done(false) }),
  });
  const sources = new SourceList(byId<HTMLDialogElement>('sources'), { read: (source, notice) => void reader.open(source, undefined, notice) });
  const stances = new Map(vocabulary.stances.map((term) => [term.name, term.definition]));
  const actions: PanelActions = {
    select: (id) => app.select(id),
    expand: (id) => void app.expand(id),
    focus: (id) => void app.focus(id),
    pathFrom: (id) => void app.setPathEnds(id, ends.to?.id ?? null),
    pathTo: (id) => void app.setPathEnds(ends.from?.id ?? null, id),
    read: (source, evidence) => void reader.open(source, evidence),
    canWrite,
    retract: async (claimId, reason) => {
      const claim = await retractClaim(claimId, reason);
      app.replaceRelationship(claim.relationship);
    },
    // The reading view follows every write itself (onWrite); the graph redraws what the panel changed.
    actorChanged: (actor) => app.actorChanged(actor),
    actorDeleted: (id) => app.actorDeleted(id),
  };
  const panel = new Panel(byId('panel'), app.store, actions, stances, vocabulary.actorKinds);
  app.attach({ legend, slider, knownOn, panel });
  onSessionChange(() => app.refreshPanel());
  byId('sources-open').addEventListener('click', () => void sources.open());
  const review = new ReviewQueue(byId<HTMLDialogElement>('review'), {
    closed: () => app.setReview(false),
    // A SAME moves a record's identifiers and designations onto our actor: the panel asks again.
    judged: () => {
      forgetRegistryFacts();
      app.refreshPanel();
    },
  });
  const openReview = () => {
    app.setReview(true);
    void review.open();
  };
  byId('review-open').addEventListener('click', openReview);
  // Signing in (or out) while the queue is open decides whether it can judge.
  onSessionChange(() => review.isOpen && void review.open());
  const restore = async (state: ViewState) => {
    await app.restore(state);
    if (state.review) openReview();
    else review.close();
  };

  createSearchBox({ input: search, list: byId<HTMLUListElement>('search-suggestions'), onPick: (actor) => void app.focus(actor.id) });
  createSearchBox({ input: pathFrom, list: byId<HTMLUListElement>('path-from-suggestions'), onPick: (actor) => void app.setPathEnds(actor.id, ends.to?.id ?? null) });
  createSearchBox({ input: pathTo, list: byId<HTMLUListElement>('path-to-suggestions'), onPick: (actor) => void app.setPathEnds(ends.from?.id ?? null, actor.id) });
  byId('path-clear').addEventListener('click', () => void app.setPathEnds(null, null));
  depth.addEventListener('change', () => void app.setDepth(Number(depth.value)));
  byId('fit').addEventListener('click', () => app.graph.fit());
  byId('export-png').addEventListener('click', () => exportPng(app.graph.cy, app.basename()));
  byId('export-json').addEventListener('click', () => exportJson(app.document(), app.basename()));
  byId('export-graphml').addEventListener('click', () => exportGraphML(app.document(), app.basename()));
  byId('share').addEventListener('click', () => void copyLink(byId('share')));
  window.addEventListener('popstate', () => void restore(parseState(location.search)));

  await restore(parseState(location.search));
  document.body.dataset.ready = 'true';
}

async function copyLink(button: HTMLElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(location.href);
    button.textContent = 'Link copied';
  } catch {
    window.prompt('Copy this link:', location.href);
  }
  setTimeout(() => (button.textContent = 'Copy link'), 2000);
}

void main();
