// Who is signed in: the bearer token, kept in this tab's sessionStorage only (never
// localStorage, never the URL: closing the tab forgets it), and the viewer the API says it
// belongs to. Editors and admins are in curation mode. Listeners hear every sign-in and
// sign-out, with the reason when the API refused the token.
import type { Viewer } from '../api/model.ts';

export type SessionListener = (viewer: Viewer | null, reason?: string) => void;

const storageKey = 'actorgraph.token';
const listeners = new Set<SessionListener>();
let viewer: Viewer | null = null;

/** The token to send, or null when signed out. */
export function sessionToken(): string | null {
  try {
    return sessionStorage.getItem(storageKey);
  } catch {
    return null; // storage disabled: nothing is kept
  }
}

export function currentViewer(): Viewer | null {
  return viewer;
}

/** Editors and admins write: curation mode. */
export function canWrite(): boolean {
  return viewer?.role === 'editor' || viewer?.role === 'admin';
}

export function signIn(token: string, who: Viewer): void {
  sessionStorage.setItem(storageKey, token);
  viewer = who;
  notify();
}

/** Forgets the token; `reason` says why when it was not the analyst's choice. */
export function signOut(reason?: string): void {
  try {
    sessionStorage.removeItem(storageKey);
  } catch {
    // nothing was kept
  }
  viewer = null;
  notify(reason);
}

export function onSessionChange(listener: SessionListener): void {
  listeners.add(listener);
}

function notify(reason?: string): void {
  for (const listener of listeners) listener(viewer, reason);
}
