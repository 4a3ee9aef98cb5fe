// The passage the analyst selected in a source's text, as offsets into that text (UTF-16, as
// the API's Evidence.start/end), whatever elements the reading view split the text into.
import type { Span } from './textMarks.ts';

/** The selection's [start, end) in `container`'s text, trimmed of whitespace; null when empty or not inside it. */
export function selectedSpan(container: HTMLElement, text: string): Span | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.setStart(container, 0);
  before.setEnd(range.startContainer, range.startOffset);
  let start = before.toString().length;
  let end = Math.min(text.length, start + range.toString().length);
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return start < end ? { start, end } : null;
}
