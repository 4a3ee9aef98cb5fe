// The Neo4j Browser guide (`:play <url>`) made from the ready queries of docs/neo4j-browser.md:
// Browser's HTML guide format, a carousel of slides, one per query, whose `pre.runnable` block
// Browser puts in its editor when clicked. Browser strips scripts and on* attributes; there are none.
import type { ReadyQuery } from './readyQueries.ts';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The section's prose: paragraphs, with `code` spans; nothing else of markdown is used there. */
const prose = (markdown: string) =>
  markdown
    .split(/\n\s*\n/)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph.trim()).replace(/`([^`]+)`/g, '<code>$1</code>')}</p>`)
    .join('\n');

const slide = (title: string, lead: string, content: string) => `<slide class="row-fluid">
  <div class="col-sm-3">
    <h3>${escapeHtml(title)}</h3>
    <p class="lead">${lead}</p>
  </div>
  <div class="col-sm-9">
${content}
  </div>
</slide>`;

const querySlide = (query: ReadyQuery, index: number, count: number) =>
  slide(
    query.title,
    `${index + 1} of ${count}`,
    `${prose(query.text)}
<figure>
<pre class="pre-scrollable code runnable">${escapeHtml(query.cypher)}</pre>
<figcaption>Click the query to put it in the editor, then run it.</figcaption>
</figure>`,
  );

export function renderBrowserGuide(queries: readonly ReadyQuery[]): string {
  const contents = `<ol>\n${queries.map((query) => `<li>${escapeHtml(query.title)}</li>`).join('\n')}\n</ol>
<p>Nodes are coloured by kind (actors by their kind, claims, sources, figures) with the project's style,
which Neo4j Browser loaded when it connected; <code>:style reset</code> goes back to Browser's own.</p>`;
  return `<article class="guide">
<carousel class="deck container-fluid">
${slide('The actor graph of Central Asian militancy', 'Ready queries: the next slides hold one each.', contents)}
${queries.map((query, i) => querySlide(query, i, queries.length)).join('\n')}
</carousel>
</article>
`;
}
